import { asNumber, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** CIS AWS Foundations Benchmark 1.8: at least 14 characters. */
const MIN_LENGTH = 14;

export default defineCheck({
  meta: {
    id: 'TET-PASS-012',
    title: 'IAM account password policy allows passwords shorter than 14 characters',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The account password policy (`aws_iam_account_password_policy`) accepts console passwords shorter than 14 characters, or leaves the minimum at its default (6 in the Terraform AWS provider, 8 in AWS). Length is what resists guessing: NIST SP 800-63B requires at least 8 characters (15 when the password is the only factor, in revision 4) and puts length ahead of composition rules; the CIS AWS Foundations Benchmark (1.8) sets 14, the threshold used here.',
    remediation: 'Set `minimum_password_length = 14` (or more) on `aws_iam_account_password_policy`, and require MFA for console users.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
      'https://pages.nist.gov/800-63-4/sp800-63b.html',
      'https://www.cisecurity.org/benchmark/amazon_web_services',
    ],
    compliance: { 'cis-aws': ['1.8'], 'nist-800-53': ['IA-5(1)'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['aws_iam_account_password_policy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('aws_iam_account_password_policy')) {
      const raw = r.attributes.minimum_password_length;
      const length = asNumber(raw);
      if (isUnknown(length)) {
        out.push({ resource: r, attributePath: 'minimum_password_length', verdict: 'unknown', message: `minimum password length is unresolved (${length.toString()})` });
      } else if (length === undefined) {
        out.push({ resource: r, message: 'the password policy does not set minimum_password_length, leaving it at the default (6 in the Terraform provider, 8 in AWS)', evidence: 'minimum_password_length not set' });
      } else if (length < MIN_LENGTH) {
        out.push({ resource: r, attributePath: 'minimum_password_length', message: `the password policy accepts ${length}-character passwords (CIS: at least ${MIN_LENGTH})`, evidence: `minimum_password_length = ${length}` });
      }
    }
    return out;
  },
});
