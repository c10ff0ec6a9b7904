import { asBool, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
const PUBLIC_ACCESS = new Set(['blob', 'container']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-028',
    title: 'Azure storage allows anonymous public access',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A blob container with access type "blob" lets anyone on the internet read every blob whose name they can guess, and "container" also lets them list the container; a storage account that allows nested items to be public lets any container be opened that way.',
    remediation: 'Set `container_access_type = "private"` on containers and `allow_nested_items_to_be_public = false` on the storage account; share data with SAS tokens or Entra ID roles instead.',
    references: ['https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent', 'https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-configure'],
    compliance: { 'cis-azure': ['3.7'], 'nist-800-53': ['AC-3', 'AC-21'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_storage_container', 'azurerm_storage_account'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('azurerm_storage_container')) {
      if (!TF.has(r.source)) continue;
      const v = getPath(r.attributes, 'container_access_type');
      if (isUnknown(v)) out.push({ resource: r, attributePath: 'container_access_type', verdict: 'unknown', message: `${r.type} ${r.name}: container_access_type is unresolved (${v.toString()})` });
      else if (typeof v === 'string' && PUBLIC_ACCESS.has(v.trim().toLowerCase()))
        out.push({ resource: r, attributePath: 'container_access_type', message: `${r.type} ${r.name} allows anonymous ${v.trim().toLowerCase() === 'container' ? 'listing and reading of' : 'reading of'} its blobs`, evidence: `container_access_type = "${v}"` });
    }
    for (const r of ctx.ofType('azurerm_storage_account')) {
      if (!TF.has(r.source)) continue;
      // azurerm v3+: allow_nested_items_to_be_public; v2: allow_blob_public_access
      for (const field of ['allow_nested_items_to_be_public', 'allow_blob_public_access']) {
        const v = asBool(getPath(r.attributes, field));
        if (v === true) out.push({ resource: r, key: field, attributePath: field, message: `${r.type} ${r.name} lets its containers be made public`, evidence: `${field} = true` });
        else if (isUnknown(v)) out.push({ resource: r, key: field, attributePath: field, verdict: 'unknown', message: `${r.type} ${r.name}: ${field} is unresolved (${v.toString()})` });
      }
    }
    return out;
  },
});
