import { asList, getPath, isObject, isUnknown, type Value } from '../../model/index.js';
// instances and templates with their own `service_account` block (an instance from a template without one inherits the template's)
import { INSTANCE_TYPES } from '../_lib/gcp-metadata.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
const DEFAULT_SA = /^\d+-compute@developer\.gserviceaccount\.com$/i;
const FULL_SCOPE = new Set(['cloud-platform', 'https://www.googleapis.com/auth/cloud-platform']);

/** true: the Compute Engine default service account; false: another one; undefined: unresolved. */
function isDefaultAccount(email: Value | undefined): boolean | undefined {
  if (email === undefined || email === null || email === '' || email === 'default') return true;
  if (typeof email === 'string') return DEFAULT_SA.test(email.trim());
  if (isUnknown(email)) return email.expression && /google_compute_default_service_account/.test(email.expression) ? true : undefined;
  return false;
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-024',
    title: 'GCP instance or GKE node uses the default service account with full API access',
    pillar: 'privileges',
    severity: 'high',
    description:
      'The Compute Engine default service account holds the project Editor role by default; with the cloud-platform scope nothing limits it, so anyone who reaches the instance metadata server (a shell or an SSRF) can change almost every resource in the project.',
    remediation: 'Attach a dedicated, least-privilege service account to the instance, and grant it only the roles it needs (scopes then stay at cloud-platform, limited by IAM).',
    references: ['https://cloud.google.com/compute/docs/access/service-accounts#default_service_account', 'https://cloud.google.com/compute/docs/access/create-enable-service-accounts-for-instances'],
    compliance: { 'cis-gcp': ['4.2'], 'nist-800-53': ['AC-6'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [...INSTANCE_TYPES, 'google_container_cluster', 'google_container_node_pool'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(...INSTANCE_TYPES)) {
      if (!TF.has(r.source)) continue;
      asList(getPath(r.attributes, 'service_account')).forEach((sa, i) => {
        if (!isObject(sa)) return;
        const scopes = sa.scopes;
        const idx = asList(scopes).findIndex((s) => typeof s === 'string' && FULL_SCOPE.has(s.trim()));
        if (idx < 0) return;
        const def = isDefaultAccount(sa.email);
        const path = Array.isArray(scopes) ? `service_account[${i}].scopes[${idx}]` : `service_account[${i}].scopes`;
        if (def === true) out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} runs as the Compute Engine default service account with the cloud-platform scope`, evidence: `email: ${typeof sa.email === 'string' ? sa.email : '(default)'}; scopes: cloud-platform` });
      });
    }
    // GKE nodes: node_config { service_account, oauth_scopes } on clusters, their inline node pools, and node pools
    for (const r of ctx.ofType('google_container_cluster', 'google_container_node_pool')) {
      if (!TF.has(r.source)) continue;
      const configs = ['node_config[0]', ...asList(getPath(r.attributes, 'node_pool')).map((_, i) => `node_pool[${i}].node_config[0]`)];
      for (const base of configs) {
        const nc = getPath(r.attributes, base);
        if (!isObject(nc)) continue;
        const scopes = nc.oauth_scopes;
        const idx = asList(scopes).findIndex((s) => typeof s === 'string' && FULL_SCOPE.has(s.trim()));
        if (idx < 0 || isDefaultAccount(nc.service_account) !== true) continue;
        const path = Array.isArray(scopes) ? `${base}.oauth_scopes[${idx}]` : `${base}.oauth_scopes`;
        out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} runs its nodes as the Compute Engine default service account with the cloud-platform scope`, evidence: `service_account: ${typeof nc.service_account === 'string' ? nc.service_account : '(default)'}; oauth_scopes: cloud-platform` });
      }
    }
    return out;
  },
});
