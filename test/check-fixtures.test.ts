/**
 * The generic check test: every built-in check must ship failing and passing
 * fixtures beside it (`<check>.fixtures/{fail,pass}/`), for every input kind
 * it declares in `meta.sources`. Each failing case must produce exactly the
 * findings listed in `<check>.fixtures/expected.yaml`; each passing case none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinCheckFiles } from '../src/checks/engine/builtin.js';
import { validateCheck } from '../src/checks/engine/validate.js';
import { scan } from '../src/scan/scan.js';

// Fixtures are written as of this day: end-of-life decisions (TET-PATCH-*) and
// suppression expiry read it, so the suite does not change verdicts as time passes.
process.env.TETRAD_TODAY = '2026-11-30';

const files = builtinCheckFiles();

function render(f: { location: { file: string; startLine: number }; resource: { id: string }; verdict: string }): string {
  return `${f.location.file}:${f.location.startLine} ${f.resource.id}${f.verdict === 'unknown' ? ' (unknown)' : ''}`;
}

describe('check fixtures', () => {
  it('finds the built-in checks', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const fixtures = join(dirname(file), `${basename(file).replace(/\.(ts|js)$/, '')}.fixtures`);
    describe(basename(file), async () => {
      const check = validateCheck(((await import(pathToFileURL(file).href)) as { default: unknown }).default, file);
      const failDir = join(fixtures, 'fail');
      const passDir = join(fixtures, 'pass');
      const failCases = existsSync(failDir) ? readdirSync(failDir).sort() : [];
      const passCases = existsSync(passDir) ? readdirSync(passDir).sort() : [];
      const expectedFile = join(fixtures, 'expected.yaml');
      const expected = (existsSync(expectedFile) ? parse(readFileSync(expectedFile, 'utf8')) : {}) as Record<string, string[]>;
      const sourcesSeen = { fail: new Set<string>(), pass: new Set<string>() };

      it(`${check.meta.id} has failing and passing fixtures`, () => {
        expect(failCases.length, `${fixtures}/fail is empty`).toBeGreaterThan(0);
        expect(passCases.length, `${fixtures}/pass is empty`).toBeGreaterThan(0);
        expect(Object.keys(expected).sort(), 'expected.yaml must list exactly the failing cases').toEqual(failCases);
      });

      for (const name of failCases) {
        it(`${check.meta.id} fails on ${name}`, async () => {
          const res = await scan([join(failDir, name)], { checks: [check], cwd: failDir });
          expect(res.errors.filter((e) => e.kind === 'parse'), 'fixtures must parse').toEqual([]);
          res.resources.forEach((r) => sourcesSeen.fail.add(r.source));
          const want = [...(expected[name] ?? [])].sort();
          expect(want.length, `expected.yaml lists no finding for ${name}`).toBeGreaterThan(0);
          expect(res.findings.map(render).sort()).toEqual(want);
        });
      }
      for (const name of passCases) {
        it(`${check.meta.id} passes ${name}`, async () => {
          const res = await scan([join(passDir, name)], { checks: [check], cwd: passDir });
          expect(res.errors.filter((e) => e.kind === 'parse'), 'fixtures must parse').toEqual([]);
          expect(res.resources.length, 'a passing fixture must contain resources').toBeGreaterThan(0);
          res.resources.forEach((r) => sourcesSeen.pass.add(r.source));
          expect(res.findings.map(render)).toEqual([]);
        });
      }
      it(`${check.meta.id} covers every declared source`, () => {
        for (const s of check.meta.sources) {
          expect(sourcesSeen.fail.has(s), `no failing fixture read by the ${s} source`).toBe(true);
          expect(sourcesSeen.pass.has(s), `no passing fixture read by the ${s} source`).toBe(true);
        }
      });
    });
  }
});
