import { asBool, getPath, isObject, isUnknown, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** advanced_security_options as one object: Terraform keeps blocks as one-item lists, CloudFormation as an object. */
function block(v: Value | undefined): Value | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-015',
    title: 'OpenSearch / Elasticsearch domain without fine-grained access control',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The Amazon OpenSearch Service (or legacy Elasticsearch) domain does not enable fine-grained access control (`advanced_security_options`). Access then rests on the domain policy alone: there are no users, no authentication to OpenSearch Dashboards and no index-, document- or field-level permissions, so any principal the resource policy admits can read and delete every index.',
    remediation: 'Enable fine-grained access control (`advanced_security_options { enabled = true }` / `AdvancedSecurityOptions.Enabled: true`) with an IAM master user or SAML/Cognito authentication, together with HTTPS enforcement and node-to-node encryption, which it requires.',
    references: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html', 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/security.html'],
    compliance: { 'nist-800-53': ['AC-3', 'IA-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const domains: Array<{ r: Resource; options: string; enabled: string }> = [
      ...ctx.ofType('aws_opensearch_domain', 'aws_elasticsearch_domain').filter((r) => r.source !== 'cloudformation').map((r) => ({ r, options: 'advanced_security_options', enabled: 'enabled' })),
      ...ctx.ofType('AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain').map((r) => ({ r, options: 'AdvancedSecurityOptions', enabled: 'Enabled' })),
    ];
    for (const { r, options, enabled } of domains) {
      const opts = block(r.attributes[options]);
      if (isUnknown(opts)) {
        out.push({ resource: r, attributePath: options, verdict: 'unknown', message: `${r.type} ${r.name}: fine-grained access control settings are unresolved` });
        continue;
      }
      if (!isObject(opts)) {
        out.push({ resource: r, message: `${r.type} ${r.name} does not enable fine-grained access control`, evidence: `${options} not set` });
        continue;
      }
      const path = Array.isArray(r.attributes[options]) ? `${options}[0].${enabled}` : `${options}.${enabled}`;
      const on = asBool(getPath(r.attributes, path));
      if (on === true) continue;
      if (isUnknown(on)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: whether fine-grained access control is enabled is unresolved (${on.toString()})` });
      else out.push({ resource: r, attributePath: on === false ? path : options, message: `${r.type} ${r.name} does not enable fine-grained access control`, evidence: `${enabled} = ${on === false ? 'false' : 'not set'}` });
    }
    return out;
  },
});
