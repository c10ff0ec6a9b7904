import { asBool, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-041',
    title: 'Azure storage or Cosmos DB account accepts account-key authorisation',
    pillar: 'passwords',
    severity: 'low',
    description:
      'The storage account leaves `shared_access_key_enabled` at its default (`true`) or sets it: requests signed with one of the two account keys, or with SAS tokens derived from them, get full access to every container, queue, table and file share. The keys do not expire, are not tied to an identity and are not visible in Entra sign-in logs. Microsoft recommends disallowing shared key authorisation and using Microsoft Entra ID (managed identities, RBAC data roles, user delegation SAS); NIST SP 800-53 IA-2 and IA-5. The same holds for a Cosmos DB (NoSQL API) account that keeps local authentication (`local_authentication_disabled` false, the default): its primary keys are full data-plane credentials.',
    remediation: 'Set `shared_access_key_enabled = false` (and `default_to_oauth_authentication = true`) after moving clients to Entra ID authentication; where the Terraform provider itself needs data-plane access, set `storage_use_azuread = true` on the azurerm provider. For Cosmos DB set `local_authentication_disabled = true` (azurerm 4.x: `local_authentication_enabled = false`) and grant Cosmos DB data-plane RBAC roles.',
    references: [
      'https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#shared_access_key_enabled',
      'https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-rbac#disable-local-auth',
    ],
    compliance: { 'nist-800-53': ['IA-2', 'IA-5'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_storage_account', 'azurerm_cosmosdb_account'],
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
    // Cosmos DB: only the NoSQL API (kind GlobalDocumentDB, the default) can turn its keys off
    for (const r of ctx.ofType('azurerm_cosmosdb_account')) {
      const kind = r.attributes.kind;
      if (isUnknown(kind) || (typeof kind === 'string' && kind.toLowerCase() !== 'globaldocumentdb')) continue;
      const disabled = asBool(r.attributes.local_authentication_disabled);
      const enabled = asBool(r.attributes.local_authentication_enabled);
      const path = enabled !== undefined ? 'local_authentication_enabled' : 'local_authentication_disabled';
      const on = enabled !== undefined ? enabled : isUnknown(disabled) ? disabled : disabled === undefined ? undefined : !disabled;
      if (isUnknown(on)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `Cosmos DB account ${r.name}: whether key authentication is on is unresolved (${on.toString()})` });
      else if (on === undefined) out.push({ resource: r, message: `Cosmos DB account ${r.name} accepts its primary keys (local authentication is on by default)`, evidence: 'local_authentication_disabled not set' });
      else if (on) out.push({ resource: r, attributePath: path, message: `Cosmos DB account ${r.name} accepts its primary keys (local authentication on)`, evidence: `${path} = ${String(r.attributes[path])}` });
    }
    return out;
  },
});
