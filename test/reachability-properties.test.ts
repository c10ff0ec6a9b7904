/**
 * Property tests for the reachability algebra (`common/addr.ts`, `common/ports.ts`, shared by every
 * engine): CIDR containment against a per-address oracle, address-set union/intersection/subtraction
 * against membership, IPv4 and IPv6 kept apart in the one 128-bit space, port-range
 * intersection/subtraction against sets of ports, first-match NACL evaluation against a port-by-port
 * evaluation, unions of allows against a port-by-port "any rule allows".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVERYTHING, PUBLIC_V4, cidrContains, cidrOverlaps, cidrSet, contains, fromCidrs, intersect, intervalText, isEmpty, lpmPublic, parseCidr, publicPart, subtract, toCidrs, union, type AddrSet, type Cidr } from '../src/graph/reachability/common/addr.js';
import { firstMatch, intersectRange, mergeRanges, portSetIntersect, portSetSubtract, portSetUnion, refine, segments, subtractRange, subtractRanges, unionAllow, type Match, type OrderedRule, type UnionRule } from '../src/graph/reachability/common/ports.js';

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));
const cidr4 = fc.tuple(ipv4, fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`);
/** IPv4 addresses sit at ::ffff:0:0/96 in the shared space */
const V4 = parseCidr('0.0.0.0')!.start;
const toInt = (a: string): bigint => V4 + a.split('.').reduce((n, b) => (n << 8n) | BigInt(Number(b)), 0n);
const inSet = (addr: bigint, set: AddrSet): boolean => set.some(([s, e]) => s <= addr && addr <= e);
const inBlock = (addr: bigint, c: Cidr): boolean => addr >= c.start && addr <= c.end;

describe('CIDR algebra', () => {
  it('a block holds exactly the addresses that share its prefix bits', () => {
    fc.assert(
      fc.property(cidr4, ipv4, (c, a) => {
        const block = parseCidr(c)!;
        const prefix = block.prefix;
        const mask = prefix === 0 ? 0n : ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n);
        expect(inBlock(toInt(a), block)).toBe(((toInt(a) - V4) & mask) === ((toInt(c.split('/')[0]!) - V4) & mask));
        // the normalised text parses back to the same block
        expect(parseCidr(block.text)).toEqual(block);
      }),
    );
  });

  it('containment is "every address of the inner block is in the outer one" (checked at both ends and the middle)', () => {
    fc.assert(
      fc.property(cidr4, cidr4, (a, b) => {
        const outer = parseCidr(a)!;
        const inner = parseCidr(b)!;
        const probes = [inner.start, inner.end, (inner.start + inner.end) / 2n];
        const all = probes.every((p) => inBlock(p, outer));
        // CIDR blocks either nest or are disjoint, so the probes decide containment
        expect(cidrContains(outer, inner)).toBe(all);
        if (cidrContains(outer, inner)) expect(cidrOverlaps(outer, inner)).toBe(true);
        expect(cidrOverlaps(outer, inner)).toBe(cidrContains(outer, inner) || cidrContains(inner, outer));
      }),
    );
  });

  it('containment is reflexive and transitive; /0 contains every block of its family only', () => {
    fc.assert(
      fc.property(cidr4, cidr4, cidr4, (a, b, c) => {
        const [x, y, z] = [parseCidr(a)!, parseCidr(b)!, parseCidr(c)!];
        expect(cidrContains(x, x)).toBe(true);
        if (cidrContains(x, y) && cidrContains(y, z)) expect(cidrContains(x, z)).toBe(true);
        expect(cidrContains(parseCidr('0.0.0.0/0')!, x)).toBe(true);
        expect(cidrContains(parseCidr('::/0')!, x)).toBe(false);
      }),
    );
  });

  it('private ranges have no public part; longest-prefix match picks the most specific covering route', () => {
    expect(publicPart(parseCidr('10.0.0.0/8')!)).toEqual([]);
    expect(publicPart(parseCidr('8.8.8.0/24')!)).toHaveLength(1);
    expect(publicPart(parseCidr('fd00::/8')!)).toEqual([]);
    expect(intervalText('ipv4', parseCidr('8.8.8.0/24')!)).toBe('8.8.8.0-8.8.8.255');
    fc.assert(
      fc.property(fc.array(cidr4, { minLength: 1, maxLength: 6 }), ipv4, (routes, probe) => {
        const blocks = routes.map((r) => parseCidr(r)!);
        const addr = toInt(probe);
        const hit = lpmPublic('ipv4', blocks).find((iv) => iv.start <= addr && addr <= iv.end);
        if (!hit) return; // not a public address
        const covering = blocks.map((b, i) => ({ b, i })).filter(({ b }) => inBlock(addr, b));
        if (covering.length === 0) expect(hit.route).toBe(-1);
        else expect(blocks[hit.route]!.prefix).toBe(Math.max(...covering.map(({ b }) => b.prefix)));
      }),
    );
  });
});

