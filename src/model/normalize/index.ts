import type { Resource } from '../resource.js';
import type { Normalizer, NormalizeContext } from './types.js';
import { NETWORK_NORMALIZERS } from './network/index.js';

/** Every normaliser; add new ones here. */
export const NORMALIZERS: Normalizer[] = [...NETWORK_NORMALIZERS];

export function normalizeAll(resources: Resource[], normalizers: Normalizer[] = NORMALIZERS): void {
  const index = new Map(resources.map((r) => [r.id, r]));
  const ctx: NormalizeContext = { byId: (id) => index.get(id), all: resources };
  const byType = new Map<string, Normalizer[]>();
  for (const n of normalizers) for (const t of n.types) byType.set(t, [...(byType.get(t) ?? []), n]);
  for (const r of resources) for (const n of byType.get(r.type) ?? []) n.normalize(r, ctx);
}
