/**
 * The segmentation matrix and the zero-trust audit over every engine's flows.
 *
 * Engines take part through `FlowEngine` (common/flow.ts): Azure, GCP and Kubernetes produce
 * Flows directly; AWS produces Exposures, adapted here by naming each endpoint's subnet as its
 * zone. The matrix aggregates allowed flows (exposed or unknown) per (source zone, destination
 * zone) into port sets; the audit subtracts the declared intents from each allowed flow, and
 * whatever is left is a flow nobody declared.
 */
import { minimatch } from 'minimatch';
import type { PortRange, Resource } from '../../../model/index.js';
import type { IntentRule } from '../../../config/intent.js';
import { AwsReachability, buildAwsTopology, eastWest } from '../aws/index.js';
import { azureEngine } from '../azure/index.js';
import { gcpEngine } from '../gcp/index.js';
import { kubernetesEngine } from '../kubernetes/index.js';
import { allowedFlows, type Flow, type FlowEngine } from '../common/flow.js';
import { TRANSPORTS, formatRange, mergeRanges, portSetIsEmpty, subtractRanges, type PortSet, type Transport } from '../common/ports.js';

function linkId(l: unknown): string | undefined {
  if (l && typeof l === 'object' && 'ok' in l) {
    const ok = (l as { ok: { r?: Resource } }).ok;
    return ok?.r?.id;
  }
  return undefined;
}

/** AWS: Exposures from the AWS engine, zoned by the endpoint's (or target's) subnet. */
export const awsEngine: FlowEngine = {
  name: 'aws',
  flows(resources) {
    const engine = new AwsReachability(buildAwsTopology(resources));
    const exposures = engine.compute();
    // east-west between VPCs (peering, transit gateways, NAT gateways): from the sending workload's subnet, else the source VPC
    const eastWestFlows = eastWest(engine);
    if (exposures.length === 0 && eastWestFlows.length === 0) return [];
    const topo = engine.topo;
    const zone = new Map<string, string>();
    for (const e of topo.endpoints) {
      const s = linkId(e.subnet);
      if (s) zone.set(e.r.id, `aws:${s}`);
    }
    for (const lb of topo.loadBalancers) {
      for (const l of lb.listeners) for (const tg of l.targetGroups) {
        const g = tg && 'ok' in tg ? tg.ok : undefined;
        for (const t of g?.targets ?? []) {
          const s = Array.isArray(t.subnets) ? t.subnets.map(linkId).find((x) => x) : undefined;
          if (s && !zone.has(t.r.id)) zone.set(t.r.id, `aws:${s}`);
        }
      }
    }
    const byId = new Map(resources.map((r) => [r.id, r]));
    return exposures.map((e) => {
      const target = e.workloadId ?? e.endpointId;
      const r = byId.get(target);
      const f: Flow = { ...e, fromZone: 'internet', toZone: zone.get(target) ?? zone.get(e.endpointId) ?? 'aws:(unknown subnet)' };
      const name = r && typeof r.attributes.tags === 'object' && r.attributes.tags && !Array.isArray(r.attributes.tags) ? (r.attributes.tags as Record<string, unknown>).Name : undefined;
      f.toName = typeof name === 'string' ? name : (r?.name ?? target);
      return f;
    }).concat(
      eastWestFlows.map((e) => {
        const r = byId.get(e.endpointId);
        const f: Flow = { ...e, fromZone: zone.get(e.from) ?? `aws:${e.from}`, toZone: zone.get(e.endpointId) ?? 'aws:(unknown subnet)', fromName: byId.get(e.from)?.name ?? e.from };
        f.toName = r?.name ?? e.endpointId;
        return f;
      }),
    );
  },
};

export const ENGINES: FlowEngine[] = [awsEngine, azureEngine, gcpEngine, kubernetesEngine];

/** Every engine's flows over the model; an engine that throws is reported, the others go on. */
export function allFlows(resources: readonly Resource[], engines: readonly FlowEngine[] = ENGINES): { flows: Flow[]; errors: string[] } {
  const flows: Flow[] = [];
  const errors: string[] = [];
  for (const e of engines) {
    try {
      for (const f of e.flows(resources)) flows.push(f); // no spread: a large estate has millions of flows
    } catch (err) {
      errors.push(`${e.name} reachability failed: ${(err as Error).message}`);
    }
  }
  return { flows, errors };
}

export interface MatrixCell {
  fromZone: string;
  toZone: string;
  /** ports certainly allowed, per transport ('all' flows count for every transport) */
  exposed: PortSet;
  /** ports possibly allowed */
  unknown: PortSet;
  flows: number;
}

function transportsOf(protocol: string): Transport[] {
  return protocol === 'all' ? TRANSPORTS : TRANSPORTS.includes(protocol as Transport) ? [protocol as Transport] : [];
}

