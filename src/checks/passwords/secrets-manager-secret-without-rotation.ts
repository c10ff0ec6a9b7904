import { defineCheck, type FindingDraft } from '../engine/types.js';
import { getPath, isUnknown, type Resource } from '../../model/index.js';

const SECRET_TYPES = ['aws_secretsmanager_secret', 'AWS::SecretsManager::Secret'];
const ROTATION_TYPES = new Set(['aws_secretsmanager_secret_rotation', 'AWS::SecretsManager::RotationSchedule']);

/** AWS provider < 5 configured rotation on the secret itself. */
function rotatesInline(r: Resource): boolean {
  const lambda = getPath(r.attributes, 'rotation_lambda_arn');
  const rules = getPath(r.attributes, 'rotation_rules');
  return (lambda !== undefined && lambda !== null && lambda !== '') || (Array.isArray(rules) ? rules.length > 0 : rules !== undefined && rules !== null);
}

/** The secret a rotation resource names, when it is written as a reference. */
function rotatedSecretIds(rotation: Resource): string[] {
  const attribute = rotation.type.startsWith('AWS::') ? 'SecretId' : 'secret_id';
  return rotation.references.filter((ref) => ref.attribute === attribute).map((ref) => ref.target);
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-092',
    title: 'Secrets Manager secret is not rotated automatically',
    pillar: 'passwords',
    severity: 'low',
    description:
      'A Secrets Manager secret with no rotation configured (no `aws_secretsmanager_secret_rotation` / CloudFormation `AWS::SecretsManager::RotationSchedule` naming it, nor the older inline `rotation_lambda_arn` / `rotation_rules`) keeps the same credential until someone changes it by hand, so a copy that leaked into a log, a build or a laptop stays valid indefinitely. Database and service credentials can rotate with the AWS rotation functions or the managed rotation of RDS and Redshift. A rotation resource whose secret is not written as a reference makes the verdict unknown.',
    remediation:
      'Add `aws_secretsmanager_secret_rotation` (CloudFormation `AWS::SecretsManager::RotationSchedule`) with a rotation Lambda function or `HostedRotationLambda` and `rotation_rules { automatically_after_days = 30 }`; for RDS master passwords prefer `manage_master_user_password = true`, which rotates the secret for you.',
    references: [
      'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/secretsmanager_secret_rotation',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-secretsmanager-rotationschedule.html',
    ],
    compliance: { 'nist-800-53': ['IA-5(1)', 'SC-12'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...SECRET_TYPES, ...ROTATION_TYPES],
  },
  run(ctx) {
    const rotations = ctx.ofType(...ROTATION_TYPES);
    const rotated = new Set(rotations.flatMap(rotatedSecretIds));
    // a rotation whose secret is a literal ARN or an unresolved value could be any secret's
    const unplaced = rotations.filter((r) => rotatedSecretIds(r).length === 0);
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(...SECRET_TYPES)) {
      if (rotated.has(r.id) || rotatesInline(r)) continue;
      const lambda = getPath(r.attributes, 'rotation_lambda_arn');
      if (isUnknown(lambda) || unplaced.length > 0) {
        const why = isUnknown(lambda) ? `rotation_lambda_arn is unresolved (${lambda.toString()})` : `${unplaced[0]!.id} rotates a secret not written as a reference`;
        out.push({ resource: r, verdict: 'unknown', message: `secret ${r.name} may not be rotated automatically: ${why}` });
        continue;
      }
      out.push({ resource: r, message: `secret ${r.name} has no automatic rotation: its value stays valid until someone changes it by hand`, evidence: 'no rotation resource names this secret' });
    }
    return out;
  },
});
