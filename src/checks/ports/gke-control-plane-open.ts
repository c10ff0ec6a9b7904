import { asBool, asString, getPath, isUnknown, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}

function check(r: Resource): FindingDraft | undefined {
  const privateEndpoint = asBool(getPath(r.attributes, 'private_cluster_config[0].enable_private_endpoint'));
  if (privateEndpoint === true) return undefined;
  // Google provider 6.x: a cluster whose IP-based control plane endpoint is switched off is reached only
  // through its DNS endpoint, which authorises every call with IAM; there is no address to open.
  const ipEndpoint = asBool(getPath(r.attributes, 'control_plane_endpoints_config[0].ip_endpoints_config[0].enabled'));
  if (ipEndpoint === false) return undefined;
  const config = getPath(r.attributes, 'master_authorized_networks_config');
  if (isUnknown(config)) return { resource: r, attributePath: 'master_authorized_networks_config', verdict: 'unknown', message: `GKE cluster ${r.name}: master authorized networks are unresolved` };
  if (list(config).length === 0) {
    return { resource: r, message: `GKE cluster ${r.name} has no master authorized networks: its control plane endpoint accepts any address`, evidence: 'master_authorized_networks_config not set' };
  }
  const blocks = list(getPath(r.attributes, 'master_authorized_networks_config[0].cidr_blocks'));
  for (let i = 0; i < blocks.length; i++) {
    const path = `master_authorized_networks_config[0].cidr_blocks[${i}].cidr_block`;
    const cidr = getPath(r.attributes, path);
    if (isUnknown(cidr)) return { resource: r, attributePath: path, verdict: 'unknown', message: `GKE cluster ${r.name}: an authorized network is unresolved (${cidr.toString()})` };
    const s = asString(cidr)?.trim();
    if (s !== undefined && /\/0$/.test(s)) return { resource: r, attributePath: path, message: `GKE cluster ${r.name} authorizes ${s} to reach its control plane`, evidence: `cidr_block = ${s}` };
  }
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-024',
    title: 'GKE control plane endpoint open to any address',
    pillar: 'ports',
    severity: 'high',
    description:
      'Without master authorized networks (or with 0.0.0.0/0 among them) and without a private endpoint, the GKE cluster\'s Kubernetes API server accepts connections from any address on the internet, exposing it to credential attacks and API server vulnerabilities.',
    remediation: 'Add a `master_authorized_networks_config` block listing only administrator and CI ranges, or make the endpoint private (`private_cluster_config.enable_private_endpoint = true`), or switch the IP endpoint off and use the DNS endpoint (`control_plane_endpoints_config { ip_endpoints_config { enabled = false } }`).',
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks', 'https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation'],
    compliance: { 'nist-800-53': ['SC-7', 'AC-17'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_container_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('google_container_cluster')) {
      const f = check(r);
      if (f) out.push(f);
    }
    return out;
  },
});
