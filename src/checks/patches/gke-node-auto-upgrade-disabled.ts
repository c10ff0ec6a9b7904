import { isObject } from '../../model/index.js';
import { isExplicitlyFalse, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-008',
    title: 'GKE node pool has automatic node upgrades turned off',
    pillar: 'patches',
    severity: 'medium',
    description:
      'With `management.auto_upgrade = false` the nodes keep their GKE node image (kernel, container runtime, kubelet) until someone upgrades them, while security bulletins keep patching newer images.',
    remediation: 'Set `management { auto_upgrade = true }` on the node pool and use maintenance windows or exclusions to control timing.',
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#auto_upgrade-1',
    ],
    compliance: { 'nist-800-53': ['SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_container_node_pool', 'google_container_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of resourcesOf(ctx, ['google_container_node_pool', 'google_container_cluster'], TERRAFORM_SOURCES)) {
      const paths: string[] = [];
      if (r.type === 'google_container_node_pool') paths.push('management[0].auto_upgrade');
      else {
        const pools = r.attributes.node_pool;
        if (Array.isArray(pools)) pools.forEach((p, i) => isObject(p) && paths.push(`node_pool[${i}].management[0].auto_upgrade`));
      }
      for (const path of paths) {
        if (!isExplicitlyFalse(r, path)) continue;
        out.push({ resource: r, attributePath: path, key: path, message: `${r.type} ${r.name} turns automatic node upgrades off (${path})`, evidence: 'auto_upgrade = false' });
      }
    }
    return out;
  },
});
