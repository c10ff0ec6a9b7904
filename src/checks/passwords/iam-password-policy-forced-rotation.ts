import { asNumber, isUnknown } from '../../model/index.js';
import { passwordPolicies, PASSWORD_POLICY_TYPES } from '../_lib/password-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-039',
    title: 'IAM account password policy forces periodic password changes',
    pillar: 'passwords',
    severity: 'info',
    description:
      'The account password policy sets a maximum password age (`max_password_age` in Terraform, `MaxPasswordAge`/`ExpirePasswords` in `aws iam get-account-password-policy`), so console passwords expire on a schedule. This check follows NIST SP 800-63B (rev. 3 5.1.1.2 and rev. 4 3.1.1.2): verifiers SHALL NOT require periodic changes, only a change on evidence of compromise, because forced expiry produces predictable successors (a season and a year, a counter) and written-down passwords. The current CIS AWS Foundations Benchmark no longer asks for expiry either (older versions asked for 90 days). Reported as information: length (TET-PASS-012), MFA (TET-PASS-035) and reuse prevention on a compromise (TET-PASS-013) matter more; where an auditor still requires expiry, suppress this check with that reason.',
    remediation: 'Remove `max_password_age` (or set it to 0) and `hard_expiry`; require MFA for console users and a long minimum length instead, and force a change when a password is known or suspected to be compromised.',
    references: [
      'https://pages.nist.gov/800-63-4/sp800-63b.html',
      'https://pages.nist.gov/800-63-3/sp800-63b.html#memsecretver',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    ],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'aws-account-snapshot'],
    resourceTypes: PASSWORD_POLICY_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const policy of passwordPolicies(ctx)) {
      const r = policy.resource;
      const path = policy.path('maxAge');
      const age = asNumber(policy.value('maxAge'));
      if (isUnknown(age)) {
        out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `maximum password age is unresolved (${age.toString()})` });
        continue;
      }
      // the API writes ExpirePasswords: false and no MaxPasswordAge when passwords never expire
      if (policy.snapshot && r.attributes.ExpirePasswords === false) continue;
      if (age === undefined || age <= 0) continue;
      out.push({ resource: r, attributePath: path, message: `console passwords expire every ${age} days (NIST SP 800-63B: no periodic change, only on evidence of compromise)`, evidence: `${path} = ${age}` });
    }
    return out;
  },
});
