/**
 * Reachability results for checks: each engine's flows computed once per scan (ctx.shared), and
 * the sensitive ports (data/sensitive-ports.yaml) an internet flow reaches on a workload.
 */
import { severityRank, type Resource, type Severity } from '../../model/index.js';
import type { Flow } from '../../graph/reachability/common/flow.js';
import { AZURE_VM_TYPES, azureFlows } from '../../graph/reachability/azure/index.js';
import { gcpFlows } from '../../graph/reachability/gcp/index.js';
import { kubernetesFlows } from '../../graph/reachability/kubernetes/index.js';
import { kubernetesResources } from './k8s-terraform.js';
import type { CheckContext, FindingDraft } from '../engine/types.js';
import { sensitivePorts, transports, type SensitivePort } from './sensitive-ports.js';

/** Internet exposure only for the sensitive-port checks: pod → pod pairs (quadratic) are the intent audit's. */
const ENGINES = { azure: azureFlows, gcp: gcpFlows, kubernetes: (r: readonly Resource[]) => kubernetesFlows(r, undefined, { eastWest: false }) } as const;
export type EngineName = keyof typeof ENGINES;

/**
 * Whether the model holds what an engine's flows start from (its workloads): without them every
 * engine returns no flow, so a scan without Azure VMs, GCP instances or Kubernetes manifests does
 * not pay for indexing every resource (0.5 s per engine on a 100k-resource plan).
 */
const HAS_WORKLOADS: Record<EngineName, (ctx: CheckContext) => boolean> = {
  azure: (ctx) => ctx.ofType(...AZURE_VM_TYPES).length > 0,
  gcp: (ctx) => ctx.ofType('google_compute_instance').length > 0,
  // manifests and Terraform kubernetes provider resources (memoised views)
  kubernetes: (ctx) => kubernetesResources(ctx).length > 0,
};

export function engineFlows(ctx: CheckContext, engine: EngineName): Flow[] {
  // the Kubernetes engine gets the Kubernetes objects only (views already made), not the whole model
  return ctx.shared(`reachability:${engine}`, () => (HAS_WORKLOADS[engine](ctx) ? ENGINES[engine](engine === 'kubernetes' ? kubernetesResources(ctx) : ctx.resources) : []));
}

export interface SensitiveReach {
  workload: Resource;
  verdict: 'fail' | 'unknown';
  entries: Array<{ port: SensitivePort; flow: Flow }>;
  severity: Severity;
}

/**
 * Sensitive ports reached from any internet address (flows limited to some internet ranges are
 * left to the zero-trust audit), per workload and verdict.
 */
export function sensitiveReach(ctx: CheckContext, flows: readonly Flow[]): SensitiveReach[] {
  const catalogue = sensitivePorts();
  const out = new Map<string, SensitiveReach>();
  // the catalogue entries each result already holds (a flow over all ports reaches ~90 of them)
  const held = new Map<SensitiveReach, Set<SensitivePort>>();
  for (const f of flows) {
    if (f.from !== 'internet' || f.verdict === 'not-exposed' || f.fromRanges) continue;
    const workload = ctx.byId(f.workloadId ?? f.endpointId);
    if (!workload) continue;
    const verdict = f.verdict === 'exposed' ? 'fail' : 'unknown';
    const key = `${workload.id}|${verdict}`;
    for (const p of catalogue) {
      if (p.port < f.ports.from || p.port > f.ports.to) continue;
      if (f.protocol !== 'all' && !transports(p).includes(f.protocol as 'tcp' | 'udp')) continue;
      let hit = out.get(key);
      if (!hit) {
        out.set(key, (hit = { workload, verdict, entries: [], severity: 'info' }));
        held.set(hit, new Set());
      }
      const ports = held.get(hit)!;
      if (ports.has(p)) continue;
      ports.add(p);
      hit.entries.push({ port: p, flow: f });
      if (severityRank(p.severity) > severityRank(hit.severity)) hit.severity = p.severity;
    }
  }
  // a port certainly exposed is not repeated as possibly exposed
  for (const r of out.values()) {
    if (r.verdict !== 'unknown') continue;
    const sure = out.get(`${r.workload.id}|fail`);
    if (sure) r.entries = r.entries.filter((e) => !held.get(sure)!.has(e.port));
  }
  return [...out.values()].filter((r) => r.entries.length > 0);
}

/** "Redis (6379) via Service/shop/cache → policy ..." for the first entries. */
export function describeReach(r: SensitiveReach, max = 6): string {
  const listed = r.entries.slice(0, max).map((e) => `${e.port.service} (${e.flow.protocol}/${e.port.port})`);
  return r.entries.length > max ? `${listed.join(', ')} and ${r.entries.length - max} more` : listed.join(', ');
}

/** The rules along a flow's path, as "resource attribute (summary)", for evidence. */
export function pathEvidence(f: Flow): string {
  const parts = f.path.flatMap((h) => h.rules.map((r) => `${r.summary}${r.location ? ` [${r.location.file}:${r.location.startLine}]` : ''}`));
  const ids = f.path.map((h) => h.resourceId).filter((id, i, all) => i === 0 || all[i - 1] !== id);
  return [ids.join(' → '), ...parts].join('; ');
}

export function sensitiveDraft(r: SensitiveReach, what: string): FindingDraft {
  const worst = r.entries.reduce((a, b) => (severityRank(b.port.severity) > severityRank(a.port.severity) ? b : a));
  const draft: FindingDraft = {
    resource: r.workload,
    key: r.verdict,
    severity: r.severity,
    verdict: r.verdict,
    message: `${what} ${r.verdict === 'fail' ? 'is reachable' : 'may be reachable'} from the internet on ${describeReach(r)}. ${worst.port.why}${r.verdict === 'unknown' && worst.flow.unknowns?.length ? ` Depends on: ${worst.flow.unknowns.slice(0, 3).join('; ')}.` : ''}`,
    evidence: pathEvidence(worst.flow),
  };
  return draft;
}
