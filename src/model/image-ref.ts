/**
 * Splits a container image reference, following the distribution reference
 * grammar `[registry/]repository[:tag][@digest]`. Hand-written because it is
 * a dozen lines and the npm packages that parse references pull a registry
 * client along. Shared by the Dockerfile source and the image checks.
 */
export interface ImageRefParts {
  /** registry host when one is written ("ghcr.io", "localhost:5000"), null for Docker Hub's implicit one */
  registry: string | null;
  /** repository path as written, without registry, tag or digest */
  repository: string;
  /** tag as written, null when absent (Docker then pulls "latest") */
  tag: string | null;
  /** "sha256:..." when pinned by digest, else null */
  digest: string | null;
}

/**
 * @param looksLikeRegistry extra test for a first path segment that should
 *   count as a registry host (the Dockerfile source uses it for segments that
 *   hold an unresolved build argument)
 */
export function splitImageRef(ref: string, looksLikeRegistry: (segment: string) => boolean = () => false): ImageRefParts {
  let rest = ref.trim();
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
    if (first.includes('.') || first.includes(':') || first === 'localhost' || looksLikeRegistry(first)) {
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
  return { registry, repository: rest, tag, digest };
}
