/**
 * One interface for every engine's allowed flows, so the segmentation matrix and the zero-trust
 * audit read AWS, Azure, GCP and Kubernetes alike: an `Exposure` (the shared verdict shape) plus
 * the zone at each end. An engine that produces Exposures (AWS included) takes part by naming
 * the zones of its endpoints; nothing else is asked of it.
 */
import type { Resource } from '../../../model/index.js';
import type { Exposure, Hop, RuleRef } from '../types.js';
import { locate } from '../../../model/index.js';

export interface Flow extends Exposure {
  /** 'internet', or a zone: a Kubernetes namespace, an Azure subnet, a GCP network (and tags), an AWS subnet/VPC */
  fromZone: string;
  toZone: string;
  /** the internet sources that get through when they are not every internet address */
  fromRanges?: string[];
  /** the destination's short name in intents ("web", "db"): workload name, VM name, instance name */
  toName?: string;
  /** the source's short name for east-west flows */
  fromName?: string;
}

/** A reachability engine seen from the matrix: the flows it computes over the model. */
export interface FlowEngine {
  name: string;
  flows(resources: readonly Resource[]): Flow[];
}

export function ruleRef(resource: Resource, attributePath: string | undefined, summary: string): RuleRef {
  const ref: RuleRef = { resourceId: resource.id, summary, location: locate(resource, attributePath) };
  if (attributePath !== undefined) ref.attributePath = attributePath;
  return ref;
}

export function hop(kind: string, resourceId: string, rules: RuleRef[] = [], note?: string): Hop {
  const h: Hop = { kind, resourceId, rules };
  if (note !== undefined) h.note = note;
  return h;
}

export const INTERNET_HOP: Hop = { kind: 'internet', resourceId: 'internet', rules: [] };

/** Only flows that may carry traffic (exposed or unknown), the ones the matrix and the audit count. */
export function allowedFlows(flows: readonly Flow[]): Flow[] {
  return flows.filter((f) => f.verdict !== 'not-exposed');
}
