/**
 * `npm run bench:escalation`: the full privilege-escalation graph of an
 * account the size issue #4 names: 5,000 roles and 20,000 customer-managed
 * policies (plus 500 users in 50 groups), as `get-account-authorization-details`
 * JSON. Policies mix ordinary service permissions with escalation actions
 * (iam:PassRole, iam:CreateAccessKey, iam:AttachRolePolicy, lambda:*,
 * sts:AssumeRole), some scoped to resources, some behind conditions, some
 * denied; trust policies name other roles, the account or services; every
 * tenth role has a permissions boundary and every twentieth an instance
 * profile. Measures reading the file (the authorization-details reader), building the IAM model and building the
 * escalation graph with every shortest path. Figures go to docs/benchmarks.md.
 * IAM_BENCH_ROLES / IAM_BENCH_POLICIES / IAM_BENCH_USERS scale it.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAuthorizationDetails } from '../src/sources/aws-authorization-details/index.js';
import { buildIamAccount } from '../src/graph/iam/account.js';
import { collectFacts } from '../src/graph/iam/escalation/facts.js';
import { buildEscalationGraph } from '../src/graph/iam/escalation/graph.js';

const ROLES = Number(process.env.IAM_BENCH_ROLES ?? 5000);
const POLICIES = Number(process.env.IAM_BENCH_POLICIES ?? 20000);
const USERS = Number(process.env.IAM_BENCH_USERS ?? 500);
const A = '111122223333';
const services = ['s3', 'ec2', 'lambda', 'dynamodb', 'sqs', 'sns', 'kms', 'logs', 'glue', 'sts'];
const verbs = ['Get*', 'List*', 'Put*', 'Create*', 'Delete*', 'Describe*', '*'];
const escalation = [
  ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  ['iam:CreateAccessKey'],
  ['iam:AttachRolePolicy'],
  ['sts:AssumeRole'],
  ['lambda:UpdateFunctionCode'],
  ['iam:PassRole', 'ec2:RunInstances'],
  ['iam:UpdateAssumeRolePolicy'],
  ['glue:UpdateDevEndpoint'],
];

function policyDoc(i: number): object {
  const s = services[i % services.length]!;
  const statements: object[] = [{ Effect: 'Allow', Action: [`${s}:${verbs[i % verbs.length]}`, `${services[(i + 3) % services.length]}:List*`], Resource: i % 5 === 0 ? '*' : `arn:aws:${s}:*:${A}:thing-${i % 97}/*` }];
  if (i % 13 === 0) {
    const target = i % 3 === 0 ? '*' : `arn:aws:iam::${A}:role/r${(i * 7) % ROLES}`;
    statements.push({ Effect: 'Allow', Action: escalation[(i / 13) % escalation.length]!, Resource: target, ...(i % 39 === 0 ? { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } } : {}) });
  }
  if (i % 7 === 0) statements.push({ Effect: 'Deny', Action: `${s}:Delete*`, Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
  if (i % 11 === 0) statements.push({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'sts:*'], Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } });
  if (i % 17 === 0) statements.push({ Effect: 'Deny', Action: 'iam:*', Resource: '*' });
  return { Version: '2012-10-17', Statement: statements };
}

function trust(i: number): object {
  const principal = i % 4 === 0 ? { Service: ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'glue.amazonaws.com'][i % 3] } : i % 4 === 1 ? { AWS: `arn:aws:iam::${A}:role/r${(i + 1) % ROLES}` } : i % 4 === 2 ? { AWS: `arn:aws:iam::${A}:root` } : { AWS: `arn:aws:iam::${A}:user/u${i % Math.max(USERS, 1)}` };
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] };
}

function generate(file: string): void {
  const enc = (o: object) => encodeURIComponent(JSON.stringify(o));
  const Policies = Array.from({ length: POLICIES }, (_, i) => ({
    PolicyName: `p${i}`,
    Arn: `arn:aws:iam::${A}:policy/p${i}`,
    Path: '/',
    DefaultVersionId: 'v2',
    PolicyVersionList: [
      { VersionId: 'v1', IsDefaultVersion: false, Document: enc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) },
      { VersionId: 'v2', IsDefaultVersion: true, Document: enc(policyDoc(i)) },
    ],
  }));
  const RoleDetailList = Array.from({ length: ROLES }, (_, i) => ({
    Path: '/',
    RoleName: `r${i}`,
    Arn: `arn:aws:iam::${A}:role/r${i}`,
    AssumeRolePolicyDocument: enc(trust(i)),
    RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: enc(policyDoc(i * 13 + 1)) }],
    AttachedManagedPolicies: [
      ...[0, 1, 2, 3].map((k) => ({ PolicyName: `p${(i * 4 + k) % POLICIES}`, PolicyArn: `arn:aws:iam::${A}:policy/p${(i * 4 + k) % POLICIES}` })),
      ...(i % 250 === 7 ? [{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }] : []),
    ],
    ...(i % 10 === 0 ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: `arn:aws:iam::${A}:policy/p${i % POLICIES}` } } : {}),
    InstanceProfileList: i % 20 === 0 ? [{ InstanceProfileName: `r${i}`, Arn: `arn:aws:iam::${A}:instance-profile/r${i}` }] : [],
  }));
  const GroupDetailList = Array.from({ length: Math.ceil(USERS / 10) }, (_, g) => ({
    GroupName: `g${g}`,
    Path: '/',
    Arn: `arn:aws:iam::${A}:group/g${g}`,
    GroupPolicyList: [{ PolicyName: 'inline', PolicyDocument: enc(policyDoc(g * 31 + 5)) }],
    AttachedManagedPolicies: [{ PolicyName: `p${(g * 3) % POLICIES}`, PolicyArn: `arn:aws:iam::${A}:policy/p${(g * 3) % POLICIES}` }],
  }));
  const UserDetailList = Array.from({ length: USERS }, (_, u) => ({
    UserName: `u${u}`,
    Path: '/',
    Arn: `arn:aws:iam::${A}:user/u${u}`,
    UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: enc(policyDoc(u * 17 + 3)) }],
    GroupList: [`g${Math.floor(u / 10)}`],
    AttachedManagedPolicies: [{ PolicyName: `p${(u * 5 + 2) % POLICIES}`, PolicyArn: `arn:aws:iam::${A}:policy/p${(u * 5 + 2) % POLICIES}` }],
  }));
  writeFileSync(file, JSON.stringify({ UserDetailList, GroupDetailList, RoleDetailList, Policies }, null, 1));
}

const dir = join(fileURLToPath(new URL('.', import.meta.url)), '.generated');
mkdirSync(dir, { recursive: true });
const file = join(dir, `iam-escalation-${ROLES}-${POLICIES}-${USERS}.json`);
generate(file);
const t0 = performance.now();
const cpuStart = process.cpuUsage();
// the authorization-details reader directly: the whole scan pipeline imports every source
const { resources, errors } = readAuthorizationDetails(readFileSync(file, 'utf8'), file);
const t1 = performance.now();
const loadCpu = process.cpuUsage(cpuStart);
const account = buildIamAccount(resources);
const facts = collectFacts(resources, account);
const t2 = performance.now();
const cpu0 = process.cpuUsage();
const result = buildEscalationGraph(account, facts, { now: new Date('2026-11-30T12:00:00Z') });
const t3 = performance.now();
const cpu = process.cpuUsage(cpu0);
const totalCpu = process.cpuUsage(cpuStart);
const paths = [...result.paths.values()];
const byTechnique: Record<string, number> = {};
for (const e of result.edges) byTechnique[e.technique] = (byTechnique[e.technique] ?? 0) + 1;
const mib = (n: number) => Math.round(n / 2 ** 20);
console.log(
  JSON.stringify(
    {
      roles: ROLES,
      policies: POLICIES,
      users: USERS,
      fileMiB: mib(statSync(file).size),
      resources: resources.length,
      errors: errors.length,
      loadMs: Math.round(t1 - t0),
      loadCpuMs: Math.round((loadCpu.user + loadCpu.system) / 1000),
      buildModelMs: Math.round(t2 - t1),
      escalationGraphMs: Math.round(t3 - t2),
      escalationGraphCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      totalMs: Math.round(t3 - t0),
      totalCpuMs: Math.round((totalCpu.user + totalCpu.system) / 1000),
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      evaluations: result.stats.evaluations,
      evaluationsByPhase: result.stats.evaluationsByPhase,
      edges: result.stats.edges,
      edgesByTechnique: byTechnique,
      reachAdmin: { proven: paths.filter((p) => p.certainty === 'proven').length, unknown: paths.filter((p) => p.certainty === 'unknown').length },
      longestPath: Math.max(0, ...paths.map((p) => p.edges.length)),
      maxRssMiB: mib(process.memoryUsage().rss),
    },
    null,
    2,
  ),
);
