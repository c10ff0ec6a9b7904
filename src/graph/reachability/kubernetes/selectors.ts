/**
 * Kubernetes label selectors in three-valued logic: `matchLabels` and `matchExpressions`
 * (In, NotIn, Exists, DoesNotExist) ANDed; an empty selector selects everything. Labels may be
 * partly unknown: a value the source could not resolve, or an "open" label set (a namespace seen
 * only through its name, whose other labels are not in the scanned files).
 */
import { asString, isObject, isUnknown, type Unknown, type Value } from '../../../model/index.js';

export type Tri = 'yes' | 'no' | 'unknown';

export interface Labels {
  map: Map<string, string | Unknown>;
  /** other labels may exist that we do not know of */
  open: boolean;
}

export function and(...xs: Tri[]): Tri {
  if (xs.includes('no')) return 'no';
  return xs.includes('unknown') ? 'unknown' : 'yes';
}

export function or(...xs: Tri[]): Tri {
  if (xs.includes('yes')) return 'yes';
  return xs.includes('unknown') ? 'unknown' : 'no';
}

export function labelsOf(v: Value | undefined, extra: Record<string, string> = {}): Labels {
  const map = new Map<string, string | Unknown>();
  for (const [k, val] of Object.entries(extra)) map.set(k, val);
  if (isUnknown(v)) return { map, open: true };
  if (isObject(v)) {
    for (const [k, val] of Object.entries(v)) {
      if (isUnknown(val)) map.set(k, val);
      else {
        const s = asString(val);
        if (s !== undefined) map.set(k, s);
      }
    }
  }
  return { map, open: false };
}

type Presence = { kind: 'absent' } | { kind: 'value'; value: string } | { kind: 'unknown' };

function lookup(labels: Labels, key: string): Presence {
  const v = labels.map.get(key);
  if (v === undefined) return labels.open ? { kind: 'unknown' } : { kind: 'absent' };
  if (isUnknown(v)) return { kind: 'unknown' };
  return { kind: 'value', value: v };
}

function valueList(v: Value | undefined): string[] | undefined {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const x of v) {
    const s = asString(x);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

function requirement(key: string, operator: string, values: string[], labels: Labels): Tri {
  const p = lookup(labels, key);
  switch (operator) {
    case 'In':
      return p.kind === 'unknown' ? 'unknown' : p.kind === 'value' && values.includes(p.value) ? 'yes' : 'no';
    case 'NotIn':
      return p.kind === 'unknown' ? 'unknown' : p.kind === 'value' && values.includes(p.value) ? 'no' : 'yes';
    case 'Exists':
      return p.kind === 'unknown' ? (labels.map.has(key) ? 'yes' : 'unknown') : p.kind === 'value' ? 'yes' : 'no';
    case 'DoesNotExist':
      return p.kind === 'unknown' ? (labels.map.has(key) ? 'no' : 'unknown') : p.kind === 'value' ? 'no' : 'yes';
    default:
      return 'unknown';
  }
}

/**
 * Does a LabelSelector select the labels? `undefined`/`null` are treated as the empty selector
 * (callers decide where an absent selector means "everything"). Malformed selectors and unknown
 * values give 'unknown'.
 */
export function matchSelector(selector: Value | undefined, labels: Labels): Tri {
  if (selector === undefined || selector === null) return 'yes';
  if (isUnknown(selector) || !isObject(selector)) return 'unknown';
  const results: Tri[] = [];
  const ml = selector.matchLabels;
  if (isUnknown(ml)) results.push('unknown');
  else if (isObject(ml)) {
    for (const [k, v] of Object.entries(ml)) {
      const s = asString(v);
      results.push(s === undefined ? 'unknown' : requirement(k, 'In', [s], labels));
    }
  } else if (ml !== undefined && ml !== null) results.push('unknown');
  const me = selector.matchExpressions;
  if (isUnknown(me)) results.push('unknown');
  else if (Array.isArray(me)) {
    for (const e of me) {
      if (!isObject(e)) {
        results.push('unknown');
        continue;
      }
      const key = asString(e.key);
      const op = asString(e.operator);
      const values = valueList(e.values);
      results.push(key === undefined || op === undefined || values === undefined ? 'unknown' : requirement(key, op, values, labels));
    }
  } else if (me !== undefined && me !== null) results.push('unknown');
  return and(...results);
}

/** A Service's `spec.selector` (a plain map, equality only) against pod labels. */
export function matchServiceSelector(selector: Value | undefined, labels: Labels): Tri {
  if (isUnknown(selector)) return 'unknown';
  // a Service without a selector (or with an empty one) gets no endpoints from pods
  if (!isObject(selector) || Object.keys(selector).length === 0) return 'no';
  return matchSelector({ matchLabels: selector }, labels);
}
