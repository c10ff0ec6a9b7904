import { isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-006',
    title: 'Default security group has rules',
    pillar: 'ports',
    severity: 'medium',
    description:
      'The default security group of a VPC is attached to every instance, endpoint and ENI launched without an explicit group. When `aws_default_security_group` declares ingress or egress rules, resources end up with traffic allowed that nobody chose for them.',
    remediation: 'Declare `aws_default_security_group` without ingress and egress blocks (this removes every rule), and attach purpose-built security groups to resources.',
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2'],
    compliance: { 'cis-aws': ['5.4'], 'nist-800-53': ['AC-4', 'SC-7'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['aws_default_security_group'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('aws_default_security_group')) {
      for (const direction of ['ingress', 'egress'] as const) {
        const v = r.attributes[direction];
        if (isUnknown(v)) {
          out.push({ resource: r, key: direction, attributePath: direction, verdict: 'unknown', message: `default security group ${r.name}: ${direction} rules are unresolved` });
        } else if (Array.isArray(v) && v.length > 0) {
          out.push({
            resource: r,
            key: direction,
            attributePath: `${direction}[0]`,
            message: `the default security group ${r.name} declares ${v.length} ${direction} rule${v.length > 1 ? 's' : ''}`,
            evidence: `${v.length} ${direction} block(s)`,
          });
        }
      }
    }
    return out;
  },
});
