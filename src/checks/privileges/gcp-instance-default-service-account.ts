import { asList, getPath, isObject, isUnknown, type Value } from '../../model/index.js';
// instances and templates with their own `service_account` block (an instance from a template without one inherits the template's)
import { INSTANCE_TYPES } from '../_lib/gcp-metadata.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
const DEFAULT_SA = /^\d+-compute@developer\.gserviceaccount\.com$/i;
const FULL_SCOPE = new Set(['cloud-platform', 'https://www.googleapis.com/auth/cloud-platform']);

function isDefaultAccount(email: Value | undefined): boolean {
  if (email === undefined || email === null || email === '' || email === 'default') return true;
  if (typeof email === 'string') return DEFAULT_SA.test(email.trim());
  return isUnknown(email) && !!email.expression && /google_compute_default_service_account/.test(email.expression);
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-039',
    title: 'GCP instance uses the Compute Engine default service account',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'The Compute Engine default service account is shared by every instance that does not name another one and holds the project Editor role by default; an instance running as it can reach far more than its own workload needs as soon as its scopes or IAM grants widen. (With the cloud-platform scope this is TET-PRIV-024.)',
    remediation: 'Create a dedicated service account per workload with only the roles it needs and set it in `service_account { email = ... }`.',
    references: ['https://cloud.google.com/compute/docs/access/service-accounts#default_service_account', 'https://cloud.google.com/iam/docs/best-practices-service-accounts#single-purpose'],
    compliance: { 'cis-gcp': ['4.1'], 'nist-800-53': ['AC-6'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [...INSTANCE_TYPES],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(...INSTANCE_TYPES)) {
      if (!TF.has(r.source)) continue;
      asList(getPath(r.attributes, 'service_account')).forEach((sa, i) => {
        if (!isObject(sa) || !isDefaultAccount(sa.email)) return;
        if (asList(sa.scopes).some((s) => typeof s === 'string' && FULL_SCOPE.has(s.trim()))) return;
        const path = sa.email !== undefined && sa.email !== null ? `service_account[${i}].email` : `service_account[${i}]`;
        out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} runs as the Compute Engine default service account`, evidence: `email: ${typeof sa.email === 'string' ? sa.email : '(default)'}` });
      });
    }
    return out;
  },
});
