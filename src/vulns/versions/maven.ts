/**
 * Maven versions, ordered as Maven's ComparableVersion (maven-artifact 3.x): the version is split
 * into int and string items at `.`, `-` and digit/letter transitions, `-` (and a letter/digit
 * transition) opening a sub-list; trailing "null" items (0, "", ga, final, release) are dropped;
 * qualifiers order alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp,
 * unknown qualifiers after them, lexically; `a1`/`b1`/`m1` mean alpha-1/beta-1/milestone-1.
 * Hand-written: the npm ports of ComparableVersion are unmaintained.
 */
import { compareDigitStrings, compareStrings, defineScheme } from './types.js';

type Item = { t: 'int'; v: string } | { t: 'str'; v: string } | { t: 'list'; v: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

function comparableQualifier(q: string): string {
  const i = QUALIFIERS.indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}

function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  if (followedByDigit && v.length === 1) {
    if (v === 'a') v = 'alpha';
    else if (v === 'b') v = 'beta';
    else if (v === 'm') v = 'milestone';
  }
  return { t: 'str', v: ALIASES[v] ?? v };
}

function parseItem(isDigit: boolean, buf: string): Item {
  return isDigit ? { t: 'int', v: buf.replace(/^0+/, '') || '0' } : stringItem(buf, false);
}

function isNull(item: Item): boolean {
  if (item.t === 'int') return item.v === '0';
  if (item.t === 'str') return comparableQualifier(item.v) === RELEASE_INDEX;
  return item.v.length === 0;
}

function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i]!;
    if (isNull(last)) list.splice(i, 1);
    else if (last.t !== 'list') break;
  }
}

export function parseMaven(version: string): Item {
  const s = version.toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  const push = (): void => {
    const next: Item[] = [];
    list.push({ t: 'list', v: next });
    list = next;
    stack.push(next);
  };
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '.') {
      list.push(i === start ? { t: 'int', v: '0' } : parseItem(isDigit, s.slice(start, i)));
      start = i + 1;
    } else if (c === '-') {
      list.push(i === start ? { t: 'int', v: '0' } : parseItem(isDigit, s.slice(start, i)));
      start = i + 1;
      push();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        // "1.0.0.X1" < "1.0.0-X2": a string qualifier followed by digits opens a sub-list
        if (list.length > 0) push();
        list.push(stringItem(s.slice(start, i), true));
        start = i;
        push();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(true, s.slice(start, i)));
        start = i;
        push();
      }
      isDigit = false;
    }
  }
  if (s.length > start) {
    if (!isDigit && list.length > 0) push();
    list.push(parseItem(isDigit, s.slice(start)));
  }
  while (stack.length > 0) normalize(stack.pop()!);
  return { t: 'list', v: root };
}

/** Item.compareTo(other), other null meaning "absent". */
function cmp(a: Item, b: Item | null): number {
  switch (a.t) {
    case 'int':
      if (b === null) return a.v === '0' ? 0 : 1;
      if (b.t === 'int') return compareDigitStrings(a.v, b.v);
      return 1; // an int beats a string and a list
    case 'str':
      if (b === null) return compareStrings(comparableQualifier(a.v), RELEASE_INDEX);
      if (b.t === 'int') return -1;
      if (b.t === 'str') return compareStrings(comparableQualifier(a.v), comparableQualifier(b.v));
      return -1;
    case 'list': {
      if (b === null) {
        for (const item of a.v) {
          const r = cmp(item, null);
          if (r !== 0) return r;
        }
        return 0;
      }
      if (b.t === 'int') return -1;
      if (b.t === 'str') return 1;
      const n = Math.max(a.v.length, b.v.length);
      for (let i = 0; i < n; i++) {
        const l = a.v[i] ?? null;
        const r = b.v[i] ?? null;
        const res = l === null ? (r === null ? 0 : -cmp(r, null)) : cmp(l, r);
        if (res !== 0) return res;
      }
      return 0;
    }
  }
}

export function compareMaven(a: string, b: string): number {
  return cmp(parseMaven(a), parseMaven(b));
}

/** Maven accepts any string; we refuse empty ones and whitespace, which no repository publishes. */
export const maven = defineScheme('maven', (v) => v.trim() !== '' && !/\s/.test(v), compareMaven);
