import { isObject, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { isNoEcho } from './cfn-secret-parameter-without-noecho.js';

/** The cloudformation source's model types for a template's Parameters and Outputs entries. */
const CFN_PARAMETER_TYPE = 'AWS::CloudFormation::Parameter';
const CFN_OUTPUT_TYPE = 'AWS::CloudFormation::Output';

/** `Fn::GetAtt` attributes that return a secret value, per resource type. */
const SECRET_ATTRIBUTES: Record<string, string[]> = {
  'AWS::IAM::AccessKey': ['SecretAccessKey'],
  'AWS::Cognito::UserPoolClient': ['ClientSecret'],
  'AWS::AppSync::ApiKey': ['ApiKey'],
};

interface Named {
  /** `Ref` target, or `Fn::GetAtt` resource */
  name: string;
  attribute?: string;
}

/**
 * Every name an output's Value reads: `Ref`, `Fn::GetAtt` (string or list
 * form) and the `${Name}` / `${Resource.Attribute}` variables of `Fn::Sub`
 * (not `${!Literal}`, not the variables its own map defines), inside any
 * other function. Hand-written: the source keeps outputs unevaluated on purpose.
 */
function namesIn(v: Value | undefined, out: Named[] = []): Named[] {
  if (Array.isArray(v)) {
    for (const x of v) namesIn(x, out);
    return out;
  }
  if (!isObject(v)) return out;
  for (const [key, arg] of Object.entries(v)) {
    if (key === 'Ref' && typeof arg === 'string') out.push({ name: arg });
    else if (key === 'Fn::GetAtt') {
      const [name, ...rest] = typeof arg === 'string' ? arg.split('.') : Array.isArray(arg) ? arg.map(String) : [];
      if (name) out.push({ name, attribute: rest.join('.') });
    } else if (key === 'Fn::Sub') {
      const [text, vars] = typeof arg === 'string' ? [arg, undefined] : Array.isArray(arg) ? [arg[0], arg[1]] : [undefined, undefined];
      const own = isObject(vars) ? new Set(Object.keys(vars)) : new Set<string>();
      if (typeof text === 'string') {
        for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const [name, ...rest] = (m[1] as string).trim().split('.');
          if (name && !own.has(name)) out.push({ name, attribute: rest.length > 0 ? rest.join('.') : undefined });
        }
      }
      namesIn(vars, out);
    } else namesIn(arg, out);
  }
  return out;
}

/** Why a name read by an output is a secret, or undefined. */
function secretBehind(n: Named, parameters: Map<string, Resource>, resources: Map<string, Resource>): string | undefined {
  if (n.attribute === undefined) {
    const p = parameters.get(n.name);
    if (p && isNoEcho(p.attributes.NoEcho)) return `the NoEcho parameter ${n.name}`;
    return undefined;
  }
  const r = resources.get(n.name);
  if (r && SECRET_ATTRIBUTES[r.type]?.includes(n.attribute)) return `${n.name}.${n.attribute} (the secret of ${r.type})`;
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-083',
    title: 'CloudFormation output returns a secret',
    pillar: 'passwords',
    severity: 'high',
    description:
      'Stack outputs are printed in clear by the console, `aws cloudformation describe-stacks` and every stack that imports them, to anyone allowed to describe the stack; `NoEcho` does not mask them. An output whose Value is a `NoEcho` parameter (by `Ref` or inside `Fn::Sub` / `Fn::Join`) undoes the masking, and one returning `Fn::GetAtt` of an IAM access key\'s `SecretAccessKey`, a Cognito app client\'s `ClientSecret` or an AppSync API key\'s `ApiKey` publishes a live credential.',
    remediation:
      'Remove the output. Hand secrets over in Secrets Manager (or an SSM SecureString) and output only the secret\'s ARN or name; let consumers read it with IAM permissions or a `{{resolve:secretsmanager:...}}` dynamic reference.',
    references: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/outputs-section-structure.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-accesskey.html#aws-resource-iam-accesskey-return-values',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)', 'SC-28'] },
    sources: ['cloudformation'],
    resourceTypes: [CFN_OUTPUT_TYPE],
  },
  run: (ctx) => {
    const out: FindingDraft[] = [];
    const outputs = ctx.ofType(CFN_OUTPUT_TYPE);
    if (outputs.length === 0) return out;
    // names resolve within the template (file) that holds the output
    const byFile = (rs: Resource[]) => {
      const m = new Map<string, Map<string, Resource>>();
      for (const r of rs) {
        const f = m.get(r.location.file) ?? new Map<string, Resource>();
        f.set(r.name, r);
        m.set(r.location.file, f);
      }
      return m;
    };
    const parameters = byFile(ctx.ofType(CFN_PARAMETER_TYPE));
    const resources = byFile(ctx.fromSource('cloudformation').filter((r) => r.meta?.section === undefined));
    for (const o of outputs) {
      const file = o.location.file;
      const why = namesIn(o.attributes.Value).map((n) => secretBehind(n, parameters.get(file) ?? new Map(), resources.get(file) ?? new Map())).find((x) => x !== undefined);
      if (why === undefined) continue;
      out.push({
        resource: o,
        attributePath: 'Value',
        message: `CloudFormation output ${o.name} returns ${why}: stack outputs are shown in clear to anyone who can describe the stack`,
        evidence: `Value reads ${why}`,
      });
    }
    return out;
  },
});
