/**
 * Facts the escalation techniques' preconditions need beyond policies, read
 * from the model: which users have a console password (login profile), which
 * roles sit in an instance profile, and which existing resources (Lambda
 * functions, Glue dev endpoints, CloudFormation stacks, SageMaker notebooks,
 * EC2 instances) run with which role.
 *
 * - Login profiles: Terraform `aws_iam_user_login_profile`, CloudFormation
 *   `AWS::IAM::User` `LoginProfile`. `get-account-authorization-details` does
 *   not say, so users read from it have an unknown login-profile state.
 * - Instance profiles: Terraform `aws_iam_instance_profile` (`role`),
 *   CloudFormation `AWS::IAM::InstanceProfile` (`Roles`), authorization
 *   details `InstanceProfileList` of a role.
 * - Existing resources: Terraform `aws_lambda_function` (`role`),
 *   `aws_glue_dev_endpoint` (`role_arn`), `aws_cloudformation_stack`
 *   (`iam_role_arn`), `aws_sagemaker_notebook_instance` (`role_arn`),
 *   `aws_instance` (`iam_instance_profile`); CloudFormation
 *   `AWS::Lambda::Function` (`Role`), `AWS::Glue::DevEndpoint` (`RoleArn`),
 *   `AWS::SageMaker::NotebookInstance` (`RoleArn`), `AWS::EC2::Instance`
 *   (`IamInstanceProfile`).
 */
import type { Resource, Value } from '../../../model/index.js';
import { asList, isObject, isUnknown } from '../../../model/index.js';
import { AUTH_DETAILS_TYPES } from '../../../sources/aws-authorization-details/index.js';
import { targetsOf, type IamAccount, type IamPrincipal } from '../account.js';
import type { ExistingKind } from './catalogue.js';

export interface ExistingResource {
  kind: ExistingKind;
  id: string;
  /** the ARN used as the request resource */
  arn: string;
  /** the role it runs as (principal id), when known */
  role?: string;
}

export interface EscalationFacts {
  /** user principal id → has a login profile (true/false) or unknown (undefined) */
  loginProfile: Map<string, boolean | undefined>;
  /** role principal ids that sit in at least one instance profile */
  instanceProfileRoles: Set<string>;
  existing: ExistingResource[];
}

const TF = new Set(['terraform', 'terraform-plan']);
const REGION = 'us-east-1';

interface ExistingSpec {
  kind: ExistingKind;
  tf: boolean;
  role?: string;
  profile?: string;
  name: string[];
  arn: (account: string, name: string) => string;
}

const EXISTING: Record<string, ExistingSpec> = {
  aws_lambda_function: { kind: 'lambda-function', tf: true, role: 'role', name: ['function_name'], arn: (a, n) => `arn:aws:lambda:${REGION}:${a}:function:${n}` },
  'AWS::Lambda::Function': { kind: 'lambda-function', tf: false, role: 'Role', name: ['FunctionName'], arn: (a, n) => `arn:aws:lambda:${REGION}:${a}:function:${n}` },
  aws_glue_dev_endpoint: { kind: 'glue-dev-endpoint', tf: true, role: 'role_arn', name: ['name'], arn: (a, n) => `arn:aws:glue:${REGION}:${a}:devEndpoint/${n}` },
  'AWS::Glue::DevEndpoint': { kind: 'glue-dev-endpoint', tf: false, role: 'RoleArn', name: ['EndpointName'], arn: (a, n) => `arn:aws:glue:${REGION}:${a}:devEndpoint/${n}` },
  aws_cloudformation_stack: { kind: 'cloudformation-stack', tf: true, role: 'iam_role_arn', name: ['name'], arn: (a, n) => `arn:aws:cloudformation:${REGION}:${a}:stack/${n}/${n}` },
  aws_sagemaker_notebook_instance: { kind: 'sagemaker-notebook', tf: true, role: 'role_arn', name: ['name'], arn: (a, n) => `arn:aws:sagemaker:${REGION}:${a}:notebook-instance/${n}` },
  'AWS::SageMaker::NotebookInstance': { kind: 'sagemaker-notebook', tf: false, role: 'RoleArn', name: ['NotebookInstanceName'], arn: (a, n) => `arn:aws:sagemaker:${REGION}:${a}:notebook-instance/${n}` },
  aws_instance: { kind: 'ec2-instance', tf: true, profile: 'iam_instance_profile', name: [], arn: (a, n) => `arn:aws:ec2:${REGION}:${a}:instance/${n}` },
  'AWS::EC2::Instance': { kind: 'ec2-instance', tf: false, profile: 'IamInstanceProfile', name: [], arn: (a, n) => `arn:aws:ec2:${REGION}:${a}:instance/${n}` },
};

