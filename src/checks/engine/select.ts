import { minimatch } from 'minimatch';
import { atLeast, type Severity } from '../../model/index.js';
import type { Check } from './types.js';

export interface CheckSelection {
  /** ids, globs (TET-PORTS-*), or pillar names to run; empty means all */
  only?: string[];
  /** ids, globs or pillar names to skip */
  skip?: string[];
  /** run only checks at or above this severity */
  minSeverity?: Severity;
  /** run only checks of these severities */
  severities?: Severity[];
}

function matches(check: Check, pattern: string): boolean {
  const p = pattern.trim();
  if (p === '') return false;
  if (p.toLowerCase() === check.meta.pillar) return true;
  return minimatch(check.meta.id, p, { nocase: true });
}

export function selectChecks(checks: readonly Check[], sel: CheckSelection): Check[] {
  return checks.filter((c) => {
    if (sel.only?.length && !sel.only.some((p) => matches(c, p))) return false;
    if (sel.skip?.some((p) => matches(c, p))) return false;
    if (sel.minSeverity && !atLeast(c.meta.severity, sel.minSeverity)) return false;
    if (sel.severities?.length && !sel.severities.includes(c.meta.severity)) return false;
    return true;
  });
}
