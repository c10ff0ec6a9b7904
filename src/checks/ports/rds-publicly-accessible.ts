import { defineCheck } from '../engine/types.js';
import { flagFindings } from '../_lib/flags.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-007',
    title: 'RDS or Neptune database instance is publicly accessible',
    pillar: 'ports',
    severity: 'high',
    description:
      'With public accessibility on, the RDS, Aurora or Neptune instance (or RDS Multi-AZ DB cluster) gets a public DNS name that resolves to a public IP address; only its security group stands between the database port and the internet, and a single loose rule exposes it to credential brute force and data theft.',
    remediation: 'Set `publicly_accessible = false` (CloudFormation `PubliclyAccessible: false`), place the instance in private subnets, and reach it from the application tier or through a bastion / VPN.',
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding', 'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-2'],
    compliance: { 'cis-aws': ['2.3.3'], 'nist-800-53': ['AC-3', 'SC-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_neptune_cluster_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  },
  run: (ctx) =>
    flagFindings(
      (t) => ctx.ofType(t),
      [
        { type: 'aws_db_instance', path: 'publicly_accessible' },
        { type: 'aws_rds_cluster_instance', path: 'publicly_accessible' },
        // Neptune runs on the RDS control plane and takes the same flag (provider default false)
        { type: 'aws_neptune_cluster_instance', path: 'publicly_accessible' },
        { type: 'AWS::RDS::DBInstance', path: 'PubliclyAccessible' },
        // Multi-AZ DB clusters (not Aurora) take the flag on the cluster itself
        { type: 'aws_rds_cluster', path: 'publicly_accessible' },
        { type: 'AWS::RDS::DBCluster', path: 'PubliclyAccessible' },
      ],
      (r) => `database ${/cluster/i.test(r.type) && !/instance/i.test(r.type) ? 'cluster' : 'instance'} ${r.name} is publicly accessible`,
    ),
});
