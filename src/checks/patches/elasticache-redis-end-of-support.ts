import { isUnknown } from '../../model/index.js';
import { eolCatalogue, lookupCycle } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** engineDefault: the engine the provider assumes when none is written (replication groups default to redis). */
const TARGETS: Array<{ types: string[]; sources: readonly string[]; engine: string; version: string; engineDefault?: string }> = [
  { types: ['aws_elasticache_cluster'], sources: TERRAFORM_SOURCES, engine: 'engine', version: 'engine_version' },
  { types: ['aws_elasticache_replication_group'], sources: TERRAFORM_SOURCES, engine: 'engine', version: 'engine_version', engineDefault: 'redis' },
  { types: ['AWS::ElastiCache::CacheCluster'], sources: ['cloudformation'], engine: 'Engine', version: 'EngineVersion' },
  { types: ['AWS::ElastiCache::ReplicationGroup'], sources: ['cloudformation'], engine: 'Engine', version: 'EngineVersion', engineDefault: 'redis' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-010',
    title: 'ElastiCache Redis OSS engine version is past end of support',
    pillar: 'patches',
    severity: 'high',
    description:
      'Redis OSS 2 and 3 on ElastiCache are past end of life, and versions 4 and 5 left standard support on 2026-01-31 (only paid Extended Support still ships fixes). Vulnerabilities in the cache engine stay open.',
    remediation: 'Upgrade the cluster or replication group to Redis OSS 7 or to Valkey, and set `engine_version` accordingly.',
    references: [
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/deprecated-engine-versions.html',
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_elasticache_cluster', 'aws_elasticache_replication_group', 'AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ReplicationGroup'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const table = eolCatalogue().elasticache_redis;
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const engine = readText(r, t.engine) ?? t.engineDefault;
        const version = readText(r, t.version);
        if (engine === undefined || isUnknown(engine) || engine.toLowerCase() !== 'redis') continue;
        if (version === undefined || isUnknown(version)) continue;
        const v = lookupCycle(table, version);
        const f = v && versionFinding(r, t.version, 'Redis OSS engine version', version, v);
        if (f) out.push(f);
      }
    }
    return out;
  },
});
