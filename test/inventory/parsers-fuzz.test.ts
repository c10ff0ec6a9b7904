/** Every inventory parser takes any text without throwing; what it reports names the file and a real line. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARSERS } from '../../src/inventory/parsers/index.js';

const SAMPLE_PATHS: Record<string, string> = {
  dpkg: 'var/lib/dpkg/status',
  apk: 'lib/apk/db/installed',
  rpm: 'rpm-qa.txt',
  'os-release': 'etc/os-release',
  'package-lock': 'package-lock.json',
  'yarn-lock': 'yarn.lock',
  'pnpm-lock': 'pnpm-lock.yaml',
  requirements: 'requirements.txt',
  'poetry-lock': 'poetry.lock',
  'pipfile-lock': 'Pipfile.lock',
  'go-mod': 'go.mod',
  'go-sum': 'go.sum',
  'cargo-lock': 'Cargo.lock',
  'gemfile-lock': 'Gemfile.lock',
  'composer-lock': 'composer.lock',
  'maven-pom': 'pom.xml',
};

// text made of the characters these formats are built from, so the parsers get past their first line
const piece = fc.constantFrom('Package: a\n', 'Status: install ok installed\n', 'Version: 1.0\n', '\n', ' ', 'P:x\n', 'V:1\n', '{', '}', '[', ']', '"', ':', ',', '=', '==', 'require (', ')', 'v1.2.3', 'name = "x"', '[[package]]', '<project>', '</project>', '<dependency>', '  specs:\n', 'GEM\n', '    a (1.0)\n', '\\', '#', '${x}', '-r', 'node_modules/', '"packages":', '\t', '\r\n');
const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 40 }).map((p) => p.join('')));

describe('inventory parsers on arbitrary input', () => {
  it('has a sample path for every registered parser', () => {
    expect(PARSERS.map((p) => p.kind).sort()).toEqual(Object.keys(SAMPLE_PATHS).sort());
  });
  for (const entry of PARSERS) {
    it(`${entry.kind} never throws and locates what it reports`, () => {
      const file = SAMPLE_PATHS[entry.kind]!;
      fc.assert(
        fc.property(text, (t) => {
          const inv = entry.parse(t, file);
          const lineCount = t.split('\n').length;
          for (const e of [...inv.errors, ...(inv.notes ?? [])]) {
            expect(e.file).toBe(file);
            if (e.line !== undefined) expect(e.line).toBeGreaterThanOrEqual(1);
            if (e.line !== undefined) expect(e.line).toBeLessThanOrEqual(lineCount + 1);
          }
          for (const p of inv.packages) {
            expect(p.location.file).toBe(file);
            expect(p.location.startLine).toBeGreaterThanOrEqual(1);
            expect(p.location.endLine).toBeLessThanOrEqual(lineCount);
            expect(p.name.length).toBeGreaterThan(0);
            expect(p.version.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 300, seed: 7 },
      );
    });
  }
});
