import { describeRef, elementTarget, permissionStatements, policyDocuments } from '../_lib/aws-policies.js';
import { coversAllResources, isAllow, renderList } from '../_lib/iam-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-003',
    affinity: 'aws-policies',
    title: 'IAM policy allows NotAction on every resource',
    pillar: 'privileges',
    severity: 'high',
    description:
      '"Effect": "Allow" with "NotAction" grants every action except the listed ones, including actions of services AWS adds later; on Resource "*" this is close to administrator access (for example NotAction iam:* still allows organizations, kms and sts actions).',
    remediation: 'Replace NotAction with an explicit Action list; use NotAction only in Deny statements.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html'],
    compliance: { 'nist-800-53': ['AC-6'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'data.aws_iam_policy_document', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const ref of policyDocuments(ctx, ['identity'])) {
      for (const st of permissionStatements(ref)) {
        if (isAllow(st) !== true || st.notAction === undefined || st.condition !== undefined) continue;
        if (coversAllResources(st) !== true) continue;
        out.push({
          resource: ref.resource,
          key: `${ref.path}#${st.index}`,
          ...elementTarget(ref, st, 'NotAction'),
          message: `${describeRef(ref)} statement ${st.sid ?? st.index} allows every action except ${renderList(st.notAction)} on every resource`,
          evidence: `Effect: Allow; NotAction: ${renderList(st.notAction)}; Resource: ${renderList(st.resource)}`,
        });
      }
    }
    return out;
  },
});
