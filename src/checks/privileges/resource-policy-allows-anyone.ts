import { getPath, isUnknown, type Resource } from '../../model/index.js';
import { elementTarget, policyDocuments, SERVICE_POLICY_TYPES } from '../_lib/aws-policies.js';
import { conditionRestrictsCallers, isAllow, principalIsAnyone, renderList } from '../_lib/iam-policy.js';
import { defineCheck, type CheckContext, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

/** Lambda permissions: principal "*" without a source ARN or account lets anyone invoke the function. */
function lambdaPermissions(ctx: CheckContext): FindingDraft[] {
  const out: FindingDraft[] = [];
  const shapes: Array<[string, boolean, string, string[]]> = [
    ['aws_lambda_permission', true, 'principal', ['source_arn', 'source_account', 'principal_org_id']],
    ['AWS::Lambda::Permission', false, 'Principal', ['SourceArn', 'SourceAccount', 'PrincipalOrgID']],
  ];
  for (const [type, terraform, principalKey, narrowing] of shapes) {
    for (const r of ctx.ofType(type)) {
      if (terraform !== TF.has(r.source)) continue;
      const principal = getPath(r.attributes, principalKey);
      if (principal !== '*') continue;
      if (narrowing.some((k) => { const v = getPath(r.attributes, k); return v !== undefined && v !== null && v !== ''; })) continue;
      out.push(finding(r, principalKey, `${r.type} ${r.name} lets any AWS account invoke the function (principal "*" without a source ARN, account or organization)`, 'principal: "*"'));
    }
  }
  return out;
}

function finding(resource: Resource, attributePath: string, message: string, evidence: string): FindingDraft {
  return { resource, key: attributePath, attributePath, message, evidence };
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-025',
    affinity: 'aws-policies',
    title: 'Resource policy allows any AWS principal',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A resource policy (SQS queue, SNS topic, KMS key, ECR repository, Secrets Manager secret, OpenSearch domain, EFS file system, Glacier vault, Glue Data Catalog, EventBridge bus, DynamoDB table, Kinesis stream, CodeArtifact domain or repository, Lambda permission) that allows Principal "*" without a condition opens the resource to every AWS account: strangers can read messages and secrets, use the key, pull images or invoke the function.',
    remediation: 'Name the accounts, roles or services that need access, or add conditions such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous'],
    compliance: { 'nist-800-53': ['AC-3', 'AC-21'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...SERVICE_POLICY_TYPES, 'aws_lambda_permission', 'AWS::Lambda::Permission'],
  },
  run(ctx) {
    const out: FindingDraft[] = lambdaPermissions(ctx);
    for (const ref of policyDocuments(ctx, ['service'])) {
      if (ref.input.kind !== 'document') continue;
      // a Terraform policy document counts when a service resource policy uses it
      if (ref.role === 'any' && !ctx.referrersOf(ref.resource).some((r) => SERVICE_POLICY_TYPES.has(r.type))) continue;
      for (const st of ref.input.document.statements) {
        // a condition on the Referer or User-Agent header alone is written by the caller: no restriction
        if (isAllow(st) !== true || st.principal === undefined || conditionRestrictsCallers(st.condition)) continue;
        const anyone = principalIsAnyone(st.principal);
        const target = elementTarget(ref, st, 'Principal');
        const key = `${ref.path}#${st.index}`;
        if (anyone === true)
          out.push({ resource: ref.resource, key, ...target, message: `${ref.resource.type} ${ref.resource.name} policy allows ${st.action !== undefined ? renderList(st.action) : `all but ${renderList(st.notAction)}`} to any AWS principal without a condition${st.condition !== undefined ? ' that restricts the caller' : ''}`, evidence: `Effect: Allow; Principal: "*"; ${st.condition !== undefined ? 'only a caller-supplied (Referer / User-Agent) condition' : 'no Condition'}` });
        else if (isUnknown(anyone)) out.push({ resource: ref.resource, key, ...target, verdict: 'unknown', message: `${ref.resource.type} ${ref.resource.name}: the principal of a policy statement is unresolved (${anyone.toString()})` });
      }
    }
    return out;
  },
});
