/**
 * `iam can` over the model: principals, attachments, groups, boundaries and
 * trust policies read from Terraform, CloudFormation and authorization details.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../src/scan/scan.js';
import { buildIamAccount, type IamAccount } from '../src/graph/iam/account.js';
import { iamCan, IamQueryError } from '../src/graph/iam/can.js';

const root = join(import.meta.dirname, '..');
const at = (s: { location?: { file: string; startLine: number } }) => (s.location ? `${s.location.file}:${s.location.startLine}` : undefined);

async function account(path: string): Promise<IamAccount> {
  const { resources, errors } = await loadModel([path], { cwd: root });
  expect(errors.filter((e) => e.kind === 'parse')).toEqual([]);
  return buildIamAccount(resources, { account: '111122223333' });
}

describe('iam can over Terraform', () => {
  let acct: IamAccount;
  beforeAll(async () => {
    acct = await account(join(root, 'test/iam-model/terraform'));
  });

  it('finds users, groups and roles', () => {
    expect(acct.principals.map((p) => `${p.kind}:${p.name}`).sort()).toEqual(['group:developers', 'role:admin', 'role:app-worker', 'user:alice', 'user:bob']);
  });

  it('a group membership brings the group policy (permissions split across policies)', () => {
    const a = iamCan(acct, 'alice', 'iam:PassRole', 'arn:aws:iam::111122223333:role/app-1');
    expect(a.decision.decision).toBe('allowed');
    expect(a.decision.statements).toMatchObject([{ policy: 'aws_iam_policy.pass_app', via: 'group developers' }]);
    expect(at(a.decision.statements[0]!)).toBe('test/iam-model/terraform/main.tf:27');
  });

  it('a Deny from an aws_iam_policy_document points at its statement', () => {
    const a = iamCan(acct, 'aws_iam_user.alice', 'iam:CreateUser');
    expect(a.decision).toMatchObject({ decision: 'denied', reason: 'explicit-deny' });
    expect(a.decision.statements.map(at)).toEqual(['test/iam-model/terraform/main.tf:53']);
    expect(a.decision.statements[0]!.sid).toBe('NoUserAdmin');
  });

  it('AdministratorAccess by ARN is limited by the permissions boundary', () => {
    expect(iamCan(acct, 'bob', 's3:PutObject', 'arn:aws:s3:::b/k').decision.decision).toBe('allowed');
    const ec2 = iamCan(acct, 'bob', 'ec2:RunInstances').decision;
    expect(ec2).toMatchObject({ decision: 'denied', reason: 'implicit-deny' });
    expect(ec2.explanation).toMatch(/boundary/);
  });

  it('a trust policy naming a user ARN through a reference, with an MFA condition', () => {
    const a = iamCan(acct, 'alice', 'sts:AssumeRole', 'admin');
    expect(a.resource).toBe('arn:aws:iam::111122223333:role/admin');
    expect(a.decision).toMatchObject({ decision: 'allowed-if', dependsOn: ['aws:MultiFactorAuthPresent'] });
    expect(a.decision.statements.map(at)).toContain('test/iam-model/terraform/main.tf:72');
    expect(iamCan(acct, 'alice', 'sts:AssumeRole', 'admin', { context: { 'aws:MultiFactorAuthPresent': 'true' } }).decision.decision).toBe('allowed');
    expect(iamCan(acct, 'alice', 'sts:AssumeRole', 'admin', { absent: ['aws:MultiFactorAuthPresent'] }).decision.decision).toBe('denied');
    expect(iamCan(acct, 'bob', 'sts:AssumeRole', 'admin').decision.decision).toBe('denied');
  });

  it('a service assumes its role through the trust policy', () => {
    expect(iamCan(acct, 'ec2.amazonaws.com', 'sts:AssumeRole', 'aws_iam_role.worker').decision.decision).toBe('allowed');
    expect(iamCan(acct, 'lambda.amazonaws.com', 'sts:AssumeRole', 'aws_iam_role.worker').decision.decision).toBe('denied');
  });

  it('an attachment of an unknown policy ARN keeps the answer open', () => {
    const a = iamCan(acct, 'app-worker', 'dynamodb:Scan').decision;
    expect(a.decision).toBe('allowed-if');
    expect(a.dependsOn.join()).toMatch(/var\.extra_policy_arn/);
    // the inline policy still grants outright, and an unknown policy can only add a Deny
    expect(iamCan(acct, 'app-worker', 'sqs:SendMessage').decision.decision).toBe('allowed-if');
  });

  it('rejects groups, unknown principals and malformed actions', () => {
    expect(() => iamCan(acct, 'developers', 's3:GetObject')).toThrow(IamQueryError);
    expect(() => iamCan(acct, 'nobody', 's3:GetObject')).toThrow(/not in the scanned files/);
    expect(() => iamCan(acct, 'alice', 'GetObject')).toThrow(/not an IAM action/);
  });
});

describe('iam can over CloudFormation', () => {
  let acct: IamAccount;
  beforeAll(async () => {
    acct = await account(join(root, 'test/iam-model/cloudformation'));
  });

  it('group ManagedPolicyArns reach the user, the inline Deny wins', () => {
    expect(iamCan(acct, 'carol', 'ec2:RunInstances').decision.decision).toBe('allowed');
    expect(iamCan(acct, 'carol', 'iam:CreateUser').decision.decision).toBe('denied');
    const t = iamCan(acct, 'Carol', 'ec2:TerminateInstances').decision;
    expect(t).toMatchObject({ decision: 'denied', reason: 'explicit-deny' });
    expect(t.statements.map(at)).toEqual(['test/iam-model/cloudformation/iam.yaml:19']);
  });

  it('a ManagedPolicy attached through Roles/Users, limited by a boundary given as !Ref', () => {
    expect(iamCan(acct, 'dave', 's3:GetObject', 'arn:aws:s3:::x/y').decision.decision).toBe('allowed');
    expect(iamCan(acct, 'fn', 'dynamodb:PutItem').decision.decision).toBe('allowed');
    expect(iamCan(acct, 'fn', 's3:GetObject', 'arn:aws:s3:::x/y').decision.decision).toBe('denied');
    expect(iamCan(acct, 'lambda.amazonaws.com', 'sts:AssumeRole', 'LambdaRole').decision.decision).toBe('allowed');
  });
});

describe('iam can over get-account-authorization-details', () => {
  let acct: IamAccount;
  beforeAll(async () => {
    acct = await account(join(root, 'src/sources/aws-authorization-details/testdata/account.json'));
  });

  it('uses the default policy version, not an older admin one', () => {
    expect(iamCan(acct, 'alice', 'lambda:CreateFunction').decision.decision).toBe('allowed');
    expect(iamCan(acct, 'alice', 'ec2:RunInstances').decision.decision).toBe('denied');
  });

  it('an inline Deny with BoolIfExists depends on MFA; a group summary policy is named as such', () => {
    const a = iamCan(acct, 'alice', 'iam:ListUsers').decision;
    expect(a).toMatchObject({ decision: 'allowed-if', dependsOn: ['aws:MultiFactorAuthPresent'] });
    expect(a.statements.map((s) => s.policy)).toContain('ReadOnlyAccess (wildcard summary)');
    expect(iamCan(acct, 'alice', 'iam:ListUsers', '*', { context: { 'aws:MultiFactorAuthPresent': 'true' } }).decision.decision).toBe('allowed');
  });

  it('a customer-managed permissions boundary limits AdministratorAccess', () => {
    expect(iamCan(acct, 'arn:aws:iam::111122223333:user/ops/bob', 's3:ListBucket', 'arn:aws:s3:::b').decision.decision).toBe('allowed');
    expect(iamCan(acct, 'bob', 'iam:CreateUser').decision.decision).toBe('denied');
  });

  it('trust policies: URL-encoded with MFA, web identity with claims', () => {
    expect(iamCan(acct, 'alice', 'sts:AssumeRole', 'admin', { context: { 'aws:MultiFactorAuthPresent': 'true' } }).decision.decision).toBe('allowed');
    const gh = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
    expect(iamCan(acct, gh, 'sts:AssumeRoleWithWebIdentity', 'deploy').decision).toMatchObject({ decision: 'allowed-if', dependsOn: ['token.actions.githubusercontent.com:aud', 'token.actions.githubusercontent.com:sub'] });
    expect(iamCan(acct, gh, 'sts:AssumeRoleWithWebIdentity', 'deploy', { context: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:acme/infra:ref:refs/heads/main' } }).decision.decision).toBe('allowed');
    expect(iamCan(acct, gh, 'sts:AssumeRole', 'deploy').decision.decision).toBe('denied');
  });

  it('PowerUserAccess on a role excludes IAM', () => {
    expect(iamCan(acct, 'deploy', 'iam:AttachRolePolicy').decision.decision).toBe('denied');
    expect(iamCan(acct, 'deploy', 'iam:CreateServiceLinkedRole').decision.decision).toBe('allowed');
  });
});

describe('iam can over more Terraform shapes and a plan', () => {
  it('role policy attachments, inline role policies by id, a managed boundary, user group membership with tags', async () => {
    const acct = await account(join(root, 'test/iam-model/terraform-attachments'));
    const ci = acct.findPrincipal('ci')!;
    expect(ci.arn).toBe('arn:aws:iam::111122223333:role/build/ci');
    // AdministratorAccess limited by PowerUserAccess as boundary
    expect(iamCan(acct, 'ci', 'ec2:RunInstances').decision.decision).toBe('allowed');
    expect(iamCan(acct, 'ci', 'iam:CreateUser').decision).toMatchObject({ decision: 'denied', reason: 'implicit-deny' });
    expect(iamCan(acct, 'ci', 'ec2:TerminateInstances').decision).toMatchObject({ decision: 'denied', reason: 'explicit-deny' });
    // erin: group inline policy, condition on her own tag (filled from the model), trust naming the account
    const erin = iamCan(acct, 'erin', 'sts:AssumeRole', 'ci').decision;
    expect(erin.decision).toBe('allowed');
    expect(erin.statements.map((s) => s.via ?? s.kind).sort()).toEqual(['group builders', 'resource']);
    expect(iamCan(acct, 'erin', 'sts:AssumeRole', 'ci', { context: { 'aws:PrincipalTag/team': 'web' } }).decision.decision).toBe('denied');
  });

  it('plan values: ARNs, managed_policy_arns and attachments by ARN', async () => {
    const acct = await account(join(root, 'test/iam-model/plan/plan.json'));
    expect(iamCan(acct, 'arn:aws:iam::111122223333:role/reader', 's3:GetObject', 'arn:aws:s3:::public/a').decision.decision).toBe('allowed');
    const d = iamCan(acct, 'reader', 's3:GetObject', 'arn:aws:s3:::secret/a').decision;
    expect(d).toMatchObject({ decision: 'denied', reason: 'explicit-deny' });
    expect(d.statements[0]!.policy).toBe('aws_iam_policy.deny_secret');
    expect(iamCan(acct, 'reader', 's3:PutObject', 'arn:aws:s3:::public/a').decision.decision).toBe('denied');
  });
});
