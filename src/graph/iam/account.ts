/**
 * The IAM side of the model: users, groups and roles with the policies that
 * reach them, read from Terraform/plan, CloudFormation and
 * `get-account-authorization-details` resources.
 *
 * Terraform: aws_iam_user/role/group, aws_iam_policy, aws_iam_{user,role,group}_policy
 * (inline), aws_iam_{user,role,group}_policy_attachment, aws_iam_policy_attachment,
 * aws_iam_group_membership, aws_iam_user_group_membership, aws_iam_role
 * inline_policy/managed_policy_arns, permissions_boundary, and
 * data.aws_iam_policy_document behind a policy attribute.
 * CloudFormation: AWS::IAM::User/Role/Group (Policies, ManagedPolicyArns,
 * PermissionsBoundary, Groups), AWS::IAM::ManagedPolicy (Users/Roles/Groups),
 * AWS::IAM::Policy, AWS::IAM::{User,Role,Group}Policy, AWS::IAM::UserToGroupAddition.
 *
 * A principal or policy is named by a literal (name or ARN) or by a reference
 * the source could not resolve (`aws_iam_policy.p.arn`, `Ref Policy`,
 * `Role.Arn`); both are followed. An attachment to a policy that is neither in
 * the model nor in the managed-policy catalogue stays in the answer as a
 * policy of unknown content, never dropped.
 */
import type { Resource, Value, ValueObject } from '../../model/index.js';
import { asList, getPath, isObject, isUnknown, locate, Unknown } from '../../model/index.js';
import { parsePolicy, policyFromDocumentBlocks, type PolicyInput, type PolicyStatement } from '../../checks/_lib/iam-policy.js';
import { AUTH_DETAILS_TYPES } from '../../sources/aws-authorization-details/index.js';
import { isAwsManagedArn, managedPolicy } from './managed-policies.js';
import type { EvalPolicy, PolicyKind } from './types.js';

export type IamPrincipalKind = 'user' | 'role' | 'group';

/** How a principal or policy is named where it is used. */
export type Target = { text: string } | { id: string } | { unresolved: string };

export interface IamPolicy {
  /** resource id (Terraform address, logical id, or ARN for authorization details) */
  id: string;
  name: string;
  arn: string;
  resource: Resource;
  /** the document, with where its statements are; undefined document = unreadable */
  eval: (kind: PolicyKind, via?: string) => EvalPolicy;
}

export interface IamPrincipal {
  kind: IamPrincipalKind;
  id: string;
  name: string;
  arn: string;
  resource: Resource;
  inline: Array<(via?: string) => EvalPolicy>;
  attached: Target[];
  groups: Target[];
  boundary?: Target;
  /** a role's trust policy */
  trust?: EvalPolicy;
  tags: Record<string, string>;
}

export interface IamAccount {
  /** the account id used for ARNs built from names (undefined: not known) */
  account?: string;
  principals: IamPrincipal[];
  policies: IamPolicy[];
  /** a principal by name, resource id or ARN (of the given kind, when given) */
  findPrincipal(ref: string | Target, kind?: IamPrincipalKind): IamPrincipal | undefined;
  findPolicy(ref: Target): IamPolicy | undefined;
  /** the identity policies of a principal: inline, attached, and those of its groups */
  identityPolicies(p: IamPrincipal): EvalPolicy[];
  boundaryPolicies(p: IamPrincipal): EvalPolicy[] | undefined;
  /** resolves an unresolved value such as `aws_iam_role.admin.arn` to an ARN */
  resolve(u: Unknown): string | undefined;
  /**
   * The resource policies in the model that govern a resource ARN, matched by service and name:
   * S3 bucket policies (for the bucket and its objects), SQS queue, SNS topic, Secrets Manager
   * secret and ECR repository policies (Terraform, and CloudFormation for S3/SQS/SNS). KMS key
   * policies are not matched: key ids are not known before apply.
   */
  resourcePolicies(arn: string): EvalPolicy[];
}

const TF = new Set(['terraform', 'terraform-plan']);
const PLACEHOLDER_ACCOUNT = '000000000000';

