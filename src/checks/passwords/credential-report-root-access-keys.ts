import { accessKeys, isRoot, reportRows } from '../_lib/credential-report.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-034',
    title: 'AWS root user has an active access key',
    pillar: 'passwords',
    severity: 'critical',
    description:
      'The IAM credential report shows an active access key for `<root_account>`, or `aws iam get-account-summary` shows `AccountAccessKeysPresent: 1` (a root key exists, active or not). A root access key signs API calls with unrestricted power over the account, cannot be limited by IAM policies or permission boundaries, and is a long-term secret that ends up in scripts and configuration. Follows CIS AWS Foundations Benchmark 1.4 (no root access keys).',
    remediation: 'Sign in as root, deactivate and delete the access key (Security credentials → Access keys), and give automation an IAM role instead.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
      'https://www.cisecurity.org/benchmark/amazon_web_services',
    ],
    compliance: { 'cis-aws': ['1.4'], 'nist-800-53': ['AC-6(2)', 'IA-5'] },
    sources: ['aws-credential-report', 'aws-account-snapshot'],
    resourceTypes: ['aws-iam-credential-report-user', 'aws-iam-account-summary'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of reportRows(ctx)) {
      if (!isRoot(r)) continue;
      for (const k of accessKeys(r)) {
        if (!k.active) continue;
        out.push({ resource: r, attributePath: `${k.prefix}_active`, key: k.prefix, message: `the root user has an active access key (key ${k.slot})`, evidence: `${k.prefix}_active = true` });
      }
    }
    // `aws iam get-account-summary`: AccountAccessKeysPresent is 1 when the root user has an access key (active or not)
    for (const r of ctx.ofType('aws-iam-account-summary')) {
      if (r.attributes.AccountAccessKeysPresent !== 1) continue;
      out.push({ resource: r, attributePath: 'AccountAccessKeysPresent', message: 'the root user has an access key', evidence: 'AccountAccessKeysPresent = 1' });
    }
    return out;
  },
});
