import { getPath, isObject, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const SHAPES = [
  { type: 'aws_elasticsearch_domain', vpc: 'vpc_options', subnets: 'vpc_options[0].subnet_ids' },
  { type: 'aws_opensearch_domain', vpc: 'vpc_options', subnets: 'vpc_options[0].subnet_ids' },
  { type: 'AWS::Elasticsearch::Domain', vpc: 'VPCOptions', subnets: 'VPCOptions.SubnetIds' },
  { type: 'AWS::OpenSearchService::Domain', vpc: 'VPCOptions', subnets: 'VPCOptions.SubnetIds' },
];

/** "yes" when the domain is placed in subnets, "no" when it is not, "unknown" when that is unresolved. */
function inVpc(r: Resource, shape: (typeof SHAPES)[number]): 'yes' | 'no' | 'unknown' {
  const block = getPath(r.attributes, shape.vpc);
  if (isUnknown(block)) return 'unknown';
  if (block === undefined || block === null) return 'no';
  if (Array.isArray(block) && block.length === 0) return 'no';
  if (!Array.isArray(block) && !isObject(block)) return 'no';
  const subnets = getPath(r.attributes, shape.subnets);
  if (isUnknown(subnets)) return 'unknown';
  if (Array.isArray(subnets)) return subnets.length > 0 ? 'yes' : 'no';
  return subnets === undefined || subnets === null ? 'no' : 'yes';
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-012',
    title: 'Elasticsearch / OpenSearch domain is not in a VPC',
    pillar: 'ports',
    severity: 'high',
    description:
      'A domain without VPC options gets a public endpoint on the internet; only its resource-based access policy protects the search and index APIs, and a permissive policy (a common mistake) exposes every index. Exposed search clusters are a leading source of data leaks.',
    remediation: 'Create the domain with `vpc_options` (subnet_ids and security_group_ids; CloudFormation `VPCOptions`) so it has a private endpoint, and reach it from inside the VPC.',
    references: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/opensearch-controls.html#opensearch-2'],
    compliance: { 'nist-800-53': ['SC-7', 'AC-3'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SHAPES.map((s) => s.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const shape of SHAPES) {
      for (const r of ctx.ofType(shape.type)) {
        const answer = inVpc(r, shape);
        if (answer === 'no') out.push({ resource: r, message: `search domain ${r.name} has no VPC options and gets a public endpoint`, evidence: `${shape.vpc} not set` });
        else if (answer === 'unknown') out.push({ resource: r, attributePath: shape.vpc, verdict: 'unknown', message: `search domain ${r.name}: VPC placement is unresolved` });
      }
    }
    return out;
  },
});