export function buildIamAccount(resources: readonly Resource[], options: { account?: string } = {}): IamAccount {
  const byId = new Map(resources.map((r) => [r.id, r]));
  const account = options.account ?? resources.find((r) => r.type.startsWith('aws-iam-'))?.id.split(':')[4];
  const acct = account ?? PLACEHOLDER_ACCOUNT;
  const principals: IamPrincipal[] = [];
  const policies: IamPolicy[] = [];
  const pending: Array<() => void> = [];
  /** Look-up tables, built once all principals are known (after the first pass). */
  let principalTables: { byId: Map<string, IamPrincipal[]>; byArn: Map<string, IamPrincipal[]>; byName: Map<string, IamPrincipal[]> } | undefined;
  let policyTables: { byId: Map<string, IamPolicy>; byArn: Map<string, IamPolicy> } | undefined;

  /** A policy document held at `path` of `resource`, as an EvalPolicy factory. */
  const documentAt = (resource: Resource, path: string, name: string): ((kind: PolicyKind, via?: string) => EvalPolicy) => {
    const { input, holder, base } = policyInput(resource, path, byId);
    return (kind, via) => evalPolicy(name, kind, input, holder, base, via);
  };

  for (const r of resources) {
    const tf = TF.has(r.source);
    const a = r.attributes;
    const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);
    const mkPrincipal = (kind: IamPrincipalKind, name: string, path: string, arn: string | undefined): IamPrincipal => {
      const p: IamPrincipal = { kind, id: r.id, name, arn: arn ?? `arn:aws:iam::${acct}:${kind}${normalisePath(path)}${name}`, resource: r, inline: [], attached: [], groups: [], tags: {} };
      principals.push(p);
      return p;
    };
    if (tf && (r.type === 'aws_iam_user' || r.type === 'aws_iam_role' || r.type === 'aws_iam_group')) {
      const kind = r.type.slice('aws_iam_'.length) as IamPrincipalKind;
      const p = mkPrincipal(kind, str('name') ?? r.name, str('path') ?? '/', str('arn'));
      if (a.permissions_boundary !== undefined && a.permissions_boundary !== null) p.boundary = targetsOf(a.permissions_boundary)[0];
      if (kind === 'role') {
        if (a.assume_role_policy !== undefined) p.trust = documentAt(r, 'assume_role_policy', `${r.id} trust policy`)('resource');
        asList(a.inline_policy).forEach((ip, i) => {
          if (!(isObject(ip) && ip.policy !== undefined)) return;
        const f = documentAt(r, `inline_policy[${i}].policy`, `${r.id} inline ${String(ip.name ?? i)}`);
        p.inline.push((via) => f('identity', via));
        });
        p.attached.push(...targetsOf(a.managed_policy_arns));
      }
      p.tags = tagMap(a.tags);
    } else if (!tf && (r.type === 'AWS::IAM::User' || r.type === 'AWS::IAM::Role' || r.type === 'AWS::IAM::Group')) {
      const kind = r.type.slice('AWS::IAM::'.length).toLowerCase() as IamPrincipalKind;
      const nameKey = { user: 'UserName', role: 'RoleName', group: 'GroupName' }[kind];
      const p = mkPrincipal(kind, str(nameKey) ?? r.id, str('Path') ?? '/', undefined);
      if (a.PermissionsBoundary !== undefined) p.boundary = targetsOf(a.PermissionsBoundary)[0];
      if (kind === 'role' && a.AssumeRolePolicyDocument !== undefined) p.trust = documentAt(r, 'AssumeRolePolicyDocument', `${r.id} trust policy`)('resource');
      asList(a.Policies).forEach((ip, i) => {
        if (!(isObject(ip))) return;
        const f = documentAt(r, `Policies[${i}].PolicyDocument`, `${r.id} inline ${String(ip.PolicyName ?? i)}`);
        p.inline.push((via) => f('identity', via));
      });
      p.attached.push(...targetsOf(a.ManagedPolicyArns));
      if (kind === 'user') p.groups.push(...targetsOf(a.Groups));
      p.tags = tagMap(a.Tags);
    } else if (r.type === AUTH_DETAILS_TYPES.user || r.type === AUTH_DETAILS_TYPES.role || r.type === AUTH_DETAILS_TYPES.group) {
      const kind = r.type.slice('aws-iam-'.length) as IamPrincipalKind;
      const p = mkPrincipal(kind, r.name, str('Path') ?? '/', r.id);
      const list = { user: 'UserPolicyList', role: 'RolePolicyList', group: 'GroupPolicyList' }[kind];
      asList(a[list]).forEach((ip, i) => {
        if (!(isObject(ip))) return;
        const f = documentAt(r, `${list}[${i}].PolicyDocument`, `${r.name} inline ${String(ip.PolicyName ?? i)}`);
        p.inline.push((via) => f('identity', via));
      });
      for (const m of asList(a.AttachedManagedPolicies)) if (isObject(m) && typeof m.PolicyArn === 'string') p.attached.push({ text: m.PolicyArn });
      const boundary = getPath(a, 'PermissionsBoundary.PermissionsBoundaryArn');
      if (typeof boundary === 'string') p.boundary = { text: boundary };
      if (kind === 'user') for (const g of asList(a.GroupList)) if (typeof g === 'string') p.groups.push({ text: g });
      if (kind === 'role' && a.AssumeRolePolicyDocument !== undefined) p.trust = documentAt(r, 'AssumeRolePolicyDocument', `${r.name} trust policy`)('resource');
      p.tags = tagMap(a.Tags);
    } else if (tf && r.type === 'aws_iam_policy') {
      const name = str('name') ?? r.name;
      policies.push({ id: r.id, name, arn: str('arn') ?? `arn:aws:iam::${acct}:policy${normalisePath(str('path') ?? '/')}${name}`, resource: r, eval: documentAt(r, 'policy', r.id) });
    } else if (!tf && r.type === 'AWS::IAM::ManagedPolicy') {
      const name = str('ManagedPolicyName') ?? r.id;
      const pol: IamPolicy = { id: r.id, name, arn: `arn:aws:iam::${acct}:policy${normalisePath(str('Path') ?? '/')}${name}`, resource: r, eval: documentAt(r, 'PolicyDocument', r.id) };
      policies.push(pol);
      pending.push(() => attachTo(a, ['Users', 'Roles', 'Groups'], { id: r.id }));
    } else if (r.type === AUTH_DETAILS_TYPES.policy) {
      const versions = asList(a.PolicyVersionList);
      const i = versions.findIndex((v) => isObject(v) && (v.IsDefaultVersion === true || (a.DefaultVersionId !== undefined && v.VersionId === a.DefaultVersionId)));
      const name = r.name;
      const fallback = (kind: PolicyKind, via?: string): EvalPolicy => ({ name, kind, unresolved: `${r.id} (no default version in PolicyVersionList)`, ...(via ? { via } : {}) });
      policies.push({ id: r.id, name, arn: r.id, resource: r, eval: i < 0 ? fallback : documentAt(r, `PolicyVersionList[${i}].Document`, `${name} (${String((versions[i] as ValueObject).VersionId ?? 'default')})`) });
    }
  }

  // attachments, inline policies and memberships declared on their own resources
  const model: IamAccount = {
    account,
    principals,
    policies,
    findPrincipal,
    findPolicy,
    identityPolicies,
    boundaryPolicies,
    resolve,
    resourcePolicies,
  };

  /** "service:name" → the resource policies of that resource, built on first use */
  let resourcePolicyIndex: Map<string, Array<() => EvalPolicy>> | undefined;
  /** The service and resource name an ARN names, for the services whose policies are indexed. */
  function arnKey(arn: string): string | undefined {
    const a = arn.trim();
    let m = /^arn:aws[a-z-]*:s3:::([^/]+)(\/.*)?$/.exec(a);
    if (m) return `s3:${m[1]}`;
    m = /^arn:aws[a-z-]*:(sqs|sns):[^:]*:[^:]*:([^:/]+)$/.exec(a);
    if (m) return `${m[1]}:${m[2]}`;
    m = /^arn:aws[a-z-]*:secretsmanager:[^:]*:[^:]*:secret:(.+)-[A-Za-z0-9]{6}$/.exec(a);
    if (m) return `secretsmanager:${m[1]}`;
    m = /^arn:aws[a-z-]*:ecr:[^:]*:[^:]*:repository\/(.+)$/.exec(a);
    if (m) return `ecr:${m[1]}`;
    return undefined;
  }
  function resourcePolicies(arn: string): EvalPolicy[] {
    const key = arnKey(arn);
    if (!key) return [];
    if (!resourcePolicyIndex) {
      const index = new Map<string, Array<() => EvalPolicy>>();
      const add = (service: string, name: string | undefined, r: Resource, path: string, what: string) => {
        if (!name) return;
        const f = documentAt(r, path, `${r.id} ${what}`);
        index.set(`${service}:${name}`, [...(index.get(`${service}:${name}`) ?? []), () => f('resource')]);
      };
      /** The name of the resource a value refers to (`aws_sqs_queue.q.id`, `Ref Queue`), or the literal itself. */
      const nameOf = (v: Value | undefined, attribute: string, literal: (s: string) => string = (s) => s): string | undefined => {
        if (typeof v === 'string') return literal(v);
        if (!isUnknown(v)) return undefined;
        const ref = /^(?:Ref\s+)?([A-Za-z0-9_.\-\[\]"]+?)(?:\.(?:id|bucket|arn|name|url|Arn))?$/.exec(v.expression?.trim() ?? '');
        const target = ref ? byId.get(ref[1]!) : undefined;
        const name = target?.attributes[attribute];
        return typeof name === 'string' ? name : undefined;
      };
      const lastSegment = (s: string) => s.slice(s.search(/[^/:]+$/));
      for (const r of resources) {
        const a = r.attributes;
        const tf = TF.has(r.source);
        if (tf && r.type === 'aws_s3_bucket_policy') add('s3', nameOf(a.bucket, 'bucket'), r, 'policy', 'bucket policy');
        else if (tf && r.type === 'aws_s3_bucket' && a.policy !== undefined && a.policy !== null) add('s3', typeof a.bucket === 'string' ? a.bucket : undefined, r, 'policy', 'bucket policy');
        else if (r.type === 'AWS::S3::BucketPolicy') add('s3', nameOf(a.Bucket, 'BucketName'), r, 'PolicyDocument', 'bucket policy');
        else if (tf && r.type === 'aws_sqs_queue_policy') add('sqs', nameOf(a.queue_url, 'name', lastSegment), r, 'policy', 'queue policy');
        else if (tf && r.type === 'aws_sqs_queue' && a.policy !== undefined && a.policy !== null) add('sqs', typeof a.name === 'string' ? a.name : undefined, r, 'policy', 'queue policy');
        else if (tf && r.type === 'aws_sns_topic_policy') add('sns', nameOf(a.arn, 'name', lastSegment), r, 'policy', 'topic policy');
        else if (tf && r.type === 'aws_sns_topic' && a.policy !== undefined && a.policy !== null) add('sns', typeof a.name === 'string' ? a.name : undefined, r, 'policy', 'topic policy');
        else if (tf && r.type === 'aws_secretsmanager_secret_policy') add('secretsmanager', nameOf(a.secret_arn, 'name'), r, 'policy', 'secret policy');
        else if (tf && r.type === 'aws_ecr_repository_policy') add('ecr', nameOf(a.repository, 'name'), r, 'policy', 'repository policy');
        else if (r.type === 'AWS::SQS::QueuePolicy' || r.type === 'AWS::SNS::TopicPolicy') {
          const sqs = r.type === 'AWS::SQS::QueuePolicy';
          for (const q of asList(sqs ? a.Queues : a.Topics)) add(sqs ? 'sqs' : 'sns', nameOf(q, sqs ? 'QueueName' : 'TopicName', lastSegment), r, 'PolicyDocument', sqs ? 'queue policy' : 'topic policy');
        }
      }
      resourcePolicyIndex = index;
    }
    return (resourcePolicyIndex.get(key) ?? []).map((f) => f());
  }

  function attachTo(a: ValueObject, keys: string[], policy: Target): void {
    for (const key of keys) {
      const kind = key.toLowerCase().replace(/s$/, '') as IamPrincipalKind;
      for (const t of targetsOf(a[key])) {
        const p = findPrincipal(t, kind);
        if (p) p.attached.push(policy);
      }
    }
  }

  for (const r of resources) {
    const tf = TF.has(r.source);
    const a = r.attributes;
    if (tf) {
      const inlineKind = /^aws_iam_(user|role|group)_policy$/.exec(r.type)?.[1] as IamPrincipalKind | undefined;
      if (inlineKind) {
        const p = findPrincipal(targetsOf(a[inlineKind])[0], inlineKind);
        const factory = documentAt(r, 'policy', r.id);
        if (p) p.inline.push((via) => factory('identity', via));
        continue;
      }
      const attachKind = /^aws_iam_(user|role|group)_policy_attachment$/.exec(r.type)?.[1] as IamPrincipalKind | undefined;
      if (attachKind) {
        const p = findPrincipal(targetsOf(a[attachKind])[0], attachKind);
        if (p) p.attached.push(...targetsOf(a.policy_arn));
        continue;
      }
      if (r.type === 'aws_iam_policy_attachment') {
        const policy = targetsOf(a.policy_arn)[0];
        if (policy) attachTo(a, ['users', 'roles', 'groups'], policy);
      } else if (r.type === 'aws_iam_group_membership') {
        const group = targetsOf(a.group)[0];
        if (group) for (const u of targetsOf(a.users)) findPrincipal(u, 'user')?.groups.push(group);
      } else if (r.type === 'aws_iam_user_group_membership') {
        findPrincipal(targetsOf(a.user)[0], 'user')?.groups.push(...targetsOf(a.groups));
      }
    } else if (r.source === 'cloudformation') {
      if (r.type === 'AWS::IAM::Policy') {
        const factory = documentAt(r, 'PolicyDocument', r.id);
        for (const key of ['Users', 'Roles', 'Groups']) {
          for (const t of targetsOf(a[key])) findPrincipal(t, key.toLowerCase().replace(/s$/, '') as IamPrincipalKind)?.inline.push((via) => factory('identity', via));
        }
      } else if (/^AWS::IAM::(User|Role|Group)Policy$/.test(r.type)) {
        const kind = r.type.slice('AWS::IAM::'.length, -'Policy'.length).toLowerCase() as IamPrincipalKind;
        const nameKey = { user: 'UserName', role: 'RoleName', group: 'GroupName' }[kind];
        const factory = documentAt(r, 'PolicyDocument', r.id);
        findPrincipal(targetsOf(a[nameKey])[0], kind)?.inline.push((via) => factory('identity', via));
      } else if (r.type === 'AWS::IAM::UserToGroupAddition') {
        const group = targetsOf(a.GroupName)[0];
        if (group) for (const u of targetsOf(a.Users)) findPrincipal(u, 'user')?.groups.push(group);
      }
    }
  }
  for (const f of pending) f();

  function findPrincipal(ref: string | Target | undefined, kind?: IamPrincipalKind): IamPrincipal | undefined {
    if (ref === undefined) return undefined;
    const t: Target = typeof ref === 'string' ? { text: ref } : ref;
    if ('unresolved' in t) return undefined;
    const fits = (list: IamPrincipal[] | undefined) => list?.find((p) => kind === undefined || p.kind === kind);
    if ('id' in t) return fits(principalIndex().byId.get(t.id));
    const s = t.text.trim();
    const idx = principalIndex();
    return fits(idx.byArn.get(s)) ?? fits(idx.byId.get(s)) ?? fits(idx.byName.get(s.toLowerCase()));
  }

  function principalIndex() {
    if (principalTables) return principalTables;
    const tables = { byId: new Map<string, IamPrincipal[]>(), byArn: new Map<string, IamPrincipal[]>(), byName: new Map<string, IamPrincipal[]>() };
    const add = (m: Map<string, IamPrincipal[]>, k: string, p: IamPrincipal) => {
      const list = m.get(k);
      if (list) list.push(p);
      else m.set(k, [p]);
    };
    for (const p of principals) {
      add(tables.byId, p.id, p);
      add(tables.byArn, p.arn, p);
      add(tables.byName, p.name.toLowerCase(), p);
    }
    principalTables = tables;
    return tables;
  }



  function findPolicy(t: Target): IamPolicy | undefined {
    if ('unresolved' in t) return undefined;
    if (!policyTables) {
      policyTables = { byId: new Map(), byArn: new Map() };
      for (const p of policies) {
        if (!policyTables.byId.has(p.id)) policyTables.byId.set(p.id, p);
        if (!policyTables.byArn.has(p.arn)) policyTables.byArn.set(p.arn, p);
      }
    }
    if ('id' in t) return policyTables.byId.get(t.id);
    const s = t.text.trim();
    return policyTables.byArn.get(s) ?? policyTables.byId.get(s);
  }

  function policyFor(t: Target, kind: PolicyKind, via: string): EvalPolicy {
    const own = findPolicy(t);
    if (own) return own.eval(kind, via);
    if ('text' in t) {
      const managed = managedPolicy(t.text);
      if (managed && isAwsManagedArn(t.text)) return { name: managed.summary ? `${managed.name} (wildcard summary)` : managed.name, kind, document: managed.document, via };
      return { name: t.text, kind, unresolved: isAwsManagedArn(t.text) ? `${t.text} (AWS managed policy not in the catalogue)` : t.text, via };
    }
    const what = 'id' in t ? t.id : t.unresolved;
    return { name: what, kind, unresolved: what, via };
  }

  function identityPolicies(p: IamPrincipal): EvalPolicy[] {
    const out: EvalPolicy[] = [...p.inline.map((f) => f('inline')), ...p.attached.map((t) => policyFor(t, 'identity', 'attached'))];
    if (p.kind === 'user') {
      for (const g of p.groups) {
        const group = findPrincipal(g, 'group');
        if (!group) {
          const what = 'text' in g ? g.text : 'id' in g ? g.id : g.unresolved;
          out.push({ name: `group ${what}`, kind: 'identity', unresolved: `membership of group ${what}, not in the model`, via: `group ${what}` });
          continue;
        }
        out.push(...group.inline.map((f) => f(`group ${group.name}`)), ...group.attached.map((t) => policyFor(t, 'identity', `group ${group.name}`)));
      }
    }
    return out;
  }

  function boundaryPolicies(p: IamPrincipal): EvalPolicy[] | undefined {
    return p.boundary ? [policyFor(p.boundary, 'boundary', 'permissions boundary')] : undefined;
  }

  /** `aws_iam_role.admin.arn`, `Role.Arn`, `Ref Policy` → the ARN of that principal or policy. */
  function resolve(u: Unknown): string | undefined {
    const t = targetOfUnknown(u);
    if (!('id' in t)) return undefined;
    return findPrincipal(t)?.arn ?? findPolicy(t)?.arn;
  }

  return model;
}

function normalisePath(path: string): string {
  let p = path.startsWith('/') ? path : `/${path}`;
  if (!p.endsWith('/')) p += '/';
  return p;
}

function tagMap(v: Value | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  if (Array.isArray(v)) for (const t of v) if (isObject(t) && typeof t.Key === 'string' && typeof t.Value === 'string') out[t.Key] = t.Value;
  return out;
}

/** Names written as literals, or unresolved references (`aws_iam_policy.p.arn`, `Ref P`, `P.Arn`). */
export function targetsOf(v: Value | undefined): Target[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [{ text: v }];
  if (isUnknown(v)) return [targetOfUnknown(v)];
  if (Array.isArray(v)) return v.flatMap(targetsOf);
  return [];
}

function targetOfUnknown(u: Unknown): Target {
  // a template that is only one interpolation ("${aws_iam_role.r.arn}") names the same thing
  const e = (u.expression?.trim() ?? '').replace(/^\$\{([^{}]*)\}$/, '$1');
  const ref = /^Ref ([A-Za-z0-9]+)$/.exec(e);
  if (ref) return { id: ref[1]! };
  const attr = /^(.+)\.(arn|name|id|Arn|id)$/.exec(e);
  if (attr && !attr[1]!.includes('${')) return { id: attr[1]! };
  return { unresolved: u.toString() };
}

/**
 * The policy input at an attribute; a Terraform attribute set from a
 * `data.aws_iam_policy_document` whose JSON is unknown is read from the
 * document's blocks (and located there).
 */
function policyInput(resource: Resource, path: string, byId: Map<string, Resource>): { input: PolicyInput; holder: Resource; base: string } {
  const input = parsePolicy(getPath(resource.attributes, path));
  if (!TF.has(resource.source)) return { input, holder: resource, base: path };
  // the document's blocks locate each statement; its rendered JSON would only locate the attribute
  const ref = resource.references.find((x) => x.attribute === path && x.target.startsWith('data.aws_iam_policy_document.'));
  const doc = ref ? byId.get(ref.target) : undefined;
  if (doc) {
    const blocks = policyFromDocumentBlocks(doc.attributes);
    if (blocks.kind === 'document') return { input: blocks, holder: doc, base: '' };
  }
  return { input, holder: resource, base: path };
}

/** The EvalPolicy of a parsed policy input held at `base` of `holder` (statements located there). */
export function evalPolicy(name: string, kind: PolicyKind, input: PolicyInput, holder: Resource, base: string, via?: string): EvalPolicy {
  const v = via ? { via } : {};
  if (input.kind === 'document') {
    const fromString = input.fromString;
    return {
      name,
      kind,
      document: input.document,
      locate: (st: PolicyStatement) => (fromString ? locate(holder, base) : locate(holder, base ? `${base}.${st.path}` : st.path)),
      ...v,
    };
  }
  const why = input.kind === 'unknown' ? `${name}: ${input.value.toString()}` : input.kind === 'invalid' ? `${name}: ${input.reason}` : `${name}: no policy document`;
  return { name, kind, unresolved: why, ...v };
}
