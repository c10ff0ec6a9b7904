import { asBool, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-027',
    title: 'Managed Kubernetes cluster bypasses RBAC',
    pillar: 'privileges',
    severity: 'high',
    description:
      'With GKE legacy ABAC enabled, or RBAC disabled on AKS, Kubernetes RBAC no longer limits what identities can do: on GKE every authenticated identity (including node and pod service accounts) gets broad static grants; on AKS without RBAC any authenticated user is effectively a cluster administrator.',
    remediation: 'Set `enable_legacy_abac = false` on google_container_cluster, and `role_based_access_control_enabled = true` on azurerm_kubernetes_cluster (RBAC can only be enabled when the cluster is created), then grant access through Roles and RoleBindings.',
    references: ['https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110', 'https://learn.microsoft.com/en-us/azure/aks/manage-azure-rbac'],
    compliance: { 'cis-gcp': ['7.3'], 'nist-800-53': ['AC-3', 'AC-6'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_container_cluster', 'azurerm_kubernetes_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const judge = (r: Resource, path: string, bad: boolean, what: string) => {
      const v = asBool(getPath(r.attributes, path));
      if (isUnknown(v)) out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` });
      else if (v === bad) out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} ${what}`, evidence: `${path} = ${String(bad)}` });
    };
    for (const r of ctx.ofType('google_container_cluster')) {
      if (TF.has(r.source)) judge(r, 'enable_legacy_abac', true, 'enables legacy ABAC authorization');
    }
    for (const r of ctx.ofType('azurerm_kubernetes_cluster')) {
      if (!TF.has(r.source)) continue;
      // azurerm v3+: role_based_access_control_enabled; v2: role_based_access_control { enabled }
      if (getPath(r.attributes, 'role_based_access_control_enabled') !== undefined) judge(r, 'role_based_access_control_enabled', false, 'disables Kubernetes RBAC');
      else judge(r, 'role_based_access_control[0].enabled', false, 'disables Kubernetes RBAC');
    }
    return out;
  },
});
