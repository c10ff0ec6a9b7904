import type { Resource } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { eolToday } from './eol.js';

/**
 * Reading the rows of the IAM credential report (source
 * `aws-credential-report`, type `aws-iam-credential-report-user`). The report
 * writes `true`/`false`, ISO 8601 times, and `N/A` (never / not applicable),
 * `not_supported` (the root row's password columns) or `no_information`
 * (used before AWS started tracking it, April 2015).
 */

export const REPORT_TYPE = 'aws-iam-credential-report-user';

export function reportRows(ctx: CheckContext): Resource[] {
  return ctx.ofType(REPORT_TYPE);
}

export function column(r: Resource, name: string): string | undefined {
  const v = r.attributes[name];
  return typeof v === 'string' ? v.trim() : undefined;
}

export function isTrue(r: Resource, name: string): boolean {
  return column(r, name)?.toLowerCase() === 'true';
}

export function isRoot(r: Resource): boolean {
  return r.attributes.root === true;
}

/** A report time as epoch milliseconds, or undefined for N/A, not_supported, no_information and anything unreadable. */
export function reportTime(r: Resource, name: string): number | undefined {
  const v = column(r, name);
  if (!v || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/** Whole days from a time to "today" (TETRAD_TODAY or the UTC date, as the EOL checks use). */
export function daysBeforeToday(time: number): number {
  const today = Date.parse(`${eolToday()}T00:00:00Z`);
  return Math.floor((today - time) / 86_400_000);
}

export interface AccessKeySlot {
  /** 1 or 2 */
  slot: number;
  /** column prefix, e.g. access_key_1 */
  prefix: string;
  active: boolean;
  lastRotated?: number;
  lastUsed?: number;
  /** the last-used column says N/A: never used since it was created or rotated */
  neverUsed: boolean;
}

/** The two access key slots of a row, as the report gives them. */
export function accessKeys(r: Resource): AccessKeySlot[] {
  return [1, 2].map((slot) => {
    const prefix = `access_key_${slot}`;
    return {
      slot,
      prefix,
      active: isTrue(r, `${prefix}_active`),
      lastRotated: reportTime(r, `${prefix}_last_rotated`),
      lastUsed: reportTime(r, `${prefix}_last_used_date`),
      neverUsed: column(r, `${prefix}_last_used_date`) === 'N/A',
    };
  });
}

/** Days after which a key counts as old or unused (CIS AWS Foundations 1.14 and the "90 days"). */
export const KEY_MAX_AGE_DAYS = 90;
