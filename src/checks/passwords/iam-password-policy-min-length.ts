import { asNumber, isUnknown } from '../../model/index.js';
import { passwordPolicies, PASSWORD_POLICY_TYPES } from '../_lib/password-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** CIS AWS Foundations Benchmark 1.8: at least 14 characters. */
const MIN_LENGTH = 14;
/** NIST SP 800-63B (rev. 3 and 4): verifiers SHALL require at least 8 characters (15 when the password is the only factor, rev. 4). */
const NIST_MIN_LENGTH = 8;

export default defineCheck({
  meta: {
    id: 'TET-PASS-012',
    title: 'IAM account password policy allows passwords shorter than 14 characters',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The account password policy (Terraform `aws_iam_account_password_policy`, or the live account as `aws iam get-account-password-policy` prints it) accepts console passwords shorter than 14 characters, or leaves the minimum at its default (6 in the Terraform AWS provider, 8 in AWS). Length is what resists guessing: NIST SP 800-63B requires at least 8 characters (15 when the password is the only factor, in revision 4) and puts length ahead of composition rules; the CIS AWS Foundations Benchmark (1.8) sets 14, the threshold used here. A minimum below 8 fails NIST as well and is reported at high severity.',
    remediation: 'Set `minimum_password_length = 14` (or more) on `aws_iam_account_password_policy`, and require MFA for console users.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
      'https://pages.nist.gov/800-63-4/sp800-63b.html',
      'https://www.cisecurity.org/benchmark/amazon_web_services',
    ],
    compliance: { 'cis-aws': ['1.8'], 'nist-800-53': ['IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'aws-account-snapshot'],
    resourceTypes: PASSWORD_POLICY_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const policy of passwordPolicies(ctx)) {
      const r = policy.resource;
      const path = policy.path('minLength');
      const length = asNumber(policy.value('minLength'));
      if (isUnknown(length)) {
        out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `minimum password length is unresolved (${length.toString()})` });
      } else if (length === undefined) {
        out.push({ resource: r, message: `the password policy does not set ${path}, leaving it at the default (6 in the Terraform provider, 8 in AWS)`, evidence: `${path} not set` });
      } else if (length < MIN_LENGTH) {
        // below NIST SP 800-63B's floor of 8 the policy fails both guides: one severity higher
        const belowNist = length < NIST_MIN_LENGTH;
        out.push({
          resource: r,
          attributePath: path,
          message: `the password policy accepts ${length}-character passwords (CIS: at least ${MIN_LENGTH}${belowNist ? `; NIST SP 800-63B: never fewer than ${NIST_MIN_LENGTH}` : ''})`,
          evidence: `${path} = ${length}`,
          severity: belowNist ? 'high' : undefined,
        });
      }
    }
    return out;
  },
});
