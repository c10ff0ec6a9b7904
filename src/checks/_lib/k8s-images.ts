import type { Resource } from '../../model/index.js';
import { isUnknown } from '../../model/index.js';
import { containersOf, workloads, type ContainerRef } from './kubernetes.js';
import { parseImage, type ParsedImage } from './images.js';

export interface ContainerImage {
  resource: Resource;
  container: ContainerRef;
  image: ParsedImage;
  /** attribute path of the container's image */
  path: string;
}

/** Every container image of every Kubernetes workload, with concrete (non-empty, known) image strings. */
export function containerImages(resources: readonly Resource[]): ContainerImage[] {
  const out: ContainerImage[] = [];
  for (const r of workloads(resources)) {
    for (const c of containersOf(r)) {
      const v = c.container.image;
      if (typeof v !== 'string' || v.trim() === '' || isUnknown(v)) continue;
      out.push({ resource: r, container: c, image: parseImage(v), path: `${c.path}.image` });
    }
  }
  return out;
}
