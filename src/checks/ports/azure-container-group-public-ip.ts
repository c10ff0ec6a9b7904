import { asList, getPath, isUnknown } from '../../model/index.js';
import { readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-059',
    title: 'Azure container group gets a public IP address',
    pillar: 'ports',
    severity: 'medium',
    description:
      'An Azure Container Instances group with `ip_address_type = "Public"` (the default) gets an internet-facing IP address: every port its containers expose is reachable from anywhere, with no network security group in front of it. Container groups in a virtual network (`"Private"`) are reached through the network\'s own controls.',
    remediation: 'Set `ip_address_type = "Private"` with `subnet_ids` (or `"None"` for groups that serve nothing) and publish what must be public through an Application Gateway, Front Door or a load balancer.',
    references: [
      'https://learn.microsoft.com/en-us/azure/container-instances/container-instances-vnet',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_group#ip_address_type',
    ],
    compliance: { 'nist-800-53': ['SC-7'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_container_group'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of resourcesOf(ctx, ['azurerm_container_group'], TERRAFORM_SOURCES)) {
      const type = readText(r, 'ip_address_type');
      const ports = asList(getPath(r.attributes, 'exposed_port')).length;
      const what = ports ? `its ${ports} exposed port${ports > 1 ? 's are' : ' is'}` : 'the ports its containers open are';
      if (isUnknown(type)) out.push({ resource: r, attributePath: 'ip_address_type', verdict: 'unknown', message: `${r.type} ${r.name}: ip_address_type is unresolved (${type.toString()})` });
      else if (type === undefined) out.push({ resource: r, message: `${r.type} ${r.name} gets a public IP address (ip_address_type defaults to Public): ${what} reachable from the internet`, evidence: 'ip_address_type not set (defaults to Public)' });
      else if (type.toLowerCase() === 'public') out.push({ resource: r, attributePath: 'ip_address_type', message: `${r.type} ${r.name} gets a public IP address: ${what} reachable from the internet`, evidence: `ip_address_type = ${type}` });
    }
    return out;
  },
});
