/**
 * Port sets per transport protocol: sorted, disjoint inclusive ranges. Used for NetworkPolicy
 * unions and intersections and for splitting 0–65535 into the segments a rule list treats alike.
 */
import type { PortRange } from '../../../model/index.js';

export type Transport = 'tcp' | 'udp' | 'sctp';
export const TRANSPORTS: Transport[] = ['tcp', 'udp', 'sctp'];
export type PortSet = Partial<Record<Transport, PortRange[]>>;

export function mergeRanges(list: readonly PortRange[]): PortRange[] {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

export function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  for (const x of a) for (const y of b) {
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (from <= to) out.push({ from, to });
  }
  return mergeRanges(out);
}

export function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  let cur = mergeRanges(a);
  for (const y of b) {
    const next: PortRange[] = [];
    for (const x of cur) {
      if (y.to < x.from || y.from > x.to) next.push(x);
      else {
        if (y.from > x.from) next.push({ from: x.from, to: y.from - 1 });
        if (y.to < x.to) next.push({ from: y.to + 1, to: x.to });
      }
    }
    cur = next;
  }
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

export function formatRange(r: PortRange): string {
  return r.from === r.to ? `${r.from}` : r.from === 0 && r.to === 65535 ? 'all' : `${r.from}-${r.to}`;
}

/**
 * Splits 0–65535 at every boundary of the given ranges, so that within one returned segment
 * every rule either covers every port or none.
 */
export function segments(ranges: readonly PortRange[]): PortRange[] {
  const cuts = new Set<number>([0, 65536]);
  for (const r of ranges) {
    cuts.add(Math.max(0, r.from));
    cuts.add(Math.min(65536, r.to + 1));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: PortRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) out.push({ from: sorted[i]!, to: sorted[i + 1]! - 1 });
  return out;
}
