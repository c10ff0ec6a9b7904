import { asList, getPath, isObject, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const SHAPES = [
  { type: 'aws_eks_node_group', block: 'remote_access[0]', key: 'ec2_ssh_key', sources: 'source_security_group_ids' },
  { type: 'AWS::EKS::Nodegroup', block: 'RemoteAccess', key: 'Ec2SshKey', sources: 'SourceSecurityGroups' },
];

function check(r: Resource, shape: (typeof SHAPES)[number]): FindingDraft | undefined {
  const block = getPath(r.attributes, shape.block);
  if (!isObject(block)) return undefined;
  const key = block[shape.key];
  if (key === undefined || key === null || key === '') return undefined;
  const sources = block[shape.sources];
  const path = `${shape.block}.${shape.key}`;
  if (isUnknown(sources)) return { resource: r, attributePath: `${shape.block}.${shape.sources}`, verdict: 'unknown', message: `EKS node group ${r.name}: SSH source security groups are unresolved` };
  if (asList(sources).length > 0) return undefined;
  return {
    resource: r,
    attributePath: path,
    message: `EKS node group ${r.name} enables SSH with a key pair but no source security groups, so EKS opens port 22 on its nodes to 0.0.0.0/0`,
    evidence: `${shape.key} set, ${shape.sources} empty`,
  };
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-027',
    title: 'EKS node group opens SSH to the internet',
    pillar: 'ports',
    severity: 'critical',
    description:
      'When a managed node group sets an SSH key in `remote_access` without `source_security_group_ids`, EKS creates a security group rule that admits port 22 from 0.0.0.0/0 on every node; with a public subnet the nodes are reachable over SSH from the internet.',
    remediation: 'Add `source_security_group_ids` (CloudFormation `SourceSecurityGroups`) naming the bastion or administration security group, or remove `remote_access` and use Systems Manager Session Manager.',
    references: ['https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html', 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group#remote_access-configuration-block'],
    compliance: { 'cis-aws': ['5.2'], 'nist-800-53': ['AC-17', 'SC-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SHAPES.map((s) => s.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const shape of SHAPES) for (const r of ctx.ofType(shape.type)) {
      const f = check(r, shape);
      if (f) out.push(f);
    }
    return out;
  },
});
