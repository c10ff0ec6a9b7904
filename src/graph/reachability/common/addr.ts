/**
 * The address algebra of every reachability engine (AWS, Azure, GCP, Kubernetes, the matrix and
 * flow-log tightening). Addresses live in one 128-bit space: IPv6 as it is, IPv4 mapped into
 * ::ffff:0:0/96, so one interval type serves both families.
 * - A CIDR block (`Cidr`) is one interval with its family, prefix length and normalised text
 *   (AWS route tables, NACLs and security groups: containment, longest-prefix match).
 * - An address set (`AddrSet`) is a sorted, disjoint list of inclusive intervals (Azure NSGs,
 *   GCP firewalls, Kubernetes ipBlock with exceptions: union, intersection, subtraction).
 * Parsing goes through ipaddr.js; the arithmetic is a few lines of bigint code (no maintained
 * npm package does set algebra over mixed IPv4/IPv6 ranges or longest-prefix match over ranges).
 */
import ipaddr from 'ipaddr.js';

export type Interval = readonly [bigint, bigint];
export type AddrSet = readonly Interval[];

const V4_BASE = 0xffff00000000n;
const MAX = (1n << 128n) - 1n;

export const EMPTY: AddrSet = [];
export const EVERYTHING: AddrSet = [[0n, MAX]];

function bytesToBig(bytes: number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

export type Family = 'ipv4' | 'ipv6';

/** One CIDR block: `start`/`end` (inclusive) in the shared 128-bit space. */
export interface Cidr {
  family: Family;
  start: bigint;
  end: bigint;
  prefix: number;
  /** normalised text, e.g. "10.0.0.0/16" */
  text: string;
}

const cache = new Map<string, Cidr | undefined>();

/** Parses "10.0.0.0/16", "::/0" or a bare address (a /32 or /128); undefined when it is not one. Cached: engines parse the same blocks over and over. */
export function parseCidr(text: string): Cidr | undefined {
  const key = text.trim();
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit;
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
    const hostBits = BigInt((family === 'ipv4' ? 32 : 128) - prefix);
    const raw = (bytesToBig(addr.toByteArray()) >> hostBits) << hostBits;
    const start = family === 'ipv4' ? V4_BASE + raw : raw;
    out = { family, start, end: start + (1n << hostBits) - 1n, prefix, text: `${addrText(family, start)}/${prefix}` };
  } catch {
    out = undefined;
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(key, out);
  return out;
}

/** True when `outer` holds every address of `inner` (same family). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** The set of one block. */
export function cidrSet(c: Cidr): AddrSet {
  return [[c.start, c.end]];
}

function normalize(list: Interval[]): AddrSet {
  const sorted = [...list].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Array<[bigint, bigint]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1n) {
      if (e > last[1]) last[1] = e;
    } else out.push([s, e]);
  }
  return out;
}

export function fromCidrs(cidrs: readonly string[]): AddrSet {
  const out: Interval[] = [];
  for (const t of cidrs) {
    const c = parseCidr(t);
    if (c) out.push([c.start, c.end]);
  }
  return normalize(out);
}

export function union(...sets: AddrSet[]): AddrSet {
  return normalize(sets.flatMap((s) => [...s]));
}

