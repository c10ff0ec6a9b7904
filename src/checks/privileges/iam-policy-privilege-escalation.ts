import { z } from 'zod';
import { isUnknown } from '../../model/index.js';
import { describeRef, elementTarget, permissionStatements, policyDocuments } from '../_lib/aws-policies.js';
import { loadCatalogue } from '../_lib/catalogue.js';
import { coversAction, coversAllResources, isAllow, type PatternList } from '../_lib/iam-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const catalogueSchema = z.object({ actions: z.record(z.string(), z.object({ how: z.string() })) });

function allActions(list: PatternList | undefined): boolean {
  if (list === undefined || isUnknown(list)) return false;
  return list.some((p) => typeof p === 'string' && /^\*(:\*)?$/.test(p.trim()));
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-004',
    affinity: 'aws-policies',
    title: 'IAM policy allows privilege escalation',
    pillar: 'privileges',
    severity: 'high',
    description:
      'Some IAM actions, allowed on every resource, let a principal make itself administrator: writing or attaching policies (iam:CreatePolicyVersion, iam:AttachRolePolicy, iam:PutUserPolicy), creating credentials for other users (iam:CreateAccessKey, iam:UpdateLoginProfile), rewriting trust policies, passing any role to a service (iam:PassRole), or replacing the code of a function that runs with another role.',
    remediation: 'Scope these actions to specific resource ARNs (for iam:PassRole, the exact roles and an iam:PassedToService condition), or remove them; put IAM administration behind a separate, audited role.',
    references: [
      'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
      'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html',
    ],
    compliance: { 'nist-800-53': ['AC-6', 'AC-6(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'data.aws_iam_policy_document', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  },
  run(ctx) {
    const catalogue = loadCatalogue('iam-privilege-escalation.yaml', catalogueSchema).actions;
    const out: FindingDraft[] = [];
    for (const ref of policyDocuments(ctx, ['identity'])) {
      for (const st of permissionStatements(ref)) {
        // full admin is TET-PRIV-002, Allow+NotAction is TET-PRIV-003
        if (isAllow(st) !== true || st.condition !== undefined || st.action === undefined || allActions(st.action)) continue;
        if (coversAllResources(st) !== true) continue;
        const hits = Object.keys(catalogue).filter((a) => coversAction(st, a) === true);
        if (hits.length === 0) continue;
        out.push({
          resource: ref.resource,
          key: `${ref.path}#${st.index}`,
          ...elementTarget(ref, st, 'Action'),
          message: `${describeRef(ref)} statement ${st.sid ?? st.index} allows ${hits.join(', ')} on every resource: ${hits.map((h) => catalogue[h]!.how).slice(0, 3).join('; ')}`,
          evidence: `Effect: Allow; actions covering ${hits.join(', ')}; Resource: "*"`,
        });
      }
    }
    return out;
  },
});
