import { asNumber, isUnknown } from '../../model/index.js';
import { passwordPolicies, PASSWORD_POLICY_TYPES } from '../_lib/password-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** CIS AWS Foundations Benchmark 1.9: remember the last 24 passwords. */
const MIN_REUSE_PREVENTION = 24;

export default defineCheck({
  meta: {
    id: 'TET-PASS-013',
    title: 'IAM account password policy allows reusing recent passwords',
    pillar: 'passwords',
    severity: 'low',
    description:
      'The account password policy (Terraform `aws_iam_account_password_policy`, or the live account as `aws iam get-account-password-policy` prints it) does not set `password_reuse_prevention`, or remembers fewer than 24 previous passwords, so a user forced to change a compromised password can set it back. This follows the CIS AWS Foundations Benchmark (1.9). NIST SP 800-63B does not require reuse prevention or periodic rotation; it requires changing a password when there is evidence of compromise, which reuse prevention keeps effective.',
    remediation: 'Set `password_reuse_prevention = 24` on `aws_iam_account_password_policy`.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html', 'https://www.cisecurity.org/benchmark/amazon_web_services'],
    compliance: { 'cis-aws': ['1.9'], 'nist-800-53': ['IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'aws-account-snapshot'],
    resourceTypes: PASSWORD_POLICY_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const policy of passwordPolicies(ctx)) {
      const r = policy.resource;
      const path = policy.path('reusePrevention');
      const reuse = asNumber(policy.value('reusePrevention'));
      if (isUnknown(reuse)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `password reuse prevention is unresolved (${reuse.toString()})` });
      else if (reuse === undefined) out.push({ resource: r, message: 'the password policy does not prevent password reuse', evidence: `${path} not set` });
      else if (reuse < MIN_REUSE_PREVENTION) out.push({ resource: r, attributePath: path, message: `the password policy remembers only ${reuse} previous passwords (CIS: ${MIN_REUSE_PREVENTION})`, evidence: `${path} = ${reuse}` });
    }
    return out;
  },
});
