import { defineCheck, type FindingDraft } from '../engine/types.js';
import { FIREWALL_TYPES, coversEveryPort, describeRule, internetIngress, siblingRules } from '../_lib/exposure.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-004',
    affinity: 'firewall-rules',
    title: 'Every port open to the internet',
    pillar: 'ports',
    severity: 'critical',
    description:
      'A firewall rule admits 0.0.0.0/0 or ::/0 on all protocols or on the whole port range 0–65535. Every service on the target, including ones started later or listening by accident (debug ports, databases, admin consoles), is reachable from anywhere.',
    remediation: 'Replace the rule with rules for the specific ports the workload serves (for example 443/tcp), and admit everything else only from internal ranges or security groups.',
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      'https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview',
      'https://cloud.google.com/firewall/docs/firewalls',
    ],
    compliance: { 'cis-aws': ['5.2', '5.3'], 'cis-azure': ['6.1', '6.2'], 'cis-gcp': ['3.6', '3.7'], 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: FIREWALL_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const resource of ctx.ofType(...FIREWALL_TYPES)) {
      for (const e of internetIngress(resource, coversEveryPort, siblingRules(ctx, resource))) {
        const draft: FindingDraft = {
          resource,
          key: e.key,
          verdict: e.verdict,
          message: `${e.verdict === 'fail' ? 'every port is open' : 'every port may be open'} to the internet: ${describeRule(e.rule)}`,
          evidence: describeRule(e.rule),
        };
        if (e.attributePath !== undefined) draft.attributePath = e.attributePath;
        out.push(draft);
      }
    }
    return out;
  },
});