export function collectFacts(resources: readonly Resource[], account: IamAccount): EscalationFacts {
  const acct = account.account ?? '000000000000';
  const loginProfile = new Map<string, boolean | undefined>();
  const instanceProfileRoles = new Set<string>();
  /** instance profile resource id / name / ARN → role principal ids */
  const profiles = new Map<string, string[]>();
  const existing: ExistingResource[] = [];

  const roleOf = (v: Value | undefined): IamPrincipal | undefined => {
    for (const t of targetsOf(v)) {
      const p = account.findPrincipal(t, 'role');
      if (p) return p;
      // an ARN or name of a role outside the model still names it
      if ('text' in t) {
        const name = /:role\/(?:.*\/)?([^/]+)$/.exec(t.text)?.[1];
        const byName = name ? account.findPrincipal(name, 'role') : undefined;
        if (byName) return byName;
      }
    }
    return undefined;
  };
  const addProfile = (keys: Array<string | undefined>, roles: IamPrincipal[]) => {
    for (const r of roles) instanceProfileRoles.add(r.id);
    for (const k of keys) if (k) profiles.set(k, [...(profiles.get(k) ?? []), ...roles.map((r) => r.id)]);
  };

  for (const p of account.principals) {
    if (p.kind !== 'user') continue;
    const r = p.resource;
    if (r.type === AUTH_DETAILS_TYPES.user) loginProfile.set(p.id, undefined);
    else if (r.type === 'AWS::IAM::User') loginProfile.set(p.id, r.attributes.LoginProfile === undefined ? false : isUnknown(r.attributes.LoginProfile) ? undefined : true);
    else loginProfile.set(p.id, false);
  }

  for (const r of resources) {
    const tf = TF.has(r.source);
    const a = r.attributes;
    if (tf && r.type === 'aws_iam_user_login_profile') {
      for (const t of targetsOf(a.user)) {
        const u = account.findPrincipal(t, 'user');
        if (u) loginProfile.set(u.id, true);
      }
    } else if (tf && r.type === 'aws_iam_instance_profile') {
      const role = roleOf(a.role);
      addProfile([r.id, typeof a.name === 'string' ? a.name : undefined, typeof a.arn === 'string' ? a.arn : undefined], role ? [role] : []);
    } else if (!tf && r.type === 'AWS::IAM::InstanceProfile') {
      const roles = asList(a.Roles).map((x) => roleOf(x)).filter((x): x is IamPrincipal => x !== undefined);
      addProfile([r.id, typeof a.InstanceProfileName === 'string' ? a.InstanceProfileName : undefined], roles);
    } else if (r.type === AUTH_DETAILS_TYPES.role) {
      const list = asList(a.InstanceProfileList);
      if (list.length) {
        const role = account.findPrincipal(r.id, 'role');
        if (role) addProfile(list.flatMap((ip) => (isObject(ip) ? [typeof ip.Arn === 'string' ? ip.Arn : undefined, typeof ip.InstanceProfileName === 'string' ? ip.InstanceProfileName : undefined] : [])), [role]);
      }
    }
  }

  for (const r of resources) {
    const spec = EXISTING[r.type];
    if (!spec || spec.tf !== TF.has(r.source)) continue;
    const a = r.attributes;
    const nameAttr = spec.name.map((k) => a[k]).find((v): v is string => typeof v === 'string');
    const arn = typeof a.arn === 'string' ? a.arn : typeof a.Arn === 'string' ? a.Arn : spec.arn(acct, nameAttr ?? r.name);
    let role: string | undefined;
    if (spec.role) role = roleOf(a[spec.role])?.id;
    else if (spec.profile) {
      const v = a[spec.profile];
      for (const t of targetsOf(v)) {
        const key = 'id' in t ? t.id : 'text' in t ? t.text : undefined;
        const ids = key ? (profiles.get(key) ?? profiles.get(key.replace(/^arn:.*:instance-profile\/(?:.*\/)?/, ''))) : undefined;
        if (ids?.length) role = ids[0];
      }
    }
    existing.push({ kind: spec.kind, id: r.id, arn, ...(role ? { role } : {}) });
  }
  return { loginProfile, instanceProfileRoles, existing };
}

/** Facts as a test states them. */
export function factsOf(input: Partial<EscalationFacts>): EscalationFacts {
  return { loginProfile: input.loginProfile ?? new Map(), instanceProfileRoles: input.instanceProfileRoles ?? new Set(), existing: input.existing ?? [] };
}
