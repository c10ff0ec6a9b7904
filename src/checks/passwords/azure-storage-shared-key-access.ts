import { asBool, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-041',
    title: 'Azure storage account accepts shared key authorisation',
    pillar: 'passwords',
    severity: 'low',
    description:
      'The storage account leaves `shared_access_key_enabled` at its default (`true`) or sets it: requests signed with one of the two account keys, or with SAS tokens derived from them, get full access to every container, queue, table and file share. The keys do not expire, are not tied to an identity and are not visible in Entra sign-in logs. Microsoft recommends disallowing shared key authorisation and using Microsoft Entra ID (managed identities, RBAC data roles, user delegation SAS); NIST SP 800-53 IA-2 and IA-5.',
    remediation: 'Set `shared_access_key_enabled = false` (and `default_to_oauth_authentication = true`) after moving clients to Entra ID authentication; where the Terraform provider itself needs data-plane access, set `storage_use_azuread = true` on the azurerm provider.',
    references: [
      'https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#shared_access_key_enabled',
    ],
    compliance: { 'nist-800-53': ['IA-2', 'IA-5'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_storage_account'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('azurerm_storage_account')) {
      const raw = r.attributes.shared_access_key_enabled;
      const v = asBool(raw);
      if (isUnknown(v)) out.push({ resource: r, attributePath: 'shared_access_key_enabled', verdict: 'unknown', message: `storage account ${r.name}: whether shared key access is enabled is unresolved (${v.toString()})` });
      else if (v === undefined || v === null) out.push({ resource: r, message: `storage account ${r.name} accepts shared key authorisation (shared_access_key_enabled defaults to true)`, evidence: 'shared_access_key_enabled not set' });
      else if (v === true) out.push({ resource: r, attributePath: 'shared_access_key_enabled', message: `storage account ${r.name} accepts shared key authorisation`, evidence: 'shared_access_key_enabled = true' });
    }
    return out;
  },
});
