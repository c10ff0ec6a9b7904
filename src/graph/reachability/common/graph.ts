/**
 * Flows of the Azure, GCP and Kubernetes engines as security-graph edges (`reaches`):
 * internet → ingress → service → pod workload for Kubernetes entry points, internet → VM /
 * instance for Azure and GCP, and workload → workload for east-west flows the policies allow.
 * Exposed flows give `proven` edges, unknown ones `unknown` edges; blocked flows add nothing.
 * Edges between the same two nodes with the same certainty are merged, their ports listed.
 * (AWS exposures go through `../graph.ts`, which this follows: an instance is an `endpoint`.)
 */
import type { Location } from '../../../model/index.js';
import type { SecurityGraph, SecurityNodeKind } from '../../security-graph.js';
import type { Hop } from '../types.js';
import { allowedFlows, type Flow } from './flow.js';
import { formatRange } from './ports.js';

const ENTRY_KINDS = new Set(['ingress', 'service']);

function evidence(hops: readonly Hop[]): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const h of hops) for (const r of h.rules) {
    if (!r.location) continue;
    const k = `${r.location.file}:${r.location.startLine}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r.location);
  }
  return out;
}

/** Adds the edges of every allowed flow; returns the number of distinct edges added. */
export function addFlowsToGraph(graph: SecurityGraph, flows: readonly Flow[]): number {
  const edges = new Map<string, { from: string; to: string; ports: string[]; hops: Hop[]; certainty: 'proven' | 'unknown'; note: string }>();
  const node = (id: string, kind: SecurityNodeKind) => graph.addNode({ id, kind, label: id, ...(id === 'internet' ? {} : { resourceId: id }) });
  for (const f of allowedFlows(flows)) {
    const certainty = f.verdict === 'exposed' ? 'proven' : 'unknown';
    const port = `${f.protocol}/${formatRange(f.ports)}`;
    const target = f.workloadId ?? f.endpointId;
    const chain: Array<{ id: string; kind: SecurityNodeKind; upto: number }> = [];
    if (f.from === 'internet') {
      chain.push({ id: 'internet', kind: 'internet', upto: 0 });
      f.path.forEach((h, i) => {
        if (ENTRY_KINDS.has(h.kind) && !chain.some((c) => c.id === h.resourceId)) chain.push({ id: h.resourceId, kind: 'endpoint', upto: i });
      });
      chain.push({ id: target, kind: chain.length > 1 ? 'workload' : 'endpoint', upto: f.path.length - 1 });
    } else {
      chain.push({ id: f.from, kind: 'workload', upto: 0 }, { id: target, kind: 'workload', upto: f.path.length - 1 });
    }
    for (let i = 1; i < chain.length; i++) {
      const a = chain[i - 1]!;
      const b = chain[i]!;
      node(a.id, a.kind);
      node(b.id, b.kind);
      const key = `${a.id}\0${b.id}\0${certainty}`;
      const hops = f.path.slice(a.upto, b.upto + 1);
      const hit = edges.get(key);
      if (hit) {
        if (!hit.ports.includes(port)) hit.ports.push(port);
        hit.hops.push(...hops);
      } else edges.set(key, { from: a.id, to: b.id, ports: [port], hops: [...hops], certainty, note: f.from === 'internet' ? `${f.fromZone} → ${f.toZone}` : `${f.fromZone} → ${f.toZone} (east-west)` });
    }
  }
  for (const e of edges.values()) {
    graph.addEdge({
      from: e.from,
      to: e.to,
      kind: 'reaches',
      explanation: `${e.ports.join(', ')} ${e.certainty === 'proven' ? 'allowed' : 'possibly allowed'}: ${e.note}`,
      detail: { ports: e.ports.join(',') },
      evidence: evidence(e.hops),
      certainty: e.certainty,
    });
  }
  return edges.size;
}
