/**
 * GCP firewall policies on the egress side of east-west flows, and policies written with inline
 * rules (`_with_rules`), beyond the verdicts of the topology fixtures: the egress rule is what
 * decides, a `_with_rules` policy gives the verdicts of the same rules written as `_rule`
 * resources, and rules the model cannot read keep the verdict unknown.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/scan/scan.js';
import { gcpFlows } from '../../src/graph/reachability/gcp/index.js';
import { buildPolicyIndex, policyTiers } from '../../src/graph/reachability/gcp/policies.js';
import type { Flow } from '../../src/graph/reachability/common/flow.js';
import { unknown, type Resource, type Value } from '../../src/model/index.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

async function resourcesOf(name: string): Promise<Resource[]> {
  const dir = join(ROOT, 'gcp', name);
  const model = await loadModel([dir], { cwd: dir });
  expect(model.errors).toEqual([]);
  return model.resources;
}

const verdicts = (flows: Flow[]) => flows.map((f) => `${f.from} -> ${f.workloadId} ${f.protocol}/${f.ports.from}-${f.ports.to} ${f.verdict}`).sort();
const pair = (flows: Flow[], from: string, to: string, port: number) => flows.filter((f) => f.from === from && f.workloadId === to && f.protocol === 'tcp' && port >= f.ports.from && port <= f.ports.to);
const APP = 'google_compute_instance.app';
const DB = 'google_compute_instance.db';

describe('GCP firewall policies: egress side of east-west flows', () => {
  it('the organization egress deny is what cuts app → db PostgreSQL', async () => {
    const resources = await resourcesOf('policy-egress-org-deny');
    expect(pair(gcpFlows(resources), APP, DB, 5432)).toEqual([]);
    const without = gcpFlows(resources.filter((r) => r.id !== 'google_compute_firewall_policy_rule.no_pg_out'));
    expect(pair(without, APP, DB, 5432).map((f) => f.verdict)).toEqual(['exposed']);
  });

  it('goto_next hands the traffic to the VPC egress rules, then the implied allow', async () => {
    const resources = await resourcesOf('policy-egress-goto-next');
    const [pg] = pair(gcpFlows(resources), APP, DB, 5432);
    expect(pg?.verdict).toBe('exposed');
    const egress = pg!.path.find((h) => h.note?.startsWith('egress of the source'))!;
    expect(egress.note).toBe('egress of the source (firewall policies and VPC rules): admits');
    expect(egress.rules.map((r) => r.summary)).toEqual(['implied egress rule: allows the traffic']);
    // without the VPC egress deny Redis leaves too: the goto_next really reached the VPC rules
    const without = gcpFlows(resources.filter((r) => r.id !== 'google_compute_firewall.no_redis_out'));
    expect(pair(without, APP, DB, 6379).map((f) => f.verdict)).toEqual(['exposed']);
    expect(pair(without, APP, DB, 22)).toEqual([]);
  });

  it('an egress rule whose destination is an FQDN leaves the flow unknown, naming why', async () => {
    const [pg] = pair(gcpFlows(await resourcesOf('policy-network-with-rules-egress')), APP, DB, 5432);
    expect(pg?.verdict).toBe('unknown');
    expect(pg!.unknowns!.some((u) => u.includes('google_compute_region_network_firewall_policy_with_rules.eu.rule[1].match.dest_fqdns'))).toBe(true);
  });

  it('egress rules of a policy do not touch flows from the internet', async () => {
    const resources = await resourcesOf('policy-egress-org-deny');
    const withPolicy = gcpFlows(resources).filter((f) => f.from === 'internet');
    const noEgress = gcpFlows(resources.filter((r) => r.id !== 'google_compute_firewall_policy_rule.no_pg_out')).filter((f) => f.from === 'internet');
    expect(verdicts(withPolicy)).toEqual(verdicts(noEgress));
  });
});

describe('GCP firewall policies with inline rules', () => {
  it('a _with_rules policy gives the verdicts of the same rules as _rule resources', async () => {
    const separate = gcpFlows(await resourcesOf('policy-egress-org-deny'));
    const inline = gcpFlows(await resourcesOf('policy-egress-org-deny-with-rules'));
    expect(verdicts(inline)).toEqual(verdicts(separate));
    expect(verdicts(inline).length).toBeGreaterThan(0);
  });

  it('every policy fixture gives the same verdicts with its _rule resources folded into _with_rules policies', async () => {
    const names = readdirSync(join(ROOT, 'gcp')).filter((n) => n.startsWith('policy-') && !n.endsWith('-with-rules'));
    let folded = 0;
    for (const name of names) {
      const resources = await resourcesOf(name);
      const ruleRes = resources.filter((r) => r.type.endsWith('firewall_policy_rule'));
      if (ruleRes.length === 0) continue;
      // the policy a rule names: by reference, else by name / short name
      const policyOf = (r: Resource) => resources.find((p) => p.type === r.type.replace(/_rule$/, '') && (r.references.some((x) => x.attribute === 'firewall_policy' && x.target === p.id) || [p.attributes.name, p.attributes.short_name].includes(r.attributes.firewall_policy as string)))!;
      const out = resources.filter((r) => !ruleRes.includes(r)).map((r) => {
        const mine = ruleRes.filter((x) => policyOf(x) === r);
        if (mine.length === 0) return r;
        const rule = mine.map((x) => ({ ...x.attributes, match: (x.attributes.match as Value[]).map((m) => { const { layer4_configs, ...rest } = m as Record<string, Value>; return { ...rest, layer4_config: layer4_configs ?? [] }; }) }));
        const references = [...r.references, ...mine.flatMap((x, i) => x.references.filter((ref) => ref.attribute !== 'firewall_policy').map((ref) => ({ ...ref, attribute: `rule[${i}].${ref.attribute}` })))];
        folded += mine.length;
        return { ...r, type: `${r.type}_with_rules`, attributes: { ...r.attributes, rule }, references };
      });
      expect(verdicts(gcpFlows(out)), name).toEqual(verdicts(gcpFlows(resources)));
    }
    expect(folded).toBeGreaterThan(10);
  });

  it('names each inline rule block by its path and line', async () => {
    const resources = await resourcesOf('policy-egress-org-deny-with-rules');
    const pix = buildPolicyIndex(resources, new Map(resources.map((r) => [r.id, r])), () => undefined)!;
    const inst = resources.find((r) => r.id === APP)!;
    const refs = (direction: 'INGRESS' | 'EGRESS') => policyTiers(pix, { inst, key: 'name:vpc', sas: [] }, direction)!.hierarchical.flatMap((t) => t.rules.map((r) => [r.ref.resourceId, r.ref.attributePath, r.ref.location?.startLine, r.ref.summary]));
    expect(refs('EGRESS')).toEqual([['google_compute_firewall_policy_with_rules.org', 'rule[0]', 14, 'org rule 10 egress deny tcp 5432 to 10.2.0.0/24']]);
    expect(refs('INGRESS')).toEqual([['google_compute_firewall_policy_with_rules.org', 'rule[1]', 27, 'org rule 20 deny tcp 22 from 10.0.0.0/8']]);
  });

  it('an inline rule list known only after apply bounds the verdict: unknown, never safe', async () => {
    const resources = await resourcesOf('policy-egress-org-deny-with-rules');
    const patched = resources.map((r) => (r.id === 'google_compute_firewall_policy_with_rules.org' ? { ...r, attributes: { ...r.attributes, rule: unknown('known after apply') } } : r));
    const flows = gcpFlows(patched);
    const [pg] = pair(flows, APP, DB, 5432);
    expect(pg?.verdict).toBe('unknown');
    expect(pg!.unknowns!.some((u) => u.startsWith('google_compute_firewall_policy_with_rules.org.rule ('))).toBe(true);
    // SSH, which the inline ingress deny blocked, may now be allowed by a rule of the unknown list (an allow there is final)
    const [ssh] = pair(flows, APP, DB, 22);
    expect(ssh?.verdict).toBe('unknown');
  });

  it('computed predefined_rules: unknown in a plan changes nothing (API-made policies get only lowest-priority goto_next); known ones are read', async () => {
    const resources = await resourcesOf('policy-egress-org-deny-with-rules');
    const base = verdicts(gcpFlows(resources));
    const patch = (predefined: Value) => resources.map((r) => (r.id === 'google_compute_firewall_policy_with_rules.org' ? { ...r, attributes: { ...r.attributes, predefined_rules: predefined } } : r));
    expect(verdicts(gcpFlows(patch(unknown('known after apply'))))).toEqual(base);
    // a predefined egress deny of Redis to 10.0.0.0/8 (as a console-made policy could carry, and a plan would show)
    const deny: Value = [{ priority: 1004, direction: 'EGRESS', action: 'deny', match: [{ dest_ip_ranges: ['10.0.0.0/8'], layer4_config: [{ ip_protocol: 'tcp', ports: ['6379'] }] }] }];
    const flows = gcpFlows(patch(deny));
    expect(pair(flows, APP, DB, 6379)).toEqual([]);
    expect(pair(flows, DB, APP, 5432).map((f) => f.verdict)).toEqual(['exposed']);
  });

  it('reads inline rules in plan-JSON shape (absent fields as null) like the HCL ones', async () => {
    const resources = await resourcesOf('policy-egress-org-deny-with-rules');
    const nulls = (o: Value, keys: string[]): Value => (o !== null && typeof o === 'object' && !Array.isArray(o) ? { ...Object.fromEntries(keys.map((k) => [k, null])), ...o } : o);
    const asPlan = resources.map((r) => {
      if (r.id !== 'google_compute_firewall_policy_with_rules.org') return r;
      const rule = (r.attributes.rule as Value[]).map((x) => {
        const o = nulls(x, ['direction', 'disabled', 'target_resources', 'target_service_accounts', 'rule_name']) as Record<string, Value>;
        return { ...o, match: (o.match as Value[]).map((m) => nulls(m, ['src_ip_ranges', 'dest_ip_ranges', 'src_fqdns', 'dest_fqdns', 'src_region_codes', 'layer4_configs'])) };
      });
      return { ...r, attributes: { ...r.attributes, rule, predefined_rules: null } };
    });
    expect(verdicts(gcpFlows(asPlan))).toEqual(verdicts(gcpFlows(resources)));
  });

  it('reads the documented INGRESS default of an inline rule without direction', async () => {
    const flows = gcpFlows(await resourcesOf('policy-egress-org-deny-with-rules'));
    expect(pair(flows, APP, DB, 22)).toEqual([]);
  });
});
