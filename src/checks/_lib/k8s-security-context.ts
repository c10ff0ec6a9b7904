/**
 * Effective security settings of a Kubernetes container. The container's
 * `securityContext` overrides the pod's for the fields both define
 * (runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile,
 * windowsOptions, appArmorProfile); other fields (privileged,
 * allowPrivilegeEscalation, capabilities, readOnlyRootFilesystem) exist only on
 * the container.
 */
import type { Resource, Value } from '../../model/index.js';
import { getPath } from '../../model/index.js';
import type { ContainerRef } from './kubernetes.js';
import { podSpecOf } from './kubernetes.js';

export const POD_LEVEL_FIELDS = new Set(['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'windowsOptions', 'appArmorProfile', 'supplementalGroups', 'fsGroup', 'sysctls']);

export interface EffectiveSetting {
  value: Value | undefined;
  /** attribute path where the effective value was written, undefined when neither level sets it */
  path?: string;
  level?: 'container' | 'pod';
}

/** The effective value of a securityContext field for a container, with container-over-pod precedence. */
export function effectiveSetting(resource: Resource, container: ContainerRef, field: string): EffectiveSetting {
  const cPath = `${container.path}.securityContext.${field}`;
  const cValue = getPath(resource.attributes, cPath);
  if (cValue !== undefined && cValue !== null) return { value: cValue, path: cPath, level: 'container' };
  if (!POD_LEVEL_FIELDS.has(field)) return { value: undefined };
  const pod = podSpecOf(resource);
  if (!pod) return { value: undefined };
  const pPath = `${pod.path}.securityContext.${field}`;
  const pValue = getPath(resource.attributes, pPath);
  if (pValue !== undefined && pValue !== null) return { value: pValue, path: pPath, level: 'pod' };
  return { value: undefined };
}
