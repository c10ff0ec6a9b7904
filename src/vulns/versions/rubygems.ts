/**
 * RubyGems versions, ordered as Gem::Version#<=>: `-` means `.pre.`; the version splits into
 * numeric and alphabetic segments; trailing zeros are dropped from the release part and from the
 * pre-release part separately; a string segment (pre-release) sorts before a number.
 * Hand-written: no npm package implements Gem::Version.
 */
import { compareDigitStrings, compareStrings, defineScheme } from './types.js';

const PATTERN = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isValidGem(version: string): boolean {
  return PATTERN.test(version.trim());
}

type Segment = string | bigint;

function dropTrailingZeros(segs: Segment[]): Segment[] {
  let end = segs.length;
  while (end > 0 && segs[end - 1] === 0n) end--;
  return segs.slice(0, end);
}

export function canonicalSegments(version: string): Segment[] {
  const v = version.trim().replace(/-/g, '.pre.');
  const segs: Segment[] = (v.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) => (/^[0-9]+$/.test(s) ? BigInt(s) : s));
  const firstString = segs.findIndex((s) => typeof s === 'string');
  const cut = firstString === -1 ? segs.length : firstString;
  return [...dropTrailingZeros(segs.slice(0, cut)), ...dropTrailingZeros(segs.slice(cut))];
}

export function compareGem(a: string, b: string): number {
  const x = canonicalSegments(a);
  const y = canonicalSegments(b);
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const l = x[i] ?? 0n;
    const r = y[i] ?? 0n;
    if (l === r) continue;
    if (typeof l === 'string' && typeof r !== 'string') return -1;
    if (typeof l !== 'string' && typeof r === 'string') return 1;
    if (typeof l === 'string') return compareStrings(l, r as string);
    return compareDigitStrings(String(l), String(r));
  }
  return 0;
}

export const rubygems = defineScheme('rubygems', isValidGem, compareGem);
