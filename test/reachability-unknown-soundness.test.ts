/**
 * "Unknown is never safe": in every topology fixture, replacing any one top-level attribute of any
 * resource with an unresolved value must never turn an `exposed` or `unknown` verdict into
 * `not-exposed`. (It may turn `not-exposed` into `unknown`, and `exposed` into `unknown`.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/scan/scan.js';
import { unknown, type Resource } from '../src/model/index.js';
import { normalizeAll } from '../src/model/normalize/index.js';
import { computeAwsEastWestExposures, computeAwsExposures } from '../src/graph/reachability/aws/index.js';
import type { Exposure } from '../src/graph/reachability/types.js';

const ROOT = fileURLToPath(new URL('./reachability/aws/', import.meta.url));
const CASES = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

const key = (e: Exposure): string => `${e.from}|${e.endpointId}|${e.workloadId ?? ''}|${e.protocol}|${e.family ?? ''}`;

/** Verdict of each port of the first 2^16 asked, per key, so split ranges still compare. */
function verdictAt(list: Exposure[], k: string, port: number): Exposure['verdict'] | undefined {
  return list.find((e) => key(e) === k && e.ports.from <= port && port <= e.ports.to)?.verdict;
}

function all(resources: Resource[]): Exposure[] {
  return [...computeAwsExposures(resources), ...computeAwsEastWestExposures(resources)];
}

describe('unknown inputs never make a path safe', () => {
  for (const name of CASES) {
    it(name, async () => {
      const { resources } = await loadModel([join(ROOT, name)]);
      const base = all(resources);
      const reachable = base.filter((e) => e.verdict !== 'not-exposed');
      if (reachable.length === 0) return;
      const problems: string[] = [];
      for (let i = 0; i < resources.length; i++) {
        const r = resources[i]!;
        for (const attr of Object.keys(r.attributes)) {
          const changed: Resource = { ...r, attributes: { ...r.attributes, [attr]: unknown('fuzzed', `var.fuzz_${attr}`) }, references: r.references.filter((x) => x.attribute !== attr && !x.attribute.startsWith(`${attr}[`) && !x.attribute.startsWith(`${attr}.`)) };
          delete changed.network;
          const copy = resources.map((x, j) => (j === i ? changed : { ...x }));
          normalizeAll(copy);
          const after = all(copy);
          for (const e of reachable) {
            const v = verdictAt(after, key(e), e.ports.from);
            if (v === 'not-exposed') problems.push(`${r.id}.${attr} unknown: ${key(e)} ${e.ports.from} ${e.verdict} -> not-exposed`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
