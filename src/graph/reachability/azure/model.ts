/**
 * Look-ups over the Azure resources of a model, shared by the VM, load balancer and east-west parts
 * of the Azure engine: an id and type index, reference targets by attribute, and the NSG of a NIC or
 * subnet.
 */
import type { Resource } from '../../../model/index.js';

export interface Index {
  byId: Map<string, Resource>;
  byType: Map<string, Resource[]>;
}

export function indexOf(resources: readonly Resource[]): Index {
  const byId = new Map<string, Resource>();
  const byType = new Map<string, Resource[]>();
  for (const r of resources) {
    byId.set(r.id, r);
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  return { byId, byType };
}

/** Targets of a resource's references from one attribute (and its elements). */
export function refTargets(ix: Index, r: Resource, attribute: string, type?: string): Resource[] {
  const out: Resource[] = [];
  for (const ref of r.references) {
    if (ref.attribute !== attribute && !ref.attribute.startsWith(`${attribute}[`) && !ref.attribute.startsWith(`${attribute}.`)) continue;
    const t = ix.byId.get(ref.target);
    if (t && (type === undefined || t.type === type) && !out.includes(t)) out.push(t);
  }
  return out;
}

/** NSG of a NIC or subnet: association resources, or the older inline `network_security_group_id`. */
export function nsgFor(ix: Index, target: Resource, assocType: string, assocAttr: string): Resource[] {
  const out: Resource[] = [];
  for (const a of ix.byType.get(assocType) ?? []) {
    if (!refTargets(ix, a, assocAttr).includes(target)) continue;
    out.push(...refTargets(ix, a, 'network_security_group_id', 'azurerm_network_security_group'));
  }
  out.push(...refTargets(ix, target, 'network_security_group_id', 'azurerm_network_security_group'));
  return [...new Set(out)];
}
