/**
 * Reachability results as security-graph edges: internet → endpoint (the instance, ENI or load
 * balancer that takes the traffic) and endpoint → workload (the target behind a load balancer),
 * both `reaches`, with the protocol/port and the rules that allow each hop as evidence. Exposed
 * verdicts give `proven` edges, unknown verdicts `unknown` edges; not-exposed verdicts add nothing.
 * Provider-neutral: any engine that returns `Exposure`s can use it.
 */
import type { Location } from '../../model/index.js';
import type { SecurityGraph } from '../security-graph.js';
import { pathSummary, portsText } from './explain.js';
import type { Exposure, Hop } from './types.js';

export const INTERNET_NODE = 'internet';

function evidence(hops: Hop[]): Location[] {
  const out: Location[] = [];
  const seen = new Set<string>();
  for (const h of hops) for (const r of h.rules) {
    if (!r.location) continue;
    const key = `${r.location.file}:${r.location.startLine}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r.location);
  }
  return out;
}

/** Adds the edges of every exposed (or unknown) exposure; returns how many edges were added. */
export function addExposuresToGraph(graph: SecurityGraph, exposures: readonly Exposure[]): number {
  let added = 0;
  const done = new Set<string>();
  graph.addNode({ id: INTERNET_NODE, kind: 'internet', label: 'internet' });
  for (const e of exposures) {
    if (e.verdict === 'not-exposed') continue;
    const certainty = e.verdict === 'exposed' ? 'proven' : 'unknown';
    const port = `${e.protocol}/${portsText(e.ports)}`;
    // the hops up to the endpoint, and the rest (target group, target NACL/SG) for endpoint → workload
    const split = e.workloadId ? e.path.findIndex((h) => h.kind === 'target-group') : -1;
    const front = split > 0 ? e.path.slice(0, split) : e.path;
    const back = split > 0 ? e.path.slice(split) : [];
    const frontKey = `${e.endpointId}|${port}|${e.family ?? ''}|${certainty}`;
    if (!done.has(frontKey)) {
      done.add(frontKey);
      graph.addNode({ id: e.endpointId, kind: 'endpoint', label: e.endpointId, resourceId: e.endpointId });
      const detail: Record<string, string | number | boolean> = { protocol: e.protocol, fromPort: e.ports.from, toPort: e.ports.to };
      if (e.family) detail.family = e.family;
      graph.addEdge({ from: INTERNET_NODE, to: e.endpointId, kind: 'reaches', explanation: `${port} ${e.verdict === 'exposed' ? 'reachable' : 'possibly reachable'}: ${pathSummary({ ...e, path: front })}`, detail, evidence: evidence(front), certainty });
      added++;
    }
    if (e.workloadId && e.workloadId !== e.endpointId) {
      const wport = e.workloadPorts ? `${e.protocol}/${portsText(e.workloadPorts)}` : port;
      const backKey = `${e.endpointId}|${e.workloadId}|${wport}|${e.family ?? ''}|${certainty}`;
      if (done.has(backKey)) continue;
      done.add(backKey);
      graph.addNode({ id: e.workloadId, kind: 'workload', label: e.workloadId, resourceId: e.workloadId });
      const detail: Record<string, string | number | boolean> = { protocol: e.protocol, fromPort: (e.workloadPorts ?? e.ports).from, toPort: (e.workloadPorts ?? e.ports).to };
      graph.addEdge({ from: e.endpointId, to: e.workloadId, kind: 'reaches', explanation: `${wport} forwarded: ${back.map((h) => `${h.kind} ${h.resourceId}`).join(' → ')}`, detail, evidence: evidence(back), certainty });
      added++;
    }
  }
  return added;
}
