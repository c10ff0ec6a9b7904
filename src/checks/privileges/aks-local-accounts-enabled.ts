import { asBool, asList, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-042',
    title: 'AKS cluster keeps local admin accounts',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'With local accounts enabled, `az aks get-credentials --admin` returns a static cluster-admin certificate that bypasses Entra ID: no MFA, no conditional access, no per-user audit trail, and it stays valid until the cluster certificates are rotated.',
    remediation: 'Set `local_account_disabled = true` once Entra ID integration (`azure_active_directory_role_based_access_control`) is configured, and grant access through Entra ID groups.',
    references: ['https://learn.microsoft.com/en-us/azure/aks/manage-local-accounts-managed-azure-ad', 'https://learn.microsoft.com/en-us/azure/aks/enable-authentication-microsoft-entra-id'],
    compliance: { 'nist-800-53': ['AC-2', 'IA-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_kubernetes_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('azurerm_kubernetes_cluster')) {
      if (!TF.has(r.source)) continue;
      const v = asBool(getPath(r.attributes, 'local_account_disabled'));
      if (v === true) continue;
      if (isUnknown(v)) {
        out.push({ resource: r, attributePath: 'local_account_disabled', verdict: 'unknown', message: `${r.type} ${r.name}: local_account_disabled is unresolved (${v.toString()})` });
        continue;
      }
      if (v === false) {
        out.push({ resource: r, attributePath: 'local_account_disabled', message: `${r.type} ${r.name} keeps local admin accounts (local_account_disabled = false)`, evidence: 'local_account_disabled = false' });
        continue;
      }
      // unset: report only when Entra ID is configured, so disabling local accounts is possible without locking everyone out
      if (asList(getPath(r.attributes, 'azure_active_directory_role_based_access_control')).length > 0)
        out.push({ resource: r, message: `${r.type} ${r.name} uses Entra ID but keeps local admin accounts (local_account_disabled is not set)`, evidence: 'local_account_disabled not set' });
    }
    return out;
  },
});
