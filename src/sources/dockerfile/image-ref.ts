import { splitImageRef } from '../../model/image-ref.js';
import { Unknown } from '../../model/index.js';

/**
 * A container image reference split into its parts, following the
 * distribution reference grammar (split by `src/model/image-ref.ts`), with
 * parts that hold an unresolved build argument kept as Unknown.
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
  const { registry, repository, tag, digest } = splitImageRef(ref, (first) => first.includes(UNRESOLVED));
  return {
    image: ref.includes(UNRESOLVED) ? new Unknown('build argument without a value', raw) : ref,
    registry: unknownIf(registry),
    repository: unknownIf(repository),
    tag: unknownIf(tag),
    digest: unknownIf(digest),
  };
}
