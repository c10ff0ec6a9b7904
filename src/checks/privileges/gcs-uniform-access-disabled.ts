import { asBool, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-034',
    title: 'GCS bucket allows object ACLs (uniform bucket-level access off)',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'Without uniform bucket-level access, every object can carry its own ACL, so a single upload with a public-read ACL exposes it regardless of the bucket\'s IAM policy, and access reviews of the IAM policy miss object-level grants.',
    remediation: 'Set `uniform_bucket_level_access = true` on google_storage_bucket and grant access only through IAM.',
    references: ['https://cloud.google.com/storage/docs/uniform-bucket-level-access', 'https://cloud.google.com/storage/docs/access-control'],
    compliance: { 'cis-gcp': ['5.2'], 'nist-800-53': ['AC-3', 'AC-6'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_storage_bucket'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('google_storage_bucket')) {
      if (!TF.has(r.source)) continue;
      // provider 3.x and earlier: bucket_policy_only
      const field = getPath(r.attributes, 'uniform_bucket_level_access') === undefined && getPath(r.attributes, 'bucket_policy_only') !== undefined ? 'bucket_policy_only' : 'uniform_bucket_level_access';
      const v = asBool(getPath(r.attributes, field));
      if (v === true) continue;
      if (isUnknown(v)) out.push({ resource: r, attributePath: field, verdict: 'unknown', message: `${r.type} ${r.name}: ${field} is unresolved (${v.toString()})` });
      else if (v === false) out.push({ resource: r, attributePath: field, message: `${r.type} ${r.name} disables uniform bucket-level access, so objects can carry their own ACLs`, evidence: `${field} = false` });
      else out.push({ resource: r, message: `${r.type} ${r.name} does not enable uniform bucket-level access (the default is off), so objects can carry their own ACLs`, evidence: `${field} not set` });
    }
    return out;
  },
});
