import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyIsotonic, applyPlatt, expectedCalibrationError, fitIsotonic, fitPlatt } from '../../src/ml/calibration.js';
import { sigmoid } from '../../src/ml/logistic.js';
import { mulberry32 } from '../../src/ml/rng.js';

describe('calibration', () => {
  it('computes ECE by hand on a small example', () => {
    // bin [0.1,0.2): p=0.1,0.1 y=0,1 → |0.1-0.5|=0.4, weight 2/4; bin [0.9,1]: p=0.9,0.9 y=1,1 → |0.9-1|=0.1, weight 2/4
    expect(expectedCalibrationError([0.1, 0.1, 0.9, 0.9], [0, 1, 1, 1])).toBeCloseTo(0.25, 12);
    expect(expectedCalibrationError([], [])).toBe(0);
    expect(expectedCalibrationError([1, 0], [1, 0])).toBe(0);
  });

  it('ECE stays within [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 200 }), (rows) => {
        const e = expectedCalibrationError(rows.map((r) => r[0]), rows.map((r) => (r[1] ? 1 : 0)));
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('Platt scaling recovers the slope and intercept of data drawn from a logistic model', () => {
    const random = mulberry32(1);
    const s: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const x = random() * 8 - 4;
      s.push(x);
      y.push(random() < sigmoid(1.5 * x - 2) ? 1 : 0);
    }
    const c = fitPlatt(s, y);
    expect(c.a).toBeCloseTo(1.5, 1);
    expect(c.b).toBeCloseTo(-2, 1);
    expect(expectedCalibrationError(s.map((x) => applyPlatt(c, x)), y)).toBeLessThan(0.02);
  });

  it('Platt scaling is monotone and never outputs exactly 0 or 1 on separable data (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 4, maxLength: 60 }), (scores) => {
        const labels = scores.map((x) => (x > 0 ? 1 : 0));
        const c = fitPlatt(scores, labels);
        expect(c.a).toBeGreaterThanOrEqual(-1e-9);
        const sorted = [...scores].sort((a, b) => a - b);
        const probs = sorted.map((x) => applyPlatt(c, x));
        for (let i = 1; i < probs.length; i++) expect(probs[i]).toBeGreaterThanOrEqual(probs[i - 1] - 1e-12);
        for (const p of probs) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
        }
      }),
    );
  });

  it('isotonic regression by hand', () => {
    // scores 1..4 with labels 1,0,1,1 → first two pool to 0.5
    const c = fitIsotonic([1, 2, 3, 4], [1, 0, 1, 1]);
    expect(c.y).toEqual([0.5, 1]);
    expect(c.x).toEqual([2, 4]);
    expect(applyIsotonic(c, 0)).toBe(0.5);
    expect(applyIsotonic(c, 2.5)).toBe(1);
    expect(applyIsotonic(c, 9)).toBe(1);
  });

  it('isotonic fit is non-decreasing and keeps the mean of the labels (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -30, max: 30 }), fc.boolean()), { minLength: 1, maxLength: 120 }), (rows) => {
        const s = rows.map((r) => r[0]);
        const y = rows.map((r) => (r[1] ? 1 : 0));
        const c = fitIsotonic(s, y);
        for (let k = 1; k < c.y.length; k++) expect(c.y[k]).toBeGreaterThan(c.y[k - 1]);
        const fitted = s.map((x) => applyIsotonic(c, x));
        const mean = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
        expect(mean(fitted)).toBeCloseTo(mean(y), 10);
      }),
    );
  });
});
