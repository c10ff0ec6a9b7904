import { asList, getPath, isObject } from '../../model/index.js';
import { wildcardMatch } from '../_lib/iam-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
/** Operations that hand out access: whoever holds them can make themselves Owner of the scope. */
const ACCESS_OPERATIONS = ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleDefinitions/write', 'Microsoft.Authorization/elevateAccess/Action'];

export default defineCheck({
  meta: {
    id: 'TET-PRIV-040',
    title: 'Azure custom role can assign roles',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A custom role that allows Microsoft.Authorization/roleAssignments/write or roleDefinitions/write (directly or through a wildcard such as Microsoft.Authorization/*) lets its holders grant themselves or anyone any role in the assignable scopes: it is Owner in disguise. (Custom roles with actions "*" are TET-PRIV-021.)',
    remediation: 'Remove Microsoft.Authorization write operations from custom roles; delegate role assignment with the built-in Role Based Access Control Administrator role and conditions that limit which roles may be assigned.',
    references: ['https://learn.microsoft.com/en-us/azure/role-based-access-control/delegate-role-assignments-overview', 'https://learn.microsoft.com/en-us/azure/role-based-access-control/resource-provider-operations#microsoftauthorization'],
    compliance: { 'cis-azure': ['1.23'], 'nist-800-53': ['AC-6', 'AC-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_role_definition'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('azurerm_role_definition')) {
      if (!TF.has(r.source)) continue;
      asList(getPath(r.attributes, 'permissions')).forEach((perm, i) => {
        if (!isObject(perm)) return;
        const notActions = asList(perm.not_actions).filter((x): x is string => typeof x === 'string');
        asList(perm.actions).forEach((a, j) => {
          if (typeof a !== 'string' || a.trim() === '*') return;
          const ops = ACCESS_OPERATIONS.filter((op) => wildcardMatch(a.trim(), op) && !notActions.some((n) => wildcardMatch(n.trim(), op)));
          if (ops.length === 0) return;
          const path = `permissions[${i}].actions[${j}]`;
          out.push({ resource: r, key: path, attributePath: path, message: `azurerm_role_definition ${r.name} allows ${ops.join(', ')} through "${a}"`, evidence: `actions: "${a}"` });
        });
      });
    }
    return out;
  },
});
