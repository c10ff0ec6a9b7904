import { defineCheck, type FindingDraft } from '../engine/types.js';
import { engineFlows, sensitiveDraft, sensitiveReach } from '../_lib/reachability.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-038',
    title: 'GCP instance sensitive port effectively reachable from the internet',
    pillar: 'ports',
    severity: 'high',
    description:
      'A Compute Engine instance with an external IP is reachable from any internet address on a port of the sensitive ports catalogue: the VPC firewall rules that apply to it (by network, target tags or service accounts) admit the port at a priority no deny beats. Instances without an external address, rules aimed at other tags, and allows overridden by a deny of the same or a better priority are not reported. Severity follows the catalogue.',
    remediation:
      'Remove the access_config (reach the instance through IAP TCP forwarding or a bastion), or narrow the firewall rule\'s source_ranges and target_tags to what needs the port.',
    references: ['https://cloud.google.com/firewall/docs/firewalls#priority_order_for_firewall_rules', 'https://cloud.google.com/iap/docs/using-tcp-forwarding'],
    compliance: { 'cis-gcp': ['3.6', '3.7'], 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform'],
    resourceTypes: ['google_compute_instance', 'google_compute_firewall'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of sensitiveReach(ctx, engineFlows(ctx, 'gcp'))) out.push(sensitiveDraft(r, `Instance ${r.workload.name}`));
    return out;
  },
});
