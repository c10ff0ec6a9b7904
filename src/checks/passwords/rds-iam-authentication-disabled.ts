import { asBool, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';

interface Target {
  types: string[];
  sources: readonly string[];
  flag: string;
  engine: string;
  version: string;
  /** the engine the service assumes when none is written (Terraform's aws_rds_cluster: aurora) */
  defaultEngine?: string;
}

const TARGETS: Target[] = [
  { types: ['aws_db_instance'], sources: TERRAFORM_SOURCES, flag: 'iam_database_authentication_enabled', engine: 'engine', version: 'engine_version' },
  { types: ['aws_rds_cluster'], sources: TERRAFORM_SOURCES, flag: 'iam_database_authentication_enabled', engine: 'engine', version: 'engine_version', defaultEngine: 'aurora' },
  { types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], sources: ['cloudformation'], flag: 'EnableIAMDatabaseAuthentication', engine: 'Engine', version: 'EngineVersion' },
];

/** Engines that accept IAM authentication tokens (RDS and Aurora MySQL / PostgreSQL; RDS for MariaDB from 10.11). Oracle, SQL Server and Db2 do not. */
const IAM_ENGINES = /^(mysql|postgres|aurora|aurora-mysql|aurora-postgresql)$/i;

/** true / false / undefined (cannot tell: engine unresolved, or MariaDB without a version). */
function supportsIamAuth(r: Resource, t: Target): boolean | undefined {
  const engine = readText(r, t.engine) ?? t.defaultEngine;
  if (engine === undefined || isUnknown(engine)) return undefined;
  if (IAM_ENGINES.test(engine)) return true;
  if (!/^mariadb$/i.test(engine)) return false;
  const version = readText(r, t.version);
  if (version === undefined || isUnknown(version)) return undefined;
  const [major, minor] = version.split('.').map((p) => Number.parseInt(p, 10));
  if (!Number.isFinite(major)) return undefined;
  return major > 10 || (major === 10 && (minor ?? 0) >= 11);
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-080',
    title: 'RDS or Aurora database does not accept IAM authentication',
    pillar: 'passwords',
    severity: 'low',
    description:
      'An RDS for MySQL, PostgreSQL or MariaDB (10.11 and later) instance or an Aurora MySQL / PostgreSQL cluster without IAM database authentication can only be reached with database passwords: long-lived secrets that end up in application configuration, are rarely rotated and are not revoked when a person or workload loses its IAM access. With IAM authentication, clients connect with 15-minute tokens issued to an IAM principal, and access follows IAM policies and CloudTrail. IAM authentication is off unless `iam_database_authentication_enabled` (CloudFormation `EnableIAMDatabaseAuthentication`) is true; engines that do not support it (Oracle, SQL Server, Db2, older MariaDB) are not reported.',
    remediation:
      'Set `iam_database_authentication_enabled = true` (CloudFormation `EnableIAMDatabaseAuthentication: true`), grant `rds-db:connect` to the roles that need the database, and move applications to IAM tokens or Secrets Manager-managed passwords.',
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.RDS_Fea_Regions_DB-eng.Feature.IamDatabaseAuthentication.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-10',
    ],
    compliance: { 'nist-800-53': ['IA-2', 'IA-5(1)', 'AC-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        if (supportsIamAuth(r, t) !== true) continue;
        const raw = getPath(r.attributes, t.flag);
        const v = asBool(raw);
        if (isUnknown(v)) out.push({ resource: r, attributePath: t.flag, verdict: 'unknown', message: `${r.type} ${r.name}: ${t.flag} is unresolved (${v.toString()})` });
        else if (v === false) out.push({ resource: r, attributePath: t.flag, message: `${r.type} ${r.name} turns IAM database authentication off: clients connect with database passwords only`, evidence: `${t.flag} = false` });
        else if (v === undefined) out.push({ resource: r, message: `${r.type} ${r.name} does not enable IAM database authentication (off by default): clients connect with database passwords only`, evidence: `${t.flag} not set` });
      }
    }
    return out;
  },
});
