import { asBool, getPath, isUnknown } from '../../model/index.js';
import { readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** SKUs that offer anonymous pull; Basic (and the retired Classic) reject the setting. */
const ANONYMOUS_PULL_SKUS = new Set(['standard', 'premium']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-061',
    title: 'Azure Container Registry allows anonymous pulls',
    pillar: 'privileges',
    severity: 'high',
    description:
      'With `anonymous_pull_enabled = true` anyone on the internet who can reach the registry endpoint can pull every image without credentials. Private images carry application code, internal endpoints and, often enough, configuration or credentials baked into layers.',
    remediation: 'Set `anonymous_pull_enabled = false` (the default) and grant `AcrPull` to the identities that need the images; publish public images through a registry meant for that.',
    references: [
      'https://learn.microsoft.com/en-us/azure/container-registry/anonymous-pull-access',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry#anonymous_pull_enabled',
    ],
    compliance: { 'nist-800-53': ['AC-3', 'AC-14'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_container_registry'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of resourcesOf(ctx, ['azurerm_container_registry'], TERRAFORM_SOURCES)) {
      const v = asBool(getPath(r.attributes, 'anonymous_pull_enabled'));
      if (v === false || v === undefined) continue;
      const sku = readText(r, 'sku');
      const unresolved = isUnknown(v) ? v : isUnknown(sku) ? sku : undefined;
      if (unresolved) {
        out.push({ resource: r, attributePath: 'anonymous_pull_enabled', verdict: 'unknown', message: `${r.type} ${r.name}: whether anonymous pulls are on is unresolved (${unresolved.toString()})` });
      } else if (typeof sku === 'string' && ANONYMOUS_PULL_SKUS.has(sku.toLowerCase())) {
        out.push({ resource: r, attributePath: 'anonymous_pull_enabled', message: `${r.type} ${r.name} lets anyone pull its images without credentials`, evidence: `anonymous_pull_enabled = true; sku = ${sku}` });
      }
    }
    return out;
  },
});
