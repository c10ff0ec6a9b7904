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

/**
 * Custom resources that run a pod spec, by API group: Knative Serving
 * (`Service`, `Configuration` template their revisions, a `Revision` is one)
 * and Argo Rollouts. Matched on apiVersion too, since Knative's `Service`
 * shares its kind with the core Service.
 */
const CUSTOM_POD_SPEC_PATHS: Array<{ group: string; kinds: Record<string, string> }> = [
  { group: 'serving.knative.dev', kinds: { Service: 'spec.template.spec', Configuration: 'spec.template.spec', Revision: 'spec' } },
  { group: 'argoproj.io', kinds: { Rollout: 'spec.template.spec' } },
];

function podSpecPath(resource: Resource): string | undefined {
  const core = POD_SPEC_PATHS[resource.type];
  const api = resource.attributes.apiVersion;
  const group = typeof api === 'string' && api.includes('/') ? api.slice(0, api.indexOf('/')) : '';
  if (core !== undefined && group !== 'serving.knative.dev') return core;
  return CUSTOM_POD_SPEC_PATHS.find((c) => c.group === group)?.kinds[resource.type];
}

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
  const path = podSpecPath(resource);
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
  return resources.filter((r) => r.source === 'kubernetes' && podSpecPath(r) !== undefined);
}

/** Attribute path of a workload's pod template annotations: `metadata.annotations` for a Pod, `spec.template.metadata.annotations` for controllers. */
export function podAnnotationsPath(resource: Resource): string | undefined {
  const pod = podSpecOf(resource);
  if (!pod) return undefined;
  const base = pod.path.replace(/\.?spec$/, '');
  return base ? `${base}.metadata.annotations` : 'metadata.annotations';
}

/**
 * The containers of a Linux pod that are declared to run: init and regular
 * containers, not ephemeral debug containers (attached by hand); none for a
 * pod with `os.name: windows`, where Linux security settings do not apply.
 */
export function linuxContainers(resource: Resource): ContainerRef[] {
  const pod = podSpecOf(resource);
  if (pod && getPath(pod.spec, 'os.name') === 'windows') return [];
  return containersOf(resource).filter((c) => c.kind !== 'ephemeralContainers');
}
