import { asBool, asString, getPath, isUnknown, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Authorized ranges live in api_server_access_profile (azurerm ≥ 3.39) or, earlier, in api_server_authorized_ip_ranges. */
const RANGE_PATHS = ['api_server_access_profile[0].authorized_ip_ranges', 'api_server_authorized_ip_ranges'];

function check(r: Resource): FindingDraft | undefined {
  const isPrivate = asBool(getPath(r.attributes, 'private_cluster_enabled'));
  if (isPrivate === true) return undefined;
  let sawRanges = false;
  for (const base of RANGE_PATHS) {
    const v = getPath(r.attributes, base);
    if (isUnknown(v)) return { resource: r, attributePath: base, verdict: 'unknown', message: `AKS cluster ${r.name}: API server authorized IP ranges are unresolved` };
    if (!Array.isArray(v) || v.length === 0) continue;
    sawRanges = true;
    const idx = v.findIndex((x: Value) => /\/0$/.test(asString(x)?.trim() ?? ''));
    if (idx >= 0) return { resource: r, attributePath: `${base}[${idx}]`, message: `AKS cluster ${r.name} authorizes ${String(v[idx])} to reach its API server`, evidence: `authorized_ip_ranges contains ${String(v[idx])}` };
  }
  if (sawRanges) return undefined;
  if (isUnknown(isPrivate)) return { resource: r, attributePath: 'private_cluster_enabled', verdict: 'unknown', message: `AKS cluster ${r.name}: private_cluster_enabled is unresolved` };
  // An explicit `private_cluster_enabled = false` is the line to change; when absent, the resource is.
  const explicit = isPrivate === false ? { attributePath: 'private_cluster_enabled' } : {};
  return { resource: r, ...explicit, message: `AKS cluster ${r.name} has a public API server without authorized IP ranges`, evidence: 'no authorized_ip_ranges, private_cluster_enabled not true' };
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-025',
    title: 'AKS API server open to any address',
    pillar: 'ports',
    severity: 'high',
    description:
      'An AKS cluster that is not private and has no API server authorized IP ranges (or has 0.0.0.0/0 among them) accepts Kubernetes API connections from any address on the internet, exposing the control plane to credential attacks and API server vulnerabilities.',
    remediation: 'Set `api_server_access_profile { authorized_ip_ranges = [...] }` to administrator and CI ranges, or create a private cluster (`private_cluster_enabled = true`).',
    references: ['https://learn.microsoft.com/en-us/azure/aks/api-server-authorized-ip-ranges', 'https://learn.microsoft.com/en-us/azure/aks/private-clusters'],
    compliance: { 'nist-800-53': ['SC-7', 'AC-17'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_kubernetes_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('azurerm_kubernetes_cluster')) {
      const f = check(r);
      if (f) out.push(f);
    }
    return out;
  },
});
