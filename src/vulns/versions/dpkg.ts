/**
 * Debian package versions, ordered as dpkg does (deb-version(7), lib/dpkg/version.c):
 * `[epoch:]upstream[-revision]`; the epoch compares numerically, then upstream and revision with
 * the dpkg "verrevcmp" walk: alternating non-digit and digit runs; in non-digit runs `~` sorts
 * before everything (even the end), letters before other characters; digit runs compare as numbers.
 * Hand-written because no maintained npm package implements this; checked against
 * `dpkg --compare-versions` by test/vulns/dpkg-differential.test.ts.
 */
import { compareDigitStrings, defineScheme } from './types.js';

export interface DpkgVersion {
  epoch: string;
  upstream: string;
  revision: string;
}

const UPSTREAM = /^[0-9][A-Za-z0-9.+~:-]*$/;
const REVISION = /^[A-Za-z0-9.+~]+$/;

/** Splits a version; null when dpkg would reject it. */
export function parseDpkg(version: string): DpkgVersion | null {
  const v = version.trim();
  if (v === '' || /\s/.test(v)) return null;
  const colon = v.indexOf(':');
  let epoch = '0';
  let rest = v;
  if (colon >= 0) {
    epoch = v.slice(0, colon);
    if (!/^[0-9]+$/.test(epoch) || Number(epoch) > 2147483647) return null;
    rest = v.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
  const revision = dash >= 0 ? rest.slice(dash + 1) : '';
  if (!UPSTREAM.test(upstream)) return null;
  if (dash >= 0 && !REVISION.test(revision)) return null;
  return { epoch, upstream, revision };
}

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c >= '0' && c <= '9') return 0;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** dpkg's verrevcmp over one part (upstream or revision). */
export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

export function compareDpkg(a: string, b: string): number {
  const x = parseDpkg(a)!;
  const y = parseDpkg(b)!;
  return (
    compareDigitStrings(x.epoch, y.epoch) || verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision)
  );
}

export const dpkg = defineScheme('dpkg', (v) => parseDpkg(v) !== null, compareDpkg);
