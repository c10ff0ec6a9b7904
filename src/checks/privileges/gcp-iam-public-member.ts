import { asList, getPath, isUnknown, type Resource } from '../../model/index.js';
import { policyBindings } from '../_lib/gcp-iam-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
const PUBLIC = new Set(['allusers', 'allauthenticatedusers']);
const IAM_TYPE = /^google_.+_iam_(binding|member)$/;
const IAM_POLICY_TYPE = /^google_.+_iam_policy$/;


export default defineCheck({
  meta: {
    id: 'TET-PRIV-023',
    title: 'GCP IAM grants a role to allUsers or allAuthenticatedUsers',
    pillar: 'privileges',
    severity: 'high',
    description:
      '`allUsers` is anyone on the internet and `allAuthenticatedUsers` is anyone with a Google account; an IAM binding to either makes the bucket, dataset, topic, key or service public to the world.',
    remediation: 'Grant the role to named users, groups, service accounts or domains instead; for public static content, serve it through a CDN or load balancer with an explicit, reviewed exception.',
    references: ['https://cloud.google.com/iam/docs/principals-overview#all-users', 'https://cloud.google.com/storage/docs/access-control/making-data-public'],
    compliance: { 'cis-gcp': ['5.1', '7.1'], 'nist-800-53': ['AC-3', 'AC-21'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_storage_bucket_iam_binding', 'google_storage_bucket_iam_member', 'google_bigquery_dataset_iam_member', 'google_pubsub_topic_iam_binding', 'google_kms_crypto_key_iam_member', 'data.google_iam_policy', 'google_bigquery_dataset', 'google_bigquery_dataset_access', 'google_kms_crypto_key_iam_policy', 'google_storage_bucket_iam_policy', 'google_project_iam_policy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const flag = (r: Resource, path: string, member: string, role: unknown) =>
      out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} grants ${typeof role === 'string' ? role : 'a role'} to ${member}`, evidence: `member: ${member}` });
    for (const r of ctx.resources) {
      if (!TF.has(r.source)) continue;
      if (IAM_TYPE.test(r.type)) {
        const role = getPath(r.attributes, 'role');
        if (r.type.endsWith('_member')) {
          const m = getPath(r.attributes, 'member');
          if (typeof m === 'string' && PUBLIC.has(m.trim().toLowerCase())) flag(r, 'member', m.trim(), role);
        } else {
          const members = getPath(r.attributes, 'members');
          if (isUnknown(members)) continue;
          asList(members).forEach((m, i) => {
            if (typeof m === 'string' && PUBLIC.has(m.trim().toLowerCase())) flag(r, `members[${i}]`, m.trim(), role);
          });
        }
      } else if (r.type === 'data.google_iam_policy') {
        asList(getPath(r.attributes, 'binding')).forEach((_, b) => {
          const role = getPath(r.attributes, `binding[${b}].role`);
          asList(getPath(r.attributes, `binding[${b}].members`)).forEach((m, i) => {
            if (typeof m === 'string' && PUBLIC.has(m.trim().toLowerCase())) flag(r, `binding[${b}].members[${i}]`, m.trim(), role);
          });
          // `member` is not in the data source's schema (Terraform rejects it), but its intent is unambiguous
          const single = getPath(r.attributes, `binding[${b}].member`);
          if (typeof single === 'string' && PUBLIC.has(single.trim().toLowerCase())) flag(r, `binding[${b}].member`, single.trim(), role);
        });
      } else if (IAM_POLICY_TYPE.test(r.type)) {
        // google_*_iam_policy: the whole policy as JSON text (jsonencode(...) or a heredoc), reported at policy_data
        for (const b of policyBindings(getPath(r.attributes, 'policy_data'))) {
          for (const m of b.members) if (PUBLIC.has(m.trim().toLowerCase())) flag(r, 'policy_data', m.trim(), b.role);
        }
      } else if (r.type === 'google_bigquery_dataset' || r.type === 'google_bigquery_dataset_access') {
        // BigQuery's legacy dataset ACL: an `access` block (or the dataset_access resource) names the
        // grantee as `special_group = "allAuthenticatedUsers"` or `iam_member = "allUsers"`
        const base = r.type === 'google_bigquery_dataset' ? asList(getPath(r.attributes, 'access')).map((_, i) => `access[${i}].`) : [''];
        for (const p of base) {
          const role = getPath(r.attributes, `${p}role`);
          for (const field of ['special_group', 'iam_member']) {
            const m = getPath(r.attributes, `${p}${field}`);
            if (typeof m === 'string' && PUBLIC.has(m.trim().toLowerCase())) flag(r, `${p}${field}`, m.trim(), role);
          }
        }
      }
    }
    return out;
  },
});
