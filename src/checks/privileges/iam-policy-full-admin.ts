import { isUnknown } from '../../model/index.js';
import { describeRef, elementTarget, permissionStatements, policyDocuments } from '../_lib/aws-policies.js';
import { coversAllResources, isAllow, renderList, type PatternList } from '../_lib/iam-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** "*" or "*:*": every action of every service. */
function allActions(list: PatternList | undefined): boolean {
  if (list === undefined || isUnknown(list)) return false;
  return list.some((p) => typeof p === 'string' && /^\*(:\*)?$/.test(p.trim()));
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-002',
    affinity: 'aws-policies',
    title: 'IAM policy grants full administrator access',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'A statement that allows Action "*" on Resource "*" without a condition makes whoever holds the policy an administrator of the whole AWS account: they can read every secret, delete every resource and create new credentials for themselves.',
    remediation: 'Grant only the actions and resources the principal needs; use AWS managed job-function policies or IAM Access Analyzer policy generation to derive a least-privilege policy.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1'],
    compliance: { 'cis-aws': ['1.16'], 'nist-800-53': ['AC-6', 'AC-6(10)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'data.aws_iam_policy_document', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const ref of policyDocuments(ctx, ['identity'])) {
      for (const st of permissionStatements(ref)) {
        if (isAllow(st) !== true || st.condition !== undefined) continue;
        if (!allActions(st.action)) continue;
        const all = coversAllResources(st);
        if (all === false) continue;
        const target = elementTarget(ref, st, 'Action');
        const where = `${describeRef(ref)} statement ${st.sid ?? st.index}`;
        if (isUnknown(all)) out.push({ resource: ref.resource, key: `${ref.path}#${st.index}`, ...target, verdict: 'unknown', message: `${where} allows every action on a resource that is unresolved (${all.toString()})` });
        else out.push({ resource: ref.resource, key: `${ref.path}#${st.index}`, ...target, message: `${where} allows every action on every resource`, evidence: `Effect: Allow; Action: ${renderList(st.action)}; Resource: ${renderList(st.resource)}` });
      }
    }
    return out;
  },
});
