import { hardcodedPasswordFindings, type PasswordAttributeSpec } from '../_lib/password-attributes.js';
import { defineCheck } from '../engine/types.js';

const TF = ['terraform', 'terraform-plan'] as const;

const SPECS: PasswordAttributeSpec[] = [
  { types: ['aws_db_instance'], paths: ['password'], sources: [...TF] },
  { types: ['aws_rds_cluster', 'aws_redshift_cluster', 'aws_docdb_cluster', 'aws_docdb_elastic_cluster'], paths: ['master_password'], sources: [...TF] },
  { types: ['aws_redshiftserverless_namespace'], paths: ['admin_user_password'], sources: [...TF] },
  { types: ['aws_mq_broker'], paths: ['user[*].password'], sources: [...TF] },
  { types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'], paths: ['advanced_security_options[*].master_user_options[*].master_user_password'], sources: [...TF] },
  {
    types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::Redshift::Cluster', 'AWS::DocDB::DBCluster'],
    paths: ['MasterUserPassword'],
    sources: ['cloudformation'],
  },
  { types: ['AWS::DocDBElastic::Cluster'], paths: ['AdminUserPassword'], sources: ['cloudformation'] },
  { types: ['AWS::RedshiftServerless::Namespace'], paths: ['AdminUserPassword'], sources: ['cloudformation'] },
  { types: ['AWS::AmazonMQ::Broker'], paths: ['Users[*].Password'], sources: ['cloudformation'] },
  {
    types: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
    paths: ['AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword'],
    sources: ['cloudformation'],
  },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-001',
    title: 'AWS database master password is hard-coded',
    pillar: 'passwords',
    severity: 'high',
    description:
      'The master password of an RDS, Aurora, Redshift, DocumentDB, Amazon MQ or OpenSearch resource is written in the template. It ends up in version control, in every clone and CI log, and in the Terraform state in clear text; anyone with read access to the repository can log in as the database owner. A weak or common password raises the severity to critical.',
    remediation:
      'Let the service manage the secret (`manage_master_user_password = true` / `ManageMasterUserPassword: true`), or read it from AWS Secrets Manager (`{{resolve:secretsmanager:...}}`, a `NoEcho` parameter, or a `sensitive` Terraform variable without a default), and rotate the exposed password.',
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html',
      'https://developer.hashicorp.com/terraform/tutorials/configuration-language/sensitive-variables',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)', 'SC-28'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...new Set(SPECS.flatMap((s) => s.types))],
  },
  run(ctx) {
    return hardcodedPasswordFindings(ctx, SPECS, 'high', 'master password');
  },
});
