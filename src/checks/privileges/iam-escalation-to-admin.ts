import { escalatingPaths, escalationOf, pathSummary } from '../../graph/iam/escalation/index.js';
import type { EscalationResult } from '../../graph/iam/escalation/graph.js';
import type { IamAccount } from '../../graph/iam/account.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const IAM_TYPES = ['aws_iam_user', 'aws_iam_role', 'AWS::IAM::User', 'AWS::IAM::Role', 'aws-iam-user', 'aws-iam-role'];

export default defineCheck({
  meta: {
    id: 'TET-PRIV-043',
    title: 'IAM principal can escalate to administrator',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'A user or role that is not an administrator can become one through a chain of known privilege-escalation techniques: creating keys or passwords for another user, writing or attaching policies, rewriting a trust policy, passing a privileged role to a new Lambda function, EC2 instance, Glue endpoint or CloudFormation stack, or abusing an existing resource that runs as a privileged role. Each step is evaluated with the IAM engine against the concrete target (explicit Deny in any policy, SCPs, boundaries, resource constraints and conditions included). Whoever holds its credentials owns the account.',
    remediation:
      'Break the first step of the reported path: scope the actions to the resources the principal needs (never "*" for iam:PassRole, iam:Create*/Attach*/Put* or sts:AssumeRole), add an iam:PassedToService condition, narrow the trust policy of the target role, or put a permissions boundary on the principal. `tetrad iam escalation` prints the whole path with the allowing statements.',
    references: [
      'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
      'https://bishopfox.com/blog/privilege-escalation-in-aws',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    ],
    compliance: { 'nist-800-53': ['AC-6', 'AC-6(1)', 'AC-6(10)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation', 'aws-authorization-details'],
    resourceTypes: IAM_TYPES,
  },
  run(ctx) {
    if (ctx.ofType(...IAM_TYPES).length === 0) return [];
    const { account, result } = ctx.shared<{ account: IamAccount; result: EscalationResult }>('iam:escalation', () => escalationOf(ctx.resources));
    const out: FindingDraft[] = [];
    for (const path of escalatingPaths(result)) {
      const p = path.principal;
      const first = path.edges[0]!;
      const at = first.statements.find((s) => s.location)?.location;
      out.push({
        resource: p.resource,
        key: p.arn,
        message: `${p.kind} ${p.name} can escalate to administrator${path.certainty === 'unknown' ? ` if ${[...new Set(path.edges.flatMap((e) => e.dependsOn))].join(', ')}` : ''} in ${path.edges.length} step${path.edges.length > 1 ? 's' : ''}: ${pathSummary(path, account)}${at ? ` (first step allowed at ${at.file}:${at.startLine})` : ''}`,
        evidence: path.edges.map((e) => e.technique).join(' -> '),
        ...(path.certainty === 'unknown' ? { verdict: 'unknown' as const } : {}),
      });
    }
    return out;
  },
});
