/**
 * CIDR algebra for the reachability engines: blocks as inclusive bigint intervals, containment,
 * overlap, and "which public addresses does a set of routes send where" (longest-prefix match over
 * elementary intervals). Parsing is ipaddr.js's; only the interval arithmetic is written here,
 * because ipaddr.js has no set operations on ranges.
 */
import ipaddr from 'ipaddr.js';

export type Family = 'ipv4' | 'ipv6';

export interface Cidr {
  family: Family;
  /** first address */
  start: bigint;
  /** last address (inclusive) */
  end: bigint;
  prefix: number;
  /** normalised text, e.g. "10.0.0.0/16" */
  text: string;
}

const BITS: Record<Family, number> = { ipv4: 32, ipv6: 128 };

function toBigInt(addr: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let n = 0n;
  for (const b of addr.toByteArray()) n = (n << 8n) | BigInt(b);
  return n;
}

function fromBigInt(family: Family, n: bigint): string {
  const bytes: number[] = [];
  const count = BITS[family] / 8;
  for (let i = 0; i < count; i++) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

const cache = new Map<string, Cidr | undefined>();

/** Parses "10.0.0.0/16", "::/0" or a bare address (a /32 or /128); undefined when it is not one. */
export function parseCidr(text: string): Cidr | undefined {
  const key = text.trim();
  if (cache.has(key)) return cache.get(key);
  let out: Cidr | undefined;
  try {
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    let prefix: number;
    if (key.includes('/')) [addr, prefix] = ipaddr.parseCIDR(key);
    else {
      addr = ipaddr.parse(key);
      prefix = addr.kind() === 'ipv4' ? 32 : 128;
    }
    const family: Family = addr.kind() === 'ipv4' ? 'ipv4' : 'ipv6';
    const bits = BITS[family];
    const hostBits = BigInt(bits - prefix);
    const start = (toBigInt(addr) >> hostBits) << hostBits;
    const end = start + (1n << hostBits) - 1n;
    out = { family, start, end, prefix, text: `${fromBigInt(family, start)}/${prefix}` };
  } catch {
    out = undefined;
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(key, out);
  return out;
}

/** True when `outer` contains every address of `inner` (same family). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** True for 0.0.0.0/0 and ::/0. */
export function isWholeFamily(c: Cidr): boolean {
  return c.prefix === 0;
}

export interface Interval {
  start: bigint;
  end: bigint;
}

/**
 * Address space that is not the public internet: RFC 1918, CGNAT, loopback, link-local,
 * multicast, reserved (IPv4); everything outside 2000::/3 (IPv6 global unicast).
 */
const NON_PUBLIC: Record<Family, Interval[]> = {
  ipv4: ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3'].map((t) => {
    const c = parseCidr(t)!;
    return { start: c.start, end: c.end };
  }),
  ipv6: ['::/3', '4000::/2', '8000::/1'].map((t) => {
    const c = parseCidr(t)!;
    return { start: c.start, end: c.end };
  }),
};

/** `intervals` minus `minus` (both lists of disjoint or overlapping intervals); result sorted and disjoint. */
export function subtractIntervals(intervals: Interval[], minus: Interval[]): Interval[] {
  let current = [...intervals].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (const m of minus) {
    const next: Interval[] = [];
    for (const i of current) {
      if (m.end < i.start || m.start > i.end) {
        next.push(i);
        continue;
      }
      if (i.start < m.start) next.push({ start: i.start, end: m.start - 1n });
      if (i.end > m.end) next.push({ start: m.end + 1n, end: i.end });
    }
    current = next;
  }
  return current;
}

/** The public part of a block (empty for 10.0.0.0/8). */
export function publicPart(c: Cidr): Interval[] {
  return subtractIntervals([{ start: c.start, end: c.end }], NON_PUBLIC[c.family]);
}

/**
 * Longest-prefix match over a whole family: for every public address, the route that wins. Returns
 * the public intervals with the index of the winning route (or -1 when no route covers them).
 * Routes are few per table, so the elementary intervals between route boundaries are enumerated.
 */
export function lpmPublic(family: Family, routes: Cidr[]): Array<Interval & { route: number }> {
  const same = routes.map((c, i) => ({ c, i })).filter((x) => x.c.family === family);
  const bounds = new Set<bigint>([0n, (1n << BigInt(BITS[family]))]);
  for (const { c } of same) {
    bounds.add(c.start);
    bounds.add(c.end + 1n);
  }
  const sorted = [...bounds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Array<Interval & { route: number }> = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const seg = { start: sorted[k]!, end: sorted[k + 1]! - 1n };
    let best = -1;
    let bestPrefix = -1;
    for (const { c, i } of same) {
      if (c.start <= seg.start && seg.end <= c.end && c.prefix > bestPrefix) {
        best = i;
        bestPrefix = c.prefix;
      }
    }
    for (const p of subtractIntervals([seg], NON_PUBLIC[family])) out.push({ ...p, route: best });
  }
  return out;
}

export function intervalText(family: Family, i: Interval): string {
  return i.start === i.end ? fromBigInt(family, i.start) : `${fromBigInt(family, i.start)}-${fromBigInt(family, i.end)}`;
}
