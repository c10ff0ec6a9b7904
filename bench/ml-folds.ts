/**
 * Rolling-origin comparison of exploit-model variants (issue #7), never reading the test months:
 *   fold A: train < 2023-07 → validate 2023-07…09
 *   fold B: train < 2023-10 → validate 2023-10…12
 *   fold C: train < 2024-01 → validate 2024-01…03 (the official validation months)
 * Each variant's per-fold validation margins are cached (MLCACHE, default /tmp/mlcache) so blends reuse them.
 *
 *   node --import tsx bench/ml-folds.ts [variant ...]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadKevIds, loadRecords, type CveRecord } from '../src/ml/cve-record.js';
import { publishedMonth } from '../src/ml/split.js';
import { extractFeatures, DEFAULT_HASH_BITS, type SparseVector } from '../src/ml/features.js';
import { trainBoosted, boostedMargin } from '../src/ml/boosting.js';
import { trainLogistic, margin as linearMargin } from '../src/ml/logistic.js';
import { averagePrecision, rocAuc, atBudget } from '../src/ml/metrics.js';
import { CVE_RECORDS_FILE, KEV_FILE } from '../src/ml/paths.js';
import { trainingTarget } from '../src/ml/labels.js';
import { classWeights } from '../src/ml/train.js';

const CACHE = process.env.MLCACHE ?? '/tmp/mlcache';
mkdirSync(CACHE, { recursive: true });
// LAG=1: train only up to one quarter before each validation window (does the newest quarter help? → refit or not)
const LAG = process.env.LAG === '1';
const FOLDS = [
  { name: 'A', trainTo: LAG ? '2023-04' : '2023-07', validationFrom: '2023-07', validationTo: '2023-10' },
  { name: 'B', trainTo: LAG ? '2023-07' : '2023-10', validationFrom: '2023-10', validationTo: '2024-01' },
  { name: 'C', trainTo: LAG ? '2023-10' : '2024-01', validationFrom: '2024-01', validationTo: '2024-04' },
];
const bits = DEFAULT_HASH_BITS;

/** ys: the KEV labels (class weights); targets: the training targets (KEV, or SSVC "poc" soft targets) */
type Fit = (xs: SparseVector[], ys: Uint8Array, seed: number, targets?: Float32Array) => (x: SparseVector) => number;
const boost = (depth: number, trees: number, lr: number, power = 0.5, subsample = 0.8, minChildWeight = 1, lambda = 1): Fit => (xs, ys, seed, targets) => {
  const m = trainBoosted(xs, targets ?? ys, classWeights(ys, power), { bits, trees, depth, learningRate: lr, lambda, minChildWeight, subsample, seed });
  return (x) => boostedMargin(m, x);
};
const logit = (l2: number, power = 1): Fit => (xs, ys, seed, targets) => {
  const m = trainLogistic(xs, targets ?? ys, classWeights(ys, power), { bits, l2, epochs: 20, batchSize: 256, learningRate: 0.02, seed });
  return (x) => linearMargin(m, x);
};

