import { isRoot, isTrue, reportRows } from '../_lib/credential-report.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-035',
    title: 'IAM user with a console password has no MFA',
    pillar: 'passwords',
    severity: 'high',
    description:
      'The IAM credential report shows a user with `password_enabled = true` and `mfa_active = false`: the console is protected by a password alone, which phishing, reuse from another breach or guessing defeats. Follows CIS AWS Foundations Benchmark 1.10 (MFA for every IAM user with a console password) and NIST SP 800-63B (a password alone is AAL1).',
    remediation: 'Register an MFA device for the user (FIDO2 security key preferred), and enforce it with a policy that denies everything but MFA setup while `aws:MultiFactorAuthPresent` is false; better, move people to IAM Identity Center with MFA and remove IAM user passwords.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
      'https://pages.nist.gov/800-63-4/sp800-63b.html',
    ],
    compliance: { 'cis-aws': ['1.10'], 'nist-800-53': ['IA-2(1)'] },
    sources: ['aws-credential-report'],
    resourceTypes: ['aws-iam-credential-report-user'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of reportRows(ctx)) {
      if (isRoot(r) || !isTrue(r, 'password_enabled') || isTrue(r, 'mfa_active')) continue;
      out.push({ resource: r, attributePath: 'mfa_active', message: `IAM user ${r.name} signs in to the console with a password and no MFA`, evidence: 'password_enabled = true, mfa_active = false' });
    }
    return out;
  },
});
