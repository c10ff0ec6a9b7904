import { stringLeaves, type Resource, type SourceKind, type StringLeaf } from '../../model/index.js';
import type { CheckContext, CheckServices } from './types.js';

/** Builds the read-only, indexed view of the model that checks run over. */
export function createCheckContext(resources: readonly Resource[], services: CheckServices = {}): CheckContext {
  const byType = new Map<string, Resource[]>();
  const bySource = new Map<string, Resource[]>();
  const referrers = new Map<string, Resource[]>();
  // a Map, not a WeakMap: the context lives for one scan, and 100k weak entries slowed every GC
  const leaves = new Map<Resource, readonly StringLeaf[]>();
  const shared = new Map<string, unknown>();
  for (const r of resources) {
    push(byType, r.type, r);
    push(bySource, r.source, r);
    for (const ref of r.references) push(referrers, ref.target, r);
  }
  // the id index is built on the first look-up: a model without references may never need it
  let ids: Map<string, Resource> | undefined;
  const byId = (id: string): Resource | undefined => {
    if (!ids) {
      ids = new Map();
      for (const r of resources) ids.set(r.id, r);
    }
    return ids.get(id);
  };
  const ctx: CheckContext = {
    resources,
    advisories: services.advisories,
    ofType: (...types: string[]) => gather(byType, types),
    fromSource: (...sources: SourceKind[]) => gather(bySource, sources),
    byId,
    referencedBy(resource: Resource, attribute?: string) {
      const out: Resource[] = [];
      for (const ref of resource.references) {
        if (attribute !== undefined && ref.attribute !== attribute && !ref.attribute.startsWith(`${attribute}.`) && !ref.attribute.startsWith(`${attribute}[`)) continue;
        const target = byId(ref.target);
        if (target && !out.includes(target)) out.push(target);
      }
      return out;
    },
    referrersOf(resource: Resource) {
      // asked for every member of large groups (anomalies): no Set for the usual zero or one referrer
      const list = referrers.get(resource.id);
      if (list === undefined) return [];
      return list.length === 1 ? [list[0]!] : [...new Set(list)];
    },
    stringLeaves(resource: Resource) {
      let hit = leaves.get(resource);
      if (hit === undefined) {
        hit = Object.freeze(stringLeaves(resource.attributes));
        leaves.set(resource, hit);
      }
      return hit;
    },
    shared<T>(key: string, compute: () => T): T {
      if (shared.has(key)) return shared.get(key) as T;
      const value = compute();
      shared.set(key, value);
      return value;
    },
  };
  INDEXES.set(ctx, { byId, referrers: (id) => referrers.get(id) ?? NONE });
  return ctx;
}

/** The id and referrer indexes of a check context, for work after the checks (risk scores). */
export interface ModelLookups {
  /** the resource of an id (the last one with that id, as `ctx.byId`) */
  byId(id: string): Resource | undefined;
  /** the resources whose references target the id, in model order, repeated once per reference (read, never change) */
  referrers(id: string): readonly Resource[];
}

const NONE: readonly Resource[] = Object.freeze([]);
const INDEXES = new WeakMap<CheckContext, ModelLookups>();

/** The indexes a context built (or builds on first use), so later steps need not index the model again. */
export function modelLookupsOf(ctx: CheckContext): ModelLookups {
  return INDEXES.get(ctx)!;
}

/** The lists of the given keys, concatenated into a fresh array (the caller may change it). */
function gather<V>(map: Map<string, V[]>, keys: readonly string[]): V[] {
  // concat copies whole lists natively; flatMap went element by element and dominated large scans
  if (keys.length === 1) return map.get(keys[0]!)?.slice() ?? [];
  const lists: V[][] = [];
  for (const k of keys) {
    const list = map.get(k);
    if (list) lists.push(list);
  }
  return lists.length === 0 ? [] : lists[0]!.concat(...lists.slice(1));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