// '::ffff:h:0' is an IPv4-mapped IPv6 address: it shares its numbers with IPv4 yet stays IPv6
const cidr6 = fc
  .tuple(fc.constantFrom('2001:db8:H::', '2600:1f18:H::', 'fd00:H::', '::ffff:H:0'), fc.nat(0xffff), fc.integer({ min: 0, max: 128 }))
  .map(([p, h, n]) => `${p.replace('H', h.toString(16))}/${n}`);
const anyCidr = fc.oneof(cidr4, cidr6);
const cidrList = fc.array(anyCidr, { maxLength: 5 });

describe('address sets (one space for IPv4 and IPv6)', () => {
  const probes = (lists: string[][]): bigint[] =>
    lists.flat().flatMap((t) => {
      const c = parseCidr(t)!;
      return [c.start, c.end, c.start - 1n, c.end + 1n, (c.start + c.end) / 2n];
    });

  it('union, intersection and subtraction agree with membership at every block edge', () => {
    fc.assert(
      fc.property(cidrList, cidrList, (a, b) => {
        const [x, y] = [fromCidrs(a), fromCidrs(b)];
        const member = (addr: bigint, list: string[]): boolean => list.some((t) => inBlock(addr, parseCidr(t)!));
        for (const p of probes([a, b])) {
          expect(inSet(p, union(x, y))).toBe(member(p, a) || member(p, b));
          expect(inSet(p, intersect(x, y))).toBe(member(p, a) && member(p, b));
          expect(inSet(p, subtract(x, y))).toBe(member(p, a) && !member(p, b));
        }
        expect(contains(union(x, y), x)).toBe(true);
        expect(isEmpty(intersect(subtract(x, y), y))).toBe(true);
      }),
    );
  });

  it('a block and its set agree; toCidrs gives back the same set; families never mix', () => {
    fc.assert(
      fc.property(anyCidr, anyCidr, (a, b) => {
        const [x, y] = [parseCidr(a)!, parseCidr(b)!];
        expect(fromCidrs(toCidrs(cidrSet(x), 1000))).toEqual(cidrSet(x));
        if (x.family !== y.family) {
          expect(cidrContains(x, y)).toBe(false);
          expect(cidrOverlaps(x, y)).toBe(false);
        } else expect(cidrOverlaps(x, y)).toBe(!isEmpty(intersect(cidrSet(x), cidrSet(y))));
      }),
    );
  });

  it('the public part of a block is the block minus the non-public ranges', () => {
    fc.assert(
      fc.property(cidr4, (a) => {
        const c = parseCidr(a)!;
        expect(publicPart(c)).toEqual(intersect(cidrSet(c), PUBLIC_V4));
        expect(contains(EVERYTHING, publicPart(c))).toBe(true);
      }),
    );
  });
});

const port = fc.integer({ min: 0, max: 300 });
const range = fc.tuple(port, port).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
const portsOf = (r: { from: number; to: number }): number[] => Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i);

describe('port ranges', () => {
  it('intersection holds exactly the ports in both', () => {
    fc.assert(
      fc.property(range, range, (a, b) => {
        const i = intersectRange(a, b);
        const want = portsOf(a).filter((p) => p >= b.from && p <= b.to);
        expect(i ? portsOf(i) : []).toEqual(want);
      }),
    );
  });

  it('subtraction holds exactly the ports of the first not in the second', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 4 }), range, (list, cut) => {
        const got = new Set(subtractRange(list, cut).flatMap(portsOf));
        const want = new Set(list.flatMap(portsOf).filter((p) => p < cut.from || p > cut.to));
        expect(got).toEqual(want);
      }),
    );
  });

  it('merge, list subtraction and per-transport sets agree with sets of ports', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 4 }), fc.array(range, { maxLength: 4 }), (a, b) => {
        const set = (l: Array<{ from: number; to: number }>): number[] => [...new Set(l.flatMap(portsOf))].sort((x, y) => x - y);
        expect(mergeRanges(a).flatMap(portsOf)).toEqual(set(a));
        expect(subtractRanges(a, b).flatMap(portsOf)).toEqual(set(a).filter((p) => !set(b).includes(p)));
        const pa = { tcp: a, udp: b };
        const pb = { tcp: b };
        expect((portSetUnion(pa, pb).tcp ?? []).flatMap(portsOf)).toEqual(set([...a, ...b]));
        expect((portSetIntersect(pa, pb).tcp ?? []).flatMap(portsOf)).toEqual(set(a).filter((p) => set(b).includes(p)));
        expect((portSetSubtract(pa, pb).udp ?? []).flatMap(portsOf)).toEqual(set(b));
        // segments of 0-65535 are refine's pieces of the whole range
        expect(segments(a)).toEqual(refine({ from: 0, to: 65535 }, a));
      }),
    );
  });

  it('refine splits a range into pieces that cover it exactly once', () => {
    fc.assert(
      fc.property(range, fc.array(range, { maxLength: 5 }), (asked, cuts) => {
        const pieces = refine(asked, cuts);
        expect(pieces.flatMap(portsOf)).toEqual(portsOf(asked));
        for (const p of pieces) for (const c of cuts) {
          const i = intersectRange(p, c);
          // every piece is either inside a cut or outside it
          if (i) expect(i).toEqual(p);
        }
      }),
    );
  });
});

