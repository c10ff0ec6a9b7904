import { asBool, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Where each type keeps its "associate a public IP" switches: a direct path, or a list of interfaces. */
const SPECS: Array<{ type: string; direct?: string; list?: string; key?: string }> = [
  { type: 'aws_instance', direct: 'associate_public_ip_address' },
  { type: 'aws_spot_instance_request', direct: 'associate_public_ip_address' },
  { type: 'aws_launch_configuration', direct: 'associate_public_ip_address' },
  { type: 'aws_launch_template', list: 'network_interfaces', key: 'associate_public_ip_address' },
  { type: 'AWS::EC2::Instance', list: 'NetworkInterfaces', key: 'AssociatePublicIpAddress' },
  { type: 'AWS::EC2::LaunchTemplate', list: 'LaunchTemplateData.NetworkInterfaces', key: 'AssociatePublicIpAddress' },
  { type: 'AWS::AutoScaling::LaunchConfiguration', direct: 'AssociatePublicIpAddress' },
];

function paths(r: Resource, spec: (typeof SPECS)[number]): string[] {
  if (spec.direct) return [spec.direct];
  const list = getPath(r.attributes, spec.list!);
  return Array.isArray(list) ? list.map((_, i) => `${spec.list}[${i}].${spec.key}`) : [];
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-009',
    title: 'EC2 instance or launch template assigns a public IP address',
    pillar: 'ports',
    severity: 'medium',
    description:
      'An instance (or every instance started from a launch template or launch configuration) gets a public IPv4 address, so any port its security groups admit from 0.0.0.0/0 is reachable from the internet, and the instance can be scanned and attacked directly instead of through a load balancer.',
    remediation: 'Set `associate_public_ip_address = false` (CloudFormation `AssociatePublicIpAddress: false`), run instances in private subnets and publish services through a load balancer; use Session Manager or a bastion for administration.',
    references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-9'],
    compliance: { 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SPECS.map((s) => s.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const spec of SPECS) {
      for (const r of ctx.ofType(spec.type)) {
        for (const path of paths(r, spec)) {
          const v = asBool(getPath(r.attributes, path));
          if (v === true) out.push({ resource: r, attributePath: path, key: path, message: `${r.type} ${r.name} assigns a public IP address`, evidence: `${path} = true` });
          else if (isUnknown(v)) out.push({ resource: r, attributePath: path, key: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` });
        }
      }
    }
    return out;
  },
});
