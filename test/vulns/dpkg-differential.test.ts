/**
 * Differential test: Tetrad's dpkg ordering against `dpkg --compare-versions` on this machine,
 * over 10,000 generated pairs with epochs, tildes, revisions, letters and leading zeros.
 * dpkg is called in batches (one `sh` loop per 1,000 pairs) so the test takes seconds.
 */
import { execFile, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dpkg } from '../../src/vulns/versions/index.js';

const hasDpkg = spawnSync('dpkg', ['--version']).status === 0;

const ALPHABET = ['0', '1', '2', '9', '10', '00', 'a', 'b', 'z', 'A', '.', '+', '~', '~~', 'rc', 'p', 'ubuntu', 'deb'];

// upstream starts with a digit; revision has no '-'; epochs 0..3 or absent
const part = fc.array(fc.constantFrom(...ALPHABET), { minLength: 0, maxLength: 5 }).map((xs) => xs.join(''));
const upstream = fc
  .tuple(fc.constantFrom('0', '1', '2', '10', '01'), part, fc.boolean(), part)
  .map(([d, a, dash, b]) => (dash ? `${d}${a}-${b.replace(/^$/, '1')}` : `${d}${a}`));
const revision = fc.option(part.map((p) => p.replace(/^$/, '0')), { nil: undefined });
const epoch = fc.option(fc.constantFrom('0', '1', '2', '3', '00'), { nil: undefined });
const version = fc
  .tuple(epoch, upstream, revision)
  .map(([e, u, r]) => `${e !== undefined ? `${e}:` : ''}${u}${r !== undefined ? `-${r}` : ''}`)
  .filter((v) => dpkg.isValid(v));

/** dpkg's verdict per pair: -1, 0 or 1, in one shell per batch. */
function dpkgVerdicts(pairs: [string, string][]): Promise<number[]> {
  const script =
    'while read a b; do if dpkg --compare-versions "$a" lt "$b"; then echo -1; ' +
    'elif dpkg --compare-versions "$a" eq "$b"; then echo 0; else echo 1; fi; done';
  const input = pairs.map(([a, b]) => `${a} ${b}`).join('\n') + '\n';
  return new Promise((resolve, reject) => {
    const child = execFile('sh', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 24 }, (err, out) =>
      err ? reject(err) : resolve(out.trim().split('\n').map(Number)),
    );
    child.stdin!.end(input);
  });
}

describe.skipIf(!hasDpkg)('dpkg ordering against dpkg --compare-versions', () => {
  it('agrees on 10,000 generated pairs', { timeout: 120_000 }, async () => {
    const all = fc.sample(fc.tuple(version, version), { numRuns: 10_000, seed: 20261130 });
    // some pairs compare a version with a near copy of itself, to exercise equality
    for (let i = 0; i < all.length; i += 10) all[i] = [all[i]![0], all[i]![0].replace(/^0:/, '')];
    const batches: [string, string][][] = [];
    for (let i = 0; i < all.length; i += 1000) batches.push(all.slice(i, i + 1000));
    const verdicts = (await Promise.all(batches.map((b) => dpkgVerdicts(b)))).flat();
    expect(verdicts).toHaveLength(all.length);
    const disagreements = all
      .map(([a, b], i) => ({ a, b, dpkg: verdicts[i], tetrad: dpkg.compare(a, b) }))
      .filter((d) => d.dpkg !== d.tetrad);
    expect(disagreements.slice(0, 10)).toEqual([]);
    // the generator must really cover epochs, tildes and revisions
    expect(all.some(([a]) => /^\d+:/.test(a))).toBe(true);
    expect(all.some(([a]) => a.includes('~'))).toBe(true);
    expect(all.some(([a]) => a.includes('-'))).toBe(true);
    expect(verdicts.filter((v) => v === 0).length).toBeGreaterThan(500);
  });
});

describe.runIf(!hasDpkg)('dpkg differential', () => {
  it.skip('skipped: dpkg is not installed on this machine', () => {});
});
