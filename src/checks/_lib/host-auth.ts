/**
 * Helpers for checks over host authentication files (src/sources/host/):
 * PAM stacks and key/value settings.
 */
import type { Resource } from '../../model/index.js';

export interface PamEntry {
  type: string;
  control: string;
  module: string;
  args: string[];
  optional: boolean;
  line: number;
}

/** The entries of a PamConfig resource with their index (for `entries[i]` locations). */
export function pamEntries(r: Resource): { entry: PamEntry; index: number }[] {
  const list = (Array.isArray(r.attributes.entries) ? r.attributes.entries : []) as unknown as PamEntry[];
  return list.map((entry, index) => ({ entry, index }));
}

/** `minlen=12` → "12"; undefined when the argument is absent. */
export function pamArg(e: PamEntry, name: string): string | undefined {
  for (const a of e.args) {
    const eq = a.indexOf('=');
    if (eq > 0 && a.slice(0, eq) === name) return a.slice(eq + 1);
    if (eq < 0 && a === name) return '';
  }
  return undefined;
}

/** A string setting of a key/value resource (`settings.<name>`), or undefined. */
export function setting(r: Resource, name: string): string | null | undefined {
  const s = r.attributes.settings;
  if (!s || typeof s !== 'object' || Array.isArray(s)) return undefined;
  const v = (s as Record<string, unknown>)[name];
  return v === undefined ? undefined : v === null ? null : String(v);
}
