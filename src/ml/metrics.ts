/**
 * Ranking and decision metrics for exploit prediction: ROC-AUC, PR-AUC
 * (average precision), and coverage (recall), efficiency (precision) and
 * effort (share flagged) of a decision.
 */

/** ROC-AUC by the rank-sum (Mann–Whitney) formula, ties counted half. NaN without both classes. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let rankSumPos = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k]]) {
      pos++;
      rankSumPos += avgRank;
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * PR-AUC as average precision: the mean, over positives, of the precision at
 * the score of each positive; tied scores form one threshold (so a constant
 * score gives the base rate). NaN without positives.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let totalPos = 0;
  for (let i = 0; i < n; i++) totalPos += labels[i] ? 1 : 0;
  if (totalPos === 0) return NaN;
  let tp = 0;
  let ap = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let groupPos = 0;
    while (j < n && scores[order[j]] === scores[order[i]]) {
      groupPos += labels[order[j]] ? 1 : 0;
      j++;
    }
    tp += groupPos;
    ap += (groupPos / totalPos) * (tp / j);
    i = j;
  }
  return ap;
}

export interface DecisionStats {
  flagged: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** recall: share of exploited CVEs flagged */
  coverage: number;
  /** precision: share of flagged CVEs that are exploited (NaN when nothing is flagged) */
  efficiency: number;
  /** share of all CVEs flagged */
  effort: number;
}

export function decisionStats(flags: ArrayLike<boolean>, labels: ArrayLike<number>): DecisionStats {
  let flagged = 0, tp = 0, pos = 0;
  for (let i = 0; i < labels.length; i++) {
    if (flags[i]) flagged++;
    if (labels[i]) pos++;
    if (flags[i] && labels[i]) tp++;
  }
  return {
    flagged,
    truePositives: tp,
    falsePositives: flagged - tp,
    falseNegatives: pos - tp,
    coverage: pos ? tp / pos : NaN,
    efficiency: flagged ? tp / flagged : NaN,
    effort: labels.length ? flagged / labels.length : NaN,
  };
}

/** Flags every record whose score reaches the threshold. */
export function atThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): DecisionStats {
  return decisionStats(Array.from(scores, (s) => s >= threshold), labels);
}

/**
 * Flags the top `budget` share of records by score (an alert budget), ties
 * broken by order so exactly round(budget·n) are flagged.
 */
export function atBudget(scores: ArrayLike<number>, labels: ArrayLike<number>, budget: number): DecisionStats {
  const n = scores.length;
  const k = Math.round(Math.min(1, Math.max(0, budget)) * n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const flags = new Array<boolean>(n).fill(false);
  for (let i = 0; i < k; i++) flags[order[i]] = true;
  return decisionStats(flags, labels);
}

/**
 * Percentile bootstrap interval of a metric: resample records with
 * replacement `resamples` times (seeded), skip resamples where the metric is
 * undefined (no positive drawn), return the (1−level)/2 and (1+level)/2 quantiles.
 */
export function bootstrapInterval(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  metric: (s: number[], y: number[]) => number,
  resamples: number,
  random: () => number,
  level = 0.95,
): [number, number] {
  const n = scores.length;
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const s: number[] = new Array(n);
    const y: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      s[i] = scores[j];
      y[i] = labels[j];
    }
    const v = metric(s, y);
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return [NaN, NaN];
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))];
  return [at((1 - level) / 2), at((1 + level) / 2)];
}
