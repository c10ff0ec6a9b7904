/**
 * A compact gradient-boosted tree ensemble for sparse hashed features,
 * written here because no gradient-boosting library works on this Node
 * (see docs/GUIDE: ml-xgboost crashes past 16 MiB, ml-random-forest makes
 * no splits on imbalanced data). Features are treated as present/absent (the
 * hashed features are one-hot or n-gram presences, so a feature's
 * "histogram" has two bins), which makes split search sparse: a node only
 * visits the features its rows carry, like XGBoost's sparsity-aware split
 * finding. Second-order (Newton) leaves on the weighted log-loss, L2 on
 * leaf values, row subsampling from a seed.
 */
import type { SparseVector } from './features.js';
import { sigmoid } from './logistic.js';
import { mulberry32 } from './rng.js';

/** Trees in flat arrays: `feature[n] < 0` marks a leaf with `value[n]`; a row with the feature goes to `yes[n]`, else `no[n]`. */
export interface Tree {
  feature: number[];
  yes: number[];
  no: number[];
  value: number[];
}

export interface BoostedModel {
  bits: number;
  base: number;
  trees: Tree[];
}

export interface BoostingOptions {
  bits: number;
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values */
  lambda: number;
  /** minimum summed hessian in a child */
  minChildWeight: number;
  /** share of rows drawn (without replacement) for each tree */
  subsample: number;
  seed: number;
}

function has(x: SparseVector, feature: number): boolean {
  let lo = 0;
  let hi = x.indices.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = x.indices[mid];
    if (v === feature) return true;
    if (v < feature) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function treeMargin(tree: Tree, x: SparseVector): number {
  let n = 0;
  while (tree.feature[n] >= 0) n = has(x, tree.feature[n]) ? tree.yes[n] : tree.no[n];
  return tree.value[n];
}

export function boostedMargin(model: BoostedModel, x: SparseVector): number {
  let z = model.base;
  for (const t of model.trees) z += treeMargin(t, x);
  return z;
}

export function trainBoosted(xs: SparseVector[], targets: ArrayLike<number>, weights: ArrayLike<number>, opts: BoostingOptions): BoostedModel {
  const n = xs.length;
  const dim = 1 << opts.bits;
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    sw += weights[i];
    swy += weights[i] * targets[i];
  }
  const base = Math.log(Math.max(swy, 1e-9) / Math.max(sw - swy, 1e-9));
  const margin = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  // per-feature accumulators, reset through the list of touched features
  const fg = new Float64Array(dim);
  const fh = new Float64Array(dim);
  const touched = new Uint8Array(dim);
  const touchedList: number[] = [];
  const random = mulberry32(opts.seed);
  const trees: Tree[] = [];
  const all = Array.from({ length: n }, (_, i) => i);

  for (let t = 0; t < opts.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i]);
      g[i] = weights[i] * (p - targets[i]);
      h[i] = weights[i] * Math.max(p * (1 - p), 1e-6);
    }
    const rows = opts.subsample < 1 ? all.filter(() => random() < opts.subsample) : all;
    const tree: Tree = { feature: [], yes: [], no: [], value: [] };
    const grow = (rowsHere: number[], depth: number): number => {
      const id = tree.feature.length;
      tree.feature.push(-1);
      tree.yes.push(-1);
      tree.no.push(-1);
      tree.value.push(0);
      let G = 0;
      let H = 0;
      for (const i of rowsHere) {
        G += g[i];
        H += h[i];
      }
      tree.value[id] = (-G / (H + opts.lambda)) * opts.learningRate;
      if (depth >= opts.depth || H < 2 * opts.minChildWeight) return id;
      for (const i of rowsHere) {
        const x = xs[i];
        for (let k = 0; k < x.indices.length; k++) {
          const j = x.indices[k];
          if (!touched[j]) {
            touched[j] = 1;
            touchedList.push(j);
          }
          fg[j] += g[i];
          fh[j] += h[i];
        }
      }
      const parentScore = (G * G) / (H + opts.lambda);
      let bestGain = 1e-9;
      let bestFeature = -1;
      for (const j of touchedList) {
        const hy = fh[j];
        const hn = H - hy;
        if (hy >= opts.minChildWeight && hn >= opts.minChildWeight) {
          const gy = fg[j];
          const gn = G - gy;
          const gain = (gy * gy) / (hy + opts.lambda) + (gn * gn) / (hn + opts.lambda) - parentScore;
          if (gain > bestGain || (gain === bestGain && j < bestFeature)) {
            bestGain = gain;
            bestFeature = j;
          }
        }
        fg[j] = 0;
        fh[j] = 0;
        touched[j] = 0;
      }
      touchedList.length = 0;
      if (bestFeature < 0) return id;
      const yesRows: number[] = [];
      const noRows: number[] = [];
      for (const i of rowsHere) (has(xs[i], bestFeature) ? yesRows : noRows).push(i);
      tree.feature[id] = bestFeature;
      tree.yes[id] = grow(yesRows, depth + 1);
      tree.no[id] = grow(noRows, depth + 1);
      return id;
    };
    grow(rows, 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) margin[i] += treeMargin(tree, xs[i]);
  }
  return { bits: opts.bits, base, trees };
}
