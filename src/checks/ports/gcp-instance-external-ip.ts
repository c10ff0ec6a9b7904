import { getPath, isUnknown, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TYPES = ['google_compute_instance', 'google_compute_instance_template', 'google_compute_instance_from_template'];

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-015',
    title: 'GCP VM instance has an external IP address',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A network interface with an `access_config` block gets an external (public) IPv4 address, so any port the VPC firewall admits from 0.0.0.0/0 is reachable from the internet and the VM can be scanned directly.',
    remediation: 'Remove the `access_config` block; use Cloud NAT for outbound traffic, a load balancer for serving, and IAP TCP forwarding for administration.',
    references: ['https://cloud.google.com/compute/docs/ip-addresses/reserve-static-external-ip-address', 'https://cloud.google.com/compute/docs/instances/connecting-advanced#cloud_iap'],
    compliance: { 'cis-gcp': ['4.9'], 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(...TYPES)) {
      list(r.attributes.network_interface).forEach((_, i) => {
        const path = `network_interface[${i}].access_config`;
        const v = getPath(r.attributes, path);
        if (Array.isArray(v) && v.length > 0) {
          out.push({ resource: r, key: path, attributePath: `${path}[0]`, message: `${r.type} ${r.name} network interface ${i} has an external IP address`, evidence: 'access_config block present' });
        } else if (isUnknown(v)) {
          out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: access_config of network interface ${i} is unresolved` });
        }
      });
    }
    return out;
  },
});
