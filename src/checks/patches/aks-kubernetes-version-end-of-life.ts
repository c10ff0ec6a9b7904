import { isUnknown } from '../../model/index.js';
import { eolCatalogue, lookupCycle } from '../_lib/eol.js';
import { readKubernetesVersion, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-005',
    title: 'AKS cluster or node pool runs an end-of-life Kubernetes version',
    pillar: 'patches',
    severity: 'medium',
    description:
      'The AKS control plane or a node pool is pinned to a Kubernetes minor version that the Kubernetes project no longer patches; AKS retires such versions from community support at about the same time (only the paid LTS tier keeps some longer). Security fixes for the API server, kubelet and container runtime stop arriving.',
    remediation: 'Upgrade `kubernetes_version` and every `orchestrator_version` to a supported minor version, one minor at a time, and enable an automatic upgrade channel.',
    references: [
      'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions',
      'https://kubernetes.io/releases/patch-releases/',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const table = eolCatalogue().kubernetes;
    for (const r of resourcesOf(ctx, ['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'], TERRAFORM_SOURCES)) {
      const paths = r.type === 'azurerm_kubernetes_cluster' ? ['kubernetes_version', ...poolPaths(r.attributes.default_node_pool, 'default_node_pool')] : ['orchestrator_version'];
      for (const path of paths) {
        const version = readKubernetesVersion(r, path);
        if (version === undefined || isUnknown(version)) continue;
        const v = lookupCycle(table, version);
        const f = v && versionFinding(r, path, 'Kubernetes version', version, v);
        if (f) out.push({ ...f, key: path });
      }
    }
    return out;
  },
});

function poolPaths(pools: unknown, base: string): string[] {
  if (!Array.isArray(pools)) return [];
  return pools.map((_, i) => `${base}[${i}].orchestrator_version`);
}

