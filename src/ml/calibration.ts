/** Probability calibration (Platt scaling on the model margin) and expected calibration error. */
import { sigmoid } from './logistic.js';

export interface PlattCalibration {
  kind: 'platt';
  a: number;
  b: number;
}

export function applyPlatt(c: PlattCalibration, margin: number): number {
  return sigmoid(c.a * margin + c.b);
}

/**
 * Fits p = sigmoid(a·s + b) to labels by Newton's method on the log-loss,
 * with Platt's smoothed targets ((n+ + 1)/(n+ + 2), 1/(n- + 2)) so a few
 * positives cannot push probabilities to exactly 0 or 1.
 */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>, iterations = 100): PlattCalibration {
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i] ? 1 : 0;
  const neg = labels.length - pos;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const target = (i: number) => (labels[i] ? hi : lo);
  // the log-loss, written stably: log(1+e^z) − t·z
  const loss = (a: number, b: number) => {
    let f = 0;
    for (let i = 0; i < scores.length; i++) {
      const z = a * scores[i] + b;
      f += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - target(i) * z;
    }
    return f;
  };
  // Newton's method with backtracking line search (Lin, Lin & Weng 2007), so it cannot diverge
  let a = 0;
  let b = Math.log((pos + 1) / (neg + 1));
  let f = loss(a, b);
  for (let it = 0; it < iterations; it++) {
    let ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i];
      const p = sigmoid(a * s + b);
      const d = p - target(i);
      const q = p * (1 - p);
      ga += d * s;
      gb += d;
      haa += q * s * s;
      hab += q * s;
      hbb += q;
    }
    if (Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9) break;
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    const slope = ga * da + gb * db;
    let step = 1;
    let improved = false;
    while (step > 1e-10) {
      const fn = loss(a + step * da, b + step * db);
      if (fn <= f + 1e-4 * step * slope) {
        a += step * da;
        b += step * db;
        f = fn;
        improved = true;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { kind: 'platt', a, b };
}

/**
 * Expected calibration error: the share-weighted mean |mean predicted − observed rate|
 * over `bins` equal-width probability bins (empty bins ignored).
 */
export function expectedCalibrationError(probs: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): number {
  const n = probs.length;
  if (n === 0) return 0;
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor(probs[i] * bins)));
    sumP[k] += probs[i];
    sumY[k] += labels[i] ? 1 : 0;
    count[k]++;
  }
  let ece = 0;
  for (let k = 0; k < bins; k++) if (count[k]) ece += (count[k] / n) * Math.abs(sumP[k] / count[k] - sumY[k] / count[k]);
  return ece;
}

/** A non-decreasing step function from margin to probability, fitted by pool-adjacent-violators. */
export interface IsotonicCalibration {
  kind: 'isotonic';
  /** upper margin of each block, ascending */
  x: number[];
  /** probability of each block, non-decreasing */
  y: number[];
}

/** Isotonic regression of labels on scores (pool adjacent violators; tied scores pooled first). */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): IsotonicCalibration {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const xs: number[] = [];
  const sums: number[] = [];
  const counts: number[] = [];
  for (const i of order) {
    const s = scores[i];
    const y = labels[i] ? 1 : 0;
    if (xs.length && xs[xs.length - 1] === s) {
      sums[sums.length - 1] += y;
      counts[counts.length - 1]++;
    } else {
      xs.push(s);
      sums.push(y);
      counts.push(1);
    }
    // pool while the last block's mean does not rise above the previous one's
    while (sums.length > 1 && sums[sums.length - 1] / counts[counts.length - 1] <= sums[sums.length - 2] / counts[counts.length - 2]) {
      const s2 = sums.pop()!;
      const c2 = counts.pop()!;
      const x2 = xs.pop()!;
      sums[sums.length - 1] += s2;
      counts[counts.length - 1] += c2;
      xs[xs.length - 1] = x2;
    }
  }
  return { kind: 'isotonic', x: xs, y: sums.map((s, k) => s / counts[k]) };
}

/** The probability of the first block whose upper margin reaches `margin` (the last block beyond). */
export function applyIsotonic(c: IsotonicCalibration, margin: number): number {
  let lo = 0;
  let hi = c.x.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c.x[mid] >= margin) hi = mid;
    else lo = mid + 1;
  }
  return c.y[lo] ?? 0;
}
