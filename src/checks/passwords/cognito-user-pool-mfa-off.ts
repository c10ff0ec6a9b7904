import { defineCheck } from '../engine/types.js';
import { settingFindings, type SettingRule } from '../_lib/setting-values.js';

const off = (v: string) => /^OFF$/i.test(v);

/** Cognito turns MFA off unless the pool says otherwise; `OPTIONAL` lets each user enrol and is not reported. */
const RULES: SettingRule[] = [
  { type: 'aws_cognito_user_pool', path: 'mfa_configuration', weak: off, weakDefault: 'OFF' },
  { type: 'AWS::Cognito::UserPool', path: 'MfaConfiguration', weak: off, weakDefault: 'OFF' },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-079',
    title: 'Cognito user pool has multi-factor authentication turned off',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A Cognito user pool with `mfa_configuration = "OFF"` (the default when the attribute is absent) signs users in with a password alone, so a leaked, reused or guessed password is enough to take over an account through the public sign-in endpoint (credential stuffing). `OPTIONAL` lets users enrol a second factor and is not reported; `ON` requires one.',
    remediation:
      'Set `mfa_configuration = "ON"` (or at least `"OPTIONAL"`) with `software_token_mfa_configuration { enabled = true }` or an `sms_configuration` (CloudFormation `MfaConfiguration: ON` with `EnabledMfas`), and consider Cognito threat protection.',
    references: [
      'https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html',
    ],
    compliance: { 'nist-800-53': ['IA-2(1)', 'IA-2(2)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: RULES.map((r) => r.type),
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t),
      RULES,
      (r, v, explicit) => `${r.type} ${r.name} signs users in with a password alone (MFA ${v}${explicit ? '' : ', the default'})`,
    ),
});
