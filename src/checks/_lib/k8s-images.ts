import type { Resource } from '../../model/index.js';
import { isUnknown } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { containersOf, type ContainerRef } from './kubernetes.js';
import { kubernetesWorkloads } from './k8s-terraform.js';
import { parseImage, type ParsedImage } from './images.js';

export interface ContainerImage {
  resource: Resource;
  container: ContainerRef;
  image: ParsedImage;
  /** attribute path of the container's image */
  path: string;
}

/**
 * Every container image of every Kubernetes workload (manifests, and
 * Terraform kubernetes provider resources as manifest-shaped views: map
 * drafts back with `fromView`), with concrete (non-empty, known) image strings.
 */
export function containerImages(ctx: CheckContext): ContainerImage[] {
  const out: ContainerImage[] = [];
  for (const r of kubernetesWorkloads(ctx)) {
    for (const c of containersOf(r)) {
      const v = c.container.image;
      if (typeof v !== 'string' || v.trim() === '' || isUnknown(v)) continue;
      out.push({ resource: r, container: c, image: parseImage(v), path: `${c.path}.image` });
    }
  }
  return out;
}
