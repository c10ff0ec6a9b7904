/**
 * The secret scanners' fast paths (pre-filters, memoised names and leaves)
 * must find exactly what the plain definitions find.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scannableStrings } from '../src/checks/_lib/secret-scan.js';
import { awsKeyIds, knownTokens, looksSecretName, nameWords, urlCredentials } from '../src/checks/_lib/secrets.js';
import { createCheckContext } from '../src/checks/engine/context.js';
import { unknown, type Resource, type ValueObject } from '../src/model/index.js';

const TOKENS = (parse(readFileSync(new URL('../data/passwords/token-patterns.yaml', import.meta.url), 'utf8')) as { tokens: Array<{ name: string; pattern: string }> }).tokens;

/** knownTokens as the catalogue defines it: every pattern run on its own. */
function referenceTokens(text: string): Array<{ name: string; token: string }> {
  const out: Array<{ name: string; token: string }> = [];
  for (const t of TOKENS) {
    for (const m of text.matchAll(new RegExp(`(?<![A-Za-z0-9_])${t.pattern}(?![A-Za-z0-9_])`, 'g'))) if (!out.some((o) => o.token === m[0])) out.push({ name: t.name, token: m[0] });
  }
  return out;
}

// fragments that make the patterns match, almost match, or touch a word character
const WHOLE = [`ghp_${'A1b2'.repeat(9)}`, `glpat-${'a'.repeat(20)}`, 'xoxb-12-abcdefgh', `sk_live_${'Z'.repeat(20)}`, `AIza${'q'.repeat(35)}`, `hvs.${'h'.repeat(90)}`, 'AKIAABCDEFGHIJKLMNOP', 'ASIA234567ABCDEFGHIJ'];
const FRAGMENTS = [...WHOLE, 'ghp_', 'gho_', 'github_pat_', 'glpat-', 'npm_', 'xoxb-', '12-', 'https://hooks.slack.com/services/T0A/B0B/', 'sk_live_', 'rk_live_', 'AIza', 'SG.', '.', 'pypi-AgEIcHlwaS5vcmc', 'dckr_pat_', 'hvs.', 'AKIA', 'ASIA', 'postgres://', 'user:', 'p4ss@', 'db', ' ', '_', '-', 'x'];
const textArb = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.stringMatching(/^[A-Za-z0-9]{1,40}$/)), { maxLength: 12 }).map((parts) => parts.join(''));

describe('secret scanner fast paths', () => {
  it('knownTokens finds what every pattern finds on its own', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(knownTokens(text)).toEqual(referenceTokens(text));
      }),
      { numRuns: 3000 },
    );
    const ghp = WHOLE[0]!;
    let found = 0;
    fc.assert(
      fc.property(textArb, (text) => {
        if (knownTokens(text).length > 0) found++;
      }),
      { numRuns: 500, seed: 7 },
    );
    expect(found).toBeGreaterThan(20);
    expect(knownTokens(`x ${ghp} y`)).toEqual(referenceTokens(`x ${ghp} y`));
    expect(knownTokens(`x ${ghp} y`)).toHaveLength(1);
  });

  it('awsKeyIds and urlCredentials agree with their patterns', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        expect(awsKeyIds(text)).toEqual([...text.matchAll(/\b((?:AKIA|ASIA)[A-Z2-7]{16})\b/g)].map((m) => m[1]));
        if (!/:\/\/[^\s:/?#@'"]+:[^\s/?#@'"]+@/.test(text)) expect(urlCredentials(text)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a name the same verdict however often it is asked', () => {
    const names = ['DB_PASSWORD', 'password', 'PASSWORD_FILE', 'token_url', 'apiKey', 'name', 'Password', 'client_secret', 'tags', ''];
    const first = names.map(looksSecretName);
    expect(names.map(looksSecretName)).toEqual(first);
    expect(first.slice(0, 3)).toEqual([true, true, false]);
    expect(nameWords('dbPassword')).toEqual(['db', 'password']);
  });

  it('scannableStrings through the context equals the plain walk, and is computed once', () => {
    const attrs: ValueObject = {
      user_data: 'export TOKEN=x',
      tags: { Name: 'a', note: 'postgres://u:p@h' },
      metadata: { 'startup-script': 's', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      list: ['a', unknown('c'), { user_data_base64: 'b' }],
    };
    const r: Resource = { id: 'x', type: 't', provider: 'aws', source: 'terraform', name: 'x', attributes: attrs, location: { file: 'f', startLine: 1, endLine: 1 }, attributeLocations: {}, references: [] };
    const ctx = createCheckContext([r]);
    const plain = scannableStrings(r);
    expect(plain.map((l) => l.path)).toEqual(['tags.Name', 'tags.note', 'list[0]']);
    expect(scannableStrings(r, ctx)).toEqual(plain);
    expect(scannableStrings(r, ctx)).toBe(scannableStrings(r, ctx));
  });
});
