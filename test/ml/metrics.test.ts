import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atBudget, atThreshold, averagePrecision, bootstrapInterval, rocAuc } from '../../src/ml/metrics.js';
import { mulberry32 } from '../../src/ml/rng.js';
import { bayesThreshold, expectedCost, DEFAULT_COSTS } from '../../src/ml/decision.js';

describe('ranking metrics', () => {
  it('ROC-AUC by hand', () => {
    // positives at 0.8 and 0.4, negatives at 0.6, 0.2: pairs (0.8>0.6, 0.8>0.2, 0.4<0.6, 0.4>0.2) → 3/4
    expect(rocAuc([0.8, 0.6, 0.4, 0.2], [1, 0, 1, 0])).toBe(0.75);
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(rocAuc([1, 2], [1, 1])).toBeNaN();
  });

  it('average precision by hand', () => {
    // ranked 0.9(1) 0.8(0) 0.7(1) 0.1(0): (1/1 + 2/3) / 2
    expect(averagePrecision([0.9, 0.8, 0.7, 0.1], [1, 0, 1, 0])).toBeCloseTo((1 + 2 / 3) / 2, 12);
    // a constant score is worth the base rate
    expect(averagePrecision([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 0])).toBeCloseTo(0.25, 12);
    expect(averagePrecision([1, 2], [0, 0])).toBeNaN();
  });

  const labelled = fc
    .array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.boolean()), { minLength: 2, maxLength: 80 })
    .filter((rows) => rows.some((r) => r[1]) && rows.some((r) => !r[1]));

  it('ROC-AUC is invariant under monotone transforms and flips when scores are negated (property)', () => {
    fc.assert(
      fc.property(labelled, (rows) => {
        const s = rows.map((r) => r[0]);
        const y = rows.map((r) => (r[1] ? 1 : 0));
        const auc = rocAuc(s, y);
        expect(rocAuc(s.map((x) => Math.atan(x) * 3 + 1), y)).toBeCloseTo(auc, 12);
        expect(rocAuc(s.map((x) => -x), y)).toBeCloseTo(1 - auc, 12);
        const ap = averagePrecision(s, y);
        expect(ap).toBeGreaterThan(0);
        expect(ap).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('bootstrap interval', () => {
  it('brackets the point estimate, is reproducible, and collapses for a constant metric', () => {
    const random = mulberry32(9);
    const s = Array.from({ length: 400 }, () => random());
    const y = s.map((x) => (random() < x * 0.3 ? 1 : 0));
    const ci = bootstrapInterval(s, y, averagePrecision, 200, mulberry32(1));
    const ap = averagePrecision(s, y);
    expect(ci[0]).toBeLessThan(ap);
    expect(ci[1]).toBeGreaterThan(ap);
    expect(bootstrapInterval(s, y, averagePrecision, 200, mulberry32(1))).toEqual(ci);
    expect(bootstrapInterval(s, y, () => 0.5, 20, mulberry32(1))).toEqual([0.5, 0.5]);
    expect(bootstrapInterval([1, 2], [0, 0], averagePrecision, 20, mulberry32(1))).toEqual([NaN, NaN]);
  });
});

describe('decisions', () => {
  it('coverage, efficiency and effort at a threshold and a budget', () => {
    const s = [0.9, 0.8, 0.7, 0.1, 0.05];
    const y = [1, 0, 1, 0, 1];
    const t = atThreshold(s, y, 0.75);
    expect(t).toMatchObject({ flagged: 2, truePositives: 1, falsePositives: 1, falseNegatives: 2 });
    expect(t.coverage).toBeCloseTo(1 / 3, 12);
    expect(t.efficiency).toBe(0.5);
    expect(t.effort).toBe(0.4);
    const b = atBudget(s, y, 0.6);
    expect(b).toMatchObject({ flagged: 3, truePositives: 2 });
    expect(atBudget([0.5, 0.5, 0.5, 0.5], [1, 0, 0, 0], 0.5).flagged).toBe(2);
    expect(atThreshold(s, y, 2).efficiency).toBeNaN();
  });

  it('Bayes threshold and expected cost', () => {
    expect(bayesThreshold(DEFAULT_COSTS)).toBeCloseTo(1 / 21, 12);
    expect(bayesThreshold({ fn: 1, fp: 1 })).toBe(0.5);
    expect(() => bayesThreshold({ fn: 0, fp: 0 })).toThrow();
    expect(expectedCost({ falseNegatives: 2, falsePositives: 10 }, 100, { fn: 20, fp: 1 })).toBe(0.5);
  });

  it('flagging at the Bayes threshold never costs more than any other threshold on calibrated data (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (ps, other) => {
        // expected cost under the model's own probabilities: flag costs (1-p)·fp, not flagging costs p·fn
        const cost = (t: number) => ps.reduce((c, p) => c + (p >= t ? (1 - p) * 1 : p * 20), 0);
        expect(cost(bayesThreshold({ fn: 20, fp: 1 }))).toBeLessThanOrEqual(cost(other) + 1e-9);
      }),
    );
  });
});
