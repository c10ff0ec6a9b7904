/**
 * Address sets as sorted, disjoint inclusive intervals over one 128-bit space: IPv6 as it is,
 * IPv4 mapped into ::ffff:0:0/96. Reachability asks "which sources get through" of
 * first-match rule lists (Azure NSGs), priority lists (GCP firewalls) and unions with
 * exceptions (Kubernetes ipBlock), and interval arithmetic answers that exactly.
 * Parsing goes through ipaddr.js; the arithmetic is a few lines of bigint code (no maintained
 * npm package does set algebra over mixed IPv4/IPv6 ranges).
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

/** The interval of a CIDR block or single address; undefined when it is neither. */
export function parseCidr(text: string): Interval | undefined {
  const t = text.trim();
  try {
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    let bits: number;
    if (t.includes('/')) [addr, bits] = ipaddr.parseCIDR(t);
    else {
      addr = ipaddr.parse(t);
      bits = addr.kind() === 'ipv4' ? 32 : 128;
    }
    if (addr.kind() === 'ipv4') {
      const start = V4_BASE + ((bytesToBig(addr.toByteArray()) >> BigInt(32 - bits)) << BigInt(32 - bits));
      return [start, start + (1n << BigInt(32 - bits)) - 1n];
    }
    const base = (bytesToBig(addr.toByteArray()) >> BigInt(128 - bits)) << BigInt(128 - bits);
    return [base, base + (1n << BigInt(128 - bits)) - 1n];
  } catch {
    return undefined;
  }
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
  return normalize(cidrs.map(parseCidr).filter((x): x is Interval => x !== undefined));
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
