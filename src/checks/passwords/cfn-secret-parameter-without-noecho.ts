import { looksSecretName } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** The cloudformation source's model type for a template's Parameters entry. */
const CFN_PARAMETER_TYPE = 'AWS::CloudFormation::Parameter';

/** `NoEcho: true` (CloudFormation also takes the string "true", any case). */
export function isNoEcho(v: unknown): boolean {
  return v === true || (typeof v === 'string' && /^true$/i.test(v));
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-045',
    title: 'CloudFormation parameter named like a secret without NoEcho',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A template parameter that takes a password, secret, token or API key is shown in clear, unless it sets `NoEcho: true`, to everyone who can describe the stack: the console\'s Parameters tab, `aws cloudformation describe-stacks`, change sets and the stack events all print the value. Parameters of the AWS-specific types (`AWS::EC2::KeyPair::KeyName`, `AWS::SSM::Parameter::Value<...>`) hold names, not secrets, and are left alone.',
    remediation:
      'Add `NoEcho: true` to the parameter (CloudFormation then shows `****`), or better, take no secret as a parameter: use a dynamic reference (`{{resolve:secretsmanager:...}}`) or let Secrets Manager generate the password (`GenerateSecretString`, `ManageMasterUserPassword` on RDS).',
    references: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html#parameters-section-structure-properties',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)', 'SC-28'] },
    sources: ['cloudformation'],
    resourceTypes: [CFN_PARAMETER_TYPE],
  },
  run: (ctx) => {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType(CFN_PARAMETER_TYPE)) {
      if (!looksSecretName(r.name)) continue;
      const type = r.attributes.Type;
      if (typeof type === 'string' && /^(AWS::|List<AWS::)/.test(type)) continue;
      const noEcho = r.attributes.NoEcho;
      if (isNoEcho(noEcho)) continue;
      const written = noEcho !== undefined && noEcho !== null;
      out.push({
        resource: r,
        attributePath: written ? 'NoEcho' : undefined,
        message: `CloudFormation parameter ${r.name} looks like a secret but ${written ? `has NoEcho: ${String(noEcho)}` : 'does not set NoEcho: true'}: its value is shown in clear to anyone who can describe the stack`,
        evidence: written ? `NoEcho = ${String(noEcho)}` : 'NoEcho not set',
      });
    }
    return out;
  },
});
