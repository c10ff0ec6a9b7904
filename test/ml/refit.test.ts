/** Refitting the chosen exploit model on train + validation, calibrated on month-wise out-of-fold margins. */
import { describe, expect, it } from 'vitest';
import { trainExploitModel, type TrainOptions } from '../../src/ml/train.js';
import { syntheticFleet } from './records.js';

const options: Partial<TrainOptions> = {
  seed: 3,
  hashBits: 12,
  grid: [{ family: 'boosted-trees', trees: 20, depth: 2, learningRate: 0.2, lambda: 1, minChildWeight: 1, subsample: 0.8 }],
  classWeightPowers: [0.5],
  refit: false,
  final: false,
};

describe('refit on train + validation', () => {
  const { records, kev } = syntheticFleet(3000);
  const plain = trainExploitModel(records, kev, options);
  const refit = trainExploitModel(records, kev, { ...options, refit: true, refitCalibration: 'out-of-fold' });

  it('ships a different model, says so, and keeps the test months unseen', () => {
    expect(refit.artifact.training.refit).toMatch(/out-of-fold/);
    expect(plain.artifact.training.refit).toBeUndefined();
    expect(refit.artifact.kind).toBe('boosted-trees');
    expect(JSON.stringify(refit.artifact)).not.toBe(JSON.stringify(plain.artifact));
    expect(refit.test.records).toBe(plain.test.records);
    // a model that learnt the validation months would look near-perfect on them; out-of-fold margins do not
    expect(refit.validation.model.prAuc).toBeLessThan(0.99);
    expect(refit.test.model.rocAuc).toBeGreaterThan(0.8);
    expect(refit.test.model.ece).toBeLessThan(0.1);
  });

  it('is reproducible', () => {
    expect(JSON.stringify(trainExploitModel(records, kev, { ...options, refit: true, refitCalibration: 'out-of-fold' }).artifact)).toBe(JSON.stringify(refit.artifact));
  });
});

describe('refit calibrated on the validation model', () => {
  const { records, kev } = syntheticFleet(3000);
  const plain = trainExploitModel(records, kev, options);
  const refit = trainExploitModel(records, kev, { ...options, refit: true, refitCalibration: 'validation-model' });

  it('ships the refitted model, reports the validation figures of the model that did not see those months', () => {
    expect(refit.artifact.training.refit).toMatch(/out-of-time/);
    expect(JSON.stringify(refit.artifact)).not.toBe(JSON.stringify(plain.artifact));
    // the validation figures are those of the candidate trained before the validation months
    expect(refit.validation.model.prAuc).toBeCloseTo(plain.validation.model.prAuc, 10);
    expect(refit.test.records).toBe(plain.test.records);
    expect(refit.test.model.rocAuc).toBeGreaterThan(0.8);
    expect(refit.test.model.ece).toBeLessThan(0.1);
  });
});