export function intersect(a: AddrSet, b: AddrSet): AddrSet {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = a[i]![0] > b[j]![0] ? a[i]![0] : b[j]![0];
    const e = a[i]![1] < b[j]![1] ? a[i]![1] : b[j]![1];
    if (s <= e) out.push([s, e]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

export function subtract(a: AddrSet, b: AddrSet): AddrSet {
  const out: Interval[] = [];
  for (const [s0, e] of a) {
    let s = s0;
    for (const [bs, be] of b) {
      if (be < s || bs > e) continue;
      if (bs > s) out.push([s, bs - 1n]);
      s = be + 1n;
      if (s > e) break;
    }
    if (s <= e) out.push([s, e]);
  }
  return out;
}

export function isEmpty(a: AddrSet): boolean {
  return a.length === 0;
}

export function equals(a: AddrSet, b: AddrSet): boolean {
  return a.length === b.length && a.every((x, i) => x[0] === b[i]![0] && x[1] === b[i]![1]);
}

export function contains(outer: AddrSet, inner: AddrSet): boolean {
  return isEmpty(subtract(inner, outer));
}

/** Addresses that are not reachable on the internet (RFC 1918, CGNAT, loopback, link-local, multicast, reserved). */
const NON_PUBLIC_V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.168.0.0/16', '224.0.0.0/3'];
/** Private ranges pod, node and VM addresses are drawn from. */
export const PRIVATE: AddrSet = fromCidrs(['10.0.0.0/8', '100.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7']);
/** The internet: public IPv4 and global unicast IPv6 (2000::/3). Documentation ranges (203.0.113.0/24...) count as public: examples use them for one. */
export const PUBLIC_V4: AddrSet = subtract(fromCidrs(['0.0.0.0/0']), fromCidrs(NON_PUBLIC_V4));
export const PUBLIC_V6: AddrSet = fromCidrs(['2000::/3']);
export const PUBLIC: AddrSet = union(PUBLIC_V4, PUBLIC_V6);

function bigToV4(n: bigint): string {
  const v = n - V4_BASE;
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
}

function bigToV6(n: bigint): string {
  const parts: number[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) parts.push(Number((n >> s) & 0xffffn));
  return ipaddr.fromByteArray(parts.flatMap((p) => [p >> 8, p & 255])).toString();
}

function addrText(family: Family, n: bigint): string {
  return family === 'ipv4' ? bigToV4(n) : bigToV6(n);
}

/** The public part of a block (empty for 10.0.0.0/8). */
export function publicPart(c: Cidr): AddrSet {
  return intersect(cidrSet(c), c.family === 'ipv4' ? PUBLIC_V4 : PUBLIC_V6);
}

/** A span of addresses and the index of the route that wins it (-1: none). */
export interface RoutedSpan {
  start: bigint;
  end: bigint;
  route: number;
}

const FAMILY_SPACE: Record<Family, Interval> = { ipv4: [V4_BASE, V4_BASE + 0xffffffffn], ipv6: [0n, MAX] };

/**
 * Longest-prefix match over a whole family: for every public address, the route that wins. Returns
 * the public spans with the index of the winning route (or -1 when no route covers them). Routes
 * are few per table, so the elementary intervals between route boundaries are enumerated.
 */
export function lpmPublic(family: Family, routes: readonly Cidr[]): RoutedSpan[] {
  const [lo, hi] = FAMILY_SPACE[family];
  const same: Array<{ c: Cidr; i: number }> = [];
  const bounds = new Set<bigint>([lo, hi + 1n]);
  routes.forEach((c, i) => {
    if (c.family !== family) return;
    same.push({ c, i });
    bounds.add(c.start);
    bounds.add(c.end + 1n);
  });
  const sorted = [...bounds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pub = family === 'ipv4' ? PUBLIC_V4 : PUBLIC_V6;
  const out: RoutedSpan[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const seg: Interval = [sorted[k]!, sorted[k + 1]! - 1n];
    let best = -1;
    let bestPrefix = -1;
    for (const { c, i } of same) {
      if (c.start <= seg[0] && seg[1] <= c.end && c.prefix > bestPrefix) {
        best = i;
        bestPrefix = c.prefix;
      }
    }
    for (const [start, end] of intersect([seg], pub)) out.push({ start, end, route: best });
  }
  return out;
}

/** "1.2.3.4" or "1.2.3.0-1.2.3.255", for messages. */
export function intervalText(family: Family, i: { start: bigint; end: bigint }): string {
  return i.start === i.end ? addrText(family, i.start) : `${addrText(family, i.start)}-${addrText(family, i.end)}`;
}

/** The set as CIDR blocks (for messages); IPv4 blocks written as IPv4. Capped at `max` blocks. */
export function toCidrs(set: AddrSet, max = 8): string[] {
  const out: string[] = [];
  for (const [s0, e] of set) {
    let s = s0;
    while (s <= e) {
      let size = 0n;
      while (size < 128n && (s & ((1n << (size + 1n)) - 1n)) === 0n && s + (1n << (size + 1n)) - 1n <= e) size++;
      const v4 = s >= V4_BASE && s + (1n << size) - 1n <= V4_BASE + 0xffffffffn;
      out.push(v4 ? `${bigToV4(s)}/${32n - size}` : `${bigToV6(s)}/${128n - size}`);
      if (out.length >= max) return [...out, '...'];
      s += 1n << size;
    }
  }
  return out;
}

/** "the whole internet" / "part of the internet" / "none", for explanations. */
export function describePublic(set: AddrSet): string {
  const pub = intersect(set, PUBLIC);
  if (equals(pub, PUBLIC)) return 'any internet address';
  if (isEmpty(pub)) return 'no internet address';
  return toCidrs(pub, 4).join(', ');
}
