/** Renaming duplicate ids: the indexed version renames and retargets exactly as the plain loop did. */
import { dirname } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../src/model/index.js';
import { uniquifyIds } from '../src/scan/scan.js';

/** The plain definition: each later duplicate is renamed, and references to it from its folder follow. */
function reference(resources: Resource[]): void {
  const seen = new Set<string>();
  for (const r of resources) {
    if (!seen.has(r.id)) {
      seen.add(r.id);
      continue;
    }
    const old = r.id;
    r.id = `${old}@${r.location.file}:${r.location.startLine}`;
    seen.add(r.id);
    const dir = dirname(r.location.file);
    for (const other of resources) {
      if (dirname(other.location.file) !== dir) continue;
      for (const ref of other.references) if (ref.target === old) ref.target = r.id;
    }
  }
}

const spec = fc.array(
  fc.record({
    id: fc.constantFrom('a.x', 'a.y', 'b.z', 'a.x@a/main.tf:1'),
    file: fc.constantFrom('a/main.tf', 'a/other.tf', 'b/main.tf'),
    line: fc.integer({ min: 1, max: 3 }),
    targets: fc.array(fc.constantFrom('a.x', 'a.y', 'b.z', 'a.x@a/main.tf:1', 'gone'), { maxLength: 3 }),
  }),
  { maxLength: 12 },
);

interface Item {
  id: string;
  file: string;
  line: number;
  targets: string[];
}

function build(items: Item[]): Resource[] {
  return items.map((it) => ({
    id: it.id,
    type: 't',
    provider: 'aws',
    source: 'terraform',
    name: it.id,
    attributes: {},
    location: { file: it.file, startLine: it.line, endLine: it.line },
    attributeLocations: {},
    references: it.targets.map((target, i) => ({ attribute: `a${i}`, target })),
  }));
}

describe('uniquifyIds', () => {
  it('renames and retargets like the plain loop, whatever the duplicates', () => {
    fc.assert(
      fc.property(spec, (items) => {
        const mine = build(items);
        const theirs = build(items);
        uniquifyIds(mine);
        reference(theirs);
        expect(mine.map((r) => [r.id, r.references.map((x) => x.target)])).toEqual(theirs.map((r) => [r.id, r.references.map((x) => x.target)]));
      }),
      { numRuns: 3000 },
    );
  });

  it('stays linear when every address repeats (two plans of one estate)', () => {
    const n = 20_000;
    const items = Array.from({ length: 2 * n }, (_, i) => ({ id: `aws_instance.i${i % n}`, file: i < n ? 'prod/plan.json' : 'stage/plan.json', line: 1, targets: [`aws_instance.i${(i + 1) % n}`] }));
    const resources = build(items);
    const started = performance.now();
    uniquifyIds(resources);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(resources[n]!.id).toBe('aws_instance.i0@stage/plan.json:1');
    expect(resources[2 * n - 1]!.references[0]!.target).toBe('aws_instance.i0@stage/plan.json:1');
    expect(resources[n - 1]!.references[0]!.target).toBe('aws_instance.i0');
  });
});
