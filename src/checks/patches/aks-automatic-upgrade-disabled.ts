import { isUnknown } from '../../model/index.js';
import { readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** azurerm 4.x name first, then the 3.x name. */
const CHANNEL_ATTRIBUTES = ['automatic_upgrade_channel', 'automatic_channel_upgrade'];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-006',
    title: 'AKS cluster has no automatic upgrade channel',
    pillar: 'patches',
    severity: 'low',
    description:
      'Without an automatic upgrade channel (`automatic_upgrade_channel`, formerly `automatic_channel_upgrade`) AKS never moves the cluster to new Kubernetes patch releases on its own, so fixed CVEs in the control plane and nodes stay open until someone upgrades by hand.',
    remediation: 'Set `automatic_upgrade_channel` to `patch` (or `stable`/`rapid`/`node-image`) and define a maintenance window.',
    references: [
      'https://learn.microsoft.com/azure/aks/auto-upgrade-cluster',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#automatic_upgrade_channel-1',
    ],
    compliance: { 'nist-800-53': ['SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_kubernetes_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of resourcesOf(ctx, ['azurerm_kubernetes_cluster'], TERRAFORM_SOURCES)) {
      const found = CHANNEL_ATTRIBUTES.map((path) => ({ path, value: readText(r, path) })).find((c) => c.value !== undefined);
      if (found && isUnknown(found.value)) continue;
      if (found && typeof found.value === 'string' && found.value.toLowerCase() !== 'none') continue;
      if (found) out.push({ resource: r, attributePath: found.path, message: `AKS cluster ${r.name} has ${found.path} = "none"; it is never upgraded automatically`, evidence: `${found.path} = ${String(found.value)}` });
      else out.push({ resource: r, message: `AKS cluster ${r.name} sets no automatic upgrade channel; it is never upgraded automatically`, evidence: 'automatic_upgrade_channel not set' });
    }
    return out;
  },
});
