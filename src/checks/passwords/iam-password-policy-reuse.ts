import { asNumber, isUnknown } from '../../model/index.js';
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
      'The account password policy does not set `password_reuse_prevention`, or remembers fewer than 24 previous passwords, so a user forced to change a compromised password can set it back. This follows the CIS AWS Foundations Benchmark (1.9). NIST SP 800-63B does not require reuse prevention or periodic rotation; it requires changing a password when there is evidence of compromise, which reuse prevention keeps effective.',
    remediation: 'Set `password_reuse_prevention = 24` on `aws_iam_account_password_policy`.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html', 'https://www.cisecurity.org/benchmark/amazon_web_services'],
    compliance: { 'cis-aws': ['1.9'], 'nist-800-53': ['IA-5(1)'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['aws_iam_account_password_policy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('aws_iam_account_password_policy')) {
      const reuse = asNumber(r.attributes.password_reuse_prevention);
      if (isUnknown(reuse)) out.push({ resource: r, attributePath: 'password_reuse_prevention', verdict: 'unknown', message: `password reuse prevention is unresolved (${reuse.toString()})` });
      else if (reuse === undefined) out.push({ resource: r, message: 'the password policy does not prevent password reuse', evidence: 'password_reuse_prevention not set' });
      else if (reuse < MIN_REUSE_PREVENTION) out.push({ resource: r, attributePath: 'password_reuse_prevention', message: `the password policy remembers only ${reuse} previous passwords (CIS: ${MIN_REUSE_PREVENTION})`, evidence: `password_reuse_prevention = ${reuse}` });
    }
    return out;
  },
});
