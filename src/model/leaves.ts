import { isUnknown } from './unknown.js';
import type { Value } from './value.js';

/** One string inside a resource's attribute tree. */
export interface StringLeaf {
  /** attribute path in the resource, e.g. environment[0].variables.DB_PASSWORD */
  path: string;
  /** the last key along the path (the attribute or map key name), "" for list items at the top */
  key: string;
  value: string;
}

/**
 * Every string (and its path) inside a value tree, in document order. List
 * items inherit the key of their list; Unknown values are skipped. `base`
 * prefixes every path (the path of `root` inside its resource).
 */
export function stringLeaves(root: Value | undefined, base = ''): StringLeaf[] {
  const out: StringLeaf[] = [];
  walk(root, base, '', out);
  return out;
}

// a plain recursive function with index loops: this walk runs over every attribute of every resource
function walk(v: Value | undefined, path: string, key: string, out: StringLeaf[]): void {
  if (typeof v === 'string') {
    out.push({ path, key, value: v });
    return;
  }
  if (v === undefined || v === null || typeof v !== 'object' || isUnknown(v)) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`, key, out);
    return;
  }
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    walk(v[k], path === '' ? k : `${path}.${k}`, k, out);
  }
}

/**
 * The leaves `stringLeaves` would list whose key and value pass `keep`, in the
 * same order, with the same paths; a path string is built only for a leaf that
 * is kept. For scans that keep a handful of the strings of a large model.
 */
export function stringLeavesWhere(root: Value | undefined, keep: (key: string, value: string) => boolean, base = ''): StringLeaf[] {
  const out: StringLeaf[] = [];
  // one state object and a plain recursive function: no closures per call (called once per resource)
  visitWhere(root, '', { keep, base, segments: [], out });
  return out;
}

interface WalkState {
  keep: (key: string, value: string) => boolean;
  base: string;
  segments: Array<string | number>;
  out: StringLeaf[];
}

function pathOf(base: string, segments: ReadonlyArray<string | number>): string {
  let path = base;
  for (const seg of segments) path = typeof seg === 'number' ? `${path}[${seg}]` : path === '' ? seg : `${path}.${seg}`;
  return path;
}

function visitWhere(v: Value | undefined, key: string, st: WalkState): void {
  if (typeof v === 'string') {
    if (st.keep(key, v)) st.out.push({ path: pathOf(st.base, st.segments), key, value: v });
    return;
  }
  if (v === undefined || v === null || typeof v !== 'object' || isUnknown(v)) return;
  const segments = st.segments;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      segments.push(i);
      visitWhere(v[i], key, st);
      segments.pop();
    }
    return;
  }
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    segments.push(k);
    visitWhere(v[k], k, st);
    segments.pop();
  }
}