export function buildMatrix(flows: readonly Flow[]): MatrixCell[] {
  // ranges gathered per cell and transport, merged once at the end (a union per flow was quadratic in practice)
  const cells = new Map<string, MatrixCell & { rawExposed: Record<Transport, PortRange[]>; rawUnknown: Record<Transport, PortRange[]> }>();
  for (const f of allowedFlows(flows)) {
    const key = `${f.fromZone}\0${f.toZone}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { fromZone: f.fromZone, toZone: f.toZone, exposed: {}, unknown: {}, flows: 0, rawExposed: { tcp: [], udp: [], sctp: [] }, rawUnknown: { tcp: [], udp: [], sctp: [] } }));
    c.flows++;
    const raw = f.verdict === 'exposed' ? c.rawExposed : c.rawUnknown;
    for (const t of transportsOf(f.protocol)) raw[t].push(f.ports);
  }
  const out: MatrixCell[] = [];
  for (const c of cells.values()) {
    const exposed: PortSet = {};
    const unknown: PortSet = {};
    for (const t of TRANSPORTS) {
      const e = mergeRanges(c.rawExposed[t]);
      if (e.length) exposed[t] = e;
      const u = subtractRanges(mergeRanges(c.rawUnknown[t]), e);
      if (u.length) unknown[t] = u;
    }
    out.push({ fromZone: c.fromZone, toZone: c.toZone, exposed, unknown, flows: c.flows });
  }
  const rank = (z: string) => (z === 'internet' ? '0' : `1${z}`);
  return out.sort((a, b) => rank(a.fromZone).localeCompare(rank(b.fromZone)) || a.toZone.localeCompare(b.toZone));
}

export function describePortSet(set: PortSet): string {
  if (portSetIsEmpty(set)) return '-';
  const all = TRANSPORTS.every((t) => set[t]?.length === 1 && set[t]![0]!.from === 0 && set[t]![0]!.to === 65535);
  if (all) return 'all';
  return TRANSPORTS.flatMap((t) => (set[t]?.length ? [`${t} ${set[t]!.map(formatRange).join(',')}`] : [])).join('; ');
}

export function renderMatrix(cells: readonly MatrixCell[], violations?: readonly IntentViolation[]): string {
  if (cells.length === 0) return 'No allowed flow: nothing in the scanned files reaches a workload.\n';
  const bad = new Set((violations ?? []).map((v) => `${v.flow.fromZone}\0${v.flow.toZone}`));
  const rows = cells.map((c) => [c.fromZone, c.toZone, describePortSet(c.exposed), describePortSet(c.unknown), violations ? (bad.has(`${c.fromZone}\0${c.toZone}`) ? 'NOT INTENDED' : 'ok') : '']);
  const head = ['FROM', 'TO', 'ALLOWED', 'UNKNOWN', violations ? 'INTENT' : ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}

/** Names a flow end answers to: ids, short names, zones (with and without their prefix). */
function candidates(f: Flow, side: 'from' | 'to'): string[] {
  const out = side === 'from' ? [f.from, f.fromName, f.fromZone] : [f.endpointId, f.workloadId, f.toName, f.toZone];
  const more: string[] = [];
  for (const c of out) {
    if (!c) continue;
    const z = /^(?:k8s|azure|gcp|aws):(.+)$/.exec(c);
    if (z) more.push(z[1]!);
    const seg = c.split(/[/.]/).pop();
    if (seg && seg !== c) more.push(seg);
  }
  return [...out.filter((x): x is string => !!x), ...more];
}

function nameMatches(pattern: string, f: Flow, side: 'from' | 'to'): boolean {
  if (side === 'from' && pattern === 'internet') return f.from === 'internet';
  if (side === 'from' && f.from === 'internet') return pattern === '*' || pattern === '**';
  return candidates(f, side).some((c) => c === pattern || minimatch(c, pattern, { dot: true }));
}

export interface IntentViolation {
  flow: Flow;
  /** the ports of the flow that no intent covers */
  ports: PortRange[];
}

/** Allowed flows (exposed or unknown) minus what the intents declare; what remains is a violation. */
export function auditIntent(flows: readonly Flow[], intents: readonly IntentRule[]): IntentViolation[] {
  const out: IntentViolation[] = [];
  // a flow of every transport is audited transport by transport (an intent may name one)
  const expanded = allowedFlows(flows).flatMap((f) => (f.protocol === 'all' ? TRANSPORTS.map((t) => ({ ...f, protocol: t })) : [f]));
  for (const f of expanded) {
    let rest: PortRange[] = [{ from: f.ports.from, to: f.ports.to }];
    for (const i of intents) {
      if (i.protocol !== 'any' && f.protocol !== i.protocol) continue;
      if (!nameMatches(i.from, f, 'from') || !nameMatches(i.to, f, 'to')) continue;
      rest = subtractRanges(rest, i.ports ?? [{ from: 0, to: 65535 }]);
      if (rest.length === 0) break;
    }
    if (rest.length) out.push({ flow: f, ports: mergeRanges(rest) });
  }
  return out;
}
