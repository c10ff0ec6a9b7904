import type { Resource } from '../resource.js';

/** Read-only lookups a normaliser may use to resolve references (e.g. a rule's security group). */
export interface NormalizeContext {
  byId(id: string): Resource | undefined;
  all: readonly Resource[];
}

/**
 * Adds provider-neutral views (e.g. `network`) to resources of the given
 * native types. Normalisers run after every source has loaded, so they can
 * follow references across files. They never decide severity.
 */
export interface Normalizer {
  /** native resource types this normaliser handles */
  types: string[];
  normalize(resource: Resource, ctx: NormalizeContext): void;
}
