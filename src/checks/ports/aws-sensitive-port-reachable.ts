import { defineCheck, type FindingDraft } from '../engine/types.js';
import { sensitiveDraft, sensitiveReach } from '../_lib/reachability.js';
import { awsFlows, AWS_WORKLOAD_TYPES } from '../../graph/reachability/aws/index.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-029',
    affinity: 'aws-reachability',
    title: 'AWS instance sensitive port effectively reachable from the internet',
    pillar: 'ports',
    severity: 'high',
    description:
      'An EC2 instance, network interface or auto scaling group is reachable from any internet address on a port of the sensitive ports catalogue (SSH, RDP, databases, caches, Elasticsearch, the Docker API, etcd, the kubelet...), following the real path rather than one rule: a public IPv4/Elastic IP or global IPv6 address, a route to an internet gateway attached to the VPC (longest prefix match, blackholes excluded), the subnet network ACL in both directions (ephemeral return ports), and the security groups; or an internet-facing load balancer whose listener forwards to the instance and whose target group, network ACLs and security groups let the traffic through. An instance in a private subnet with a 0.0.0.0/0 rule is not reported; one behind a load balancer is, even when its own group looks closed to the internet. Severity follows the catalogue; a path that hangs on an unresolved value is reported as unknown.',
    remediation:
      'Move the instance to a private subnet without a public address (reach it through SSM Session Manager, a VPN or a bastion), restrict the security group or load balancer listener to the sources that need the port, or deny the port in the subnet network ACL.',
    references: [
      'https://docs.aws.amazon.com/vpc/latest/reachability/what-is-reachability-analyzer.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-tables-priority',
    ],
    compliance: { 'cis-aws': ['5.1', '5.2', '5.3'], 'nist-800-53': ['SC-7', 'CM-7', 'AC-17'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: AWS_WORKLOAD_TYPES,
  },
  run(ctx) {
    const flows = ctx.shared('reachability:aws', () => awsFlows(ctx.resources, {}, ctx));
    const out: FindingDraft[] = [];
    for (const r of sensitiveReach(ctx, flows)) out.push(sensitiveDraft(r, `${r.workload.type.startsWith('AWS::') ? r.workload.type.split('::').pop() : r.workload.type.replace(/^aws_/, '').replace(/_/g, ' ')} ${r.workload.name}`));
    return out;
  },
});
