import { asList, getPath, isUnknown, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
const TYPES = ['google_project_iam_binding', 'google_project_iam_member', 'google_folder_iam_binding', 'google_folder_iam_member', 'google_organization_iam_binding', 'google_organization_iam_member'];

/** Predefined administrator roles: roles/<service>.admin, roles/<service>.<x>Admin (owner/editor are TET-PRIV-022). */
export function isAdminRole(role: string): boolean {
  return /^roles\/[a-z0-9]+\.(admin|[a-zA-Z]*Admin)$/.test(role.trim());
}

const isServiceAccount = (m: Value) => typeof m === 'string' && m.trim().startsWith('serviceAccount:');

export default defineCheck({
  meta: {
    id: 'TET-PRIV-038',
    title: 'GCP service account granted an administrator role',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'A service account holding an *Admin role (for example roles/iam.securityAdmin, roles/resourcemanager.projectIamAdmin, roles/compute.admin) on a project, folder or organization lets any workload or key using that account administer the service, and IAM admin roles let it grant itself anything.',
    remediation: 'Give service accounts narrowly scoped predefined or custom roles for the actions they perform, on the specific resources they use; keep administrator roles for humans behind groups.',
    references: ['https://cloud.google.com/iam/docs/best-practices-service-accounts#restrict-admin-privileges', 'https://cloud.google.com/iam/docs/understanding-roles'],
    compliance: { 'cis-gcp': ['1.5'], 'nist-800-53': ['AC-6'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(...TYPES)) {
      if (!TF.has(r.source)) continue;
      const role = getPath(r.attributes, 'role');
      if (isUnknown(role) || typeof role !== 'string' || !isAdminRole(role)) continue;
      if (r.type.endsWith('_member')) {
        const m = getPath(r.attributes, 'member');
        if (isServiceAccount(m as Value)) out.push({ resource: r, attributePath: 'role', message: `${r.type} ${r.name} grants ${role} to ${String(m)}`, evidence: `role: ${role}; member: ${String(m)}` });
      } else {
        const accounts = asList(getPath(r.attributes, 'members')).filter(isServiceAccount);
        if (accounts.length) out.push({ resource: r, attributePath: 'role', message: `${r.type} ${r.name} grants ${role} to ${accounts.join(', ')}`, evidence: `role: ${role}; members: ${accounts.join(', ')}` });
      }
    }
    return out;
  },
});
