/**
 * NuGet versions, ordered as NuGet.Versioning's VersionComparer: up to four numeric parts
 * (missing ones are 0, so 1.0 = 1.0.0 = 1.0.0.0), then the release label as in SemVer 2.0 except
 * that alphanumeric identifiers compare case-insensitively; build metadata is ignored.
 * Hand-written: no npm package implements NuGet's ordering.
 */
import { compareDigitStrings, compareStrings, defineScheme } from './types.js';

const PATTERN = /^v?(\d+(?:\.\d+){0,3})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]+)?$/;

export function isValidNuget(version: string): boolean {
  return PATTERN.test(version.trim());
}

export function compareNuget(a: string, b: string): number {
  const x = PATTERN.exec(a.trim())!;
  const y = PATTERN.exec(b.trim())!;
  const xs = x[1]!.split('.');
  const ys = y[1]!.split('.');
  for (let i = 0; i < 4; i++) {
    const r = compareDigitStrings(xs[i] ?? '0', ys[i] ?? '0');
    if (r !== 0) return r;
  }
  const xl = x[2];
  const yl = y[2];
  if (xl === undefined || yl === undefined) return xl === yl ? 0 : xl === undefined ? 1 : -1;
  const xi = xl.split('.');
  const yi = yl.split('.');
  for (let i = 0; i < Math.max(xi.length, yi.length); i++) {
    const p = xi[i];
    const q = yi[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    let r: number;
    if (pn && qn) r = compareDigitStrings(p, q);
    else if (pn !== qn) r = pn ? -1 : 1;
    else r = compareStrings(p.toLowerCase(), q.toLowerCase());
    if (r !== 0) return r;
  }
  return 0;
}

export const nuget = defineScheme('nuget', isValidNuget, compareNuget);
