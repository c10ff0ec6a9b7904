/**
 * `npm run bench:iam`: an account the size the issue names (5,000 roles,
 * 20,000 customer-managed policies, each role with four attached policies, an
 * inline policy, a trust policy and a permissions boundary on every tenth
 * role) as `get-account-authorization-details` JSON; measures reading it,
 * building the IAM model, and answering one `iam can` question per role for
 * three actions. Figures go to docs/benchmarks-iam.md by hand.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../src/scan/scan.js';
import { buildIamAccount } from '../src/graph/iam/account.js';
import { iamCan } from '../src/graph/iam/can.js';

const ROLES = Number(process.env.IAM_BENCH_ROLES ?? 5000);
const POLICIES = Number(process.env.IAM_BENCH_POLICIES ?? 20000);
const A = '111122223333';
const services = ['s3', 'ec2', 'lambda', 'dynamodb', 'sqs', 'sns', 'kms', 'logs', 'iam', 'sts'];
const verbs = ['Get*', 'List*', 'Put*', 'Create*', 'Delete*', 'Describe*', '*'];

function policyDoc(i: number): object {
  const s = services[i % services.length]!;
  const statements: object[] = [{ Effect: 'Allow', Action: [`${s}:${verbs[i % verbs.length]}`, `${services[(i + 3) % services.length]}:List*`], Resource: i % 5 === 0 ? '*' : `arn:aws:${s}:*:${A}:thing-${i % 97}/*` }];
  if (i % 7 === 0) statements.push({ Effect: 'Deny', Action: `${s}:Delete*`, Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } });
  if (i % 11 === 0) statements.push({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } });
  return { Version: '2012-10-17', Statement: statements };
}

function generate(file: string): void {
  const Policies = Array.from({ length: POLICIES }, (_, i) => ({
    PolicyName: `p${i}`,
    Arn: `arn:aws:iam::${A}:policy/p${i}`,
    Path: '/',
    DefaultVersionId: 'v2',
    PolicyVersionList: [
      { VersionId: 'v1', IsDefaultVersion: false, Document: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })) },
      { VersionId: 'v2', IsDefaultVersion: true, Document: encodeURIComponent(JSON.stringify(policyDoc(i))) },
    ],
  }));
  const RoleDetailList = Array.from({ length: ROLES }, (_, i) => ({
    Path: '/',
    RoleName: `r${i}`,
    Arn: `arn:aws:iam::${A}:role/r${i}`,
    AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: i % 2 ? { Service: 'ec2.amazonaws.com' } : { AWS: `arn:aws:iam::${A}:role/r${(i + 1) % ROLES}` }, Action: 'sts:AssumeRole' }] })),
    RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: encodeURIComponent(JSON.stringify(policyDoc(i * 13))) }],
    AttachedManagedPolicies: [0, 1, 2, 3].map((k) => ({ PolicyName: `p${(i * 4 + k) % POLICIES}`, PolicyArn: `arn:aws:iam::${A}:policy/p${(i * 4 + k) % POLICIES}` })),
    ...(i % 10 === 0 ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: `arn:aws:iam::${A}:policy/p${i % POLICIES}` } } : {}),
  }));
  writeFileSync(file, JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList, Policies }, null, 1));
}

const dir = join(fileURLToPath(new URL('.', import.meta.url)), '.generated');
mkdirSync(dir, { recursive: true });
const file = join(dir, `iam-${ROLES}-${POLICIES}.json`);
generate(file);
const t0 = performance.now();
const { resources, errors } = await loadModel([file]);
const t1 = performance.now();
const account = buildIamAccount(resources);
const t2 = performance.now();
const counts = { allowed: 0, denied: 0, 'allowed-if': 0 };
let queries = 0;
for (const p of account.principals) {
  for (const action of ['s3:GetObject', 'iam:PassRole', 'ec2:RunInstances']) {
    counts[iamCan(account, p.arn, action).decision.decision]++;
    queries++;
  }
  const next = account.principals[(account.principals.indexOf(p) + 1) % account.principals.length]!;
  counts[iamCan(account, p.arn, 'sts:AssumeRole', next.arn).decision.decision]++;
  queries++;
}
const t3 = performance.now();
const mib = (n: number) => Math.round(n / 2 ** 20);
console.log(
  JSON.stringify(
    {
      roles: ROLES,
      policies: POLICIES,
      fileMiB: mib(statSync(file).size),
      resources: resources.length,
      errors: errors.length,
      loadMs: Math.round(t1 - t0),
      buildModelMs: Math.round(t2 - t1),
      queries,
      queriesMs: Math.round(t3 - t2),
      perQueryUs: Math.round(((t3 - t2) / queries) * 1000),
      decisions: counts,
      maxRssMiB: mib(process.memoryUsage().rss),
    },
    null,
    2,
  ),
);
