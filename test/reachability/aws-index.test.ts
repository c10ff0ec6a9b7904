/**
 * The AWS engine given the check context's indexes (`ModelIndex`: ids and types, as
 * TET-PORTS-029/030 pass them) gives exactly the flows it gives from the resources alone, on
 * every AWS topology fixture.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/scan/scan.js';
import { awsFlows } from '../../src/graph/reachability/aws/index.js';
import { createCheckContext } from '../../src/checks/engine/context.js';

const ROOT = fileURLToPath(new URL('./aws', import.meta.url));
const cases = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory());

describe('awsFlows with the context indexes', () => {
  it('has AWS fixtures to compare', () => expect(cases.length).toBeGreaterThan(5));
  for (const c of cases) {
    it(`${c}: same flows with and without the indexes`, async () => {
      const { resources } = await loadModel([join(ROOT, c)], { cwd: join(ROOT, c) });
      const plain = awsFlows(resources);
      const indexed = awsFlows(resources, {}, createCheckContext(resources));
      expect(indexed).toEqual(plain);
    });
  }
});
