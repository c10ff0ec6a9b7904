import { asList, isUnknown, type Unknown, type Value } from '../../model/index.js';
import { elementTarget, policyDocuments, type PolicyRef } from '../_lib/aws-policies.js';
import { conditionTests, coversAction, isAllow, type PolicyStatement } from '../_lib/iam-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** `123456789012` or `arn:aws:iam::123456789012:root` (any partition): every principal of that account. */
const ACCOUNT_PRINCIPAL = /^(?:\d{12}|arn:aws[a-z-]*:iam::\d{12}:root)$/i;

/**
 * Does the condition narrow an account-wide trust to a caller who knows the
 * external id, signed in with MFA, or is a named principal? Unknown when the
 * deciding value is unresolved.
 */
function narrowsAccountTrust(condition: Value | undefined): boolean | Unknown {
  const tests = conditionTests(condition);
  if (isUnknown(tests)) return tests;
  let unknown: Unknown | undefined;
  for (const t of tests) {
    const key = t.key.toLowerCase();
    const op = t.operator.toLowerCase().replace(/ifexists$/, '');
    if (key === 'sts:externalid' && (op.startsWith('stringequals') || op.startsWith('stringlike'))) {
      for (const v of t.values) {
        if (isUnknown(v)) unknown ??= v;
        else if (typeof v === 'string' && v.trim() !== '') return true;
      }
    } else if (key === 'aws:multifactorauthpresent' && op === 'bool') {
      for (const v of t.values) {
        if (isUnknown(v)) unknown ??= v;
        else if (v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true')) return true;
      }
    } else if (key === 'aws:principalarn' && !op.startsWith('stringnot') && !op.startsWith('arnnot')) {
      return true;
    }
  }
  return unknown ?? false;
}

function accountPrincipals(st: PolicyStatement): string[] {
  if (!st.principal || isUnknown(st.principal)) return [];
  const aws = asList(st.principal.byType.AWS as Value[] | undefined);
  return aws.filter((p): p is string => typeof p === 'string' && ACCOUNT_PRINCIPAL.test(p.trim()));
}

function assumesRole(st: PolicyStatement, ref: PolicyRef): boolean {
  if (coversAction(st, 'sts:AssumeRole') !== true) return false;
  // a Terraform policy document can be used anywhere: only an explicit sts: action makes it a trust policy
  if (ref.role === 'any') return !isUnknown(st.action) && (st.action ?? []).some((a) => typeof a === 'string' && /^sts:/i.test(a));
  return true;
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-054',
    affinity: 'aws-policies',
    title: 'IAM role trusts a whole AWS account without an external ID or MFA',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'A trust policy whose principal is an account (`123456789012` or `arn:aws:iam::123456789012:root`) lets every user and role of that account that holds sts:AssumeRole take the role. For a third party this is the confused-deputy problem: without an `sts:ExternalId` condition any customer of that party can make it assume your role; for people, without `aws:MultiFactorAuthPresent` a leaked access key is enough.',
    remediation:
      'Trust the specific role that needs access (`arn:aws:iam::ACCOUNT:role/NAME`) rather than the account, and add a condition: `StringEquals sts:ExternalId` for third parties, `Bool aws:MultiFactorAuthPresent = true` for people, or `aws:PrincipalArn` naming the callers.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts',
    ],
    compliance: { 'nist-800-53': ['AC-3', 'AC-6', 'IA-2(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_iam_role', 'data.aws_iam_policy_document', 'AWS::IAM::Role'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const ref of policyDocuments(ctx, ['trust'])) {
      if (ref.input.kind !== 'document') continue;
      for (const st of ref.input.document.statements) {
        if (isAllow(st) !== true || !assumesRole(st, ref)) continue;
        const accounts = accountPrincipals(st);
        if (!accounts.length) continue;
        const narrowed = narrowsAccountTrust(st.condition);
        if (narrowed === true) continue;
        const key = `${ref.path}#${st.index}`;
        const target = elementTarget(ref, st, 'Principal');
        const who = accounts.join(', ');
        if (isUnknown(narrowed)) {
          out.push({ resource: ref.resource, key, ...target, verdict: 'unknown', message: `${ref.resource.type} ${ref.resource.name} trusts account ${who}; its condition is unresolved (${narrowed.toString()})` });
        } else {
          out.push({
            resource: ref.resource,
            key,
            ...target,
            message: `${ref.resource.type} ${ref.resource.name} lets any principal of account ${who} assume it without an sts:ExternalId or MFA condition`,
            evidence: `Principal AWS: ${who}; Action: sts:AssumeRole; ${st.condition === undefined ? 'no Condition' : 'Condition without ExternalId / MFA'}`,
          });
        }
      }
    }
    return out;
  },
});
