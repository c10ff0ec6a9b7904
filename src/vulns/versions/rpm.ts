/**
 * RPM versions `[epoch:]version[-release]`, ordered as rpm does: the epoch numerically (absent = 0),
 * then version and release with rpmvercmp (rpmio/rpmvercmp.c, rpm >= 4.15): alphanumeric segments
 * split at any other character; `~` sorts before everything including the end, `^` after the end
 * but before anything else; a numeric segment beats an alphabetic one; numbers compare as numbers.
 * An absent release sorts below any release, even one starting with `~`, as rpm's `rpmverCmp`
 * (rpm 4.18, `rpm.vercmp`) orders a full EVR: "versions with releases sort higher" (checked
 * against rpm in test/vulns/rpm-differential.test.ts); this keeps the order total (rpm's
 * dependency comparison would skip the release when one side has none).
 * Hand-written: no maintained npm package implements rpmvercmp with tilde and caret.
 */
import { compareDigitStrings, compareStrings, defineScheme } from './types.js';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c);

export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (!(i < a.length && j < b.length)) break;
    const numeric = isDigit(a[i]);
    const take = numeric ? isDigit : isAlpha;
    let ie = i;
    let je = j;
    while (ie < a.length && take(a[ie])) ie++;
    while (je < b.length && take(b[je])) je++;
    // a's segment is never empty here; b's is empty when the kinds differ
    if (je === j) return numeric ? 1 : -1;
    const sa = a.slice(i, ie);
    const sb = b.slice(j, je);
    const rc = numeric ? compareDigitStrings(sa, sb) : compareStrings(sa, sb);
    if (rc !== 0) return rc;
    i = ie;
    j = je;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i < a.length ? 1 : -1;
}

export interface RpmVersion {
  epoch: string;
  version: string;
  /** undefined when the EVR has no `-release` */
  release?: string;
}

export function parseRpm(evr: string): RpmVersion | null {
  const v = evr.trim();
  if (v === '' || /\s/.test(v)) return null;
  const m = /^(?:([0-9]+):)?([^:-]+)(?:-([^:-]+))?$/.exec(v);
  if (!m) return null;
  return m[3] === undefined ? { epoch: m[1] ?? '0', version: m[2]! } : { epoch: m[1] ?? '0', version: m[2]!, release: m[3] };
}

export function compareRpm(a: string, b: string): number {
  const x = parseRpm(a)!;
  const y = parseRpm(b)!;
  return (
    compareDigitStrings(x.epoch, y.epoch) ||
    rpmvercmp(x.version, y.version) ||
    (x.release !== undefined && y.release !== undefined ? rpmvercmp(x.release, y.release) : x.release !== undefined ? 1 : y.release !== undefined ? -1 : 0)
  );
}

export const rpm = defineScheme('rpm', (v) => parseRpm(v) !== null, compareRpm);
