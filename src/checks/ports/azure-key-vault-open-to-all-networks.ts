import { asBool, asString, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-043',
    title: 'Azure Key Vault accepts connections from every network',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A Key Vault without `network_acls`, or with `default_action = "Allow"`, answers on its public endpoint from any address on the internet. Its secrets, keys and certificates are then one leaked token, client secret or misgranted access policy away from anyone, wherever they are, and password-spraying of its Entra ID principals needs no foothold in your network.',
    remediation: 'Set `network_acls { default_action = "Deny", bypass = "AzureServices" }` with the `ip_rules` and `virtual_network_subnet_ids` that need access, or `public_network_access_enabled = false` with a private endpoint.',
    references: ['https://learn.microsoft.com/en-us/azure/key-vault/general/network-security', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault#network_acls'],
    compliance: { 'cis-azure': ['8.7'], 'nist-800-53': ['SC-7', 'AC-3'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_key_vault'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('azurerm_key_vault')) {
      const pub = asBool(getPath(r.attributes, 'public_network_access_enabled'));
      if (pub === false) continue;
      if (isUnknown(pub)) {
        out.push({ resource: r, attributePath: 'public_network_access_enabled', verdict: 'unknown', message: `azurerm_key_vault ${r.name}: public_network_access_enabled is unresolved (${pub.toString()})` });
        continue;
      }
      const acls = getPath(r.attributes, 'network_acls');
      const action = getPath(r.attributes, 'network_acls[0].default_action');
      if (isUnknown(acls) || isUnknown(action)) {
        out.push({ resource: r, attributePath: isUnknown(acls) ? 'network_acls' : 'network_acls[0].default_action', verdict: 'unknown', message: `azurerm_key_vault ${r.name}: the network ACL default action is unresolved` });
      } else if (!Array.isArray(acls) || acls.length === 0) {
        out.push({ resource: r, message: `Key Vault ${r.name} has no network ACL, so it accepts connections from every network`, evidence: 'network_acls not set' });
      } else if (asString(action)?.toLowerCase() === 'allow') {
        out.push({ resource: r, attributePath: 'network_acls[0].default_action', message: `Key Vault ${r.name} accepts connections from every network (default_action = "Allow")`, evidence: 'default_action = "Allow"' });
      }
    }
    return out;
  },
});
