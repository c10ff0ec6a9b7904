import { isUnknown } from '../../model/index.js';
import { eolCatalogue, lookupCycle } from '../_lib/eol.js';
import { readKubernetesVersion, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-007',
    title: 'GKE cluster or node pool pins an end-of-life Kubernetes version',
    pillar: 'patches',
    severity: 'medium',
    description:
      'The GKE control plane (`min_master_version`) or nodes (`node_version`, node pool `version`) are pinned to a Kubernetes minor version the Kubernetes project no longer patches. GKE ends standard support at about the same time (the paid Extended channel keeps some longer) and then force-upgrades, so the pin leaves known CVEs open until then.',
    remediation: 'Raise the pinned versions to a supported minor version, or drop the pin and let the cluster follow a release channel.',
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/release-schedule',
      'https://cloud.google.com/kubernetes-engine/versioning',
      'https://kubernetes.io/releases/patch-releases/',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_container_cluster', 'google_container_node_pool'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const table = eolCatalogue().kubernetes;
    for (const r of resourcesOf(ctx, ['google_container_cluster', 'google_container_node_pool'], TERRAFORM_SOURCES)) {
      const paths = r.type === 'google_container_cluster' ? ['min_master_version', 'node_version', ...nodePoolVersionPaths(r.attributes.node_pool)] : ['version'];
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

function nodePoolVersionPaths(pools: unknown): string[] {
  return Array.isArray(pools) ? pools.map((_, i) => `node_pool[${i}].version`) : [];
}
