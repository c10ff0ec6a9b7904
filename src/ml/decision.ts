/** Cost-sensitive decisions on calibrated probabilities (Bayes rule). */

export interface Costs {
  /** cost of a missed exploited CVE (false negative) */
  fn: number;
  /** cost of a false alarm (false positive) */
  fp: number;
}

/** A miss is 20 times worse than a false alarm unless told otherwise. */
export const DEFAULT_COSTS: Costs = { fn: 20, fp: 1 };

/** Flag when p ≥ c_fp / (c_fp + c_fn): the threshold where flagging and not flagging cost the same in expectation. */
export function bayesThreshold(costs: Costs): number {
  if (!(costs.fn >= 0 && costs.fp >= 0) || costs.fn + costs.fp === 0) throw new Error('costs must be non-negative and not both zero');
  return costs.fp / (costs.fp + costs.fn);
}

/** Mean cost per record of a decision with these error counts. */
export function expectedCost(stats: { falseNegatives: number; falsePositives: number }, n: number, costs: Costs): number {
  return n ? (stats.falseNegatives * costs.fn + stats.falsePositives * costs.fp) / n : 0;
}
