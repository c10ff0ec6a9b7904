/**
 * Helpers for checks over host authentication files (src/sources/host/):
 * PAM stacks and key/value settings.
 */
import type { Resource } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';

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

export interface StackEntry {
  /** the PamConfig file that holds the line */
  resource: Resource;
  entry: PamEntry;
  index: number;
}

interface PamIndex {
  /** folder → service name → resource */
  byFolder: Map<string, Map<string, Resource>>;
  /** resources some other file of the same folder includes */
  included: Set<Resource>;
}

function folderOf(r: Resource): string {
  const f = r.location.file;
  return f.slice(0, Math.max(0, f.lastIndexOf('/')));
}

function includesOf(e: PamEntry): string | undefined {
  if (e.type === 'include') return e.module; // @include x
  return e.control === 'include' || e.control === 'substack' ? e.module : undefined;
}

function pamIndex(ctx: CheckContext): PamIndex {
  return ctx.shared('host-auth:pam-index', () => {
    const byFolder = new Map<string, Map<string, Resource>>();
    const all = ctx.ofType('PamConfig');
    for (const r of all) {
      const folder = folderOf(r);
      let m = byFolder.get(folder);
      if (!m) byFolder.set(folder, (m = new Map()));
      m.set(String(r.attributes.service), r);
    }
    const included = new Set<Resource>();
    for (const r of all) {
      for (const { entry } of pamEntries(r)) {
        const target = includesOf(entry);
        const t = target ? byFolder.get(folderOf(r))?.get(target) : undefined;
        if (t && t !== r) included.add(t);
      }
    }
    return { byFolder, included };
  });
}

/**
 * The `type` lines a PAM service runs, in order: `include` and `substack`
 * lines (and `@include`) are replaced by the lines of that service's file in
 * the same pam.d folder, recursively (cycles and depth past 16 are cut; a
 * service file that was not collected contributes nothing). Jumps
 * (`[success=N]`) are not followed: the stack is every line that may run.
 */
export function pamStack(ctx: CheckContext, r: Resource, type: string): StackEntry[] {
  const index = pamIndex(ctx);
  const out: StackEntry[] = [];
  const walk = (res: Resource, depth: number, seen: Set<Resource>) => {
    if (depth > 16 || seen.has(res)) return;
    seen.add(res);
    for (const { entry, index: i } of pamEntries(res)) {
      const target = includesOf(entry);
      if (target && (entry.type === 'include' || entry.type === type)) {
        const t = index.byFolder.get(folderOf(res))?.get(target);
        if (t) walk(t, depth + 1, seen);
        continue;
      }
      if (entry.type === type) out.push({ resource: res, entry, index: i });
    }
    seen.delete(res);
  };
  walk(r, 0, new Set());
  return out;
}

/**
 * The services to judge: every PamConfig file that no other collected file
 * of its folder includes (sshd, login, su, passwd... or a lone common-auth),
 * so a stack is judged as a service runs it.
 */
export function pamServices(ctx: CheckContext): Resource[] {
  const { included } = pamIndex(ctx);
  return ctx.ofType('PamConfig').filter((r) => !included.has(r));
}
