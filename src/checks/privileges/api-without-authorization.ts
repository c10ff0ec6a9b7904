import { asBool, getPath, isUnknown, type Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

interface Shape {
  terraform: boolean;
  auth: string;
  method?: string;
  /** API Gateway v2 routes: the method is the first word of the route key (`GET /orders`) */
  routeKey?: string;
  apiKey?: string;
  /** the attribute defaults to NONE when absent (API Gateway v2 routes) */
  noneByDefault?: boolean;
  what: string;
}

const SHAPES: Record<string, Shape> = {
  aws_api_gateway_method: { terraform: true, auth: 'authorization', method: 'http_method', apiKey: 'api_key_required', what: 'API Gateway method' },
  aws_lambda_function_url: { terraform: true, auth: 'authorization_type', what: 'Lambda function URL' },
  'AWS::ApiGateway::Method': { terraform: false, auth: 'AuthorizationType', method: 'HttpMethod', apiKey: 'ApiKeyRequired', what: 'API Gateway method' },
  'AWS::Lambda::Url': { terraform: false, auth: 'AuthType', what: 'Lambda function URL' },
  aws_apigatewayv2_route: { terraform: true, auth: 'authorization_type', routeKey: 'route_key', apiKey: 'api_key_required', noneByDefault: true, what: 'API Gateway v2 route' },
  'AWS::ApiGatewayV2::Route': { terraform: false, auth: 'AuthorizationType', routeKey: 'RouteKey', apiKey: 'ApiKeyRequired', noneByDefault: true, what: 'API Gateway v2 route' },
};

export default defineCheck({
  meta: {
    id: 'TET-PRIV-033',
    title: 'API endpoint allows unauthenticated calls',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'An API Gateway method with authorization NONE (and no API key), an API Gateway v2 (HTTP or WebSocket API) route with authorization type NONE (its default), or a Lambda function URL with auth type NONE, can be called by anyone on the internet, running the backend with its role\'s permissions on every request.',
    remediation: 'Use IAM, Cognito or a Lambda authorizer (`authorization = "AWS_IAM"` / `"COGNITO_USER_POOLS"` / `"CUSTOM"`) on API Gateway methods and `authorization_type = "AWS_IAM"` on function URLs; keep NONE only for CORS preflight (OPTIONS) and deliberately public endpoints.',
    references: ['https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html', 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html'],
    compliance: { 'nist-800-53': ['AC-3', 'IA-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: Object.keys(SHAPES),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const [type, shape] of Object.entries(SHAPES)) {
      for (const r of ctx.ofType(type)) {
        if (shape.terraform !== TF.has(r.source)) continue;
        const d = judge(r, shape);
        if (d) out.push(d);
      }
    }
    return out;
  },
});

function judge(r: Resource, shape: Shape): FindingDraft | undefined {
  const written = getPath(r.attributes, shape.auth);
  const absent = written === undefined || written === null;
  const auth = absent && shape.noneByDefault ? 'NONE' : written;
  if (isUnknown(auth)) return { resource: r, attributePath: shape.auth, verdict: 'unknown', message: `${shape.what} ${r.name}: ${shape.auth} is unresolved (${auth.toString()})` };
  if (typeof auth !== 'string' || auth.trim().toUpperCase() !== 'NONE') return undefined;
  if (shape.method || shape.routeKey) {
    const key = shape.routeKey ? getPath(r.attributes, shape.routeKey) : undefined;
    const method = shape.method ? getPath(r.attributes, shape.method) : typeof key === 'string' ? key.trim().split(/\s+/)[0] : key;
    // CORS preflight must stay open; an unresolved method may be OPTIONS
    if (isUnknown(method) || (typeof method === 'string' && method.trim().toUpperCase() === 'OPTIONS')) return undefined;
  }
  if (shape.apiKey) {
    const key = asBool(getPath(r.attributes, shape.apiKey));
    if (key === true || isUnknown(key)) return undefined;
  }
  if (absent) return { resource: r, message: `${shape.what} ${r.name} accepts calls without any authorization (${shape.auth} not set: the default is NONE)`, evidence: `${shape.auth} not set (NONE)` };
  return { resource: r, attributePath: shape.auth, message: `${shape.what} ${r.name} accepts calls without any authorization`, evidence: `${shape.auth}: NONE` };
}
