import { isUnknown, type NetworkRule } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { describeRule, internetIngress, siblingRules, type Tri } from '../_lib/exposure.js';

const TYPES = ['azurerm_network_security_group', 'azurerm_network_security_rule'];

function isUdp(rule: NetworkRule): Tri {
  if (isUnknown(rule.protocol)) return 'unknown';
  return rule.protocol === 'udp' ? 'yes' : 'no';
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-022',
    affinity: 'firewall-rules',
    title: 'Azure NSG admits UDP from the internet',
    pillar: 'ports',
    severity: 'medium',
    description:
      'An inbound network security rule allows UDP from any source ("*", "Internet", "Any" or 0.0.0.0/0). Internet-facing UDP services (DNS, NTP, SSDP, CLDAP, Memcached) are abused as reflectors and amplifiers in DDoS attacks and are rarely needed on virtual machines.',
    remediation: 'Restrict the rule\'s source to the networks that need the UDP service, or remove it; use Azure DDoS Protection for services that must accept public UDP.',
    references: ['https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview', 'https://learn.microsoft.com/en-us/azure/ddos-protection/ddos-protection-overview'],
    compliance: { 'cis-azure': ['6.3'], 'nist-800-53': ['SC-5', 'SC-7'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const resource of ctx.ofType(...TYPES)) {
      for (const e of internetIngress(resource, isUdp, siblingRules(ctx, resource))) {
        const draft: FindingDraft = { resource, key: e.key, verdict: e.verdict, message: `inbound UDP ${e.verdict === 'fail' ? 'is' : 'may be'} allowed from the internet: ${describeRule(e.rule)}`, evidence: describeRule(e.rule) };
        if (e.attributePath !== undefined) draft.attributePath = e.attributePath;
        out.push(draft);
      }
    }
    return out;
  },
});
