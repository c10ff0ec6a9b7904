/** addressLines: the in-order fast path gives the lines the plain sweep gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLines } from '../src/sources/terraform-plan/address-lines.js';
import { parsePlanJson } from '../src/sources/terraform-plan/plan-json.js';

/** The plain definition: the first line at or after `from` of each wanted address key. */
function reference(text: string, wanted: ReadonlySet<string>, from: number): Map<string, number> {
  const lines = new Map<string, number>();
  const re = /"address"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const address = JSON.parse(`"${m[1]}"`) as string;
    if (wanted.has(address) && !lines.has(address)) lines.set(address, text.slice(0, m.index).split('\n').length);
  }
  return lines;
}

const NAMES = ['a.x', 'a.y', 'module.m', 'module.m.b.z', 'c.q["k"]', 'd.w[0]'];

describe('plan address lines', () => {
  it('match the plain sweep whatever the order, repetitions and unwanted keys', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.constantFrom(...NAMES), gap: fc.nat(3), spaced: fc.boolean() }), { maxLength: 14 }),
        fc.subarray(NAMES),
        fc.nat(40),
        (entries, wantedList, fromSeed) => {
          const text = entries.map((e) => `${'\n'.repeat(e.gap)}{"address"${e.spaced ? ' : ' : ':'}${JSON.stringify(e.name)}, "x": 1}`).join(',\n');
          const wanted = new Set(wantedList);
          const from = Math.min(fromSeed, text.length);
          expect(addressLines(text, wanted, from)).toEqual(reference(text, wanted, from));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds every resource of a plan listed in order, past a module address', () => {
    const text = ['{"planned_values": {"root_module": {', '"resources": [{"address": "a.x"},', '{"address": "a.y"}],', '"child_modules": [{"address": "module.m",', '"resources": [{"address": "module.m.b.z"}]}]}}}'].join('\n');
    expect([...addressLines(text, new Set(['a.x', 'a.y', 'module.m.b.z']))]).toEqual([
      ['a.x', 2],
      ['a.y', 3],
      ['module.m.b.z', 5],
    ]);
  });
});

describe('plan address lines on one line', () => {
  // `terraform show -json` prints the whole plan on one line: every resource is at line 1, and the
  // sweep must not look for a newline from each match to the end of the text again (quadratic)
  it('are all line 1, for many resources', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `aws_instance.web_${i}`);
    const text = `{"planned_values":{"root_module":{"resources":[${names.map((a) => `{"address":${JSON.stringify(a)},"values":{}}`).join(',')}]}}}`;
    const lines = addressLines(text, new Set(names));
    expect(lines.size).toBe(5000);
    expect([...lines.values()].every((l) => l === 1)).toBe(true);
  });
});

describe('plan resource lines', () => {
  const res = (address: string) => ({ address, mode: 'managed', type: address.split('.').at(-2), name: address.split('.').at(-1), values: {} });
  const lines = (plan: unknown) =>
    parsePlanJson(JSON.stringify(plan, null, 1), 'p.json').map((r) => `${r.id}:${r.location.startLine}`);

  it('point at each resource in planned_values, also with sorted keys (child modules first)', () => {
    const plan = { format_version: '1.2', planned_values: { root_module: { child_modules: [{ address: 'module.m', resources: [res('module.m.a_b.c')] }], resources: [res('a_b.x'), res('a_b.y')] } } };
    const text = JSON.stringify(plan, null, 1).split('\n');
    const lineOfKey = (a: string) => text.findIndex((l) => l.includes(`"address": "${a}"`)) + 1;
    expect(lines(plan)).toEqual([`a_b.x:${lineOfKey('a_b.x')}`, `a_b.y:${lineOfKey('a_b.y')}`, `module.m.a_b.c:${lineOfKey('module.m.a_b.c')}`]);
  });

  it('give a repeated address the line of its first occurrence', () => {
    const plan = { format_version: '1.2', planned_values: { root_module: { resources: [res('a_b.x'), res('a_b.y'), res('a_b.x')] } } };
    const [x1, y, x2] = lines(plan);
    expect(x1).toBe(x2);
    expect(Number(y!.split(':')[1])).toBeGreaterThan(Number(x1!.split(':')[1]));
  });
});
