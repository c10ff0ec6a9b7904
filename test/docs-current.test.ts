import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { renderChecksMarkdown } from '../src/checks/engine/docs.js';

describe('docs/checks.md', () => {
  it('is current with the checks\' metadata (run `npm run docs:checks` to refresh)', async () => {
    const want = renderChecksMarkdown(await loadBuiltinChecks());
    expect(readFileSync(new URL('../docs/checks.md', import.meta.url), 'utf8')).toBe(want);
  });
});
