import { defineCheck } from '../engine/types.js';
import { readSetting, settingFindings, type SettingRule } from '../_lib/setting-values.js';
import { isUnknown, type Resource } from '../../model/index.js';

const off = (v: string) => /^false$/i.test(v);

/** KMS leaves automatic rotation off unless the key asks for it. */
const RULES: SettingRule[] = [
  { type: 'aws_kms_key', path: 'enable_key_rotation', weak: off, weakDefault: 'false' },
  { type: 'AWS::KMS::Key', path: 'EnableKeyRotation', weak: off, weakDefault: 'false' },
];

/**
 * Only symmetric encryption keys can rotate automatically: asymmetric, HMAC and
 * external-material keys cannot, so they are not reported (an unresolved spec is judged).
 */
function rotatable(r: Resource): boolean {
  const cfn = r.type.startsWith('AWS::');
  const spec = readSetting(r, cfn ? 'KeySpec' : 'customer_master_key_spec');
  const usage = readSetting(r, cfn ? 'KeyUsage' : 'key_usage');
  const origin = cfn ? readSetting(r, 'Origin') : undefined;
  if (typeof spec === 'string' && spec.toUpperCase() !== 'SYMMETRIC_DEFAULT') return false;
  if (typeof usage === 'string' && usage.toUpperCase() !== 'ENCRYPT_DECRYPT') return false;
  if (typeof origin === 'string' && origin.toUpperCase() !== 'AWS_KMS') return false;
  return spec === undefined || isUnknown(spec) || typeof spec === 'string';
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-091',
    title: 'KMS customer managed key does not rotate automatically',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A symmetric customer managed KMS key without automatic rotation (`enable_key_rotation = false`, the default when the attribute is absent; CloudFormation `EnableKeyRotation`) keeps the same key material for as long as the key lives, so material exposed once (a backup of an HSM-exported key, a compromise in a dependent system) stays valid for every future encryption under the key. With rotation on, KMS makes new key material every year (or every `rotation_period_in_days`) and keeps the old material only to decrypt. Asymmetric, HMAC and imported-material keys cannot rotate automatically and are not reported.',
    remediation:
      'Set `enable_key_rotation = true` on `aws_kms_key` (optionally `rotation_period_in_days`), CloudFormation `EnableKeyRotation: true`; rotate imported or asymmetric keys manually by creating a new key and moving the alias.',
    references: [
      'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/kms_key',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-kms-key.html',
    ],
    compliance: { 'cis-aws': ['3.6'], 'nist-800-53': ['SC-12', 'SC-12(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: RULES.map((r) => r.type),
  },
  run: (ctx) =>
    settingFindings(
      (t) => ctx.ofType(t).filter(rotatable),
      RULES,
      (r, v, explicit) => `KMS key ${r.name} keeps the same key material for its whole life (automatic rotation ${v}${explicit ? '' : ', the default'})`,
    ),
});
