/**
 * The port algebra of every reachability engine: ranges and per-transport port sets (unions,
 * intersections, subtraction), and the two ways firewalls combine rules over a range of ports:
 * - ordered first match (network ACLs): the lowest-numbered rule that matches a port decides it,
 *   the default decides what no rule matches (`firstMatch`);
 * - union of allows (security groups): a port is allowed when any rule allows it (`unionAllow`).
 * Each of those answers is a list of segments covering the asked range exactly once, each with the
 * deciding rule, so an explanation can name the rule port by port. Hand-written: no library covers
 * three-valued segmenting of integer ranges.
 */
import type { PortRange } from '../../../model/index.js';
import { mergeRanges } from '../../../model/normalize/network/ports.js';

// one merge of port ranges for the model's normalisers and the engines
export { mergeRanges };

export type { PortRange };

export type Transport = 'tcp' | 'udp' | 'sctp';
export const TRANSPORTS: Transport[] = ['tcp', 'udp', 'sctp'];
export type PortSet = Partial<Record<Transport, PortRange[]>>;


export function intersectRange(a: PortRange, b: PortRange): PortRange | undefined {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from <= to ? { from, to } : undefined;
}

export function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  for (const x of a) for (const y of b) {
    const i = intersectRange(x, y);
    if (i) out.push(i);
  }
  return mergeRanges(out);
}

/** `ranges` (sorted, disjoint) minus `cut`, sorted. */
export function subtractRange(ranges: readonly PortRange[], cut: PortRange): PortRange[] {
  const out: PortRange[] = [];
  for (const r of ranges) {
    if (cut.to < r.from || cut.from > r.to) {
      out.push(r);
      continue;
    }
    if (r.from < cut.from) out.push({ from: r.from, to: cut.from - 1 });
    if (r.to > cut.to) out.push({ from: cut.to + 1, to: r.to });
  }
  return out;
}

export function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  let cur = mergeRanges(a);
  for (const y of b) cur = subtractRange(cur, y);
  return cur;
}

export function portSetUnion(a: PortSet, b: PortSet): PortSet {
  const out: PortSet = {};
  for (const t of TRANSPORTS) {
    const list = [...(a[t] ?? []), ...(b[t] ?? [])];
    if (list.length) out[t] = mergeRanges(list);
  }
  return out;
}

export function portSetIntersect(a: PortSet, b: PortSet): PortSet {
  const out: PortSet = {};
  for (const t of TRANSPORTS) {
    const list = intersectRanges(a[t] ?? [], b[t] ?? []);
    if (list.length) out[t] = list;
  }
  return out;
}

export function portSetSubtract(a: PortSet, b: PortSet): PortSet {
  const out: PortSet = {};
  for (const t of TRANSPORTS) {
    const list = subtractRanges(a[t] ?? [], b[t] ?? []);
    if (list.length) out[t] = list;
  }
  return out;
}

export function portSetIsEmpty(a: PortSet): boolean {
  return TRANSPORTS.every((t) => !a[t]?.length);
}

export const ALL_TRANSPORT_PORTS: PortSet = { tcp: [{ from: 0, to: 65535 }], udp: [{ from: 0, to: 65535 }], sctp: [{ from: 0, to: 65535 }] };

