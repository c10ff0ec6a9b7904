/**
 * Semantic versions (npm, crates.io, Go modules, Packagist...) through the `semver` package, strict
 * parsing. Go module versions carry a `v` prefix (`v1.2.3`, pseudo-versions
 * `v0.0.0-20211012131345-9c444070ec7b`, `+incompatible`); OSV writes them without it. Both forms
 * are accepted; build metadata is ignored, as SemVer 2.0 says.
 */
import semverLib from 'semver';
import { defineScheme } from './types.js';

const strip = (v: string): string => v.trim().replace(/^v(?=\d)/, '');

export function isValidSemver(version: string): boolean {
  return semverLib.valid(strip(version)) !== null;
}

export const semver = defineScheme('semver', isValidSemver, (a, b) => semverLib.compare(strip(a), strip(b)));
