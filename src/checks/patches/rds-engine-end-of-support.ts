import { isUnknown } from '../../model/index.js';
import { eolCatalogue, rdsEngine, statusOf } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TARGETS: Array<{ types: string[]; sources: readonly string[]; engine: string; version: string; mode: string }> = [
  { types: ['aws_db_instance', 'aws_rds_cluster'], sources: TERRAFORM_SOURCES, engine: 'engine', version: 'engine_version', mode: 'engine_mode' },
  { types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], sources: ['cloudformation'], engine: 'Engine', version: 'EngineVersion', mode: 'EngineMode' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-002',
    title: 'RDS or Aurora engine version is past end of standard support',
    pillar: 'patches',
    severity: 'high',
    description:
      'The database runs a major engine version (for example MySQL 5.7, PostgreSQL 11, Aurora MySQL 2, SQL Server 2016) or Aurora Serverless v1, whose standard support has ended. In paid RDS Extended Support it only receives critical fixes; past that, none, and AWS upgrades it on its own schedule.',
    remediation: 'Plan a major version upgrade (blue/green deployments reduce downtime) to a version in standard support, and set `engine_version` to it.',
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html',
      'https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html',
      'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.release-calendars.html',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_db_instance', 'aws_rds_cluster', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const mode = readText(r, t.mode);
        if (typeof mode === 'string' && mode.toLowerCase() === 'serverless') {
          const lc = eolCatalogue().rds.serverlessV1;
          const f = versionFinding(r, t.mode, 'Aurora Serverless v1 (engine mode', `${mode})`, { status: statusOf(lc), cycle: 'serverless v1', eol: lc.eol }, 'medium', `${t.mode} = ${mode}`);
          if (f) {
            out.push(f);
            continue;
          }
        }
        const engine = readText(r, t.engine);
        const version = readText(r, t.version);
        if (engine === undefined || isUnknown(engine) || isUnknown(version)) continue;
        const v = rdsEngine(engine, version);
        if (!v) continue;
        const f = version === undefined ? versionFinding(r, t.engine, `engine`, engine, v) : versionFinding(r, t.version, `${engine.toLowerCase()} engine version`, version, v);
        if (f) out.push(f);
      }
    }
    return out;
  },
});
