/**
 * GCP firewall policies in east-west flows: what the egress side of the policies costs. One
 * estate of instances in 20 subnets of one network, VPC rules by tag, an organization policy and
 * a global network policy, evaluated four ways: without policies; with the policies' ingress
 * rules only; with ingress and egress rules as `_rule` resources; the same as `_with_rules`
 * policies (inline rules). CPU from process.cpuUsage, two rounds.
 *
 *   node --expose-gc --import tsx bench/gcp-policies.ts
 *
 * Sizes: BENCH_GCP_INSTANCES (default 300), BENCH_GCP_POLICY_RULES (rules per direction and
 * policy, default 20). Figures go to docs/benchmarks.md by hand.
 */
import type { Resource, Value, ValueObject } from '../src/model/index.js';
import { normalizeAll } from '../src/model/normalize/index.js';
import { gcpFlows } from '../src/graph/reachability/gcp/index.js';

const N = Number(process.env.BENCH_GCP_INSTANCES ?? 300);
const RULES = Number(process.env.BENCH_GCP_POLICY_RULES ?? 20);

let line = 1;
function res(type: string, id: string, attributes: ValueObject, refs: Array<[string, string]> = []): Resource {
  return { id, type, provider: 'gcp', source: 'terraform', name: id, attributes, location: { file: 'bench', startLine: line, endLine: line++ }, attributeLocations: {}, references: refs.map(([attribute, target]) => ({ attribute, target })) };
}

/** Policy rules: a mix of deny, goto_next and allow on ports 1000+, towards or from one subnet each. */
function rules(direction: 'INGRESS' | 'EGRESS'): ValueObject[] {
  const out: ValueObject[] = [];
  for (let k = 0; k < RULES; k++) {
    const action = ['deny', 'goto_next', 'allow'][k % 3]!;
    const peer = direction === 'INGRESS' ? 'src_ip_ranges' : 'dest_ip_ranges';
    out.push({ priority: 100 + k, direction, action, match: [{ [peer]: [`10.${k % 20}.0.0/16`], layer4_configs: [{ ip_protocol: 'tcp', ports: [String(1000 + k), '22'] }] }] });
  }
  return out;
}

function estate(mode: 'none' | 'ingress' | 'both' | 'inline'): Resource[] {
  const out: Resource[] = [res('google_project', 'google_project.p', { name: 'p', project_id: 'p', org_id: '1' }), res('google_compute_network', 'google_compute_network.vpc', { name: 'vpc' })];
  for (let s = 0; s < 20; s++) out.push(res('google_compute_subnetwork', `google_compute_subnetwork.s${s}`, { name: `s${s}`, network: 'vpc', ip_cidr_range: `10.${s}.0.0/16` }));
  for (let f = 0; f < 60; f++) {
    out.push(res('google_compute_firewall', `google_compute_firewall.f${f}`, {
      name: `f${f}`, network: 'vpc', priority: 900 + (f % 5) * 50, source_ranges: [`10.${f % 20}.0.0/16`], target_tags: [`t${f % 20}`],
      ...(f % 7 === 0 ? { deny: [{ protocol: 'tcp', ports: ['22'] }] } : { allow: [{ protocol: 'tcp', ports: [String(1000 + f), '22', '443'] }] }),
    }));
  }
  for (let i = 0; i < N; i++) {
    out.push(res('google_compute_instance', `google_compute_instance.i${i}`, { name: `i${i}`, project: 'p', zone: 'europe-west1-b', tags: [`t${i % 20}`], network_interface: [{ subnetwork: `s${i % 20}`, network_ip: `10.${i % 20}.0.${(i % 250) + 1}` }] }, [[`network_interface[0].subnetwork`, `google_compute_subnetwork.s${i % 20}`]]));
  }
  if (mode === 'none') return out;
  const all = [...rules('INGRESS'), ...(mode === 'ingress' ? [] : rules('EGRESS'))];
  for (const [kind, assoc, target] of [['google_compute_firewall_policy', 'google_compute_firewall_policy_association', 'organizations/1'], ['google_compute_network_firewall_policy', 'google_compute_network_firewall_policy_association', 'vpc']] as const) {
    const name = kind.replace('google_compute_', '');
    if (mode === 'inline') out.push(res(`${kind}_with_rules`, `${kind}_with_rules.p`, { name, short_name: name, rule: all.map((r) => ({ ...r, match: [{ ...(r.match as ValueObject[])[0]!, layer4_config: (r.match as ValueObject[])[0]!.layer4_configs as Value, layer4_configs: null }] })) }));
    else {
      out.push(res(kind, `${kind}.p`, { name, short_name: name }));
      all.forEach((r, k) => out.push(res(`${kind}_rule`, `${kind}_rule.r${k}`, { ...r, firewall_policy: name })));
    }
    out.push(res(assoc, `${assoc}.p`, { name, firewall_policy: name, attachment_target: target }));
  }
  return out;
}

for (let round = 1; round <= 2; round++) {
  for (const mode of ['none', 'ingress', 'both', 'inline'] as const) {
    const resources = estate(mode);
    normalizeAll(resources);
    global.gc?.();
    const cpu0 = process.cpuUsage();
    const flows = gcpFlows(resources);
    const cpu = process.cpuUsage(cpu0);
    const count = (v: string) => flows.filter((f) => f.verdict === v).length;
    console.log(`round ${round} ${mode.padEnd(7)} ${N} instances, ${RULES} rules per direction and policy: ${flows.length} flows (${count('exposed')} exposed, ${count('unknown')} unknown) | CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
  }
}
