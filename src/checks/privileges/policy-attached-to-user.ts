import { asList, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-006',
    title: 'IAM policy attached directly to a user',
    pillar: 'privileges',
    severity: 'low',
    description:
      'Permissions granted to individual IAM users instead of groups or roles drift apart user by user, are easy to miss in access reviews, and stay behind when people change jobs; CIS requires users to receive permissions only through groups.',
    remediation: 'Attach the policy to an IAM group (or a role users assume) and add the user to the group; remove inline and attached user policies.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-2'],
    compliance: { 'cis-aws': ['1.15'], 'nist-800-53': ['AC-2', 'AC-6'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_iam_user_policy', 'aws_iam_user_policy_attachment', 'aws_iam_policy_attachment', 'AWS::IAM::User', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const add = (r: Resource, path: string | undefined, message: string) => out.push({ resource: r, key: path, attributePath: path, message });
    for (const r of ctx.ofType('aws_iam_user_policy', 'aws_iam_user_policy_attachment')) {
      if (!TF.has(r.source)) continue;
      const how = r.type === 'aws_iam_user_policy' ? 'an inline policy' : 'a managed policy';
      add(r, getPath(r.attributes, 'user') !== undefined ? 'user' : undefined, `${r.type} ${r.name} gives ${how} directly to an IAM user`);
    }
    for (const r of ctx.ofType('aws_iam_policy_attachment')) {
      if (!TF.has(r.source)) continue;
      const users = getPath(r.attributes, 'users');
      if (isUnknown(users) || asList(users).length === 0) continue;
      add(r, 'users', `${r.type} ${r.name} attaches a policy directly to IAM users`);
    }
    for (const r of ctx.ofType('AWS::IAM::User')) {
      if (r.source !== 'cloudformation') continue;
      for (const field of ['Policies', 'ManagedPolicyArns']) {
        const v = getPath(r.attributes, field);
        if (!isUnknown(v) && asList(v).length > 0) add(r, field, `IAM user ${r.name} has ${field === 'Policies' ? 'inline policies' : 'managed policies'} attached directly`);
      }
    }
    for (const r of ctx.ofType('AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy')) {
      if (r.source !== 'cloudformation') continue;
      const users = getPath(r.attributes, 'Users');
      if (!isUnknown(users) && asList(users).length > 0) add(r, 'Users', `${r.type} ${r.name} is attached directly to IAM users`);
    }
    return out;
  },
});
