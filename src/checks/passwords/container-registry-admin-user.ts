import { asBool, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-026',
    title: 'Azure Container Registry admin user is enabled',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The registry\'s admin user is enabled (`admin_enabled = true`): one shared user name with two static passwords that grant push and pull on every repository. The passwords are not tied to a person or workload, do not expire, and usually end up copied into pipelines and cluster pull secrets; whoever obtains one can push a poisoned image.',
    remediation: 'Set `admin_enabled = false` and authenticate with Microsoft Entra identities: managed identities or service principals with `AcrPull`/`AcrPush` roles, or repository-scoped tokens.',
    references: ['https://learn.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry#admin_enabled'],
    compliance: { 'nist-800-53': ['IA-2', 'IA-5', 'AC-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_container_registry'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('azurerm_container_registry')) {
      const v = asBool(r.attributes.admin_enabled);
      if (v === true) out.push({ resource: r, attributePath: 'admin_enabled', message: `container registry ${r.name} has the shared admin user enabled`, evidence: 'admin_enabled = true' });
      else if (isUnknown(v)) out.push({ resource: r, attributePath: 'admin_enabled', verdict: 'unknown', message: `container registry ${r.name}: whether the admin user is enabled is unresolved (${v.toString()})` });
    }
    return out;
  },
});
