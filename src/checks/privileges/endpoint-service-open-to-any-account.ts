import { asBool, asList, getPath, isUnknown, type Resource, type Unknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
const SERVICE = 'aws_vpc_endpoint_service';
const ALLOWED_PRINCIPAL = 'aws_vpc_endpoint_service_allowed_principal';

/** Where a service names `*` as an allowed principal: its own list, or a separate allowed-principal resource. */
interface Grant {
  resource: Resource;
  attributePath: string;
  principal: string | Unknown;
}

function grants(ctx: { referrersOf(r: Resource): Resource[] }, service: Resource): Grant[] {
  const out: Grant[] = asList(getPath(service.attributes, 'allowed_principals')).flatMap((p, i) =>
    typeof p === 'string' || isUnknown(p) ? [{ resource: service, attributePath: `allowed_principals[${i}]`, principal: p }] : [],
  );
  for (const r of ctx.referrersOf(service)) {
    if (r.type !== ALLOWED_PRINCIPAL) continue;
    const p = getPath(r.attributes, 'principal_arn');
    if (typeof p === 'string' || isUnknown(p)) out.push({ resource: r, attributePath: 'principal_arn', principal: p });
  }
  return out;
}

function judge(ctx: { referrersOf(r: Resource): Resource[] }, service: Resource): FindingDraft[] {
  const accept = asBool(getPath(service.attributes, 'acceptance_required'));
  if (accept === true) return [];
  const open = grants(ctx, service).filter((g) => isUnknown(g.principal) || g.principal.trim() === '*');
  return open.map((g) => {
    if (isUnknown(g.principal) || isUnknown(accept)) {
      return { resource: g.resource, key: g.attributePath, attributePath: g.attributePath, verdict: 'unknown' as const, message: `${SERVICE} ${service.name}: ${isUnknown(accept) ? 'acceptance_required' : 'an allowed principal'} is unresolved` };
    }
    return {
      resource: g.resource,
      key: g.attributePath,
      attributePath: g.attributePath,
      message: `${SERVICE} ${service.name} lets any AWS account create an endpoint to it, and connections are accepted without review (acceptance_required = false)`,
      evidence: 'allowed principal "*"; acceptance_required = false',
    };
  });
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-058',
    title: 'VPC endpoint service accepts connections from any AWS account without review',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A PrivateLink endpoint service that allows principal `*` and does not require acceptance lets every AWS account create an interface endpoint to it and reach the service behind its load balancer from their own VPCs, with no approval step. Internal services published this way are open to strangers as if they were on the internal network.',
    remediation:
      'List the consumer accounts or roles in `allowed_principals` (or `aws_vpc_endpoint_service_allowed_principal`) instead of `*`, and set `acceptance_required = true` so each new connection is approved.',
    references: [
      'https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_endpoint_service',
    ],
    compliance: { 'nist-800-53': ['AC-3', 'SC-7'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [SERVICE, ALLOWED_PRINCIPAL],
  },
  run: (ctx) => ctx.ofType(SERVICE).flatMap((s) => (TF.has(s.source) ? judge(ctx, s) : [])),
});
