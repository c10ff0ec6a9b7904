import { settingFindings } from '../_lib/setting-values.js';
import { defineCheck } from '../engine/types.js';

const isPublic = (v: string) => v.toUpperCase() === 'PUBLIC';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-055',
    title: 'AWS Transfer Family server has a public endpoint',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A Transfer Family server with endpoint type `PUBLIC` (the default) answers SFTP/FTPS on an AWS-owned public endpoint that no security group or network ACL of yours can filter: every address on the internet can reach it and try credentials or keys against its users. A `VPC` endpoint sits in your subnets, behind security groups, and is internet-facing only through Elastic IP addresses you attach.',
    remediation:
      'Set `endpoint_type = "VPC"` with `endpoint_details` (subnets, security groups and, for partners on the internet, `address_allocation_ids`) and allow only the partners\' addresses in the security group (CloudFormation `EndpointType: VPC`, `EndpointDetails`).',
    references: [
      'https://docs.aws.amazon.com/transfer/latest/userguide/create-server-in-vpc.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/transfer_server#endpoint_type',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/transfer-controls.html',
    ],
    compliance: { 'nist-800-53': ['SC-7', 'AC-17'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_transfer_server', 'AWS::Transfer::Server'],
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t),
      [
        { type: 'aws_transfer_server', path: 'endpoint_type', weak: isPublic, weakDefault: 'PUBLIC' },
        { type: 'AWS::Transfer::Server', path: 'EndpointType', weak: isPublic, weakDefault: 'PUBLIC' },
      ],
      (r, _value, explicit) =>
        explicit ? `${r.type} ${r.name} has a public endpoint (endpoint type PUBLIC) that no security group filters` : `${r.type} ${r.name} does not set an endpoint type, so its endpoint is PUBLIC and no security group filters it`,
    ),
});
