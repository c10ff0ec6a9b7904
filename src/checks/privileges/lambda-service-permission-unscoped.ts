import { getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Terraform and CloudFormation spellings of a Lambda permission: principal, and the arguments that scope a service principal. */
const SHAPES = [
  { type: 'aws_lambda_permission', sources: ['terraform', 'terraform-plan'], principal: 'principal', scope: ['source_arn', 'source_account'] },
  { type: 'AWS::Lambda::Permission', sources: ['cloudformation'], principal: 'Principal', scope: ['SourceArn', 'SourceAccount'] },
] as const;

/** `s3.amazonaws.com`, `logs.eu-west-1.amazonaws.com`, `events.amazonaws.com.cn`: an AWS service principal. */
const SERVICE_PRINCIPAL = /\.amazonaws\.com(\.cn)?$/i;

function judge(r: Resource, shape: (typeof SHAPES)[number]): FindingDraft | undefined {
  const principal = getPath(r.attributes, shape.principal);
  if (typeof principal !== 'string' || !SERVICE_PRINCIPAL.test(principal.trim())) return undefined;
  // a scope that is written but unresolved (a reference to a bucket ARN) still scopes the permission
  const scoped = shape.scope.some((k) => {
    const v = getPath(r.attributes, k);
    return isUnknown(v) || (v !== undefined && v !== null && v !== '');
  });
  if (scoped) return undefined;
  return {
    resource: r,
    attributePath: shape.principal,
    message: `${r.type} ${r.name} lets ${principal} invoke the function on behalf of any resource in any account (no ${shape.scope.join(' or ')})`,
    evidence: `${shape.principal} = ${principal}; ${shape.scope.join(', ')} not set`,
  };
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-056',
    title: 'Lambda permission for an AWS service is not scoped to a source ARN or account',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'A Lambda permission that names a service principal (`s3.amazonaws.com`, `sns.amazonaws.com`, `events.amazonaws.com`, `apigateway.amazonaws.com`...) without `source_arn` or `source_account` lets that service call the function for any resource, including buckets, topics, rules and APIs in other customers\' accounts: anyone can point their own resource at the function and feed it events they control (the confused-deputy problem).',
    remediation:
      'Set `source_arn` to the bucket, topic, rule or API that should call the function (CloudFormation `SourceArn`), and `source_account` for S3, whose bucket ARNs carry no account.',
    references: [
      'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_permission#source_arn',
    ],
    compliance: { 'nist-800-53': ['AC-3', 'AC-6'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SHAPES.map((s) => s.type),
  },
  run: (ctx) =>
    SHAPES.flatMap((shape) => ctx.ofType(shape.type).flatMap((r) => ((shape.sources as readonly string[]).includes(r.source) ? judge(r, shape) ?? [] : []))),
});
