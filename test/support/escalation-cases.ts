/**
 * Escalation test cases: a small account written inline (users, groups,
 * roles, managed policies with versions, existing resources, SCPs), turned
 * into `get-account-authorization-details` JSON, read by the real reader and
 * IAM model, then searched by the escalation graph.
 */
import { parsePolicy } from '../../src/checks/_lib/iam-policy.js';
import { buildIamAccount } from '../../src/graph/iam/account.js';
import { collectFacts } from '../../src/graph/iam/escalation/facts.js';
import { buildEscalationGraph } from '../../src/graph/iam/escalation/graph.js';
import type { EvalPolicy } from '../../src/graph/iam/types.js';
import type { Value } from '../../src/model/index.js';
import { readAuthorizationDetails } from '../../src/sources/aws-authorization-details/index.js';

type Doc = Record<string, unknown>;
export interface PrincipalIn {
  policies?: Doc[];
  managed?: string[];
  groups?: string[];
  boundary?: string;
  tags?: Record<string, string>;
  loginProfile?: boolean;
  trust?: Doc | { service: string } | { aws: string | string[] };
  instanceProfile?: boolean;
}
export interface Case {
  name: string;
  users?: Record<string, PrincipalIn>;
  groups?: Record<string, PrincipalIn>;
  roles?: Record<string, PrincipalIn>;
  policies?: Record<string, Doc | { versions: Doc[]; default?: number }>;
  existing?: Array<{ kind: string; name: string; role?: string }>;
  scps?: Doc[];
  expect: Array<{ principal: string; admin: 'yes' | 'no' | 'unknown'; technique?: string; hops?: number; edge?: { to: string; technique: string; certainty?: 'proven' | 'unknown' } }>;
}

const A = '111122223333';
const arnOf = (kind: string, name: string) => (name.startsWith('arn:') ? name : `arn:aws:iam::${A}:${kind}/${name}`);
const doc = (d: Doc) => JSON.stringify({ Version: '2012-10-17', ...d });

function trustDoc(t: PrincipalIn['trust']): string {
  if (!t) return doc({ Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' }] });
  if ('service' in t) return doc({ Statement: [{ Effect: 'Allow', Principal: { Service: t.service }, Action: 'sts:AssumeRole' }] });
  if ('aws' in t) return doc({ Statement: [{ Effect: 'Allow', Principal: { AWS: ([] as string[]).concat((t as { aws: string | string[] }).aws).map((x) => (x.startsWith('arn:') || /^\d+$/.test(x) ? x : x.includes('/') ? `arn:aws:iam::${A}:${x}` : arnOf('user', x))) }, Action: 'sts:AssumeRole' }] });
  return doc(t as Doc);
}

export function caseToDetails(c: Case): string {
  const inline = (list: Doc[] | undefined) => (list ?? []).map((d, i) => ({ PolicyName: `inline${i}`, PolicyDocument: doc(d) }));
  const attached = (list: string[] | undefined) => (list ?? []).map((m) => ({ PolicyName: m.split('/').pop(), PolicyArn: m.startsWith('arn:') ? m : `arn:aws:iam::${A}:policy/${m}` }));
  const boundary = (b: string | undefined) => (b ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: b.startsWith('arn:') ? b : `arn:aws:iam::${A}:policy/${b}` } } : {});
  return JSON.stringify(
    {
      UserDetailList: Object.entries(c.users ?? {}).map(([n, u]) => ({ UserName: n, Path: '/', Arn: arnOf('user', n), UserPolicyList: inline(u.policies), GroupList: u.groups ?? [], AttachedManagedPolicies: attached(u.managed), ...boundary(u.boundary), Tags: Object.entries(u.tags ?? {}).map(([Key, Value]) => ({ Key, Value })) })),
      GroupDetailList: Object.entries(c.groups ?? {}).map(([n, g]) => ({ GroupName: n, Path: '/', Arn: arnOf('group', n), GroupPolicyList: inline(g.policies), AttachedManagedPolicies: attached(g.managed) })),
      RoleDetailList: Object.entries(c.roles ?? {}).map(([n, r]) => ({
        RoleName: n,
        Path: '/',
        Arn: arnOf('role', n),
        AssumeRolePolicyDocument: trustDoc(r.trust),
        RolePolicyList: inline(r.policies),
        AttachedManagedPolicies: attached(r.managed),
        ...boundary(r.boundary),
        InstanceProfileList: r.instanceProfile ? [{ InstanceProfileName: n, Arn: `arn:aws:iam::${A}:instance-profile/${n}` }] : [],
        Tags: Object.entries(r.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      })),
      Policies: Object.entries(c.policies ?? {}).map(([n, p]) => {
        const versions = 'versions' in p ? (p.versions as Doc[]) : [p as Doc];
        const def = 'versions' in p ? ((p as { default?: number }).default ?? 0) : 0;
        return { PolicyName: n, Arn: `arn:aws:iam::${A}:policy/${n}`, Path: '/', DefaultVersionId: `v${def + 1}`, PolicyVersionList: versions.map((d, i) => ({ VersionId: `v${i + 1}`, IsDefaultVersion: i === def, Document: doc(d) })) };
      }),
    },
    null,
    1,
  );
}

export function runEscalationCase(c: Case, allEdges = true) {
  const { resources, errors } = readAuthorizationDetails(caseToDetails(c), 'case.json');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  const account = buildIamAccount(resources);
  const facts = collectFacts(resources, account);
  for (const [n, u] of Object.entries(c.users ?? {})) if (u.loginProfile !== undefined) facts.loginProfile.set(arnOf('user', n), u.loginProfile);
  for (const e of c.existing ?? []) {
    const arn = e.kind === 'ec2-instance' ? `arn:aws:ec2:us-east-1:${A}:instance/${e.name}` : e.kind === 'lambda-function' ? `arn:aws:lambda:us-east-1:${A}:function:${e.name}` : e.kind === 'glue-dev-endpoint' ? `arn:aws:glue:us-east-1:${A}:devEndpoint/${e.name}` : e.kind === 'cloudformation-stack' ? `arn:aws:cloudformation:us-east-1:${A}:stack/${e.name}/${e.name}` : `arn:aws:sagemaker:us-east-1:${A}:notebook-instance/${e.name}`;
    facts.existing.push({ kind: e.kind as never, id: e.name, arn, ...(e.role ? { role: arnOf('role', e.role) } : {}) });
  }
  const scps: EvalPolicy[] | undefined = c.scps?.map((d, i) => {
    const p = parsePolicy(d as Value);
    if (p.kind !== 'document') throw new Error('bad scp');
    return { name: `scp${i}`, kind: 'scp', document: p.document, level: 0 };
  });
  return { account, result: buildEscalationGraph(account, facts, { scps, now: new Date('2026-11-30T12:00:00Z'), allEdges }) };
}

