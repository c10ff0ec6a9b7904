import { defineCheck } from '../engine/types.js';
import { flagFindings } from '../_lib/flags.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-021',
    title: 'Amazon MQ broker or DMS replication instance is publicly accessible',
    pillar: 'ports',
    severity: 'high',
    description:
      'A publicly accessible Amazon MQ broker exposes its AMQP/MQTT/OpenWire endpoints and web console on the internet, and a publicly accessible DMS replication instance gets a public IP address next to credentials for both source and target databases.',
    remediation: 'Set `publicly_accessible = false` (CloudFormation `PubliclyAccessible: false`) and deploy into private subnets; reach the broker through the VPC, peering or PrivateLink.',
    references: ['https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/accessing-web-console-of-broker-without-public-accessibility.html', 'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html'],
    compliance: { 'nist-800-53': ['AC-3', 'SC-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_mq_broker', 'aws_dms_replication_instance', 'AWS::AmazonMQ::Broker', 'AWS::DMS::ReplicationInstance'],
  },
  run: (ctx) =>
    flagFindings(
      (t) => ctx.ofType(t),
      [
        { type: 'aws_mq_broker', path: 'publicly_accessible' },
        { type: 'aws_dms_replication_instance', path: 'publicly_accessible' },
        { type: 'AWS::AmazonMQ::Broker', path: 'PubliclyAccessible' },
        // the DMS API (and so CloudFormation) defaults PubliclyAccessible to true; the Terraform provider defaults it to false
        { type: 'AWS::DMS::ReplicationInstance', path: 'PubliclyAccessible', defaultValue: true },
      ],
      (r, explicit) => `${r.type} ${r.name} is publicly accessible${explicit ? '' : ' (PubliclyAccessible not set: the default is true)'}`,
    ),
});
