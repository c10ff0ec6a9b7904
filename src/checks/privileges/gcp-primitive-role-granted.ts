import { asList, getPath, isUnknown } from '../../model/index.js';
import { policyBindings } from '../_lib/gcp-iam-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
const TYPES = ['google_project_iam_binding', 'google_project_iam_member', 'google_folder_iam_binding', 'google_folder_iam_member', 'google_organization_iam_binding', 'google_organization_iam_member'];
const PRIMITIVE = new Set(['roles/owner', 'roles/editor']);
const POLICY_TYPES = ['google_project_iam_policy', 'google_folder_iam_policy', 'google_organization_iam_policy'];

export default defineCheck({
  meta: {
    id: 'TET-PRIV-022',
    title: 'GCP basic Owner or Editor role granted',
    pillar: 'privileges',
    severity: 'high',
    description:
      'The basic roles roles/owner and roles/editor grant thousands of permissions across every service in the project, folder or organization; a member or service account holding them can read and change almost everything, and Owner can grant itself the rest.',
    remediation: 'Grant predefined or custom roles limited to the services and actions the member needs; never give basic roles to service accounts.',
    references: ['https://cloud.google.com/iam/docs/understanding-roles#basic', 'https://cloud.google.com/iam/docs/using-iam-securely'],
    compliance: { 'cis-gcp': ['1.5'], 'nist-800-53': ['AC-6'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [...TYPES, ...POLICY_TYPES, 'data.google_iam_policy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(...TYPES)) {
      if (!TF.has(r.source)) continue;
      const role = getPath(r.attributes, 'role');
      if (isUnknown(role)) continue;
      if (typeof role !== 'string' || !PRIMITIVE.has(role.trim())) continue;
      const who = r.type.endsWith('_member') ? getPath(r.attributes, 'member') : getPath(r.attributes, 'members');
      out.push({ resource: r, attributePath: 'role', message: `${r.type} ${r.name} grants the basic role ${role}${typeof who === 'string' ? ` to ${who}` : ''}`, evidence: `role: ${role}` });
    }
    // data "google_iam_policy" bindings, used by google_*_iam_policy resources
    for (const r of ctx.ofType('data.google_iam_policy')) {
      if (!TF.has(r.source)) continue;
      asList(getPath(r.attributes, 'binding')).forEach((_, b) => {
        const path = `binding[${b}].role`;
        const role = getPath(r.attributes, path);
        if (typeof role === 'string' && PRIMITIVE.has(role.trim())) out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} grants the basic role ${role}`, evidence: `role: ${role}` });
      });
    }
    // whole policies written as JSON (jsonencode or a heredoc) in policy_data
    for (const r of ctx.ofType(...POLICY_TYPES)) {
      if (!TF.has(r.source)) continue;
      for (const b of policyBindings(getPath(r.attributes, 'policy_data'))) {
        if (typeof b.role !== 'string' || !PRIMITIVE.has(b.role.trim())) continue;
        out.push({ resource: r, key: b.role, attributePath: 'policy_data', message: `${r.type} ${r.name} grants the basic role ${b.role}${b.members.length ? ` to ${b.members.join(', ')}` : ''}`, evidence: `role: ${b.role}` });
      }
    }
    return out;
  },
});
