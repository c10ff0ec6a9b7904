import { asNumber, isUnknown } from '../../model/index.js';
import { expandAttribute } from '../_lib/password-attributes.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** NIST SP 800-63B: memorized secrets of at least 8 characters. */
const NIST_MINIMUM = 8;

const SPECS = [
  { types: ['aws_cognito_user_pool'], path: 'password_policy[*].minimum_length', sources: ['terraform', 'terraform-plan'] },
  { types: ['AWS::Cognito::UserPool'], path: 'Policies.PasswordPolicy.MinimumLength', sources: ['cloudformation'] },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-028',
    title: 'Cognito user pool accepts passwords shorter than 8 characters',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The user pool\'s password policy sets a minimum length below 8 (Cognito accepts 6 and 7). NIST SP 800-63B requires at least 8 characters for a memorized secret (15 when the password is the only factor, in revision 4); 6- and 7-character passwords fall to online guessing and credential stuffing against the public sign-in endpoint. An unset minimum is Cognito\'s default of 8 and is not reported.',
    remediation: 'Set `password_policy { minimum_length = 8 }` or more (`Policies.PasswordPolicy.MinimumLength`), preferably 15 or more without MFA, and turn on MFA and Cognito threat protection.',
    references: [
      'https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cognito-userpool-passwordpolicy.html',
      'https://pages.nist.gov/800-63-4/sp800-63b.html',
    ],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_cognito_user_pool', 'AWS::Cognito::UserPool'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const spec of SPECS) {
      for (const r of ctx.ofType(...spec.types)) {
        if (!spec.sources.includes(r.source)) continue;
        for (const m of expandAttribute(r.attributes, spec.path)) {
          const length = asNumber(m.value);
          if (isUnknown(length)) out.push({ resource: r, attributePath: m.path, verdict: 'unknown', message: `${r.type} ${r.name}: minimum password length is unresolved (${length.toString()})` });
          else if (length !== undefined && length < NIST_MINIMUM)
            out.push({ resource: r, attributePath: m.path, message: `${r.type} ${r.name} accepts ${length}-character passwords (NIST SP 800-63B: at least ${NIST_MINIMUM})`, evidence: `minimum length = ${length}` });
        }
      }
    }
    return out;
  },
});
