/**
 * Differential test: Tetrad's rpm ordering against rpm's own `rpm.vercmp` (rpm >= 4.16 parses
 * `[epoch:]version[-release]` and compares as `rpmverCmp`: epoch, then rpmvercmp on version and
 * release), over 10,000 generated pairs with epochs, tildes, carets, letters, separators and
 * leading zeros. rpm runs once per 2,500 pairs: a Lua script (rpm's embedded interpreter) holds
 * the pairs and prints the verdicts. Skipped when `rpm` is not installed (Debian: `apt-get install rpm`).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rpm } from '../../src/vulns/versions/index.js';

const hasRpm = spawnSync('rpm', ['--eval', '%{lua: print(rpm.vercmp("1", "2"))}'], { encoding: 'utf8' }).stdout?.trim() === '-1';

const ALPHABET = ['0', '1', '2', '9', '10', '00', '007', 'a', 'b', 'z', 'A', 'Z', '.', '_', '+', '~', '~~', '^', 'rc', 'el9', 'p', 'git'];
const part = fc.array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: 6 }).map((xs) => xs.join(''));
const nonEmpty = (first: string[]): fc.Arbitrary<string> => fc.tuple(fc.constantFrom(...first), part).map(([f, p]) => f + p);
const version = fc
  .tuple(
    fc.option(fc.constantFrom('0', '1', '2', '10', '00'), { nil: undefined }),
    nonEmpty(['0', '1', '2', '10', '01', 'a', '~', '^']),
    fc.option(nonEmpty(['0', '1', '2', 'el', '~', '^']), { nil: undefined }),
  )
  .map(([e, v, r]) => `${e !== undefined ? `${e}:` : ''}${v}${r !== undefined ? `-${r}` : ''}`)
  .filter((v) => rpm.isValid(v));

const dir = hasRpm ? mkdtempSync(join(tmpdir(), 'tetrad-rpm-')) : '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** rpm's verdicts for a batch, from one `rpm --eval` of a Lua script. */
function rpmVerdicts(pairs: [string, string][], n: number): Promise<number[]> {
  const file = join(dir, `pairs-${n}.lua`);
  // the generated versions are printable ASCII without quotes or backslashes: JSON strings are Lua strings
  // (rpm's Lua print appends to the macro expansion without a newline: each verdict ends with a comma)
  const lines = pairs.map(([a, b]) => `print(rpm.vercmp(${JSON.stringify(a)}, ${JSON.stringify(b)}) .. ",")`);
  writeFileSync(file, lines.join('\n') + '\n');
  return new Promise((resolve, reject) => {
    execFile('rpm', ['--eval', `%{lua: dofile(${JSON.stringify(file)})}`], { encoding: 'utf8', maxBuffer: 1 << 24 }, (err, out) =>
      err ? reject(err) : resolve(out.trim().replace(/,$/, '').split(',').map((x) => Math.sign(Number(x)))),
    );
  });
}

describe.skipIf(!hasRpm)('rpm ordering against rpm.vercmp', () => {
  it('agrees on 10,000 generated pairs', { timeout: 120_000 }, async () => {
    const all = fc.sample(fc.tuple(version, version), { numRuns: 10_000, seed: 20261130 });
    // some pairs compare a version with a near copy of itself (explicit zero epoch, separators), to exercise equality
    for (let i = 0; i < all.length; i += 10) all[i] = [all[i]![0], all[i]![0].replace(/^0:/, '').replace(/\./, '_')];
    for (let i = 5; i < all.length; i += 10) all[i] = [all[i]![0], /^\d+:/.test(all[i]![0]) ? all[i]![0] : `0:${all[i]![0]}`];
    const batches: [string, string][][] = [];
    for (let i = 0; i < all.length; i += 2500) batches.push(all.slice(i, i + 2500));
    const verdicts = (await Promise.all(batches.map((b, n) => rpmVerdicts(b, n)))).flat();
    expect(verdicts).toHaveLength(all.length);
    const disagreements = all
      .map(([a, b], i) => ({ a, b, rpm: verdicts[i], tetrad: rpm.compare(a, b) }))
      .filter((d) => d.rpm !== d.tetrad);
    expect(disagreements.slice(0, 10)).toEqual([]);
    // the generator must really cover epochs, tildes, carets and releases
    expect(all.some(([a]) => /^\d+:/.test(a))).toBe(true);
    expect(all.some(([a]) => a.includes('~'))).toBe(true);
    expect(all.some(([a]) => a.includes('^'))).toBe(true);
    expect(all.some(([a]) => a.includes('-'))).toBe(true);
    expect(verdicts.filter((v) => v === 0).length).toBeGreaterThan(500);
  });
});

describe.runIf(!hasRpm)('rpm differential', () => {
  it.skip('skipped: rpm is not installed on this machine (Debian package `rpm`)', () => {});
});

describe('rpm edge cases found by the differential test (checked against rpm 4.18 rpm.vercmp)', () => {
  it('an absent release sorts below any release, even a tilde one', () => {
    expect(rpm.compare('00:10-~+p', '0:10')).toBe(1);
    expect(rpm.compare('10', '10-~a')).toBe(-1);
    expect(rpm.compare('1.0', '1.0-0')).toBe(-1);
    expect(rpm.compare('10-^', '10')).toBe(1);
    // while a tilde in the version still sorts before the end
    expect(rpm.compare('10~', '10')).toBe(-1);
  });
});
