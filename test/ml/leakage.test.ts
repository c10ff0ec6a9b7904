import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractFeatures, FEATURE_SETS } from '../../src/ml/features.js';
import { exploitProbability, modelFromArtifact, readArtifact } from '../../src/ml/artifact.js';
import { SHIPPED_MODEL_FILE } from '../../src/ml/paths.js';
import { formatScore } from '../../src/ml/score.js';
import { cveRecord, withLeakyFields } from './records.js';

const base = cveRecord({
  id: 'CVE-2024-21887',
  published: '2024-01-12T00:00:00',
  description: 'A command injection vulnerability in web components of Ivanti Connect Secure allows an authenticated administrator to send specially crafted requests and execute arbitrary commands.',
  vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H',
  score: 9.1,
  cwe: 'CWE-77',
  vendor: 'Ivanti',
  product: 'Connect Secure',
});

describe('no leakage: KEV and SSVC Exploitation are never inputs', () => {
  const model = modelFromArtifact(readArtifact(SHIPPED_MODEL_FILE));

  it('scores a record identically with and without KEV and SSVC fields', () => {
    for (const exploitation of ['none', 'poc', 'active'] as const) {
      const leaky = withLeakyFields(base, exploitation);
      for (const set of FEATURE_SETS) expect(extractFeatures(leaky, undefined, set)).toEqual(extractFeatures(base, undefined, set));
      const a = formatScore({ cveId: base.cveMetadata.cveId, probability: exploitProbability(model, base) });
      const b = formatScore({ cveId: leaky.cveMetadata.cveId, probability: exploitProbability(model, leaky) });
      expect(b).toBe(a);
    }
  });

  it('ignores any content of the ADP "other" metrics (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('none', 'poc', 'active'), fc.jsonValue(), (exploitation, junk) => {
        const leaky = withLeakyFields(base, exploitation);
        leaky.containers.adp![0].metrics!.push({ other: { type: 'ssvc', content: junk } });
        expect(exploitProbability(model, leaky)).toBe(exploitProbability(model, base));
      }),
      { numRuns: 50 },
    );
  });

  it('does change with a feature it should read (the test can fail)', () => {
    const other = cveRecord({
      id: base.cveMetadata.cveId,
      published: '2024-01-12T00:00:00',
      description: 'A low severity information disclosure in a help page of a desktop note-taking app.',
      vector: 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N',
      score: 1.8,
      cwe: 'CWE-200',
    });
    expect(exploitProbability(model, other)).not.toBe(exploitProbability(model, base));
  });
});

describe('auxiliary label', () => {
  it('reads SSVC Exploitation only as a training target, case-insensitively', async () => {
    const { ssvcExploitation, trainingTarget } = await import('../../src/ml/labels.js');
    expect(ssvcExploitation(base)).toBeUndefined();
    expect(ssvcExploitation(withLeakyFields(base, 'poc'))).toBe('poc');
    const upper = withLeakyFields(base, 'poc');
    (upper.containers.adp![0].metrics![0].other!.content as { options: Record<string, string>[] }).options[0].Exploitation = 'PoC';
    expect(ssvcExploitation(upper)).toBe('poc');
    expect(trainingTarget(withLeakyFields(base, 'poc'), new Set(), 0.2)).toBe(0.2);
    expect(trainingTarget(withLeakyFields(base, 'poc'), new Set(), 0)).toBe(0);
    expect(trainingTarget(base, new Set([base.cveMetadata.cveId]), 0.2)).toBe(1);
  });
});
