import { defineCheck } from '../engine/types.js';
import { flagFindings } from '../_lib/flags.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-010',
    title: 'Subnet assigns public IP addresses on launch',
    pillar: 'ports',
    severity: 'medium',
    description:
      'Every instance launched into a subnet with `map_public_ip_on_launch` gets a public IPv4 address, whether or not it was meant to be internet-facing; any port its security groups open to 0.0.0.0/0 is then reachable from the internet.',
    remediation: 'Set `map_public_ip_on_launch = false` (CloudFormation `MapPublicIpOnLaunch: false`); put internet-facing services behind a load balancer or NAT and assign public addresses only where needed.',
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-15'],
    compliance: { 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_subnet', 'aws_default_subnet', 'AWS::EC2::Subnet'],
  },
  run: (ctx) =>
    flagFindings(
      (t) => ctx.ofType(t),
      [
        { type: 'aws_subnet', path: 'map_public_ip_on_launch' },
        { type: 'aws_default_subnet', path: 'map_public_ip_on_launch', defaultValue: true },
        { type: 'AWS::EC2::Subnet', path: 'MapPublicIpOnLaunch' },
      ],
      (r) => `subnet ${r.name} gives every instance launched in it a public IP address`,
    ),
});
