/**
 * Property tests for the reachability algebra: CIDR containment against a per-address oracle,
 * port-range intersection/subtraction against sets of ports, first-match NACL evaluation against
 * a port-by-port evaluation, unions of allows against a port-by-port "any rule allows".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, cidrOverlaps, lpmPublic, parseCidr, publicPart, type Cidr } from '../src/graph/reachability/cidr.js';
import { firstMatch, intersectRange, refine, subtractRange, unionAllow, type Match, type OrderedRule, type UnionRule } from '../src/graph/reachability/ports.js';

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));
const cidr4 = fc.tuple(ipv4, fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`);
const toInt = (a: string): bigint => a.split('.').reduce((n, b) => (n << 8n) | BigInt(Number(b)), 0n);
const inBlock = (addr: bigint, c: Cidr): boolean => addr >= c.start && addr <= c.end;

describe('CIDR algebra', () => {
  it('a block holds exactly the addresses that share its prefix bits', () => {
    fc.assert(
      fc.property(cidr4, ipv4, (c, a) => {
        const block = parseCidr(c)!;
        const prefix = block.prefix;
        const mask = prefix === 0 ? 0n : ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n);
        expect(inBlock(toInt(a), block)).toBe((toInt(a) & mask) === (toInt(c.split('/')[0]!) & mask));
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
