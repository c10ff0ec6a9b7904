import { asBool, asNumber, isUnknown } from '../../model/index.js';
import { passwordPolicies, PASSWORD_POLICY_TYPES, type PolicyField } from '../_lib/password-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Below this length a policy leans on composition; at 14 or more (CIS AWS 1.8) length does the work and NIST SP 800-63B advises against composition rules. */
const LONG_ENOUGH = 14;
/** What AWS assumes when the minimum is not set (the Terraform provider sends 6; the console default is 8): the lower one. */
const DEFAULT_LENGTH = 6;

const CLASSES: Array<{ field: PolicyField; label: string }> = [
  { field: 'requireSymbols', label: 'symbols' },
  { field: 'requireNumbers', label: 'numbers' },
  { field: 'requireUppercase', label: 'upper-case letters' },
  { field: 'requireLowercase', label: 'lower-case letters' },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-078',
    title: 'IAM account password policy allows short passwords without character classes',
    pillar: 'passwords',
    severity: 'low',
    description:
      'The account password policy (Terraform `aws_iam_account_password_policy`, or the live account) neither requires 14 or more characters nor requires symbols, numbers, upper- and lower-case letters, so console passwords such as `password` or `123456` are accepted and fall to the first guesses of a password spray. Every character class is off unless asked for. Policies with a minimum of 14 or more characters are not reported: length is what resists guessing, and NIST SP 800-63B advises against composition rules; the CIS AWS Foundations Benchmark up to version 1.2 (1.5–1.8) required each class.',
    remediation:
      'Prefer `minimum_password_length = 14` (or more) with MFA for console users; otherwise set `require_symbols`, `require_numbers`, `require_uppercase_characters` and `require_lowercase_characters` to true.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy',
      'https://pages.nist.gov/800-63-4/sp800-63b.html',
    ],
    compliance: { 'cis-aws': ['1.5', '1.6', '1.7'], 'nist-800-53': ['IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'aws-account-snapshot'],
    resourceTypes: PASSWORD_POLICY_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const policy of passwordPolicies(ctx)) {
      const r = policy.resource;
      const length = asNumber(policy.value('minLength'));
      if (!isUnknown(length) && (length ?? DEFAULT_LENGTH) >= LONG_ENOUGH) continue;
      const lengthText = isUnknown(length) ? 'an unresolved minimum length' : length === undefined ? `no minimum length (default ${DEFAULT_LENGTH})` : `a minimum of ${length} characters`;
      const absent: string[] = [];
      for (const c of CLASSES) {
        const path = policy.path(c.field);
        const v = asBool(policy.value(c.field));
        if (v === true) continue;
        // an unresolved class or length cannot be judged either way
        if (isUnknown(v)) out.push({ resource: r, key: c.field, attributePath: path, verdict: 'unknown', message: `${path} is unresolved (${v.toString()})` });
        else if (v === false) {
          const msg = `the password policy does not require ${c.label}, with ${lengthText}`;
          out.push(isUnknown(length) ? { resource: r, key: c.field, attributePath: path, verdict: 'unknown', message: msg } : { resource: r, key: c.field, attributePath: path, message: msg, evidence: `${path} = false` });
        } else absent.push(c.label);
      }
      if (absent.length) {
        const msg = `the password policy does not require ${absent.join(', ')} (off unless set), with ${lengthText}`;
        const evidence = `${CLASSES.filter((c) => absent.includes(c.label)).map((c) => policy.path(c.field)).join(', ')} not set`;
        out.push(isUnknown(length) ? { resource: r, key: 'absent', verdict: 'unknown', message: msg } : { resource: r, key: 'absent', message: msg, evidence });
      }
    }
    return out;
  },
});
