import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOneFile } from './config.js';
import { initHclParser } from './hcl-parser.js';
import { parseFiles } from './parse-pool.js';

const TESTDATA = resolve(import.meta.dirname, 'testdata');

function configFiles(): Array<{ abs: string; shown: string }> {
  const out: Array<{ abs: string; shown: string }> = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.tf') || p.endsWith('.tf.json')) out.push({ abs: p, shown: p.slice(TESTDATA.length + 1) });
    }
  };
  walk(TESTDATA);
  return out.sort((a, b) => a.abs.localeCompare(b.abs));
}

beforeAll(async () => {
  await initHclParser();
});

describe('parallel parsing', () => {
  it('gives the same ASTs and errors on a worker thread as in this thread', async () => {
    const files = configFiles();
    expect(files.length).toBeGreaterThan(10);
    // threshold 1 forces the worker for the second half of the files
    const stats = { onWorker: 0 };
    const parallel = await parseFiles(files, 1, stats);
    expect(stats.onWorker).toBe(files.length - Math.floor(files.length / 2));
    expect([...parallel.keys()].sort()).toEqual(files.map((f) => f.abs));
    for (const f of files) expect(parallel.get(f.abs), f.shown).toEqual(parseOneFile(f.abs, f.shown));
    // the broken fixtures really went through the comparison
    expect(files.filter((f) => parallel.get(f.abs)?.error).length).toBeGreaterThanOrEqual(2);
  });
});
