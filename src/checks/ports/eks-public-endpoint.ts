import { asBool, asList, getPath, isUnknown, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const SHAPES = [
  { type: 'aws_eks_cluster', block: 'vpc_config[0]', enabled: 'endpoint_public_access', cidrs: 'public_access_cidrs' },
  { type: 'AWS::EKS::Cluster', block: 'ResourcesVpcConfig', enabled: 'EndpointPublicAccess', cidrs: 'PublicAccessCidrs' },
];

function isAnywhere(v: Value): boolean {
  return typeof v === 'string' && /\/0$/.test(v.trim());
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-011',
    title: 'EKS API endpoint is public to the whole internet',
    pillar: 'ports',
    severity: 'high',
    description:
      'The EKS cluster\'s Kubernetes API endpoint is public (the default) and admits 0.0.0.0/0 (the default when `public_access_cidrs` is not set). Anyone can reach the API server to probe for anonymous access, leaked tokens and API server vulnerabilities.',
    remediation: 'Turn on the private endpoint and set `endpoint_public_access = false`, or limit `public_access_cidrs` (CloudFormation `PublicAccessCidrs`) to the administrators\' and CI ranges.',
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-1'],
    compliance: { 'nist-800-53': ['SC-7', 'AC-17'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_eks_cluster', 'AWS::EKS::Cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const shape of SHAPES) {
      for (const r of ctx.ofType(shape.type)) {
        const finding = check(r, shape);
        if (finding) out.push(finding);
      }
    }
    return out;
  },
});

function check(r: Resource, shape: (typeof SHAPES)[number]): FindingDraft | undefined {
  const enabledPath = `${shape.block}.${shape.enabled}`;
  const cidrPath = `${shape.block}.${shape.cidrs}`;
  const enabledRaw = getPath(r.attributes, enabledPath);
  const enabled = asBool(enabledRaw);
  if (enabled === false) return undefined;
  const cidrs = getPath(r.attributes, cidrPath);
  const list = isUnknown(cidrs) ? [] : asList(cidrs);
  const openIdx = list.findIndex(isAnywhere);
  const open = openIdx >= 0 || (!isUnknown(cidrs) && list.length === 0);
  const unknownCidrs = isUnknown(cidrs) || (openIdx < 0 && list.some(isUnknown));
  if (!open && !unknownCidrs) return undefined;
  const at = openIdx >= 0 ? `${cidrPath}[${openIdx}]` : enabledRaw !== undefined && enabledRaw !== null ? enabledPath : getPath(r.attributes, shape.block) !== undefined ? shape.block : undefined;
  const draft: FindingDraft = { resource: r, message: '', evidence: '' };
  if (at !== undefined) draft.attributePath = at;
  if (isUnknown(enabled) || (!open && unknownCidrs)) {
    draft.verdict = 'unknown';
    draft.message = `EKS cluster ${r.name}: public endpoint access depends on unresolved values`;
    draft.evidence = `${shape.enabled}: ${String(enabled ?? 'default true')}`;
    return draft;
  }
  draft.message = `EKS cluster ${r.name} exposes its API endpoint to ${openIdx >= 0 ? String(list[openIdx]) : 'any address (no public access CIDRs set)'}`;
  draft.evidence = openIdx >= 0 ? `${shape.cidrs}: ${String(list[openIdx])}` : `${shape.enabled}: ${enabled === true ? 'true' : 'default (true)'}, ${shape.cidrs} not set`;
  return draft;
}
