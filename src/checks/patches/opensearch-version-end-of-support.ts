import { isUnknown } from '../../model/index.js';
import { eolCatalogue, lookupCycle, type EolVerdict } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * `prefixed`: the value reads "OpenSearch_2.11" / "Elasticsearch_7.10".
 * `absentMeans`: the version the service uses when none is written (legacy
 * Elasticsearch domains default to 1.5; OpenSearch domains to the latest).
 */
const TARGETS: Array<{ types: string[]; sources: readonly string[]; path: string; prefixed: boolean; absentMeans?: string }> = [
  { types: ['aws_opensearch_domain'], sources: TERRAFORM_SOURCES, path: 'engine_version', prefixed: true },
  { types: ['aws_elasticsearch_domain'], sources: TERRAFORM_SOURCES, path: 'elasticsearch_version', prefixed: false, absentMeans: '1.5' },
  { types: ['AWS::OpenSearchService::Domain'], sources: ['cloudformation'], path: 'EngineVersion', prefixed: true },
  { types: ['AWS::Elasticsearch::Domain'], sources: ['cloudformation'], path: 'ElasticsearchVersion', prefixed: false, absentMeans: '1.5' },
];

function judge(value: string, prefixed: boolean): EolVerdict | undefined {
  const products = eolCatalogue().opensearch.products;
  let product = 'Elasticsearch';
  let version = value;
  if (prefixed) {
    const m = /^(OpenSearch|Elasticsearch)_(.+)$/i.exec(value);
    if (!m) return undefined;
    product = m[1].toLowerCase() === 'opensearch' ? 'OpenSearch' : 'Elasticsearch';
    version = m[2];
  }
  const table = products[product];
  return table ? lookupCycle(table, version) : undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-011',
    title: 'OpenSearch or Elasticsearch domain runs a version past end of support',
    pillar: 'patches',
    severity: 'high',
    description:
      'Amazon OpenSearch Service ended standard support for legacy Elasticsearch versions up to 7.8 and OpenSearch 1.0–1.2 on 2025-11-07; the oldest lost extended support on 2026-11-07. A legacy domain without a version runs Elasticsearch 1.5. Such domains get no (or only paid) security fixes.',
    remediation: 'Upgrade the domain in place to a supported OpenSearch version (for example `OpenSearch_2.19`), and write the version explicitly.',
    references: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/what-is.html#choosing-version',
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/version-migration.html',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const written = readText(r, t.path);
        if (isUnknown(written)) continue;
        const value = written ?? t.absentMeans;
        if (value === undefined) continue;
        const v = judge(value, t.prefixed);
        if (!v) continue;
        const f = written === undefined
          ? versionFinding(r, undefined, `${t.path} is not set; the default Elasticsearch`, value, v, 'medium', `${t.path} not set (defaults to ${value})`)
          : versionFinding(r, t.path, 'engine version', value, v);
        if (f) out.push(f);
      }
    }
    return out;
  },
});
