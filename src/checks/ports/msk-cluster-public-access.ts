import { settingFindings } from '../_lib/setting-values.js';
import { defineCheck } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-052',
    title: 'MSK cluster brokers are publicly accessible',
    pillar: 'ports',
    severity: 'high',
    description:
      'With public access turned on (`SERVICE_PROVIDED_EIPS`), every broker of an Amazon MSK cluster gets an Elastic IP address and its Kafka listeners answer from the internet, limited only by the security groups and the cluster\'s client authentication. Brokers, ZooKeeper-era ACLs and Kafka protocol flaws are then one network hop from anyone.',
    remediation:
      'Set `broker_node_group_info { connectivity_info { public_access { type = "DISABLED" } } }` (CloudFormation `PublicAccess: {Type: DISABLED}`) and let clients reach the brokers through the VPC, peering, Transit Gateway or MSK multi-VPC private connectivity.',
    references: [
      'https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#public_access',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html',
    ],
    compliance: { 'nist-800-53': ['AC-3', 'SC-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_msk_cluster', 'AWS::MSK::Cluster'],
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t),
      [
        // public access is off unless the type says SERVICE_PROVIDED_EIPS (the provider's default is DISABLED)
        { type: 'aws_msk_cluster', path: 'broker_node_group_info[*].connectivity_info[*].public_access[*].type', weak: (v) => v.toUpperCase() === 'SERVICE_PROVIDED_EIPS' },
        { type: 'AWS::MSK::Cluster', path: 'BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type', weak: (v) => v.toUpperCase() === 'SERVICE_PROVIDED_EIPS' },
      ],
      (r) => `${r.type} ${r.name} gives its brokers public IP addresses (public access SERVICE_PROVIDED_EIPS)`,
    ),
});
