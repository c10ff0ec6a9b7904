/**
 * Evaluation of exploit probabilities on a labelled set: ranking quality,
 * decisions at thresholds and alert budgets, the CVSS ≥ 7 / ≥ 9 baselines,
 * calibration error and expected cost at the Bayes threshold.
 */
import { expectedCalibrationError } from './calibration.js';
import { bayesThreshold, expectedCost, type Costs } from './decision.js';
import { atBudget, atThreshold, averagePrecision, bootstrapInterval, decisionStats, rocAuc, type DecisionStats } from './metrics.js';
import { mulberry32 } from './rng.js';

export const THRESHOLDS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
export const BUDGETS = [0.01, 0.05, 0.1, 0.2];

export interface NamedDecision extends DecisionStats {
  label: string;
  expectedCost?: number;
}

export interface EvaluationReport {
  records: number;
  positives: number;
  baseRate: number;
  model: { rocAuc: number; prAuc: number; ece: number; prAucInterval?: [number, number] };
  cvssRanking: { rocAuc: number; prAuc: number };
  thresholds: NamedDecision[];
  budgets: NamedDecision[];
  baselines: NamedDecision[];
  /** the model at the effort CVSS ≥ 7 spends */
  atCvss7Effort: NamedDecision;
  costs: Costs & { threshold: number };
  costComparison: NamedDecision[];
}

/**
 * @param probs calibrated model probabilities
 * @param labels 1 when known exploited
 * @param cvss CVSS base score per record (undefined when the record has none: never flagged by a baseline)
 */
export function evaluate(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  cvss: (number | undefined)[],
  costs: Costs,
  alertBudget?: number,
  /** bootstrap resamples for a 95% interval of PR-AUC (0: none) */
  bootstrap = 0,
): EvaluationReport {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] ? 1 : 0;
  const cvssRank = cvss.map((s) => s ?? -1);
  const withCost = (d: DecisionStats, label: string): NamedDecision => ({ label, ...d, expectedCost: expectedCost(d, n, costs) });
  const baselines = [
    withCost(decisionStats(cvss.map((s) => s !== undefined && s >= 7), labels), 'CVSS >= 7'),
    withCost(decisionStats(cvss.map((s) => s !== undefined && s >= 9), labels), 'CVSS >= 9'),
  ];
  const threshold = bayesThreshold(costs);
  const bayes = withCost(atThreshold(probs, labels, threshold), `model p >= ${round(threshold, 4)} (Bayes)`);
  // an alert budget replaces the cost threshold by "flag the top share": shown beside the Bayes decision
  const budget = alertBudget === undefined ? [] : [withCost(atBudget(probs, labels, alertBudget), `model top ${round(alertBudget * 100, 2)}% (alert budget)`)];
  return {
    records: n,
    positives,
    baseRate: n ? positives / n : NaN,
    model: {
      rocAuc: rocAuc(probs, labels),
      prAuc: averagePrecision(probs, labels),
      ece: expectedCalibrationError(probs, labels),
      ...(bootstrap > 0 ? { prAucInterval: bootstrapInterval(probs, labels, averagePrecision, bootstrap, mulberry32(1)) } : {}),
    },
    cvssRanking: { rocAuc: rocAuc(cvssRank, labels), prAuc: averagePrecision(cvssRank, labels) },
    thresholds: THRESHOLDS.map((t) => withCost(atThreshold(probs, labels, t), `p >= ${t}`)),
    budgets: BUDGETS.map((b) => withCost(atBudget(probs, labels, b), `top ${b * 100}%`)),
    baselines,
    atCvss7Effort: withCost(atBudget(probs, labels, baselines[0].effort), `top ${round(baselines[0].effort * 100, 1)}% (CVSS >= 7 effort)`),
    costs: { ...costs, threshold },
    costComparison: [
      bayes,
      ...budget,
      ...baselines,
      withCost(decisionStats(new Array<boolean>(n).fill(false), labels), 'flag nothing'),
      withCost(decisionStats(new Array<boolean>(n).fill(true), labels), 'flag everything'),
    ],
  };
}

export function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');

function decisionRows(rows: NamedDecision[]): string[] {
  const w = Math.max(...rows.map((r) => r.label.length), 10);
  const out = [`  ${'decision'.padEnd(w)}  flagged  coverage  efficiency  effort   cost/record`];
  for (const r of rows) {
    out.push(
      `  ${r.label.padEnd(w)}  ${String(r.flagged).padStart(7)}  ${pct(r.coverage).padStart(8)}  ${pct(r.efficiency).padStart(10)}  ${pct(r.effort).padStart(6)}   ${num(r.expectedCost ?? NaN).padStart(11)}`,
    );
  }
  return out;
}

export function renderEvaluation(r: EvaluationReport, title: string): string {
  return [
    title,
    `records ${r.records}, known exploited ${r.positives} (base rate ${pct(r.baseRate)})`,
    '',
    `model       ROC-AUC ${num(r.model.rocAuc)}  PR-AUC ${num(r.model.prAuc)}${r.model.prAucInterval ? ` (95% bootstrap ${num(r.model.prAucInterval[0])}–${num(r.model.prAucInterval[1])})` : ''}  ECE ${num(r.model.ece)}`,
    `CVSS score  ROC-AUC ${num(r.cvssRanking.rocAuc)}  PR-AUC ${num(r.cvssRanking.prAuc)}`,
    '',
    'at thresholds (calibrated probability):',
    ...decisionRows(r.thresholds),
    '',
    'at alert budgets:',
    ...decisionRows([...r.budgets, r.atCvss7Effort]),
    '',
    'baselines:',
    ...decisionRows(r.baselines),
    '',
    `expected cost at the Bayes threshold (miss ${r.costs.fn} : false alarm ${r.costs.fp}, flag when p >= ${round(r.costs.threshold, 4)}):`,
    ...decisionRows(r.costComparison),
    '',
  ].join('\n');
}
