import { defineCheck } from '../engine/types.js';
import { scanAnomalies } from '../../ml/anomaly/index.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-045',
    affinity: 'anomalies',
    title: 'Security group opens what its peers do not',
    pillar: 'ports',
    severity: 'low',
    description:
      'Security groups declared together (one Terraform module instance, one CloudFormation template, one tag set) usually follow one pattern. One that admits the internet on a port where at least 90% of at least 5 siblings do not is likely a mistake or a forgotten exception, even when the port is not a catalogued sensitive one.',
    remediation: 'Compare the group with its siblings named in the finding; restrict the rule to the ranges they use, or document the exception (a `tetrad:ignore TET-PORTS-045 reason="..."` comment).',
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html'],
    compliance: { 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform', 'cloudformation'],
    resourceTypes: ['aws_security_group', 'AWS::EC2::SecurityGroup', 'azurerm_network_security_group', 'google_compute_firewall'],
  },
  run: (ctx) =>
    scanAnomalies(ctx)
      .filter((a) => a.kind === 'firewall')
      .map((a) => ({ resource: a.resource, attributePath: a.fact.path, key: a.key, message: a.message, evidence: `${a.key}: ${a.fact.value}; ${a.sameRisk} of ${a.peers} peers alike` })),
});
