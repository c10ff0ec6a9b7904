/**
 * Alpine apk versions `digit{.digit}...{letter}{_suffix{digits}}...{~hash}{-r#}`, ordered as
 * apk-tools 2.14/3 does (src/version.c): tokens compare pairwise while their kinds agree; digits
 * numerically, except that a dotted component with a leading zero compares as a string (Gentoo
 * rule); suffixes alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p. When one version
 * runs out first, the longer one is greater unless its next token is a pre-release suffix.
 * Hand-written: no npm package implements it.
 */
import { compareDigitStrings, compareStrings, defineScheme } from './types.js';

enum Tok {
  InitialDigit,
  Digit,
  Letter,
  Suffix,
  SuffixNo,
  CommitHash,
  RevisionNo,
  End,
  Invalid,
}

const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p'];
const SUFFIX_NONE = SUFFIXES.indexOf('');

interface Token {
  kind: Tok;
  value: string;
  suffix: number;
}

/** Splits a version into apk tokens; the last one is End or Invalid. */
export function apkTokens(version: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  const digits = (): string => {
    const start = pos;
    while (pos < version.length && version[pos]! >= '0' && version[pos]! <= '9') pos++;
    return version.slice(start, pos);
  };
  let prev = Tok.InitialDigit;
  const first = digits();
  if (first === '') return [{ kind: Tok.Invalid, value: '', suffix: -1 }];
  out.push({ kind: Tok.InitialDigit, value: first, suffix: -1 });
  for (;;) {
    if (pos >= version.length) {
      out.push({ kind: Tok.End, value: '', suffix: -1 });
      return out;
    }
    const c = version[pos]!;
    let tok: Token | null = null;
    if (c >= 'a' && c <= 'z') {
      if (prev <= Tok.Digit) {
        tok = { kind: Tok.Letter, value: c, suffix: -1 };
        pos++;
      }
    } else if (c === '.' || (c >= '0' && c <= '9')) {
      // a '.' is only allowed after digits; a bare digit run continues a suffix
      const dot = c === '.';
      const kind: Tok = prev <= Tok.Digit ? Tok.Digit : prev === Tok.Suffix && !dot ? Tok.SuffixNo : Tok.Invalid;
      if (kind !== Tok.Invalid && (!dot || prev <= Tok.Digit)) {
        if (dot) pos++;
        const d = digits();
        if (d !== '') tok = { kind, value: d, suffix: -1 };
      }
    } else if (c === '_') {
      if (prev <= Tok.SuffixNo) {
        pos++;
        const start = pos;
        while (pos < version.length && version[pos]! >= 'a' && version[pos]! <= 'z') pos++;
        const name = version.slice(start, pos);
        const idx = name === '' ? -1 : SUFFIXES.indexOf(name);
        if (idx >= 0) tok = { kind: Tok.Suffix, value: name, suffix: idx };
      }
    } else if (c === '~') {
      if (prev < Tok.CommitHash) {
        pos++;
        const start = pos;
        while (pos < version.length && /[0-9a-fA-F]/.test(version[pos]!)) pos++;
        if (pos > start) tok = { kind: Tok.CommitHash, value: version.slice(start, pos), suffix: -1 };
      }
    } else if (c === '-') {
      if (prev < Tok.RevisionNo && version.startsWith('-r', pos)) {
        pos += 2;
        const d = digits();
        if (d !== '') tok = { kind: Tok.RevisionNo, value: d, suffix: -1 };
      }
    }
    if (!tok) {
      out.push({ kind: Tok.Invalid, value: '', suffix: -1 });
      return out;
    }
    out.push(tok);
    prev = tok.kind;
  }
}

function tokenCompare(a: Token, b: Token): number {
  switch (a.kind) {
    case Tok.Digit:
      if (a.value.startsWith('0') || b.value.startsWith('0')) return compareStrings(a.value, b.value);
      return compareDigitStrings(a.value, b.value);
    case Tok.InitialDigit:
    case Tok.SuffixNo:
    case Tok.RevisionNo:
      return compareDigitStrings(a.value, b.value);
    case Tok.Letter:
      return compareStrings(a.value, b.value);
    case Tok.Suffix:
      return a.suffix - b.suffix;
    default:
      return compareStrings(a.value, b.value);
  }
}

export function isValidApk(version: string): boolean {
  const t = apkTokens(version);
  return t[t.length - 1]!.kind === Tok.End;
}

export function compareApk(a: string, b: string): number {
  const ta = apkTokens(a);
  const tb = apkTokens(b);
  let i = 0;
  while (ta[i]!.kind === tb[i]!.kind && ta[i]!.kind < Tok.End) {
    const r = tokenCompare(ta[i]!, tb[i]!);
    if (r !== 0) return r;
    i++;
  }
  const x = ta[i]!;
  const y = tb[i]!;
  if (x.kind === y.kind) return 0;
  if (x.kind === Tok.Suffix && x.suffix < SUFFIX_NONE) return -1;
  if (y.kind === Tok.Suffix && y.suffix < SUFFIX_NONE) return 1;
  if (x.kind > y.kind) return -1;
  if (y.kind > x.kind) return 1;
  return 0;
}

export const apk = defineScheme('apk', isValidApk, compareApk);
