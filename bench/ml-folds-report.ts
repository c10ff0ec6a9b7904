/**
 * Summarises cached rolling-origin margins (bench/ml-folds.ts): per-fold validation PR-AUC (average precision),
 * their mean, ROC-AUC and coverage at 10% effort, for single models, bags (`a+b+c`: mean margin) and blends
 * (`w*X,Y`: w·X + (1−w)·Y after scaling each to unit standard deviation on its fold's validation margins —
 * the scale only; ranks inside one model are untouched).
 *
 *   node --import tsx bench/ml-folds-report.ts base:gb3-s7 base:gb3-s1+gb3-s2+gb3-s3 '0.5*base:gb3-s7+gb3-s1,base:lr1e-4-s7'
 */
import { cached, FOLDS, averagePrecision, rocAuc, atBudget } from './ml-folds.js';
import { fitPlatt, applyPlatt, expectedCalibrationError } from '../src/ml/calibration.js';
import { standardDeviation } from '../src/ml/train.js';


function bag(spec: string, fold: string): { margins: number[]; ys: number[] } {
  const [set, names] = spec.includes(':') ? spec.split(':') : ['base', spec];
  const parts = names.split('+').map((n) => cached(set, n, fold));
  const margins = parts[0].margins.map((_, i) => parts.reduce((a, p) => a + p.margins[i], 0) / parts.length);
  return { margins, ys: parts[0].ys };
}

function variant(spec: string, fold: string): { margins: number[]; ys: number[] } {
  const m = /^([\d.]+)\*(.+),(.+)$/.exec(spec);
  if (!m) return bag(spec, fold);
  const w = Number(m[1]);
  const a = bag(m[2], fold);
  const b = bag(m[3], fold);
  const sa = standardDeviation(a.margins);
  const sb = standardDeviation(b.margins);
  return { margins: a.margins.map((x, i) => (w * x) / sa + ((1 - w) * b.margins[i]) / sb), ys: a.ys };
}

const rows: string[] = ['| variant | AP fold A (2023-Q3) | AP fold B (2023-Q4) | AP fold C (2024-Q1) | mean AP | mean ROC-AUC | mean coverage @10% | ECE, Platt of fold B on fold C |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
for (const spec of process.argv.slice(2)) {
  try {
    const per = FOLDS.map((f) => variant(spec, f.name));
    const ap = per.map((p) => averagePrecision(p.margins, p.ys));
    const roc = per.map((p) => rocAuc(p.margins, p.ys));
    const cov = per.map((p) => atBudget(p.margins, p.ys, 0.1).coverage);
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    // time-safe calibration as it ships: Platt fitted on an older model's validation margins, applied to the next model
    const platt = fitPlatt(per[1].margins, per[1].ys);
    const ece = expectedCalibrationError(per[2].margins.map((m) => applyPlatt(platt, m)), per[2].ys);
    rows.push(`| ${spec} | ${ap.map((x) => x.toFixed(3)).join(' | ')} | **${mean(ap).toFixed(3)}** | ${mean(roc).toFixed(3)} | ${(100 * mean(cov)).toFixed(1)}% | ${ece.toFixed(4)} |`);
  } catch (err) {
    rows.push(`| ${spec} | (not yet computed: ${(err as Error).message.slice(0, 60)}) |`);
  }
}
console.log(rows.join('\n'));
