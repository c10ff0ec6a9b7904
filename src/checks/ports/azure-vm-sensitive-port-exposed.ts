import { defineCheck, type FindingDraft } from '../engine/types.js';
import { engineFlows, sensitiveDraft, sensitiveReach } from '../_lib/reachability.js';
import { AZURE_VM_TYPES } from '../../graph/reachability/azure/index.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-037',
    title: 'Azure VM sensitive port effectively reachable from the internet',
    pillar: 'ports',
    severity: 'high',
    description:
      'A virtual machine with a public IP is reachable from any internet address on a port of the sensitive ports catalogue (SSH, RDP, databases, caches, the Docker API...): the subnet NSG and the NIC NSG both admit it, by priority, after Azure\'s default rules. Unlike a rule-by-rule check, this follows the real path: a VM without a public IP, or whose subnet NSG denies the port, is not reported. Severity follows the catalogue.',
    remediation:
      'Remove the public IP (use Azure Bastion or a VPN for administration), or restrict the NSG rule on the NIC or subnet to the addresses that need the port; keep data services on private endpoints.',
    references: ['https://learn.microsoft.com/en-us/azure/virtual-network/network-security-group-how-it-works', 'https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview#default-security-rules'],
    compliance: { 'cis-azure': ['6.1', '6.2'], 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform'],
    resourceTypes: AZURE_VM_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of sensitiveReach(ctx, engineFlows(ctx, 'azure'))) out.push(sensitiveDraft(r, `VM ${r.workload.name}`));
    return out;
  },
});
