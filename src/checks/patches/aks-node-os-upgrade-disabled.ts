import { isUnknown } from '../../model/index.js';
import { readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** azurerm 4.x name first, then the 3.x name. */
const ATTRIBUTES = ['node_os_upgrade_channel', 'node_os_channel_upgrade'];

export default defineCheck({
  meta: {
    id: 'TET-PATCH-024',
    title: 'AKS node OS security updates are turned off',
    pillar: 'patches',
    severity: 'medium',
    description:
      'With the node OS upgrade channel set to `None`, AKS neither installs operating-system security updates on the nodes nor replaces their node image; kernel and package vulnerabilities stay open until the node pool is upgraded by hand.',
    remediation: 'Set `node_os_upgrade_channel` to `NodeImage` (the default) or `SecurityPatch`, with a maintenance window for node OS updates.',
    references: [
      'https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/kubernetes_cluster#node_os_upgrade_channel-1',
    ],
    compliance: { 'nist-800-53': ['SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_kubernetes_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of resourcesOf(ctx, ['azurerm_kubernetes_cluster'], TERRAFORM_SOURCES)) {
      for (const path of ATTRIBUTES) {
        const value = readText(r, path);
        if (value === undefined || isUnknown(value) || value.toLowerCase() !== 'none') continue;
        out.push({ resource: r, attributePath: path, message: `AKS cluster ${r.name} sets ${path} = "None"; node OS security updates are not applied`, evidence: `${path} = ${value}` });
      }
    }
    return out;
  },
});
