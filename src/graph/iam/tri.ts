/**
 * Three-valued results for policy evaluation: yes, no, or "it depends" on a
 * set of condition keys (or unresolved values) the request context leaves
 * unknown. Kleene logic: `and` is no as soon as one side is no, `or` is yes
 * as soon as one side is yes; otherwise the dependencies add up.
 */
export type Tri = { kind: 'yes' } | { kind: 'no' } | { kind: 'maybe'; keys: ReadonlySet<string> };

export const YES: Tri = Object.freeze({ kind: 'yes' });
export const NO: Tri = Object.freeze({ kind: 'no' });

export function maybe(...keys: string[]): Tri {
  return { kind: 'maybe', keys: new Set(keys) };
}

export function tri(b: boolean): Tri {
  return b ? YES : NO;
}

function union(parts: Tri[]): Set<string> {
  const keys = new Set<string>();
  for (const p of parts) if (p.kind === 'maybe') for (const k of p.keys) keys.add(k);
  return keys;
}

export function and(...parts: Tri[]): Tri {
  if (parts.some((p) => p.kind === 'no')) return NO;
  if (parts.every((p) => p.kind === 'yes')) return YES;
  return { kind: 'maybe', keys: union(parts) };
}

export function or(...parts: Tri[]): Tri {
  if (parts.some((p) => p.kind === 'yes')) return YES;
  if (parts.every((p) => p.kind === 'no')) return NO;
  return { kind: 'maybe', keys: union(parts) };
}

export function not(t: Tri): Tri {
  return t.kind === 'yes' ? NO : t.kind === 'no' ? YES : t;
}

export function keysOf(t: Tri): string[] {
  return t.kind === 'maybe' ? [...t.keys].sort() : [];
}
