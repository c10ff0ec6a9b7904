/**
 * CVSS base scores computed from vectors with ae-cvss-calculator (v2, v3.0, v3.1, v4.0), and the
 * qualitative severity of a score (the CVSS v3/v4 rating scale: 0.1–3.9 low, 4.0–6.9 medium,
 * 7.0–8.9 high, 9.0–10.0 critical; 0 is none, reported as info).
 */
// a CommonJS bundle: under Node ESM only its default export (module.exports) can be imported
import cvssCalculator from 'ae-cvss-calculator';

const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;
import type { Severity } from '../model/index.js';

export interface CvssScore {
  version: string;
  vector: string;
  score: number;
}

/** The version a vector is written in: `CVSS:3.1/...` → 3.1, `CVSS:4.0/...` → 4.0, a bare `AV:N/AC:L/Au:N/...` → 2.0. */
export function vectorVersion(vector: string): string | undefined {
  const m = /^CVSS:(\d\.\d)\//.exec(vector.trim());
  if (m) return m[1];
  return /(^|\/)Au:[MSN]/.test(vector) ? '2.0' : undefined;
}

const scored = new Map<string, CvssScore | undefined>();

/** The base score of a vector, or undefined when it is not a valid CVSS vector (memoised: advisories repeat a few vectors). */
export function scoreVector(vector: string): CvssScore | undefined {
  if (scored.has(vector)) return scored.get(vector);
  if (scored.size >= 50_000) scored.clear();
  const out = computeScore(vector);
  scored.set(vector, out);
  return out;
}

function computeScore(vector: string): CvssScore | undefined {
  const v = vector.trim();
  const version = vectorVersion(v);
  try {
    let score: number | undefined;
    if (version === '3.1') score = new Cvss3P1(v).calculateScores().base;
    else if (version === '3.0') score = new Cvss3P0(v).calculateScores().base;
    else if (version === '4.0') score = new Cvss4P0(v).calculateScores().base;
    else if (version === '2.0') score = new Cvss2(v.replace(/^\(|\)$/g, '')).calculateScores().base;
    if (typeof score !== 'number' || Number.isNaN(score)) return undefined;
    return { version: version!, vector: v, score };
  } catch {
    return undefined;
  }
}

export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** An advisory database's own word (`HIGH`, `MODERATE`, `Important`, `negligible`) as a Tetrad severity. */
export function severityOfLabel(label: string): Severity | undefined {
  const l = label.trim().toLowerCase();
  if (l === 'critical') return 'critical';
  if (l === 'high' || l === 'important') return 'high';
  if (l === 'moderate' || l === 'medium') return 'medium';
  if (l === 'low' || l === 'negligible' || l === 'unimportant') return 'low';
  return undefined;
}
