import { getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);
const TYPES = ['google_project_iam_binding', 'google_project_iam_member', 'google_folder_iam_binding', 'google_folder_iam_member', 'google_organization_iam_binding', 'google_organization_iam_member'];
/** Roles that let a member act as, or mint tokens for, service accounts. */
const IMPERSONATION_ROLES = new Set(['roles/iam.serviceAccountUser', 'roles/iam.serviceAccountTokenCreator']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-029',
    title: 'GCP service account impersonation granted project-wide',
    pillar: 'privileges',
    severity: 'high',
    description:
      'Service Account User or Token Creator granted at project, folder or organization level lets the member act as every service account in scope, including the default compute account with Editor: one grant escalates to the most privileged account there.',
    remediation: 'Grant roles/iam.serviceAccountUser and roles/iam.serviceAccountTokenCreator on the specific service account (google_service_account_iam_member), not on the project, folder or organization.',
    references: ['https://cloud.google.com/iam/docs/service-account-permissions#user-role', 'https://cloud.google.com/iam/docs/best-practices-service-accounts#project-folder-grants'],
    compliance: { 'cis-gcp': ['1.6'], 'nist-800-53': ['AC-6'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(...TYPES)) {
      if (!TF.has(r.source)) continue;
      const role = getPath(r.attributes, 'role');
      if (isUnknown(role) || typeof role !== 'string' || !IMPERSONATION_ROLES.has(role.trim())) continue;
      const scope = r.type.split('_')[1];
      out.push({ resource: r, attributePath: 'role', message: `${r.type} ${r.name} grants ${role} on the whole ${scope}: its members can act as every service account there`, evidence: `role: ${role}` });
    }
    return out;
  },
});
