import { describe, expect, it } from 'vitest';
import { trainExploitModel } from '../../src/ml/train.js';
import { exploitProbability, modelFromArtifact, packWeights, parseArtifact, unpackWeights } from '../../src/ml/artifact.js';
import { syntheticFleet, cveRecord } from './records.js';

const options = { seed: 3, hashBits: 12, epochs: 8, l2Grid: [1e-4, 1e-3], classWeightPowers: [0.5] };

describe('exploit model training (smoke, synthetic fleet)', () => {
  const { records, kev } = syntheticFleet(3000);

  it('trains, chooses by validation PR-AUC, calibrates and beats CVSS on a learnable fleet, in seconds', () => {
    const started = Date.now();
    const r = trainExploitModel(records, kev, options);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.candidates).toHaveLength(2);
    const chosen = r.artifact.training.chosen as { l2: number };
    const best = r.candidates.reduce((a, c) => (c.validationPrAuc > a.validationPrAuc ? c : a));
    expect(chosen.l2).toBe(best.l2);
    // positives are ~30% of risky and 0.5% of the rest: a real ranking is far above the base rate
    expect(r.test.model.rocAuc).toBeGreaterThan(0.8);
    expect(r.test.model.prAuc).toBeGreaterThan(3 * r.test.baseRate);
    expect(r.test.model.ece).toBeLessThan(0.1);
    // the split is temporal: 2022-01…2023-12 trains, 2024-01…03 validates, 2024-04…05 tests
    const counts = r.artifact.training.counts as Record<string, { records: number }>;
    expect(counts.train.records + counts.validation.records + counts.test.records).toBe(3000);
    expect(counts.test.records).toBeLessThan(counts.validation.records);
  });

  it('is reproducible: the same seed writes the same artifact, another seed a different one', () => {
    const a = trainExploitModel(records, kev, options).artifact;
    const b = trainExploitModel(records, kev, options).artifact;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = trainExploitModel(records, kev, { ...options, seed: 4 }).artifact;
    expect(c.weights.values).not.toBe(a.weights.values);
  });

  it('refuses a split whose months hold no exploited CVE', () => {
    expect(() => trainExploitModel(records, new Set(), options)).toThrow(/no known-exploited CVE/);
  });

  it('scores with the artifact exactly what training measured (pack/unpack round trip)', () => {
    const { artifact } = trainExploitModel(records, kev, options);
    const model = modelFromArtifact(parseArtifact(JSON.stringify(artifact), 'x.json'));
    const risky = cveRecord({ id: 'CVE-2024-9', published: '2024-05-01', description: 'An unauthenticated remote code execution vulnerability in the acme gateway web interface.', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8, cwe: 'CWE-78', vendor: 'acme', product: 'gateway' });
    const dull = cveRecord({ id: 'CVE-2024-10', published: '2024-05-01', description: 'A local denial of service in the widget parser when handling crafted files.', vector: 'CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:N/I:N/A:L', score: 2.5, cwe: 'CWE-400', vendor: 'widgets inc', product: 'parser' });
    expect(exploitProbability(model, risky)).toBeGreaterThan(5 * exploitProbability(model, dull));
  });
});

describe('model artifact', () => {
  it('packs weights to int16 within half a quantum, dropping small ones', () => {
    const w = new Float32Array(16);
    w[1] = 0.5;
    w[3] = -0.25;
    w[7] = 0.00001;
    const packed = packWeights(w, 1e-3);
    expect(packed.count).toBe(2);
    const back = unpackWeights(packed, 4);
    expect(back[1]).toBeCloseTo(0.5, 4);
    expect(back[3]).toBeCloseTo(-0.25, 4);
    expect(back[7]).toBe(0);
  });

  it('rejects a malformed artifact with a clear message', () => {
    expect(() => parseArtifact('{', 'm.json')).toThrow(/m\.json: not JSON/);
    expect(() => parseArtifact('{"format":"other"}', 'm.json')).toThrow(/m\.json: not a tetrad-exploit-model v1 artifact \(format/);
    const w = packWeights(Float32Array.from([1, 0]), 0);
    const bad = { format: 'tetrad-exploit-model', version: 1, name: 'x', kind: 'logistic', hashBits: 8, bias: 0, weights: { ...w, count: 5 }, calibration: { kind: 'platt', a: 1, b: 0 }, training: {}, metrics: {} };
    expect(() => modelFromArtifact(parseArtifact(JSON.stringify(bad), 'm.json'))).toThrow(/corrupt/);
  });
});
