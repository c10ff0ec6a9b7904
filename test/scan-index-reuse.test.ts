/**
 * The risk scores reuse the check context's id and referrer indexes
 * (`runChecks().lookups`) instead of indexing the model again: the scores must
 * be exactly those computed from the risk module's own indexes, including on a
 * model with duplicate ids (last one wins in both) and several referrers.
 * Also: the policy parser's shortcut for texts without an interpolation.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { runChecks } from '../src/checks/engine/run.js';
import { isUnknown, type Finding } from '../src/model/index.js';
import { parsePolicy } from '../src/checks/_lib/iam-policy.js';
import { scoreFindings } from '../src/risk/score.js';
import { loadModel } from '../src/scan/scan.js';

const clone = (fs: Finding[]): Finding[] => JSON.parse(JSON.stringify(fs)) as Finding[];

describe('risk scores from the check context indexes', () => {
  it('are identical to the scores from the risk module indexing the model itself', async () => {
    const { resources } = await loadModel(['examples/hybrid-estate']);
    expect(resources.length).toBeGreaterThan(20);
    const run = runChecks(await loadBuiltinChecks(), resources);
    expect(run.findings.length).toBeGreaterThan(10);
    const own = clone(run.findings);
    const reused = clone(run.findings);
    scoreFindings(own, resources);
    scoreFindings(reused, resources, { lookups: run.lookups });
    expect(reused.map((f) => f.risk)).toEqual(own.map((f) => f.risk));
    // the inputs from other pillars do show up, so the indexes are exercised
    expect(own.some((f) => f.risk?.contributions.some((c) => c.factor === 'internet-exposed' || c.factor === 'privilege'))).toBe(true);
  });

  it('look-ups answer like the model: last resource per id, referrers in model order', async () => {
    const { resources } = await loadModel(['examples/hybrid-estate']);
    const { lookups } = runChecks([], resources);
    const target = resources.find((r) => resources.some((o) => o.references.some((ref) => ref.target === r.id)))!;
    expect(lookups.byId(target.id)).toBe(resources.filter((r) => r.id === target.id).pop());
    expect(lookups.referrers(target.id)).toEqual(resources.flatMap((r) => r.references.filter((ref) => ref.target === target.id).map(() => r)));
    expect(lookups.referrers('no such id')).toEqual([]);
  });
});

describe('policy strings without an interpolation skip the marking walk', () => {
  it('still marks "${...}" written plainly or with \\u escapes, and leaves plain strings alone', () => {
    const resourcesOf = (text: string) => {
      const input = parsePolicy(text);
      if (input.kind !== 'document') throw new Error(input.kind);
      const r = input.document.statements[0]!.resource;
      // a single unknown element stands for the whole list
      return Array.isArray(r) ? r : [r];
    };
    const plain = resourcesOf('{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/*"}}');
    expect(plain).toEqual(['arn:aws:s3:::b/*']);
    const interpolated = resourcesOf('{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"${aws_s3_bucket.b.arn}/*"}}');
    expect(isUnknown(interpolated[0])).toBe(true);
    // "\u0024{" is "${" once parsed: the text has no literal "${" but the value is an interpolation
    const escaped = resourcesOf('{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"\\u0024{aws_s3_bucket.b.arn}/*"}}');
    expect(isUnknown(escaped[0])).toBe(true);
    const escapedBrace = resourcesOf('{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"$\\u007baws_s3_bucket.b.arn}/*"}}');
    expect(isUnknown(escapedBrace[0])).toBe(true);
  });
});
