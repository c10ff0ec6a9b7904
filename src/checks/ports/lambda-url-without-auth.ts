import { asString, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const SHAPES = [
  { type: 'aws_lambda_function_url', path: 'authorization_type' },
  { type: 'AWS::Lambda::Url', path: 'AuthType' },
  { type: 'AWS::Serverless::Function', path: 'FunctionUrlConfig.AuthType' },
];

export default defineCheck({
  meta: {
    id: 'TET-PORTS-028',
    title: 'Lambda function URL without authentication',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A function URL with authorization type NONE is a public HTTPS endpoint that anyone on the internet can invoke; unless the function authenticates every request itself, its logic and everything its role can reach are exposed, and each call is billed to the account.',
    remediation: 'Use `authorization_type = "AWS_IAM"` (CloudFormation `AuthType: AWS_IAM`, SAM `FunctionUrlConfig.AuthType: AWS_IAM`) and sign requests, or put the function behind API Gateway or CloudFront with an authorizer.',
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html'],
    compliance: { 'nist-800-53': ['AC-3', 'SC-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SHAPES.map((s) => s.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const shape of SHAPES) {
      for (const r of ctx.ofType(shape.type)) {
        const v = getPath(r.attributes, shape.path);
        if (isUnknown(v)) out.push({ resource: r, attributePath: shape.path, verdict: 'unknown', message: `function URL ${r.name}: authorization type is unresolved (${v.toString()})` });
        else if (asString(v)?.toUpperCase() === 'NONE') out.push({ resource: r, attributePath: shape.path, message: `function URL ${r.name} can be invoked by anyone without authentication`, evidence: `${shape.path} = NONE` });
      }
    }
    return out;
  },
});
