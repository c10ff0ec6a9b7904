import { isUnknown } from '../../model/index.js';
import { eolCatalogue, lookupCycle } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TARGETS = [
  { types: ['aws_mq_broker'], sources: TERRAFORM_SOURCES, engine: 'engine_type', version: 'engine_version' },
  { types: ['AWS::AmazonMQ::Broker'], sources: ['cloudformation'], engine: 'EngineType', version: 'EngineVersion' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-057',
    title: 'Amazon MQ broker runs an engine version past end of support',
    pillar: 'patches',
    severity: 'high',
    description:
      'Amazon MQ ended support for ActiveMQ 5.15 (2024-09-16), 5.16 (2024-11-15) and 5.17 (2025-06-16), and for RabbitMQ 3.9–3.12 (the last on 2025-03-17); older versions ended earlier. A broker on such a version gets no engine fixes (ActiveMQ 5.15–5.17 before their last patches carried CVE-2023-46604, remote code execution through OpenWire) and is upgraded by the service at a maintenance window of its choosing, so the configuration no longer describes what runs.',
    remediation: 'Upgrade the broker to a supported version (ActiveMQ 5.18 or later, RabbitMQ 3.13 or later), set `engine_version` to it and turn on `auto_minor_version_upgrade`.',
    references: [
      'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/activemq-version-management.html',
      'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-version-management.html',
      'https://nvd.nist.gov/vuln/detail/CVE-2023-46604',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const products = eolCatalogue().messaging.products;
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const engine = readText(r, t.engine);
        const version = readText(r, t.version);
        if (typeof engine !== 'string' || typeof version !== 'string' || isUnknown(version)) continue;
        const product = /^activemq$/i.test(engine) ? 'ActiveMQ' : /^rabbitmq$/i.test(engine) ? 'RabbitMQ' : undefined;
        const table = product && products[product];
        const v = table && lookupCycle(table, version);
        const f = v && versionFinding(r, t.version, `${product} engine version`, version, v);
        if (f) out.push(f);
      }
    }
    return out;
  },
});
