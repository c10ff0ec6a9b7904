/** Temporal split by `datePublished` month: train on older CVEs, validate and test on the newest months. Never random. */
import type { CveRecord } from './cve-record.js';

export interface TemporalSplit {
  /** first month (YYYY-MM) of the validation window; everything before trains */
  validationFrom: string;
  /** first month (YYYY-MM) of the test window; validation runs up to the month before */
  testFrom: string;
  /** first month after the test window (exclusive), or undefined for "to the end" */
  testUntil?: string;
}

/** For the shared file (published before 2024-06): train ≤ 2023-12, validate 2024-01…03, test 2024-04…05. */
export const DEFAULT_SPLIT: TemporalSplit = { validationFrom: '2024-01', testFrom: '2024-04' };

export type Part = 'train' | 'validation' | 'test';

export function publishedMonth(record: CveRecord): string | undefined {
  const d = record.cveMetadata.datePublished;
  return typeof d === 'string' && /^\d{4}-\d{2}/.test(d) ? d.slice(0, 7) : undefined;
}

/** The part a record belongs to, or undefined when it has no publication date or falls after the test window. */
export function partOf(record: CveRecord, split: TemporalSplit): Part | undefined {
  const month = publishedMonth(record);
  if (!month) return undefined;
  if (month < split.validationFrom) return 'train';
  if (month < split.testFrom) return 'validation';
  if (split.testUntil === undefined || month < split.testUntil) return 'test';
  return undefined;
}
