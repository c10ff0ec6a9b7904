import { Unknown } from '../../model/index.js';

/**
 * A container image reference split into its parts, following the
 * distribution reference grammar (`[registry/]repository[:tag][@digest]`).
 * Hand-written because it is a dozen lines and no maintained npm package
 * parses references without pulling a registry client along.
 */
export interface ImageRef {
  /** as written after substitution, e.g. "ghcr.io/acme/api:1.2@sha256:..." */
  image: string | Unknown;
  /** registry host when one is written ("ghcr.io", "localhost:5000"), null for Docker Hub's implicit one */
  registry: string | null | Unknown;
  /** repository path without registry, tag or digest ("library/alpine" stays as written: "alpine") */
  repository: string | Unknown;
  /** tag as written, null when absent (Docker then pulls "latest") */
  tag: string | null | Unknown;
  /** "sha256:..." when pinned by digest, else null */
  digest: string | null | Unknown;
}

/** Marks the place of an unresolved variable inside a substituted string. */
export const UNRESOLVED = '\u0000';

/**
 * Splits a reference. Parts that contain an unresolved variable (the
 * UNRESOLVED marker) become Unknown, so `${BASE}:3.19` keeps its known tag.
 */
export function parseImageRef(ref: string, raw: string): ImageRef {
  const unknownIf = <T extends string | null>(part: T): T | Unknown =>
    part !== null && part.includes(UNRESOLVED) ? new Unknown('build argument without a value', raw) : part;
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.includes(UNRESOLVED)) {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return {
    image: ref.includes(UNRESOLVED) ? new Unknown('build argument without a value', raw) : ref,
    registry: unknownIf(registry),
    repository: unknownIf(rest),
    tag: unknownIf(tag),
    digest: unknownIf(digest),
  };
}
