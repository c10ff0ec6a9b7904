import { asBool, asString, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const SHAPES = [
  { type: 'azurerm_storage_account', path: 'network_rules[0].default_action' },
  { type: 'azurerm_storage_account_network_rules', path: 'default_action' },
];

function finding(r: Resource, path: string): FindingDraft | undefined {
  const v = getPath(r.attributes, path);
  if (isUnknown(v)) return { resource: r, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: network default action is unresolved (${v.toString()})` };
  if (asString(v)?.toLowerCase() !== 'allow') return undefined;
  return { resource: r, attributePath: path, message: `${r.type} ${r.name} accepts connections from any network (default_action = "Allow")`, evidence: 'default_action = "Allow"' };
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-023',
    title: 'Azure storage account network rules allow every network',
    pillar: 'ports',
    severity: 'medium',
    description:
      'With the network rules\' default action set to Allow (the default when a storage account has no network rules), the storage account\'s blob, file, queue and table endpoints accept connections from any network on the internet, so a leaked SAS token or key works from anywhere.',
    remediation: 'Set `default_action = "Deny"` and list the virtual network subnets and IP ranges that need access in `virtual_network_subnet_ids` / `ip_rules`, or use private endpoints; keep `bypass = ["AzureServices"]` if trusted services need access.',
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security', 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_network_rules'],
    compliance: { 'cis-azure': ['3.8'], 'nist-800-53': ['SC-7', 'AC-3'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: SHAPES.map((s) => s.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const shape of SHAPES) for (const r of ctx.ofType(shape.type)) {
      // an account with its public endpoint switched off accepts no internet traffic, whatever the rules say
      if (asBool(getPath(r.attributes, 'public_network_access_enabled')) === false) continue;
      const f = finding(r, shape.path);
      if (f) out.push(f);
      else if (shape.type === 'azurerm_storage_account' && r.source === 'terraform' && getPath(r.attributes, 'network_rules') === undefined) {
        // no network_rules block and no separate azurerm_storage_account_network_rules resource: the service default is Allow
        if (isUnknown(getPath(r.attributes, 'public_network_access_enabled'))) continue;
        if (ctx.referrersOf(r).some((x) => x.type === 'azurerm_storage_account_network_rules')) continue;
        out.push({ resource: r, message: `${r.type} ${r.name} has no network rules: it accepts connections from any network (the default action is Allow)`, evidence: 'network_rules not set (default_action defaults to Allow)' });
      }
    }
    return out;
  },
});
