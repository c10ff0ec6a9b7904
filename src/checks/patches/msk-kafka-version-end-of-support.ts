import { eolCatalogue, lookupCycle } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TARGETS = [
  { types: ['aws_msk_cluster'], sources: TERRAFORM_SOURCES, path: 'kafka_version' },
  { types: ['AWS::MSK::Cluster'], sources: ['cloudformation'], path: 'KafkaVersion' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-058',
    title: 'MSK cluster runs an Apache Kafka version past end of support',
    pillar: 'patches',
    severity: 'high',
    description:
      'Amazon MSK ended support for Apache Kafka 2.x (the last, 2.8, on 2025-01-14) and 3.1–3.7 (3.7 on 2026-09-01). A cluster on such a version gets no broker fixes and is upgraded by MSK at any time after the end-of-support date, without notice, so the configuration no longer describes what runs and clients meet an untested upgrade.',
    remediation: 'Upgrade the cluster to a supported Kafka version (3.8 or later, or the version MSK recommends) and set `kafka_version` to it.',
    references: [
      'https://docs.aws.amazon.com/msk/latest/developerguide/supported-kafka-versions.html',
      'https://docs.aws.amazon.com/msk/latest/developerguide/version-support.html',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const table = eolCatalogue().messaging.products.Kafka;
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const version = readText(r, t.path);
        if (typeof version !== 'string' || !table) continue;
        const v = lookupCycle(table, version);
        const f = v && versionFinding(r, t.path, 'Apache Kafka version', version, v);
        if (f) out.push(f);
      }
    }
    return out;
  },
});
