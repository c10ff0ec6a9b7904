import type { Resource, Value, ValueObject } from '../../model/index.js';
import { getPath, isObject } from '../../model/index.js';

/** Where the pod template sits in each workload kind. */
const POD_SPEC_PATHS: Record<string, string> = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  ReplicationController: 'spec.template.spec',
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
  PodTemplate: 'template.spec',
};

export const WORKLOAD_KINDS = Object.keys(POD_SPEC_PATHS);

export interface PodSpecRef {
  spec: ValueObject;
  /** attribute path of the pod spec inside the resource */
  path: string;
}

export interface ContainerRef {
  container: ValueObject;
  /** attribute path of the container, e.g. spec.template.spec.containers[0] */
  path: string;
  name: string;
  kind: 'containers' | 'initContainers' | 'ephemeralContainers';
}

export function podSpecOf(resource: Resource): PodSpecRef | undefined {
  if (resource.source !== 'kubernetes') return undefined;
  const path = POD_SPEC_PATHS[resource.type];
  if (!path) return undefined;
  const spec = getPath(resource.attributes, path);
  return isObject(spec) ? { spec, path } : undefined;
}

export function containersOf(resource: Resource): ContainerRef[] {
  const pod = podSpecOf(resource);
  if (!pod) return [];
  const out: ContainerRef[] = [];
  for (const kind of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const list = pod.spec[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((c: Value, i) => {
      if (!isObject(c)) return;
      out.push({ container: c, path: `${pod.path}.${kind}[${i}]`, name: typeof c.name === 'string' ? c.name : `#${i}`, kind });
    });
  }
  return out;
}

/** All workload resources (Pods and controllers with a pod template). */
export function workloads(resources: readonly Resource[]): Resource[] {
  return resources.filter((r) => r.source === 'kubernetes' && POD_SPEC_PATHS[r.type] !== undefined);
}
