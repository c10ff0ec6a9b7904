import type { Location } from './location.js';

export const PILLARS = ['ports', 'privileges', 'passwords', 'patches'] as const;
export type Pillar = (typeof PILLARS)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse. */
export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

export interface FindingResource {
  id: string;
  type: string;
  provider: string;
}

export interface Suppression {
  reason: string;
  /** last day the suppression applies (YYYY-MM-DD); after it the finding is reported again */
  expires?: string;
  /** where the suppression was declared: "inline FILE:LINE" (a tetrad:ignore comment) or "config FILE:LINE" (.tetrad.yaml) */
  origin: string;
}

/** A known vulnerability behind a patches finding (issue #6). */
export interface VulnerabilityFacts {
  /** the advisory ids (OSV id first) and their aliases (CVE, GHSA) */
  ids: string[];
  package: { ecosystem: string; name: string; installed: string; fixed: string[] };
  /** base scores computed from the advisory's vectors */
  cvss?: { version: string; vector: string; score: number }[];
  /** in the CISA KEV catalog (when imported) */
  kev?: boolean;
  /** EPSS probability (when imported) */
  epss?: number;
  /** the exploit-likelihood model's calibrated probability for its CVEs (issue #7) */
  exploitProbability?: number;
}

/** One named input of a finding's risk score and what it added. */
export interface RiskContribution {
  /** stable input name: 'severity', 'exploit-likelihood', 'kev', 'internet-exposed', 'privilege' ... */
  factor: string;
  points: number;
  /** readable: "internet-exposed +30" */
  label: string;
}

/** The contract every output builds on. */
export interface Finding {
  checkId: string;
  pillar: Pillar;
  severity: Severity;
  title: string;
  /** "fail": the check found the weakness; "unknown": it depends on a value we could not resolve */
  verdict: 'fail' | 'unknown';
  message: string;
  resource: FindingResource;
  location: Location;
  /** what was seen, already masked where it was secret */
  evidence?: string;
  remediation: string;
  references?: string[];
  compliance?: Record<string, string[]>;
  fingerprint: string;
  suppressed?: Suppression;
  /** set by vulnerability findings */
  vulnerability?: VulnerabilityFacts;
  /** 0–100, combined in one place (`src/risk/`) from the facts known about the finding */
  risk?: { score: number; contributions: RiskContribution[] };
}
