/**
 * Packagist (Composer) versions, ordered as Composer orders them: `VersionParser::normalize`
 * brings a version to four numeric parts and an expanded stability (`v1.2` → `1.2.0.0`,
 * `1.0.0-b2` → `1.0.0.0-beta2`, `1.0-pl1` → `1.0.0.0-patch1`, `1.x-dev` →
 * `1.9999999.9999999.9999999-dev`, date versions `2010-01-02` → `2010.01.02`), and the
 * normalised strings are compared with PHP's `version_compare` (`Constraint::versionCompare`):
 * `dev` < `alpha`/`a` < `beta`/`b` < `RC`/`rc` < a number < `pl`/`p` (so `patch` releases sort after the release).
 *
 * Branch names (`dev-master`, `dev-feature/x`) are not versions: Composer never orders a branch
 * against a version (`versionCompare` returns false for every operator but `!=`), so here they are
 * not valid for ordering (`isValid` is false, a range verdict is unknown); an advisory's explicit
 * `versions` list still matches them by equality.
 *
 * Hand-written: no npm package implements Composer's normalisation together with PHP's
 * `version_compare` (the `composer/semver` port `semver` on npm is for npm ranges).
 */
import { compareDigitStrings, defineScheme } from './types.js';

const MODIFIER = '[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*)?)?([.-]?dev)?';
const CLASSICAL = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i');
const DATE = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})${MODIFIER}$`, 'i');
const NUMERIC_BRANCH = /^v?(\d+)(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?(\.(?:\d+|[xX*]))?$/;

function expandStability(s: string): string {
  const l = s.toLowerCase();
  switch (l) {
    case 'a':
      return 'alpha';
    case 'b':
      return 'beta';
    case 'p':
    case 'pl':
      return 'patch';
    case 'rc':
      return 'RC';
    default:
      return l;
  }
}

function withModifier(version: string, m: RegExpExecArray, index: number): string {
  let v = version;
  const stability = m[index];
  if (stability !== undefined && stability.toLowerCase() !== 'stable') {
    v += `-${expandStability(stability)}${(m[index + 1] ?? '').replace(/^[.-]+/, '')}`;
  }
  if (m[index + 2] !== undefined) v += '-dev';
  return v;
}

/** `1.x` → `1.9999999.9999999.9999999` (Composer's normalizeBranch), or undefined for a named branch. */
function numericBranch(name: string): string | undefined {
  const m = NUMERIC_BRANCH.exec(name);
  if (!m) return undefined;
  const parts = [m[1]!];
  for (let i = 2; i <= 4; i++) {
    const p = m[i];
    parts.push(p === undefined || /[xX*]/.test(p) ? '9999999' : p.slice(1));
  }
  return parts.join('.');
}

export type ComposerVersion = { kind: 'version'; normalized: string } | { kind: 'branch'; name: string };

/**
 * Composer's `VersionParser::normalize`, or undefined when Composer rejects the string
 * ("Invalid version string"). Stability flags (`@dev`) and build metadata (`+foo`) are dropped,
 * an alias (`1.0.x-dev as 1.0.0`) keeps its left side, as Composer does.
 */
export function normalizeComposer(input: string): ComposerVersion | undefined {
  let v = input.trim();
  const alias = /^([^,\s]+) +as +[^,\s]+$/.exec(v);
  if (alias) v = alias[1]!;
  const flag = /^([^,\s]+?)@(?:stable|RC|beta|alpha|dev)$/i.exec(v);
  if (flag) v = flag[1]!;
  if (v === '') return undefined;
  // Composer 2: bare master/trunk/default are the branches of that name (case-sensitive, as in_array)
  if (v === 'master' || v === 'trunk' || v === 'default') return { kind: 'branch', name: `dev-${v}` };
  if (/^dev-/i.test(v)) {
    const name = v.slice(4);
    return name === '' || /\s/.test(name) ? undefined : { kind: 'branch', name: `dev-${name}` };
  }
  const build = /^([^,\s+]+)\+[^\s]+$/.exec(v);
  if (build) v = build[1]!;
  let m = CLASSICAL.exec(v);
  if (m) {
    const version = `${m[1]}${m[2] ?? '.0'}${m[3] ?? '.0'}${m[4] ?? '.0'}`;
    return { kind: 'version', normalized: withModifier(version, m, 5) };
  }
  m = DATE.exec(v);
  if (m) return { kind: 'version', normalized: withModifier(m[1]!.replace(/\D/g, '.'), m, 2) };
  // a numeric branch written as a version (`1.x-dev`, `2.1.*-dev`; `1.0-dev` is classical above);
  // a named branch must carry the `dev-` prefix (`feature-dev` is invalid, as in Composer)
  const dev = /^(.*?)[.-]?dev$/i.exec(v);
  if (dev) {
    const n = numericBranch(dev[1]!);
    if (n !== undefined) return { kind: 'version', normalized: `${n}-dev` };
  }
  return undefined;
}

// --- PHP version_compare (ext/standard/versioning.c), on the normalised strings ---

/** php_canonicalize_version: `-`, `_`, `+` become `.`; a `.` between a digit run and a non-digit run. */
function phpCanonicalize(version: string): string {
  if (version === '') return '';
  const isDig = (c: string): boolean => c >= '0' && c <= '9';
  const isNdig = (c: string): boolean => !isDig(c) && c !== '.';
  const isAlnum = (c: string): boolean => /[0-9A-Za-z]/.test(c);
  let out = version[0]!;
  let lp = version[0]!;
  for (let i = 1; i < version.length; i++) {
    const c = version[i]!;
    const last = out[out.length - 1];
    if (c === '-' || c === '_' || c === '+') {
      if (last !== '.') out += '.';
    } else if ((isNdig(lp) && isDig(c)) || (isDig(lp) && isNdig(c))) {
      if (last !== '.') out += '.';
      out += c;
    } else if (!isAlnum(c)) {
      if (last !== '.') out += '.';
    } else {
      out += c;
    }
    lp = c;
  }
  return out;
}

/** compare_special_version_forms: a form matches a name it starts with (so `patch` is `p`). */
const SPECIAL: [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

function specialOrder(form: string): number {
  for (const [name, order] of SPECIAL) if (form.startsWith(name)) return order;
  return -6;
}

function compareSpecial(a: string, b: string): number {
  return Math.sign(specialOrder(a) - specialOrder(b));
}

const NUMBER = '#N#';
const isDigitStart = (s: string): boolean => /^[0-9]/.test(s);

/** PHP's version_compare(a, b): -1, 0 or 1. */
export function phpVersionCompare(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
  const p1 = phpCanonicalize(a).split('.');
  const p2 = phpCanonicalize(b).split('.');
  let i = 0;
  let c = 0;
  for (; i < p1.length && i < p2.length && c === 0; i++) {
    const x = p1[i]!;
    const y = p2[i]!;
    if (isDigitStart(x) && isDigitStart(y)) c = Math.sign(compareDigitStrings(/^[0-9]+/.exec(x)![0], /^[0-9]+/.exec(y)![0]));
    else if (!isDigitStart(x) && !isDigitStart(y)) c = compareSpecial(x, y);
    else if (isDigitStart(x)) c = compareSpecial(NUMBER, y);
    else c = compareSpecial(x, NUMBER);
  }
  if (c === 0) {
    if (i < p1.length) c = isDigitStart(p1[i]!) ? 1 : compareSpecial(p1[i]!, NUMBER);
    else if (i < p2.length) c = isDigitStart(p2[i]!) ? -1 : compareSpecial(NUMBER, p2[i]!);
  }
  return c;
}

/** True for a version Composer can order (a version or numeric branch, not a named branch). */
export function isValidComposer(version: string): boolean {
  return normalizeComposer(version)?.kind === 'version';
}

export function compareComposer(a: string, b: string): number {
  const x = normalizeComposer(a);
  const y = normalizeComposer(b);
  if (x?.kind !== 'version' || y?.kind !== 'version') throw new Error('unreachable: validated by defineScheme');
  return phpVersionCompare(x.normalized, y.normalized);
}

export const composer = defineScheme('composer', isValidComposer, compareComposer);
