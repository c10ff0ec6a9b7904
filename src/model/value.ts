import { Unknown, isUnknown } from './unknown.js';

/** A configuration value as read from any source. */
export type Value = null | boolean | number | string | Unknown | Value[] | { [key: string]: Value };
export type ValueObject = { [key: string]: Value };

/**
 * Splits an attribute path such as `ingress[0].cidr_blocks` or
 * `spec.template.spec.containers[1].securityContext` into segments.
 */
export function parsePath(path: string): Array<string | number> {
  return [...segmentsOf(path)];
}

/**
 * Parsed paths, by text: checks read the same few paths (`engine_version`,
 * `ingress[0].cidr_blocks`) on every resource. Bounded, so paths built from
 * data cannot grow it without limit.
 */
const segmentCache = new Map<string, ReadonlyArray<string | number>>();
const SEGMENT_CACHE_LIMIT = 20_000;

function segmentsOf(path: string): ReadonlyArray<string | number> {
  let segments = segmentCache.get(path);
  if (segments === undefined) {
    segments = Object.freeze(splitPath(path));
    if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
    segmentCache.set(path, segments);
  }
  return segments;
}

function splitPath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('.')) {
    if (part === '') continue;
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(part)) !== null) {
      if (m[1] !== undefined) out.push(m[1]);
      else out.push(Number(m[2]));
    }
  }
  return out;
}

/**
 * Reads a nested value. Returns `undefined` when the path is absent, and the
 * Unknown itself when an unknown value stands on the way.
 */
export function getPath(root: Value | undefined, path: string | ReadonlyArray<string | number>): Value | undefined {
  const segments = typeof path === 'string' ? segmentsOf(path) : path;
  let cur: Value | undefined = root;
  for (const seg of segments) {
    if (cur === undefined || cur === null) return undefined;
    if (isUnknown(cur)) return cur;
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (typeof cur !== 'object' || Array.isArray(cur)) return undefined;
      cur = (cur as ValueObject)[seg];
    }
  }
  return cur;
}

export function isObject(v: Value | undefined): v is ValueObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v);
}

/** Wraps a single value in a list; Terraform blocks and YAML lists both read as arrays. */
export function asList(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

export function asString(v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Booleans as written in HCL, YAML and CloudFormation ("true", true). Unknown stays unknown. */
export function asBool(v: Value | undefined): boolean | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  if (typeof v === 'number') return v !== 0;
  return undefined;
}

export function asNumber(v: Value | undefined): number | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}
