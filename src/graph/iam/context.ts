/**
 * The request context that conditions are evaluated against. Keys a caller
 * supplies are known; keys declared absent are known to be missing; every
 * other key is unknown, so a condition on it yields "allowed if" rather than
 * a guess. Condition key names are case-insensitive, as in AWS.
 */
import { maybe, NO, type Tri } from './tri.js';

export interface ContextValue {
  values: string[];
  /** a multi-valued key (aws:TagKeys, aws:CalledVia...), for ForAllValues/ForAnyValue */
  multi: boolean;
}

export class RequestContext {
  private readonly known = new Map<string, ContextValue>();
  private readonly missing = new Set<string>();

  constructor(
    entries: Record<string, string | string[]> = {},
    absent: Iterable<string> = [],
    /** true: a key neither known nor absent counts as absent (a fully described request) */
    readonly closed = false,
  ) {
    for (const [k, v] of Object.entries(entries)) this.set(k, v);
    for (const k of absent) this.missing.add(k.toLowerCase());
  }

  set(key: string, value: string | string[]): void {
    this.known.set(key.toLowerCase(), { values: Array.isArray(value) ? value.map(String) : [String(value)], multi: Array.isArray(value) });
    this.missing.delete(key.toLowerCase());
  }

  /** Sets the key only when the caller has not said anything about it. */
  setDefault(key: string, value: string | string[]): void {
    const k = key.toLowerCase();
    if (!this.known.has(k) && !this.missing.has(k)) this.set(key, value);
  }

  /** The key's value; 'absent' when it is known to be missing; 'unknown' otherwise. */
  lookup(key: string): ContextValue | 'absent' | 'unknown' {
    const k = key.toLowerCase();
    const hit = this.known.get(k);
    if (hit) return hit;
    if (this.missing.has(k) || this.closed) return 'absent';
    return 'unknown';
  }

  /** A copy with extra known keys. */
  with(entries: Record<string, string | string[]>): RequestContext {
    const copy = new RequestContext({}, this.missing, this.closed);
    for (const [k, v] of this.known) copy.known.set(k, v);
    for (const [k, v] of Object.entries(entries)) copy.set(k, v);
    return copy;
  }
}

/**
 * Substitutes policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`,
 * and the literals `${*}`, `${?}`, `${$}`). A variable whose key is missing
 * makes the element match nothing (as in AWS); an unknown one leaves the
 * result dependent on that key. A `${key, 'default'}` fallback is honoured.
 */
export function substituteVariables(text: string, ctx: RequestContext): string | Tri {
  if (!text.includes('${')) return text;
  let unknownKeys: string[] = [];
  let missing = false;
  const out = text.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    const [rawKey, rawDefault] = inner.split(',', 2) as [string, string | undefined];
    const key = rawKey.trim();
    if (key === '*' || key === '?' || key === '$') return `\u0000${key}`;
    const v = ctx.lookup(key);
    if (typeof v === 'object' && v.values.length === 1) return v.values[0]!;
    const fallback = rawDefault?.trim().replace(/^'(.*)'$/, '$1');
    if (fallback !== undefined) return fallback;
    if (v === 'unknown') unknownKeys.push(key);
    else missing = true;
    return whole;
  });
  if (missing) return NO;
  if (unknownKeys.length) return maybe(...unknownKeys);
  return out;
}
