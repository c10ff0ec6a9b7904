/**
 * L2-regularised, class-weighted logistic regression over sparse hashed
 * features, trained full-batch with Adam. Written here on typed arrays
 * because the sparse gradient is a few lines and an order of magnitude
 * faster than densifying 2^18 features for tfjs. Mini-batches are drawn
 * in an order fixed by the seed, so a seed reproduces the model exactly.
 */
import type { SparseVector } from './features.js';
import { mulberry32, shuffledIndices } from './rng.js';

export interface LogisticModel {
  bits: number;
  bias: number;
  /** dense weights, 2^bits long */
  weights: Float32Array;
}

export interface LogisticOptions {
  bits: number;
  /** L2 penalty on the mean weighted log-loss */
  l2: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  seed: number;
}

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function margin(model: { bias: number; weights: ArrayLike<number> }, x: SparseVector): number {
  let z = model.bias;
  for (let k = 0; k < x.indices.length; k++) z += model.weights[x.indices[k]] * x.values[k];
  return z;
}

/**
 * @param targets per example, the label in [0, 1] (soft labels allowed)
 * @param weights per example, its weight in the mean log-loss (class weights)
 */
export function trainLogistic(xs: SparseVector[], targets: ArrayLike<number>, weights: ArrayLike<number>, opts: LogisticOptions): LogisticModel {
  const dim = 1 << opts.bits;
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const g = new Float64Array(dim);
  let b = 0;
  let mb = 0;
  let vb = 0;
  // features ever seen: only they need gradient steps (the L2 gradient of an unseen weight stays 0)
  const seen = new Uint8Array(dim);
  for (const x of xs) for (let k = 0; k < x.indices.length; k++) seen[x.indices[k]] = 1;
  const active = Uint32Array.from(
    (function* () {
      for (let j = 0; j < dim; j++) if (seen[j]) yield j;
    })(),
  );
  let totalWeight = 0;
  for (let i = 0; i < weights.length; i++) totalWeight += weights[i];
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const random = mulberry32(opts.seed);
  let t = 0;
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const order = shuffledIndices(xs.length, random);
    for (let start = 0; start < order.length; start += opts.batchSize) {
      const end = Math.min(order.length, start + opts.batchSize);
      t++;
      for (const j of active) g[j] = 0;
      let gb = 0;
      // the batch gradient of the weighted mean log-loss, scaled to the whole set
      const scale = xs.length / (end - start);
      for (let q = start; q < end; q++) {
        const i = order[q];
        const x = xs[i];
        let z = b;
        for (let k = 0; k < x.indices.length; k++) z += w[x.indices[k]] * x.values[k];
        const r = ((sigmoid(z) - targets[i]) * weights[i] * scale) / totalWeight;
        gb += r;
        for (let k = 0; k < x.indices.length; k++) g[x.indices[k]] += r * x.values[k];
      }
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      for (const j of active) {
        const gj = g[j] + opts.l2 * w[j];
        m[j] = beta1 * m[j] + (1 - beta1) * gj;
        v[j] = beta2 * v[j] + (1 - beta2) * gj * gj;
        w[j] -= (opts.learningRate * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + eps);
      }
      mb = beta1 * mb + (1 - beta1) * gb;
      vb = beta2 * vb + (1 - beta2) * gb * gb;
      b -= (opts.learningRate * (mb / c1)) / (Math.sqrt(vb / c2) + eps);
    }
  }
  return { bits: opts.bits, bias: b, weights: Float32Array.from(w) };
}
