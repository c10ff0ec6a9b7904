import type { Resource } from '../resource.js';
import type { Normalizer, NormalizeContext } from './types.js';
import { NETWORK_NORMALIZERS } from './network/index.js';

/** Every normaliser; add new ones here. */
export const NORMALIZERS: Normalizer[] = [...NETWORK_NORMALIZERS];

export function normalizeAll(resources: Resource[], normalizers: Normalizer[] = NORMALIZERS): void {
  // the id index is built on the first look-up: most models never need it
  let index: Map<string, Resource> | undefined;
  const byIdOf = (id: string): Resource | undefined => {
    if (!index) {
      index = new Map();
      for (const r of resources) index.set(r.id, r);
    }
    return index.get(id);
  };
  const ctx: NormalizeContext = { byId: byIdOf, all: resources };
  const byType = new Map<string, Normalizer[]>();
  for (const n of normalizers) for (const t of n.types) byType.set(t, [...(byType.get(t) ?? []), n]);
  for (const r of resources) {
    const list = byType.get(r.type);
    if (list) for (const n of list) n.normalize(r, ctx);
  }
}
