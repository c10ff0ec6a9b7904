import { asList, getPath, isUnknown, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type CheckContext, type FindingDraft } from '../engine/types.js';

const ADMIN_ARN = /^arn:[^:]*:iam::aws:policy\/AdministratorAccess$/;
const ADMIN_IN_EXPRESSION = /iam::aws:policy\/AdministratorAccess\b/;

/** Attribute paths holding managed policy ARNs, per resource type; "[]" fans out over a list. */
const HOLDERS: Record<string, { terraform: boolean; paths: string[] }> = {
  aws_iam_role_policy_attachment: { terraform: true, paths: ['policy_arn'] },
  aws_iam_user_policy_attachment: { terraform: true, paths: ['policy_arn'] },
  aws_iam_group_policy_attachment: { terraform: true, paths: ['policy_arn'] },
  aws_iam_policy_attachment: { terraform: true, paths: ['policy_arn'] },
  aws_iam_role: { terraform: true, paths: ['managed_policy_arns[]'] },
  aws_iam_role_policy_attachments_exclusive: { terraform: true, paths: ['policy_arns[]'] },
  'AWS::IAM::Role': { terraform: false, paths: ['ManagedPolicyArns[]'] },
  'AWS::IAM::User': { terraform: false, paths: ['ManagedPolicyArns[]'] },
  'AWS::IAM::Group': { terraform: false, paths: ['ManagedPolicyArns[]'] },
};

/** Yes when the value is the AdministratorAccess ARN, directly, through an unresolved expression, or through a `data.aws_iam_policy` looked up by that name. */
function isAdminArn(ctx: CheckContext, r: Resource, path: string, v: Value | undefined): boolean | 'unknown' {
  if (typeof v === 'string') return ADMIN_ARN.test(v.trim());
  if (!isUnknown(v)) return false;
  if (v.expression && ADMIN_IN_EXPRESSION.test(v.expression)) return true;
  for (const target of ctx.referencedBy(r, path)) {
    if (target.type !== 'data.aws_iam_policy') continue;
    const name = getPath(target.attributes, 'name');
    const arn = getPath(target.attributes, 'arn');
    if (name === 'AdministratorAccess' || (typeof arn === 'string' && ADMIN_ARN.test(arn))) return true;
    if (typeof name === 'string' || typeof arn === 'string') return false;
  }
  return false;
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-005',
    title: 'AdministratorAccess policy attached',
    pillar: 'privileges',
    severity: 'high',
    description:
      'The AWS managed policy AdministratorAccess allows every action on every resource. A user, group or role holding it is a full account administrator; its leaked keys or a compromised workload using the role own the account.',
    remediation: 'Attach least-privilege policies instead (AWS job-function policies or your own), and reserve administrator access for a few break-glass roles that require MFA to assume.',
    references: ['https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    compliance: { 'cis-aws': ['1.16'], 'nist-800-53': ['AC-6', 'AC-6(5)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: Object.keys(HOLDERS),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const [type, holder] of Object.entries(HOLDERS)) {
      for (const r of ctx.ofType(type)) {
        if (holder.terraform !== (r.source === 'terraform' || r.source === 'terraform-plan')) continue;
        for (const pattern of holder.paths) {
          const paths = pattern.endsWith('[]')
            ? asList(getPath(r.attributes, pattern.slice(0, -2))).map((_, i) => `${pattern.slice(0, -2)}[${i}]`)
            : [pattern];
          for (const path of paths) {
            if (isAdminArn(ctx, r, path, getPath(r.attributes, path)) !== true) continue;
            out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} attaches the AdministratorAccess managed policy`, evidence: 'arn:aws:iam::aws:policy/AdministratorAccess' });
          }
        }
      }
    }
    return out;
  },
});
