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
  // ECS tasks in awsvpc mode (Fargate above all): a public IP on every task's network interface
  { type: 'aws_ecs_service', direct: 'network_configuration[0].assign_public_ip' },
  { type: 'AWS::ECS::Service', direct: 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp' },
  { type: 'AWS::ECS::TaskSet', direct: 'NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp' },
];

/** CloudFormation ECS writes the switch as ENABLED / DISABLED. */
function publicIp(v: ReturnType<typeof getPath>): boolean | ReturnType<typeof asBool> {
  if (typeof v === 'string' && /^(enabled|disabled)$/i.test(v.trim())) return /^enabled$/i.test(v.trim());
  return asBool(v);
}

function paths(r: Resource, spec: (typeof SPECS)[number]): string[] {
  if (spec.direct) return [spec.direct];
  const list = getPath(r.attributes, spec.list!);
  return Array.isArray(list) ? list.map((_, i) => `${spec.list}[${i}].${spec.key}`) : [];
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-009',
    title: 'EC2 instance, launch template or ECS service assigns a public IP address',
    pillar: 'ports',
    severity: 'medium',
    description:
      'An instance (or every instance started from a launch template or launch configuration, or every task of an ECS service in awsvpc mode) gets a public IPv4 address, so any port its security groups admit from 0.0.0.0/0 is reachable from the internet, and the instance can be scanned and attacked directly instead of through a load balancer.',
    remediation: 'Set `associate_public_ip_address = false` (CloudFormation `AssociatePublicIpAddress: false`; ECS `assign_public_ip = false` / `AssignPublicIp: DISABLED` with a NAT gateway or VPC endpoints for image pulls), run instances in private subnets and publish services through a load balancer; use Session Manager or a bastion for administration.',
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
          const v = publicIp(getPath(r.attributes, path));
          if (v === true) out.push({ resource: r, attributePath: path, key: path, message: `${r.type} ${r.name} assigns a public IP address`, evidence: `${path} = true` });
          else if (isUnknown(v)) out.push({ resource: r, attributePath: path, key: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` });
        }
      }
    }
    return out;
  },
});
