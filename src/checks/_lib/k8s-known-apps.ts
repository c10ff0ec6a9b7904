/**
 * Workloads that run a known application (Tiller, the Kubernetes Dashboard),
 * recognised by a container image or, when the image is a mirror or a
 * placeholder, by the labels its installer sets on the workload or its pods.
 */
import { asString, getPath, type Resource, type Value } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { containerImages } from './k8s-images.js';
import { podSpecOf, type ContainerRef } from './kubernetes.js';
import type { ParsedImage } from './images.js';
import { kubernetesWorkloads } from './k8s-terraform.js';

export interface KnownAppMatch {
  resource: Resource;
  /** the attribute that identifies the application: a container's image, or a label */
  path: string;
  /** the image when it was recognised by its image */
  image?: ParsedImage;
  container?: ContainerRef;
  /** "label: value" when it was recognised by a label */
  label?: string;
}

/** Last path segment of an image repository, lower case ("gcr.io/kubernetes-helm/tiller" → "tiller"). */
export const imageName = (repository: string): string => repository.slice(repository.lastIndexOf('/') + 1).toLowerCase();

/**
 * Every container whose image `isApp` accepts (one match each), then every
 * other workload whose own or pod-template labels `labelMatch` accepts (one
 * match per workload, at the matching label).
 */
export function knownAppWorkloads(
  ctx: CheckContext,
  isApp: (image: ParsedImage) => boolean,
  labelMatch: (labels: Record<string, Value>) => string | undefined,
): KnownAppMatch[] {
  const out: KnownAppMatch[] = [];
  const seen = new Set<string>();
  for (const { resource, container, image, path } of containerImages(ctx)) {
    if (!isApp(image)) continue;
    seen.add(resource.id);
    out.push({ resource, path, image, container });
  }
  for (const r of kubernetesWorkloads(ctx)) {
    if (seen.has(r.id)) continue;
    const pod = podSpecOf(r);
    const templateMeta = pod && pod.path.endsWith('.spec') ? pod.path.slice(0, -'.spec'.length) + '.metadata' : undefined;
    for (const base of ['metadata', ...(templateMeta && templateMeta !== 'metadata' ? [templateMeta] : [])]) {
      const labels = getPath(r.attributes, `${base}.labels`);
      if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) continue;
      const key = labelMatch(labels as Record<string, Value>);
      if (key === undefined) continue;
      out.push({ resource: r, path: `${base}.labels.${key}`, label: `${key}: ${asString((labels as Record<string, Value>)[key]) ?? ''}` });
      break;
    }
  }
  return out;
}
