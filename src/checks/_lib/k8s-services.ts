import { asString, getPath, isObject, type Resource, type ValueObject } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { kubernetesResources } from './k8s-terraform.js';

/** Annotations that turn a Service of type LoadBalancer into an internal (VPC-only) load balancer. */
const INTERNAL_LB_ANNOTATIONS: Array<[string, RegExp]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', /^intranet$/i],
];

/** Services: manifests, and Terraform kubernetes_service(_v1) resources as manifest-shaped views (map findings back with fromView). */
export function services(ctx: CheckContext): Resource[] {
  return kubernetesResources(ctx).filter((r) => r.type === 'Service');
}

export function serviceType(r: Resource): string {
  return asString(getPath(r.attributes, 'spec.type')) ?? 'ClusterIP';
}

/** True when a cloud-provider annotation makes the load balancer internal. */
export function isInternalLoadBalancer(r: Resource): boolean {
  const ann = getPath(r.attributes, 'metadata.annotations');
  if (!isObject(ann)) return false;
  return INTERNAL_LB_ANNOTATIONS.some(([key, re]) => {
    const v = asString(ann[key]);
    return v !== undefined && re.test(v.trim());
  });
}

export interface ServicePort {
  port: number;
  protocol: 'tcp' | 'udp';
  /** attribute path of the port entry */
  path: string;
  name?: string;
}

/** Numeric ports of a Service (`spec.ports[].port`). */
export function servicePorts(r: Resource): ServicePort[] {
  const list = getPath(r.attributes, 'spec.ports');
  if (!Array.isArray(list)) return [];
  const out: ServicePort[] = [];
  list.forEach((p, i) => {
    if (!isObject(p)) return;
    // Terraform views name a port block's own `port` attribute `ports` (repeated-block pluralisation)
    const raw = (p as ValueObject).port ?? (Array.isArray(p.ports) ? undefined : p.ports);
    const port = Number(asString(raw));
    if (!Number.isInteger(port)) return;
    const protocol = asString(p.protocol)?.toLowerCase() === 'udp' ? 'udp' : 'tcp';
    const name = asString(p.name);
    out.push(name === undefined ? { port, protocol, path: `spec.ports[${i}]` } : { port, protocol, path: `spec.ports[${i}]`, name });
  });
  return out;
}
