/**
 * Azure load balancers and GCP firewall policies beyond the verdicts of the topology fixtures:
 * the deciding rules at file:line, the security-graph edge through a load balancer, and the
 * fall-through chain of GCP firewall policies against a per-address evaluation.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/scan/scan.js';
import { azureFlows } from '../../src/graph/reachability/azure/index.js';
import { gcpFlows } from '../../src/graph/reachability/gcp/index.js';
import { evaluateTiers, type Tier, type TierAction } from '../../src/graph/reachability/gcp/tiers.js';
import { addFlowsToGraph } from '../../src/graph/reachability/common/graph.js';
import { fromCidrs, intersect, isEmpty, PUBLIC } from '../../src/graph/reachability/common/addr.js';
import { SecurityGraph } from '../../src/graph/security-graph.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

async function flowsOf(engine: 'azure' | 'gcp', name: string) {
  const dir = join(ROOT, engine, name);
  const model = await loadModel([dir], { cwd: dir });
  return (engine === 'azure' ? azureFlows : gcpFlows)(model.resources);
}

describe('Azure load balancer explanations', () => {
  it('names the NAT rule, the frontend and the NSG rule at their lines', async () => {
    const flows = await flowsOf('azure', 'lb-nat-rule-one-vm');
    const f = flows.find((x) => x.endpointId === 'azurerm_lb.admin' && x.workloadId === 'azurerm_windows_virtual_machine.vm1' && x.verdict === 'exposed')!;
    expect(f).toBeDefined();
    const refs = f.path.flatMap((h) => h.rules.map((r) => `${r.resourceId}@${r.location?.startLine}: ${r.summary}`));
    expect(refs).toContain('azurerm_lb.admin@11: frontend public: public IP azurerm_public_ip.lb');
    expect(refs).toContain('azurerm_lb_nat_rule.rdp_vm1@17: inbound NAT rule rdp-vm1: Tcp frontend public:50001 → backend port 3389');
    expect(refs.some((r) => r.startsWith('azurerm_network_security_group.admin@') && r.includes('rdp priority 100 inbound allow tcp 3389'))).toBe(true);
    expect(f.path.map((h) => h.kind)).toEqual(['internet', 'public-ip', 'load-balancer', 'nsg', 'nic', 'nic', 'vm']);
  });

  it('adds an internet → VM edge for the load-balanced port', async () => {
    const graph = new SecurityGraph();
    addFlowsToGraph(graph, await flowsOf('azure', 'lb-rule-nic-nsg'));
    const edges = graph.outEdges('internet').filter((e) => e.to === 'azurerm_linux_virtual_machine.web');
    expect(edges.map((e) => [e.certainty, e.detail?.ports])).toEqual([['proven', 'tcp/8080']]);
  });
});

describe('GCP firewall policy explanations', () => {
  it('names the organization policy rule that denies, at its line', async () => {
    const flows = await flowsOf('gcp', 'policy-org-deny-beats-vpc');
    const f = flows.find((x) => x.protocol === 'tcp' && x.ports.from <= 22 && x.ports.to >= 22)!;
    expect(f.verdict).toBe('not-exposed');
    const last = f.path.at(-1)!;
    expect(last.kind).toBe('firewall-policy');
    expect(last.rules.map((r) => [r.resourceId, r.location?.startLine])).toEqual([['google_compute_firewall_policy_rule.no_ssh', 15]]);
  });

  it('says which association an unknown verdict hangs on', async () => {
    const flows = await flowsOf('gcp', 'policy-folder-unknown-ancestry');
    const f = flows.find((x) => x.protocol === 'tcp' && x.ports.from <= 3389 && x.ports.to >= 3389)!;
    expect(f.verdict).toBe('unknown');
    expect(f.unknowns!.join(' ')).toContain('google_folder.prod');
  });
});

describe('fall-through tiers', () => {
  const CIDRS = ['0.0.0.0/0', '8.0.0.0/8', '8.8.0.0/16', '9.9.9.0/24', '1.0.0.0/8'];
  const ADDRS = ['8.8.8.8', '8.1.1.1', '9.9.9.9', '1.2.3.4', '100.1.1.1'];
  const rule = fc.record({ action: fc.constantFrom<TierAction>('allow', 'deny', 'goto'), cidr: fc.constantFrom(...CIDRS), port: fc.constantFrom(22, 80, 443) });
  const tier = fc.uniqueArray(fc.record({ priority: fc.integer({ min: 0, max: 20 }), r: rule }), { selector: (x) => x.priority, maxLength: 4 });

  /** The definition: per tier, the first rule by priority that matches decides; goto_next or no match goes on; at the end, deny. */
  function reference(tiers: Array<Array<{ priority: number; r: { action: TierAction; cidr: string; port: number } }>>, addr: string, port: number): boolean {
    const a = fromCidrs([addr]);
    for (const t of tiers) {
      const hit = [...t].sort((x, y) => x.priority - y.priority).find(({ r }) => r.port === port && !isEmpty(intersect(a, fromCidrs([r.cidr]))));
      if (hit && hit.r.action !== 'goto') return hit.r.action === 'allow';
    }
    return false;
  }

  it('agrees with a per-address evaluation', () => {
    fc.assert(
      fc.property(fc.array(tier, { minLength: 1, maxLength: 3 }), fc.constantFrom(22, 80, 443), (given, port) => {
        const tiers: Tier[] = given.map((t, i) => ({
          hopKind: 'firewall-policy',
          resourceId: `p${i}`,
          label: `policy ${i}`,
          rules: t.map(({ priority, r }) => ({ action: r.action, priority, sources: fromCidrs([r.cidr]), sourcesUnknown: false, protocol: 'tcp', ports: [{ from: r.port, to: r.port }], ref: { resourceId: `p${i}`, summary: `${r.action} ${r.cidr} ${r.port}` } })),
        }));
        const segs = evaluateTiers([tiers], 'tcp', PUBLIC, { resourceId: 'implied', summary: 'implied deny' });
        const seg = segs.find((s) => s.range.from <= port && port <= s.range.to)!;
        for (const addr of ADDRS) {
          const a = fromCidrs([addr]);
          const want = reference(given, addr, port);
          expect(!isEmpty(intersect(seg.min, a)), `${addr} min`).toBe(want);
          expect(!isEmpty(intersect(seg.max, a)), `${addr} max`).toBe(want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('bounds every reading of hidden values (a rule that may not apply, an unknown action)', () => {
    const hidden = fc.record({ priority: fc.integer({ min: 0, max: 20 }), r: rule, maybe: fc.boolean(), unknownAction: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(hidden, { selector: (x) => x.priority, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.constantFrom(22, 80, 443), (given, port) => {
        const tiers: Tier[] = given.map((t, i) => ({
          hopKind: 'firewall-policy',
          resourceId: `p${i}`,
          label: `policy ${i}`,
          rules: t.map(({ priority, r, maybe, unknownAction }) => ({ action: unknownAction ? ('unknown' as const) : r.action, priority, sources: fromCidrs([r.cidr]), sourcesUnknown: false, protocol: 'tcp', ports: [{ from: r.port, to: r.port }], ref: { resourceId: `p${i}`, summary: `${r.action} ${r.cidr} ${r.port}` }, ...(maybe ? { maybeDisabled: true } : {}) })),
        }));
        const seg = evaluateTiers([tiers], 'tcp', PUBLIC, { resourceId: 'implied', summary: 'implied deny' }).find((s) => s.range.from <= port && port <= s.range.to)!;
        // every reading: each hidden rule present or absent, each unknown action allow / deny / goto
        const flat = given.flatMap((t, i) => t.map((x, j) => ({ i, j, x })));
        const choices = flat.map(({ x }) => [...(x.maybe ? [null] : []), ...(x.unknownAction ? (['allow', 'deny', 'goto'] as const) : [x.r.action])]);
        const readings: Array<Array<TierAction | null>> = choices.reduce<Array<Array<TierAction | null>>>((acc, c) => acc.flatMap((a) => c.map((v) => [...a, v])), [[]]);
        for (const reading of readings) {
          const concrete = given.map((t, i) => t.flatMap((x, j) => {
            const v = reading[flat.findIndex((f) => f.i === i && f.j === j)]!;
            return v === null ? [] : [{ priority: x.priority, r: { ...x.r, action: v } }];
          }));
          for (const addr of ADDRS) {
            const a = fromCidrs([addr]);
            const truth = reference(concrete, addr, port);
            if (truth) expect(isEmpty(intersect(seg.max, a)), `${addr} admitted in a reading but outside max`).toBe(false);
            else expect(isEmpty(intersect(seg.min, a)), `${addr} denied in a reading but inside min`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
