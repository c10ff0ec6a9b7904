import { isUnknown } from '../../model/index.js';
import { eolCatalogue, lookupCycle } from '../_lib/eol.js';
import { readKubernetesVersion, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TARGETS: Array<{ types: string[]; sources: readonly string[]; path: string }> = [
  { types: ['aws_eks_cluster', 'aws_eks_node_group'], sources: TERRAFORM_SOURCES, path: 'version' },
  { types: ['AWS::EKS::Cluster'], sources: ['cloudformation'], path: 'Version' },
];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-004',
    title: 'EKS Kubernetes version is past end of standard support',
    pillar: 'patches',
    severity: 'high',
    description:
      'Amazon EKS supports a Kubernetes minor version for 14 months, then for 12 more in paid extended support. Past standard support the control plane and nodes get fewer fixes; past extended support none, and AWS upgrades the cluster on its own schedule.',
    remediation: 'Upgrade the cluster (control plane, then node groups and add-ons) one minor version at a time to a version in standard support, and set `version` accordingly.',
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
      'https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_eks_cluster', 'aws_eks_node_group', 'AWS::EKS::Cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const table = eolCatalogue().eks;
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const version = readKubernetesVersion(r, t.path);
        if (version === undefined || isUnknown(version)) continue;
        const v = lookupCycle(table, version);
        const f = v && versionFinding(r, t.path, 'EKS Kubernetes version', version, v);
        if (f) out.push(f);
      }
    }
    return out;
  },
});
