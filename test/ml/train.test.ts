import { describe, expect, it } from 'vitest';
import { trainExploitModel, type TrainOptions } from '../../src/ml/train.js';
import { boostedMargin, trainBoosted } from '../../src/ml/boosting.js';
import { extractFeatures } from '../../src/ml/features.js';
import { exploitProbability, modelFromArtifact, packWeights, parseArtifact, unpackWeights } from '../../src/ml/artifact.js';
import { syntheticFleet, cveRecord } from './records.js';

const options: Partial<TrainOptions> = {
  seed: 3,
  hashBits: 12,
  grid: [
    { family: 'logistic', l2: 1e-4, epochs: 8, batchSize: 128, learningRate: 0.02 },
    { family: 'boosted-trees', trees: 20, depth: 2, learningRate: 0.2, lambda: 1, minChildWeight: 1, subsample: 0.8 },
  ],
  classWeightPowers: [0.5],
  refit: false,
  final: false,
  featureSet: 1,
};

describe('exploit model training (smoke, synthetic fleet)', () => {
  const { records, kev } = syntheticFleet(3000);

  it('trains, chooses by validation PR-AUC, calibrates and beats CVSS on a learnable fleet, in seconds', () => {
    const started = Date.now();
    const r = trainExploitModel(records, kev, options);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.candidates).toHaveLength(2);
    expect(r.candidates.map((c) => c.spec.family)).toEqual(['logistic', 'boosted-trees']);
    const chosen = r.artifact.training.chosen as { spec: { family: string }; validationPrAuc: number };
    const best = r.candidates.reduce((a, c) => (c.validationPrAuc > a.validationPrAuc ? c : a));
    expect(chosen.spec.family).toBe(best.spec.family);
    expect(r.artifact.kind).toBe(best.spec.family);
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
    for (const family of ['logistic', 'boosted-trees'] as const) {
      const one = { ...options, grid: options.grid!.filter((s) => s.family === family) };
      const x = JSON.stringify(trainExploitModel(records, kev, one).artifact);
      expect(x).toBe(JSON.stringify(trainExploitModel(records, kev, one).artifact));
      expect(JSON.stringify(trainExploitModel(records, kev, { ...one, seed: 4 }).artifact)).not.toBe(x);
    }
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

describe('boosted trees', () => {
  it('splits on the feature that separates the classes and ranks by it', () => {
    const xs = Array.from({ length: 200 }, (_, i) => ({ indices: Uint32Array.from(i % 4 === 0 ? [1, 5] : [1, 9]), values: Float32Array.from([1, 1]) }));
    const ys = Float32Array.from(xs, (_, i) => (i % 4 === 0 && i % 8 !== 0 ? 1 : 0));
    const m = trainBoosted(xs, ys, new Float32Array(200).fill(1), { bits: 4, trees: 5, depth: 2, learningRate: 0.5, lambda: 1, minChildWeight: 1, subsample: 1, seed: 1 });
    expect([5, 9]).toContain(m.trees[0].feature[0]);
    expect(boostedMargin(m, xs[0])).toBeGreaterThan(boostedMargin(m, xs[1]));
  });

  it('scores the records of the fleet through their hashed features', () => {
    const { records, kev } = syntheticFleet(400);
    const xs = records.map((r) => extractFeatures(r, 10));
    const ys = Float32Array.from(records, (r) => (kev.has(r.cveMetadata.cveId) ? 1 : 0));
    const m = trainBoosted(xs, ys, new Float32Array(ys.length).fill(1), { bits: 10, trees: 10, depth: 2, learningRate: 0.3, lambda: 1, minChildWeight: 0.5, subsample: 1, seed: 1 });
    expect(m.trees.every((t) => t.feature.length >= 1)).toBe(true);
    expect(new Set(xs.map((x) => boostedMargin(m, x))).size).toBeGreaterThan(1);
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
    expect(() => parseArtifact('{"format":"other"}', 'm.json')).toThrow(/m\.json: not a tetrad-exploit-model v1–v2 artifact \(/);
    const tree = { feature: [3, -1], yes: [1, -1], no: [5, -1], value: [0, 0.1] };
    const boosted = { format: 'tetrad-exploit-model', version: 1, name: 'x', kind: 'boosted-trees', hashBits: 8, base: 0, trees: [tree], calibration: { kind: 'platt', a: 1, b: 0 }, training: {}, metrics: {} };
    expect(() => parseArtifact(JSON.stringify(boosted), 'm.json')).toThrow(/trees\.0: tree children out of order/);
    const w = packWeights(Float32Array.from([1, 0]), 0);
    const bad = { format: 'tetrad-exploit-model', version: 1, name: 'x', kind: 'logistic', hashBits: 8, bias: 0, weights: { ...w, count: 5 }, calibration: { kind: 'platt', a: 1, b: 0 }, training: {}, metrics: {} };
    expect(() => modelFromArtifact(parseArtifact(JSON.stringify(bad), 'm.json'))).toThrow(/corrupt/);
  });
});

describe('blend of bagged boosters and a logistic model', () => {
  const { records, kev } = syntheticFleet(3000);
  const blend: Partial<TrainOptions> = {
    ...options,
    featureSet: 2,
    grid: [
      {
        family: 'blend',
        boosted: { family: 'boosted-trees', trees: 15, depth: 2, learningRate: 0.2, lambda: 1, minChildWeight: 1, subsample: 0.8 },
        bag: 3,
        logistic: { family: 'logistic', l2: 1e-4, epochs: 5, batchSize: 128, learningRate: 0.02 },
        logisticClassWeightPower: 1,
        boostedWeight: 0.5,
      },
    ],
  };

  it('ships every part with its weight, scores as trained, and is reproducible', () => {
    const r = trainExploitModel(records, kev, blend);
    const a = r.artifact;
    expect(a.kind).toBe('blend');
    expect(a.featureSet).toBe(2);
    if (a.kind !== 'blend') throw new Error('not a blend');
    expect(a.parts.map((p) => p.kind)).toEqual(['boosted-trees', 'boosted-trees', 'boosted-trees', 'logistic']);
    // the bag members differ (seeds 3, 4, 5) and share one weight
    expect(new Set(a.parts.slice(0, 3).map((p) => JSON.stringify(p))).size).toBe(3);
    expect(new Set(a.parts.slice(0, 3).map((p) => p.weight)).size).toBe(1);
    expect(a.parts.every((p) => p.weight > 0)).toBe(true);
    expect(r.test.model.rocAuc).toBeGreaterThan(0.8);
    const model = modelFromArtifact(parseArtifact(JSON.stringify(a), 'blend.json'));
    expect(model.featureSet).toBe(2);
    const risky = records.find((x) => kev.has(x.cveMetadata.cveId))!;
    const p = exploitProbability(model, risky);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(JSON.stringify(trainExploitModel(records, kev, blend).artifact)).toBe(JSON.stringify(a));
  });

  it('step 6: refits on every record, calibrated on the held-out model, both artifacts reproducible byte for byte', () => {
    const final: Partial<TrainOptions> = { ...blend, refit: true, final: true };
    const r = trainExploitModel(records, kev, final);
    const again = trainExploitModel(records, kev, final);
    expect(JSON.stringify(again.artifact)).toBe(JSON.stringify(r.artifact));
    expect(JSON.stringify(again.final)).toBe(JSON.stringify(r.final));
    const f = r.final!;
    expect(f.name).toBe('exploit-v1');
    expect(r.artifact.name).toBe('exploit-v1-heldout');
    expect(f.kind).toBe('blend');
    expect(JSON.stringify(f.kind === 'blend' && f.parts)).not.toBe(JSON.stringify(r.artifact.kind === 'blend' && r.artifact.parts));
    // the held-out model's test metrics travel with the final model, which measures nothing on months it has seen
    expect(f.metrics).toEqual({ heldout: r.artifact.metrics });
    expect(f.training.trainedThrough).toBe('2024-05');
    expect((f.training.counts as Record<string, { records: number }>).all.records).toBe(3000);
    // calibrated out-of-time: Platt of the held-out model's margins on the test months, not the held-out calibration
    expect(f.calibration).not.toEqual(r.artifact.calibration);
    // without `final`, the held-out model is what is returned, under its usual name
    const plain = trainExploitModel(records, kev, { ...final, final: false });
    expect(plain.final).toBeUndefined();
    expect(plain.artifact.name).toBe('exploit-v1');
    expect(JSON.stringify({ ...plain.artifact, name: 'x' })).toBe(JSON.stringify({ ...r.artifact, name: 'x' }));
    const model = modelFromArtifact(parseArtifact(JSON.stringify(f), 'final.json'));
    expect(exploitProbability(model, records.find((x) => kev.has(x.cveMetadata.cveId))!)).toBeGreaterThan(0);
  });

  it('a v1 artifact (no featureSet) still scores with feature set 1', () => {
    const v1 = { ...trainExploitModel(records, kev, { ...options, grid: [options.grid![1]] }).artifact, version: 1 } as Record<string, unknown>;
    delete v1.featureSet;
    const model = modelFromArtifact(parseArtifact(JSON.stringify(v1), 'v1.json'));
    expect(model.featureSet).toBe(1);
  });
});
