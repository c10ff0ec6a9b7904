import { defineCheck } from '../engine/types.js';
import { FIREWALL_TYPES } from '../_lib/exposure.js';
import { portExposureFindings } from '../_lib/port-exposure.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-002',
    affinity: 'firewall-rules',
    title: 'RDP (port 3389) open to the internet',
    pillar: 'ports',
    severity: 'critical',
    description:
      'A firewall rule (AWS security group, Azure NSG, GCP firewall) admits 0.0.0.0/0 or ::/0 on port 3389. Exposed Remote Desktop is a leading ransomware entry point: it is brute-forced constantly and has had wormable flaws (BlueKeep, CVE-2019-0708).',
    remediation:
      'Allow port 3389 only from known administration ranges, or close it and use a bastion (Azure Bastion, AWS Systems Manager Fleet Manager, GCP IAP TCP forwarding) or a VPN.',
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      'https://learn.microsoft.com/en-us/azure/bastion/bastion-overview',
      'https://cloud.google.com/iap/docs/using-tcp-forwarding',
      'https://nvd.nist.gov/vuln/detail/CVE-2019-0708',
    ],
    compliance: { 'cis-aws': ['5.2', '5.3'], 'cis-azure': ['6.1'], 'cis-gcp': ['3.7'], 'nist-800-53': ['AC-17', 'SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: FIREWALL_TYPES,
  },
  run: (ctx) => portExposureFindings(ctx, 3389),
});
