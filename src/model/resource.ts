import type { Location } from './location.js';
import type { NetworkRule } from './network-rule.js';
import type { Value, ValueObject } from './value.js';
import { getPath } from './value.js';

export type Provider = 'aws' | 'azure' | 'gcp' | 'kubernetes' | 'docker' | 'generic' | (string & {});
export type SourceKind =
  | 'terraform'
  | 'terraform-plan'
  | 'cloudformation'
  | 'kubernetes'
  | 'dockerfile'
  | 'docker-compose'
  | (string & {});

/** A link from one resource's attribute to another resource. */
export interface Reference {
  /** attribute path in the referring resource, e.g. "vpc_security_group_ids[0]" */
  attribute: string;
  /** id of the resource referred to */
  target: string;
  /** attribute of the target that is used, e.g. "id" or "arn" */
  targetAttribute?: string;
}

/**
 * One resource of the provider-neutral model. Raw attributes keep the shape of
 * the source (Terraform/plan attribute names, CloudFormation Properties,
 * Kubernetes object); normalised views (`network`) carry meaning shared across
 * providers.
 */
export interface Resource {
  /** stable id, unique in a scan, e.g. "aws_security_group.web", "module.net.aws_vpc.main[0]", "Deployment/prod/web" */
  id: string;
  /** native type: "aws_security_group", "AWS::EC2::SecurityGroup", "Pod", "Dockerfile" */
  type: string;
  provider: Provider;
  source: SourceKind;
  /** short display name */
  name: string;
  attributes: ValueObject;
  location: Location;
  /** precise locations of attributes and nested blocks, keyed by attribute path */
  attributeLocations: Record<string, Location>;
  references: Reference[];
  /** normalised firewall rules, when the resource is or carries any */
  network?: NetworkRule[];
  /** extra facts from the source: module path, Kubernetes namespace, Dockerfile stage... */
  meta?: Record<string, Value>;
}

export function attr(resource: Resource, path: string): Value | undefined {
  return getPath(resource.attributes, path);
}

/**
 * The best location for an attribute path: the deepest known location along
 * the path, falling back to the resource itself.
 */
export function locate(resource: Resource, path?: string): Location {
  if (!path) return resource.location;
  let p = path;
  while (p) {
    const loc = resource.attributeLocations[p];
    if (loc) return loc;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return resource.location;
}
