import { defineCheck } from '../engine/types.js';
import { flagFindings } from '../_lib/flags.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-008',
    title: 'Redshift cluster or serverless workgroup is publicly accessible',
    pillar: 'ports',
    severity: 'high',
    description:
      'A publicly accessible Redshift cluster gets a public IP address and endpoint for port 5439; the warehouse then depends on a single security group rule and on its passwords to keep analytical data private. The Terraform AWS provider before v6 and CloudFormation templates that omit the setting have historically made clusters public by default; a Redshift Serverless workgroup is private unless `publicly_accessible` is set.',
    remediation: 'Set `publicly_accessible = false` (CloudFormation `PubliclyAccessible: false`) explicitly, use private subnets in the cluster subnet group, and connect through the VPC.',
    references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-1'],
    compliance: { 'nist-800-53': ['AC-3', 'SC-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_redshift_cluster', 'AWS::Redshift::Cluster', 'aws_redshiftserverless_workgroup', 'AWS::RedshiftServerless::Workgroup'],
  },
  run: (ctx) =>
    flagFindings(
      (t) => ctx.ofType(t),
      [
        { type: 'aws_redshift_cluster', path: 'publicly_accessible', defaultValue: true },
        { type: 'AWS::Redshift::Cluster', path: 'PubliclyAccessible', defaultValue: true },
        { type: 'aws_redshiftserverless_workgroup', path: 'publicly_accessible' },
        { type: 'AWS::RedshiftServerless::Workgroup', path: 'PubliclyAccessible' },
      ],
      (r, explicit) => `Redshift ${/serverless/i.test(r.type) ? 'serverless workgroup' : 'cluster'} ${r.name} is publicly accessible${explicit ? '' : ' (publicly_accessible is not set to false)'}`,
    ),
});
