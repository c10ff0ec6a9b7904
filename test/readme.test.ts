/**
 * The README opens with the two commands and says what the first prints: keep that true.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('opens with exactly the two commands', () => {
    const block = /^# Tetrad\n\n```sh\n([\s\S]*?)```/.exec(readme);
    expect(block?.[1]?.trim().split('\n')).toEqual(['npm ci && npm run scan -- examples/hybrid-estate', 'npm test']);
  });

  it('states the number of findings the example estate really has', async () => {
    process.env.TETRAD_TODAY ??= '2026-11-30';
    const stated = Number(/it prints (\d+) findings/.exec(readme)?.[1]);
    const res = await scan(['examples/hybrid-estate'], { cwd: new URL('..', import.meta.url).pathname });
    expect(res.findings.filter((f) => !f.suppressed).length).toBe(stated);
  });
});
