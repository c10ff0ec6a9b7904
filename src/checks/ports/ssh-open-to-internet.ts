import { defineCheck } from '../engine/types.js';
import { FIREWALL_TYPES } from '../_lib/exposure.js';
import { portExposureFindings } from '../_lib/port-exposure.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-001',
    affinity: 'firewall-rules',
    title: 'SSH (port 22) open to the internet',
    pillar: 'ports',
    severity: 'critical',
    description:
      'A firewall rule (AWS security group, Azure NSG, GCP firewall) admits 0.0.0.0/0 or ::/0 on TCP port 22. Internet-facing SSH is scanned and brute-forced continuously; a weak password, a leaked key or an unpatched sshd (e.g. CVE-2024-6387, regreSSHion) becomes a remote shell.',
    remediation:
      'Allow port 22 only from known administration ranges, or close it and reach hosts through a bastion, AWS Systems Manager Session Manager, Azure Bastion or GCP Identity-Aware Proxy (35.235.240.0/20).',
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      'https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview',
      'https://cloud.google.com/firewall/docs/firewalls',
      'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
    ],
    compliance: { 'cis-aws': ['5.2', '5.3'], 'cis-azure': ['6.2'], 'cis-gcp': ['3.6'], 'nist-800-53': ['AC-17', 'SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: FIREWALL_TYPES,
  },
  run: (ctx) => portExposureFindings(ctx, 22),
});
