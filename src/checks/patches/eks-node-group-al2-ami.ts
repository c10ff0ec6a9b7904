import { getPath, isUnknown, type Resource } from '../../model/index.js';
import { compareVersions, eolCatalogue, eolToday } from '../_lib/eol.js';
import { readKubernetesVersion, readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type CheckContext, type FindingDraft } from '../engine/types.js';

/** Managed node groups get AL2023 by default from Kubernetes 1.30, AL2 before. */
const AL2023_DEFAULT_FROM = '1.30';

const TARGETS = [
  { types: ['aws_eks_node_group'], sources: TERRAFORM_SOURCES, ami: 'ami_type', version: 'version', launchTemplate: 'launch_template', cluster: 'cluster_name', clusterTypes: ['aws_eks_cluster'], clusterVersion: 'version' },
  { types: ['AWS::EKS::Nodegroup'], sources: ['cloudformation'], ami: 'AmiType', version: 'Version', launchTemplate: 'LaunchTemplate', cluster: 'ClusterName', clusterTypes: ['AWS::EKS::Cluster'], clusterVersion: 'Version' },
];

/** The Kubernetes version of a node group: its own, else the cluster's it names; undefined when neither is known. */
function kubernetesVersion(ctx: Pick<CheckContext, 'referencedBy'>, r: Resource, t: (typeof TARGETS)[number]): string | undefined {
  const own = readKubernetesVersion(r, t.version);
  if (typeof own === 'string') return own;
  if (isUnknown(own)) return undefined;
  const clusters = ctx.referencedBy(r, t.cluster).filter((c) => t.clusterTypes.includes(c.type));
  const v = clusters.length === 1 ? readKubernetesVersion(clusters[0], t.clusterVersion) : undefined;
  return typeof v === 'string' ? v : undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-060',
    title: 'EKS node group runs Amazon Linux 2 AMIs past end of support',
    pillar: 'patches',
    severity: 'high',
    description:
      'Amazon EKS stopped publishing and patching its Amazon Linux 2 optimized AMIs on 2025-11-26 (AMI types `AL2_x86_64`, `AL2_x86_64_GPU`, `AL2_ARM_64`), and Amazon Linux 2 itself left support in 2026. A managed node group on them keeps its kernel, container runtime and kubelet at the last AL2 release, and cannot move to Kubernetes 1.33 or later. Node groups without an AMI type get AL2 below Kubernetes 1.30 (AL2023 from 1.30); those with a custom AMI in a launch template are not judged.',
    remediation:
      'Set `ami_type` to an AL2023 type (`AL2023_x86_64_STANDARD`, `AL2023_ARM_64_STANDARD`, `AL2023_x86_64_NVIDIA`) or Bottlerocket, test the workloads on it (AL2023 bootstraps with nodeadm), and roll the node group.',
    references: [
      'https://docs.aws.amazon.com/eks/latest/userguide/al2023.html',
      'https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group#ami_type',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: TARGETS.flatMap((t) => t.types),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const types = eolCatalogue().eksNodeAmiTypes.types;
    const today = eolToday();
    for (const t of TARGETS) {
      for (const r of resourcesOf(ctx, t.types, t.sources)) {
        const written = readText(r, t.ami);
        if (isUnknown(written)) continue;
        let ami = written;
        if (ami === undefined) {
          // a launch template may carry a custom AMI: the AMI type is then not the whole story
          if (getPath(r.attributes, t.launchTemplate) !== undefined) continue;
          const version = kubernetesVersion(ctx, r, t);
          if (version === undefined || compareVersions(version, AL2023_DEFAULT_FROM) >= 0) continue;
          ami = 'AL2_x86_64';
        }
        const chosen = ami.toLowerCase();
        const key = Object.keys(types).find((k) => k.toLowerCase() === chosen);
        const eol = key ? types[key].eol : undefined;
        if (eol === undefined || today < eol) continue;
        out.push(
          written === undefined
            ? { resource: r, message: `${r.type} ${r.name} sets no AMI type and runs a Kubernetes version below ${AL2023_DEFAULT_FROM}, so it gets Amazon Linux 2 (${ami}), whose EKS AMIs reached end of support on ${eol}`, evidence: `${t.ami} not set (defaults to ${ami})` }
            : { resource: r, attributePath: t.ami, message: `${r.type} ${r.name} runs ${ami} nodes; EKS Amazon Linux 2 AMIs reached end of support on ${eol}`, evidence: `${t.ami} = ${ami}` },
        );
      }
    }
    return out;
  },
});