/** "22" or "8000-8100". */
export function rangeText(r: PortRange): string {
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

/** Like `rangeText`, with "all" for 0-65535. */
export function formatRange(r: PortRange): string {
  return r.from === 0 && r.to === 65535 ? 'all' : rangeText(r);
}

/**
 * Splits 0–65535 at every boundary of the given ranges, so that within one returned segment
 * every rule either covers every port or none.
 */
export function segments(ranges: readonly PortRange[]): PortRange[] {
  return refine({ from: 0, to: 65535 }, ranges);
}

/** How a rule matches the traffic asked about: it applies, it does not, or it depends on an unknown. */
export type Match = 'yes' | 'no' | 'unknown';

export interface OrderedRule<R> {
  rule: R;
  action: 'allow' | 'deny';
  /** ports the rule covers (already restricted to the protocol asked about); 'unknown' when unresolved */
  ports: PortRange[] | 'unknown';
  /** does the rule match the source and protocol? */
  match: Match;
}

export interface Segment<R> extends PortRange {
  /** 'unknown' when an unresolved rule comes first for these ports */
  decision: 'allow' | 'deny' | 'unknown';
  /** the deciding rule; undefined when the default decided */
  rule?: R;
}

/**
 * First-match evaluation over a port range: rules must already be sorted (rule number ascending).
 * A rule whose match or ports are unknown decides its ports as 'unknown' (what it would do cannot
 * be known, and it comes before every later rule).
 */
export function firstMatch<R>(rules: OrderedRule<R>[], asked: PortRange, fallback: 'allow' | 'deny' = 'deny'): Segment<R>[] {
  let remaining: PortRange[] = [{ ...asked }];
  const out: Segment<R>[] = [];
  for (const r of rules) {
    if (remaining.length === 0) break;
    if (r.match === 'no') continue;
    const decision = r.match === 'unknown' || r.ports === 'unknown' ? 'unknown' : r.action;
    // the rule's own ranges may overlap: take what is still undecided, range by range
    for (const p of r.ports === 'unknown' ? [{ from: 0, to: 65535 }] : r.ports) {
      const covered: PortRange[] = [];
      for (const rem of remaining) {
        const i = intersectRange(p, rem);
        if (i) covered.push(i);
      }
      for (const c of covered) {
        out.push({ ...c, decision, rule: r.rule });
        remaining = subtractRange(remaining, c);
      }
    }
  }
  for (const rem of remaining) out.push({ ...rem, decision: fallback });
  return out.sort((a, b) => a.from - b.from);
}

export interface UnionRule<R> {
  rule: R;
  ports: PortRange[] | 'unknown';
  match: Match;
}

/**
 * Union of allows (stateful security groups): a port is allowed when some rule allows it for sure,
 * unknown when only unresolved rules might, denied otherwise. Each segment names one allowing rule
 * (the first in the given order); `rules` lists every rule that allows the segment for sure.
 */
export function unionAllow<R>(rules: UnionRule<R>[], asked: PortRange): Array<Segment<R> & { rules: R[] }> {
  // boundaries of every rule inside the asked range, so each segment has one set of rules
  const relevant = rules.filter((r) => r.match !== 'no');
  // no rule applies (the usual answer for most groups and sources): one denied segment
  if (relevant.length === 0) return [{ from: asked.from, to: asked.to, decision: 'deny', rules: [] }];
  const cuts = new Set<number>([asked.from, asked.to + 1]);
  for (const r of relevant) {
    if (r.ports === 'unknown') continue;
    for (const p of r.ports) {
      const i = intersectRange(p, asked);
      if (!i) continue;
      cuts.add(i.from);
      cuts.add(i.to + 1);
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Array<Segment<R> & { rules: R[] }> = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const seg = { from: sorted[k]!, to: sorted[k + 1]! - 1 };
    const sure: R[] = [];
    let maybe: R | undefined;
    for (const r of relevant) {
      const covers = r.ports === 'unknown' ? 'unknown' : r.ports.some((p) => p.from <= seg.from && seg.to <= p.to) ? 'yes' : 'no';
      if (covers === 'no') continue;
      if (covers === 'yes' && r.match === 'yes') sure.push(r.rule);
      else maybe ??= r.rule;
    }
    const last = out[out.length - 1];
    const decision = sure.length ? 'allow' : maybe !== undefined ? 'unknown' : 'deny';
    const rule = sure[0] ?? maybe;
    // merge neighbours decided the same way by the same rules
    if (last && last.to + 1 === seg.from && last.decision === decision && last.rule === rule && last.rules.length === sure.length && last.rules.every((x, i) => x === sure[i])) {
      last.to = seg.to;
      continue;
    }
    const s: Segment<R> & { rules: R[] } = { ...seg, decision, rules: sure };
    if (rule !== undefined) s.rule = rule;
    out.push(s);
  }
  return out;
}

/**
 * Splits `asked` at every boundary of the given segment lists, so each piece has one decision in
 * every list. Used to combine the NACL and security-group answers.
 */
export function refine(asked: PortRange, ...lists: ReadonlyArray<readonly PortRange[]>): PortRange[] {
  const cuts = new Set<number>([asked.from, asked.to + 1]);
  for (const list of lists) {
    for (const s of list) {
      if (s.from > asked.from && s.from <= asked.to) cuts.add(s.from);
      if (s.to + 1 > asked.from && s.to + 1 <= asked.to) cuts.add(s.to + 1);
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: PortRange[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) out.push({ from: sorted[k]!, to: sorted[k + 1]! - 1 });
  return out;
}

/** The segment of a list that holds a port. */
export function segmentAt<S extends PortRange>(segments: S[], port: number): S | undefined {
  return segments.find((s) => s.from <= port && port <= s.to);
}
