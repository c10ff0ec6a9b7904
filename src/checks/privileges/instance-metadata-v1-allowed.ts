import { getPath, isObject, isUnknown, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = new Set(['terraform', 'terraform-plan']);

interface Shape {
  terraform: boolean;
  /** path of the metadata options object */
  options: string;
  tokens: string;
  endpoint: string;
  /** a resource whose settings may come from elsewhere when this attribute is set */
  inheritsVia?: string;
}

const SHAPES: Record<string, Shape> = {
  aws_instance: { terraform: true, options: 'metadata_options[0]', tokens: 'http_tokens', endpoint: 'http_endpoint', inheritsVia: 'launch_template' },
  aws_launch_template: { terraform: true, options: 'metadata_options[0]', tokens: 'http_tokens', endpoint: 'http_endpoint' },
  aws_launch_configuration: { terraform: true, options: 'metadata_options[0]', tokens: 'http_tokens', endpoint: 'http_endpoint' },
  'AWS::EC2::LaunchTemplate': { terraform: false, options: 'LaunchTemplateData.MetadataOptions', tokens: 'HttpTokens', endpoint: 'HttpEndpoint' },
  'AWS::AutoScaling::LaunchConfiguration': { terraform: false, options: 'MetadataOptions', tokens: 'HttpTokens', endpoint: 'HttpEndpoint' },
};

function present(v: Value | undefined): boolean {
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-010',
    title: 'EC2 instance metadata service v1 allowed',
    pillar: 'privileges',
    severity: 'high',
    description:
      'Unless IMDSv2 session tokens are required (`http_tokens = "required"`), the instance metadata service answers plain GET requests, so a server-side request forgery in any application on the instance hands out the instance role\'s temporary credentials (the 2019 Capital One breach).',
    remediation: 'Set `metadata_options { http_tokens = "required" }` (CloudFormation `MetadataOptions.HttpTokens: required`) on instances, launch templates and launch configurations, or disable the endpoint when it is not used.',
    references: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-8'],
    compliance: { 'cis-aws': ['5.6'], 'nist-800-53': ['AC-3', 'SC-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: Object.keys(SHAPES),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const [type, shape] of Object.entries(SHAPES)) {
      for (const r of ctx.ofType(type)) {
        if (shape.terraform !== TF.has(r.source)) continue;
        const finding = judge(r, shape);
        if (finding) out.push(finding);
      }
    }
    return out;
  },
});

function judge(r: Resource, shape: Shape): FindingDraft | undefined {
  const options = getPath(r.attributes, shape.options);
  const label = `${r.type} ${r.name}`;
  if (isUnknown(options)) return { resource: r, attributePath: shape.options, verdict: 'unknown', message: `${label}: metadata options are unresolved (${options.toString()})` };
  if (!isObject(options)) {
    if (shape.inheritsVia && present(getPath(r.attributes, shape.inheritsVia))) return undefined;
    // CloudFormation: point at LaunchTemplateData when it exists, else at the resource
    const parent = shape.options.includes('.') ? shape.options.slice(0, shape.options.lastIndexOf('.')) : undefined;
    return { resource: r, attributePath: parent && getPath(r.attributes, parent) !== undefined ? parent : undefined, message: `${label} does not configure the metadata service, so IMDSv1 stays enabled`, evidence: 'metadata options not set (http_tokens defaults to optional)' };
  }
  const endpoint = options[shape.endpoint];
  if (typeof endpoint === 'string' && endpoint.toLowerCase() === 'disabled') return undefined;
  const tokens = options[shape.tokens];
  const tokensPath = `${shape.options}.${shape.tokens}`;
  if (isUnknown(tokens)) return { resource: r, attributePath: tokensPath, verdict: 'unknown', message: `${label}: ${shape.tokens} is unresolved (${tokens.toString()})` };
  if (typeof tokens === 'string' && tokens.toLowerCase() === 'required') return undefined;
  if (typeof tokens === 'string') return { resource: r, attributePath: tokensPath, message: `${label} allows IMDSv1 (${shape.tokens} = "${tokens}")`, evidence: `${shape.tokens}: ${tokens}` };
  return { resource: r, attributePath: shape.options, message: `${label} sets metadata options without ${shape.tokens}, so IMDSv1 stays enabled`, evidence: `${shape.tokens} not set (defaults to optional)` };
}
