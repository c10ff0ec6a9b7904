/**
 * Data-driven escalation cases: every YAML file in test/iam-escalation-cases
 * holds small accounts (users, groups, roles, managed policies, existing
 * resources, SCPs) written inline and, per principal, whether it reaches
 * administrator (yes = proven, unknown = allowed-if, no) and a technique the
 * shortest path must use. The account goes through the real
 * authorization-details reader and IAM model, then the escalation graph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePolicy } from '../src/checks/_lib/iam-policy.js';
import { buildIamAccount } from '../src/graph/iam/account.js';
import { loadTechniques } from '../src/graph/iam/escalation/catalogue.js';
import { collectFacts } from '../src/graph/iam/escalation/facts.js';
import { buildEscalationGraph } from '../src/graph/iam/escalation/graph.js';
import type { EvalPolicy } from '../src/graph/iam/types.js';
import type { Value } from '../src/model/index.js';
import { readAuthorizationDetails } from '../src/sources/aws-authorization-details/index.js';

type Doc = Record<string, unknown>;
interface PrincipalIn {
  policies?: Doc[];
  managed?: string[];
  groups?: string[];
  boundary?: string;
  tags?: Record<string, string>;
  loginProfile?: boolean;
  trust?: Doc | { service: string } | { aws: string | string[] };
  instanceProfile?: boolean;
}
interface Case {
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

const dir = join(import.meta.dirname, 'iam-escalation-cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const allCases = files.flatMap((f) => (parse(readFileSync(join(dir, f), 'utf8')) as Case[]).map((c) => ({ file: f, c })));

describe('IAM escalation cases', () => {
  it('has at least 60 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(60);
  });
  it('every catalogued technique has a case where it is on the path and one where a look-alike is not exploitable', () => {
    const positive = new Set(allCases.flatMap(({ c }) => c.expect.filter((e) => e.admin !== 'no' && e.technique).map((e) => e.technique!)));
    const negative = new Set(allCases.flatMap(({ c }) => c.expect.filter((e) => e.admin === 'no' && e.technique).map((e) => e.technique!)));
    for (const e of allCases.flatMap(({ c }) => c.expect.filter((x) => x.edge && x.edge.certainty !== undefined))) positive.add(e.edge!.technique);
    const ids = loadTechniques().map((t) => t.id);
    expect(ids.filter((id) => !positive.has(id)), 'techniques without a positive case').toEqual([]);
    expect(ids.filter((id) => !negative.has(id)), 'techniques without a negative case').toEqual([]);
  });
  it('the pruned search (default) finds the same principals, certainties and path lengths as the full graph', () => {
    for (const { c } of allCases) {
      const full = runEscalationCase(c, true).result.paths;
      const pruned = runEscalationCase(c, false).result.paths;
      const summary = (m: typeof full) => [...m.values()].map((p) => `${p.principal.id} ${p.certainty} ${p.edges.length}`).sort();
      expect(summary(pruned), c.name).toEqual(summary(full));
    }
  });
  for (const { file, c } of allCases) {
    it(`${file}: ${c.name}`, () => {
      const { account, result } = runEscalationCase(c);
      for (const e of c.expect) {
        const p = account.findPrincipal(e.principal);
        expect(p, `principal ${e.principal}`).toBeDefined();
        const path = result.paths.get(p!.id);
        const got = path ? (path.certainty === 'proven' ? 'yes' : 'unknown') : 'no';
        const shown = path ? path.edges.map((x) => `${x.from} -[${x.technique} ${x.certainty}${x.dependsOn.length ? ` if ${x.dependsOn.join(', ')}` : ''}]-> ${x.to}`).join('\n') : '(no path)';
        expect(got, `${e.principal} reaches admin:\n${shown}`).toBe(e.admin);
        if (e.technique && e.admin !== 'no') expect(path!.edges.map((x) => x.technique), shown).toContain(e.technique);
        if (e.hops !== undefined && path) expect(path.edges.length, shown).toBe(e.hops);
        if (e.edge) {
          const to = e.edge.to === 'admin' ? result.adminNode : account.findPrincipal(e.edge.to)!.id;
          const hit = result.edges.find((x) => x.from === p!.id && x.to === to && x.technique === e.edge!.technique);
          if (e.edge.certainty === undefined) expect(hit, `no ${e.edge.technique} edge ${e.principal} -> ${e.edge.to}`).toBeUndefined();
          else expect(hit?.certainty, `${e.edge.technique} edge ${e.principal} -> ${e.edge.to}`).toBe(e.edge.certainty);
        }
      }
    });
  }
});
