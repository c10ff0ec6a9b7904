import { asList, isUnknown, type Value } from '../../model/index.js';
import { elementTarget, policyDocuments, type PolicyRef } from '../_lib/aws-policies.js';
import { conditionTests, coversAction, isAllow, principalIsAnyone, type PolicyStatement } from '../_lib/iam-policy.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];
const GITHUB_OIDC = 'token.actions.githubusercontent.com';

function assumes(st: PolicyStatement, ref: PolicyRef): boolean {
  if (!ASSUME_ACTIONS.some((a) => coversAction(st, a) === true)) return false;
  // a Terraform policy document is used anywhere: require an explicit sts: action so bucket policies granting "*" stay out
  if (ref.role === 'any') return !isUnknown(st.action) && (st.action ?? []).some((a) => typeof a === 'string' && /^sts:/i.test(a));
  return true;
}

/**
 * A `:sub` pattern that a repository of an organisation anyone can create
 * matches: StringLike `*`, `repo:*`, `repo:my-org*` (the organisation part
 * itself holds a wildcard, so `my-org-evil` matches too). StringEquals
 * compares literally, so a `*` there matches nothing.
 */
function subMatchesAnyOrganisation(operator: string, value: unknown): boolean {
  if (typeof value !== 'string' || !/stringlike$/i.test(operator.replace(/ifexists$/i, ''))) return false;
  const v = value.trim();
  if (/^[*?]/.test(v)) return true;
  if (!v.toLowerCase().startsWith('repo:')) return false;
  return /[*?]/.test(v.slice('repo:'.length).split('/')[0]!);
}

/**
 * Federated GitHub Actions principal that every repository on GitHub can use:
 * no `:sub` condition, or every `:sub` test (they are AND'ed) has a value
 * (they are OR'ed) that any organisation's repository matches. The reason, or
 * undefined when the trust is scoped (or its condition unresolved).
 */
function anyGithubRepo(st: PolicyStatement): string | undefined {
  const p = st.principal;
  if (!p || isUnknown(p)) return undefined;
  const federated = asList(p.byType.Federated as Value[] | undefined);
  if (!federated.some((f) => typeof f === 'string' && f.includes(GITHUB_OIDC))) return undefined;
  if (coversAction(st, 'sts:AssumeRoleWithWebIdentity') !== true) return undefined;
  const tests = conditionTests(st.condition);
  if (isUnknown(tests)) return undefined;
  const sub = tests.filter((t) => t.key.toLowerCase() === `${GITHUB_OIDC}:sub`);
  if (!sub.length) return `no ${GITHUB_OIDC}:sub condition`;
  if (sub.every((t) => t.values.some((v) => subMatchesAnyOrganisation(t.operator, v)))) {
    return `${GITHUB_OIDC}:sub ${sub.map((t) => `${t.operator} ${t.values.filter((v) => typeof v === 'string').join(', ')}`).join('; ')} matches repositories of any organisation`;
  }
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-007',
    affinity: 'aws-policies',
    title: 'IAM role can be assumed by anyone',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'A role trust policy that allows Principal "*" (or {"AWS": "*"}) to call sts:AssumeRole without a condition lets any AWS account in the world take the role and its permissions. A GitHub Actions OIDC trust without a `token.actions.githubusercontent.com:sub` condition does the same for every repository on GitHub.',
    remediation: 'Name the trusted accounts, roles or services explicitly, or add conditions (aws:PrincipalOrgID, sts:ExternalId, or for GitHub OIDC a `sub` condition naming your repository and branch).',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
      'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
    ],
    compliance: { 'nist-800-53': ['AC-3', 'AC-6'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_iam_role', 'data.aws_iam_policy_document', 'AWS::IAM::Role'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const ref of policyDocuments(ctx, ['trust'])) {
      if (ref.input.kind !== 'document') continue;
      for (const st of ref.input.document.statements) {
        if (isAllow(st) !== true || st.principal === undefined) continue;
        const key = `${ref.path}#${st.index}`;
        const target = elementTarget(ref, st, 'Principal');
        const github = anyGithubRepo(st);
        if (github !== undefined) {
          out.push({ resource: ref.resource, key, ...target, message: `${ref.resource.type} ${ref.resource.name} trusts GitHub Actions OIDC tokens from any repository (${github})`, evidence: `Principal: {Federated: ...${GITHUB_OIDC}}; ${github}` });
          continue;
        }
        if (st.condition !== undefined || !assumes(st, ref)) continue;
        // {"Service": "*"} / {"Federated": "*"} trust every service or identity provider too
        const anyType = !isUnknown(st.principal) && Object.values(st.principal.byType).some((ids) => ids.some((x) => x === '*'));
        const anyone = anyType ? true : principalIsAnyone(st.principal);
        if (anyone === true) out.push({ resource: ref.resource, key, ...target, message: `${ref.resource.type} ${ref.resource.name} lets any AWS principal assume it (Principal "*", no condition)`, evidence: 'Effect: Allow; Principal: "*"; Action: sts:AssumeRole; no Condition' });
        else if (isUnknown(anyone)) out.push({ resource: ref.resource, key, ...target, verdict: 'unknown', message: `${ref.resource.type} ${ref.resource.name}: trusted principal is unresolved (${anyone.toString()})` });
      }
    }
    return out;
  },
});
