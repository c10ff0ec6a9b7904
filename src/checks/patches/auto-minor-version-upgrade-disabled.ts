import { getPath } from '../../model/index.js';
import { isExplicitlyFalse, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Managed services that apply engine patch releases on their own unless told not to. */
const TARGETS: Array<{ types: string[]; sources: readonly string[]; path: string }> = [
  { types: ['aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_docdb_cluster_instance', 'aws_neptune_cluster_instance', 'aws_elasticache_replication_group', 'aws_elasticache_cluster', 'aws_mq_broker', 'aws_dms_replication_instance'], sources: TERRAFORM_SOURCES, path: 'auto_minor_version_upgrade' },
  { types: ['aws_redshift_cluster'], sources: TERRAFORM_SOURCES, path: 'allow_version_upgrade' },
  { types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBInstance', 'AWS::Neptune::DBInstance', 'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::CacheCluster', 'AWS::AmazonMQ::Broker', 'AWS::DMS::ReplicationInstance'], sources: ['cloudformation'], path: 'AutoMinorVersionUpgrade' },
  { types: ['AWS::Redshift::Cluster'], sources: ['cloudformation'], path: 'AllowVersionUpgrade' },
];

/** Types whose switch is off when absent: the Terraform AWS provider creates MQ brokers with `auto_minor_version_upgrade = false` unless told otherwise. */
const OFF_BY_DEFAULT = new Set(['aws_mq_broker']);

export default defineCheck({
  meta: {
    id: 'TET-PATCH-003',
    title: 'Automatic minor version upgrades are turned off',
    pillar: 'patches',
    severity: 'medium',
    description:
      'Minor engine releases carry the security fixes for a major version. With automatic minor version upgrades turned off, a database, cache or broker keeps its vulnerable patch level until someone upgrades it by hand. Amazon MQ brokers created by Terraform have it off unless `auto_minor_version_upgrade = true` is written.',
    remediation: 'Set `auto_minor_version_upgrade = true` (CloudFormation `AutoMinorVersionUpgrade: true`; Redshift `allow_version_upgrade`) and choose a maintenance window that suits the workload.',
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-13',
      'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html',
    ],
    compliance: { 'cis-aws': ['2.3.2'], 'nist-800-53': ['SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        if (OFF_BY_DEFAULT.has(r.type) && getPath(r.attributes, t.path) === undefined) {
          out.push({ resource: r, message: `${r.type} ${r.name} does not set ${t.path}, which is off by default; patch releases are not applied`, evidence: `${t.path} not set (defaults to false)` });
          continue;
        }
        if (!isExplicitlyFalse(r, t.path)) continue;
        out.push({ resource: r, attributePath: t.path, message: `${r.type} ${r.name} has ${t.path} turned off; patch releases are not applied`, evidence: `${t.path} = false` });
      }
    }
    return out;
  },
});