type R = { id: number; action: 'allow' | 'deny'; ports: Array<{ from: number; to: number }> | 'unknown'; match: Match };
const rule = (id: number): fc.Arbitrary<R> =>
  fc.record({
    id: fc.constant(id),
    action: fc.constantFrom('allow' as const, 'deny' as const),
    ports: fc.oneof({ weight: 9, arbitrary: fc.array(range, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant('unknown' as const) }),
    match: fc.constantFrom<Match>('yes', 'yes', 'yes', 'no', 'unknown'),
  });
const rules = fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rule(i))));

describe('NACL ordering (first match)', () => {
  it('each port is decided by the first matching rule in order, else denied', () => {
    fc.assert(
      fc.property(rules, range, (rs, asked) => {
        const ordered: OrderedRule<R>[] = rs.map((r) => ({ rule: r, action: r.action, ports: r.ports, match: r.match }));
        const segs = firstMatch(ordered, asked);
        expect(segs.flatMap(portsOf)).toEqual(portsOf(asked));
        for (const p of portsOf(asked)) {
          const first = rs.find((r) => r.match !== 'no' && (r.ports === 'unknown' || r.ports.some((x) => p >= x.from && p <= x.to)));
          const want = !first ? 'deny' : first.match === 'unknown' || first.ports === 'unknown' ? 'unknown' : first.action;
          const seg = segs.find((s) => s.from <= p && p <= s.to)!;
          expect(seg.decision).toBe(want);
          expect(seg.rule?.id).toBe(first?.id);
        }
      }),
    );
  });

  it('moving a deny before an allow for the same port can only take ports away', () => {
    fc.assert(
      fc.property(rules, range, range, (rs, denyPorts, asked) => {
        const base: OrderedRule<R>[] = rs.map((r) => ({ rule: r, action: r.action, ports: r.ports, match: r.match }));
        const deny: OrderedRule<R> = { rule: { id: 99, action: 'deny', ports: [denyPorts], match: 'yes' }, action: 'deny', ports: [denyPorts], match: 'yes' };
        const before = firstMatch(base, asked);
        const after = firstMatch([deny, ...base], asked);
        for (const p of portsOf(asked)) {
          const b = before.find((s) => s.from <= p && p <= s.to)!.decision;
          const a = after.find((s) => s.from <= p && p <= s.to)!.decision;
          if (p >= denyPorts.from && p <= denyPorts.to) expect(a).toBe('deny');
          else expect(a).toBe(b);
        }
      }),
    );
  });
});

describe('security groups (union of allows)', () => {
  it('a port is allowed when any sure rule covers it, unknown when only unresolved ones may', () => {
    fc.assert(
      fc.property(rules, range, (rs, asked) => {
        const union: UnionRule<R>[] = rs.map((r) => ({ rule: r, ports: r.ports, match: r.match }));
        const segs = unionAllow(union, asked);
        expect(segs.flatMap(portsOf)).toEqual(portsOf(asked));
        for (const p of portsOf(asked)) {
          const covers = (r: R): boolean => r.ports === 'unknown' || r.ports.some((x) => p >= x.from && p <= x.to);
          const sure = rs.some((r) => r.match === 'yes' && r.ports !== 'unknown' && covers(r));
          const maybe = rs.some((r) => r.match !== 'no' && covers(r));
          const seg = segs.find((s) => s.from <= p && p <= s.to)!;
          expect(seg.decision).toBe(sure ? 'allow' : maybe ? 'unknown' : 'deny');
        }
      }),
    );
  });
});