/** base variants: a model fit, a seed, and the feature extractor; cached per fold */
const BASE: Record<string, { fit: Fit; seed: number; poc?: number }> = {};
for (const seed of [7, 1, 2, 3, 4, 5, 6, 8]) {
  BASE[`gb3-s${seed}`] = { fit: boost(3, 200, 0.1), seed };
  BASE[`gb2-s${seed}`] = { fit: boost(2, 300, 0.1), seed };
  BASE[`gb3w1-s${seed}`] = { fit: boost(3, 200, 0.1, 1), seed };
  BASE[`gb3lr05-s${seed}`] = { fit: boost(3, 300, 0.05), seed };
  BASE[`gb3ss5-s${seed}`] = { fit: boost(3, 200, 0.1, 0.5, 0.5), seed };
}
for (const seed of [7, 1, 2]) {
  BASE[`lr1e-4-s${seed}`] = { fit: logit(1e-4), seed };
  BASE[`lr3e-5-s${seed}`] = { fit: logit(3e-5, 0.5), seed };
  BASE[`lr3e-5w1-s${seed}`] = { fit: logit(3e-5, 1), seed };
  BASE[`lr3e-4w1-s${seed}`] = { fit: logit(3e-4, 1), seed };
  BASE[`lr1e-4w05-s${seed}`] = { fit: logit(1e-4, 0.5), seed };
  BASE[`lr1e-3w1-s${seed}`] = { fit: logit(1e-3, 1), seed };
  // SSVC "poc" as a soft training target (never an input)
  BASE[`lr1e-4w05-poc0.05-s${seed}`] = { fit: logit(1e-4, 0.5), seed, poc: 0.05 };
  BASE[`lr1e-4w05-poc0.1-s${seed}`] = { fit: logit(1e-4, 0.5), seed, poc: 0.1 };
  BASE[`gb3-poc0.1-s${seed}`] = { fit: boost(3, 200, 0.1), seed, poc: 0.1 };
}

async function main() {
  const kev = loadKevIds(KEV_FILE);
  // the test months (2024-04 on) are never loaded
  const records = await loadRecords(CVE_RECORDS_FILE, (r) => (r.cveMetadata.state ?? 'PUBLISHED') === 'PUBLISHED' && (publishedMonth(r) ?? '9999') < '2024-04');
  const featureSet = `${process.env.FEATURES ?? 'base'}${LAG ? '-lag' : ''}`;
  const t0 = process.cpuUsage();
  const xs = records.map((r) => extractFeatures(r, bits, featureSet.startsWith('plus') ? 2 : 1));
  const ys = Uint8Array.from(records, (r: CveRecord) => (kev.has(r.cveMetadata.cveId) ? 1 : 0));
  const months = records.map((r) => publishedMonth(r)!);
  console.error(`features (${featureSet}) for ${records.length} records: ${((process.cpuUsage(t0).user) / 1e6).toFixed(1)} s CPU`);

  const wanted = process.argv.slice(2);
  for (const name of wanted) {
    const spec = BASE[name];
    if (!spec) throw new Error(`unknown variant ${name}`);
    for (const fold of FOLDS) {
      const file = `${CACHE}/${featureSet}.${name}.${fold.name}.json`;
      if (existsSync(file)) continue;
      const tr = months.map((m, i) => (m < fold.trainTo ? i : -1)).filter((i) => i >= 0);
      const va = months.map((m, i) => (m >= fold.validationFrom && m < fold.validationTo ? i : -1)).filter((i) => i >= 0);
      const c0 = process.cpuUsage();
      const targets = spec.poc ? Float32Array.from(tr, (i) => trainingTarget(records[i], kev, spec.poc!)) : undefined;
      const f = spec.fit(tr.map((i) => xs[i]), Uint8Array.from(tr, (i) => ys[i]), spec.seed, targets);
      const margins = va.map((i) => f(xs[i]));
      const cpu = process.cpuUsage(c0).user / 1e6;
      writeFileSync(file, JSON.stringify({ margins, ys: va.map((i) => ys[i]), cpu }));
      console.error(`${featureSet} ${name} fold ${fold.name}: AP ${averagePrecision(margins, va.map((i) => ys[i])).toFixed(4)} (${cpu.toFixed(1)} s CPU)`);
    }
  }
}

/** Reads cached margins; a blend is `a+b+c` (mean margin of bag members) or `w*X|Y` weights are not needed here. */
export function cached(featureSet: string, name: string, fold: string): { margins: number[]; ys: number[] } {
  return JSON.parse(readFileSync(`${CACHE}/${featureSet}.${name}.${fold}.json`, 'utf8'));
}
export { FOLDS, averagePrecision, rocAuc, atBudget };

if (process.argv[1]?.endsWith('ml-folds.ts')) await main();
