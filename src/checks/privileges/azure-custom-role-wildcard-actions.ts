import { asList, getPath, isUnknown, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

/** Subscription, management group or root scope: where "*" makes an owner of everything below. */
export function scopeKind(v: Value): 'broad' | 'narrow' | 'unknown' {
  if (isUnknown(v)) {
    const e = v.expression ?? '';
    if (/azurerm_subscription\b|azurerm_management_group\b/.test(e)) return 'broad';
    if (/azurerm_resource_group\b|\.resource_group|azurerm_[a-z_]+\.[^.]+\.id$/.test(e)) return 'narrow';
    return 'unknown';
  }
  if (typeof v !== 'string') return 'narrow';
  const s = v.trim().replace(/\/+$/, '').toLowerCase();
  if (s === '' || s === '/') return 'broad';
  if (/^\/subscriptions\/[^/]+$/.test(s)) return 'broad';
  if (/^\/providers\/microsoft\.management\/managementgroups\/[^/]+$/.test(s)) return 'broad';
  return 'narrow';
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-021',
    title: 'Azure custom role allows all actions at subscription scope',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A custom role definition with `actions = ["*"]` assignable at subscription (or management group) scope is a hand-made Owner: whoever receives it controls every resource in the subscription, including role assignments, outside the review that built-in Owner assignments get.',
    remediation: 'List only the resource provider operations the role needs, and scope it to the resource groups where it is used; use built-in roles where they fit.',
    references: ['https://learn.microsoft.com/en-us/azure/role-based-access-control/custom-roles', 'https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices'],
    compliance: { 'cis-azure': ['1.23'], 'nist-800-53': ['AC-6'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['azurerm_role_definition'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('azurerm_role_definition')) {
      if (!TF.has(r.source)) continue;
      asList(getPath(r.attributes, 'permissions')).forEach((_, i) => {
        const listPath = `permissions[${i}].actions`;
        const actions = getPath(r.attributes, listPath);
        const star = asList(actions).findIndex((a) => typeof a === 'string' && a.trim() === '*');
        if (star < 0) return;
        const path = Array.isArray(actions) ? `${listPath}[${star}]` : listPath;
        const scopes = [getPath(r.attributes, 'scope'), ...asList(getPath(r.attributes, 'assignable_scopes'))].filter((s): s is Value => s !== undefined && s !== null);
        const kinds = scopes.map(scopeKind);
        if (kinds.includes('broad'))
          out.push({ resource: r, key: path, attributePath: path, message: `azurerm_role_definition ${r.name} allows every action ("*") and is assignable at subscription or management group scope`, evidence: 'actions: ["*"]' });
        else if (kinds.includes('unknown'))
          out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `azurerm_role_definition ${r.name} allows every action ("*") at a scope that is unresolved` });
      });
    }
    return out;
  },
});
