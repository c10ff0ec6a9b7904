import { isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-040',
    title: 'GCP service account has a user-managed key',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A `google_service_account_key` creates a user-managed key for a service account: a long-lived credential (no expiry unless `valid_before` is reached) that is downloaded as a JSON key file and copied into CI settings, laptops and images. Created by Terraform, its private key is also written to the Terraform state (`private_key`). A key whose public half is uploaded (`public_key_data`) keeps the private key off the state but is still a long-lived user-managed credential. Follows CIS Google Cloud Platform Foundation Benchmark 1.4 (only GCP-managed service account keys) and NIST SP 800-53 IA-5.',
    remediation: 'Delete the key and let the workload use an attached service account (GCE, GKE Workload Identity, Cloud Run) or Workload Identity Federation for workloads outside Google Cloud (GitHub Actions, AWS, Azure, on-premises); enforce it with the `iam.disableServiceAccountKeyCreation` organisation policy.',
    references: [
      'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
      'https://cloud.google.com/iam/docs/workload-identity-federation',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_key',
    ],
    compliance: { 'cis-gcp': ['1.4'], 'nist-800-53': ['IA-5', 'IA-5(7)'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_service_account_key'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('google_service_account_key')) {
      const uploaded = r.attributes.public_key_data;
      const account = r.attributes.service_account_id;
      const who = typeof account === 'string' && !isUnknown(account) ? ` for ${account}` : '';
      out.push({
        resource: r,
        attributePath: uploaded !== undefined && uploaded !== null ? 'public_key_data' : 'service_account_id',
        message: uploaded !== undefined && uploaded !== null ? `${r.name} uploads a user-managed public key${who}` : `${r.name} creates a user-managed service account key${who}; its private key is stored in the Terraform state`,
        evidence: uploaded !== undefined && uploaded !== null ? 'google_service_account_key with public_key_data' : 'google_service_account_key',
      });
    }
    return out;
  },
});
