import { describe, expect, it } from 'vitest';
import { tetrad as run } from './support/cli.js';

const tetrad = (...args: string[]) => run(args);
const TF = 'test/iam-model/terraform';
const AUTH = 'src/sources/aws-authorization-details/testdata/account.json';

describe('tetrad iam can', () => {
  it('answers allowed-if with the condition keys and the deciding statement at file:line (exit 3)', () => {
    const r = tetrad('iam', 'can', 'alice', 'sts:AssumeRole', 'admin', TF, '--account', '111122223333');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/ALLOWED IF aws:MultiFactorAuthPresent/);
    expect(r.stdout).toMatch(/test\/iam-model\/terraform\/main\.tf:72/);
  });

  it('--context settles the condition (exit 0); a failing value denies (exit 1)', () => {
    expect(tetrad('iam', 'can', 'alice', 'sts:AssumeRole', 'admin', TF, '--context', 'aws:MultiFactorAuthPresent=true').status).toBe(0);
    expect(tetrad('iam', 'can', 'alice', 'sts:AssumeRole', 'admin', TF, '--context', 'aws:MultiFactorAuthPresent=false').status).toBe(1);
    expect(tetrad('iam', 'can', 'alice', 'sts:AssumeRole', 'admin', TF, '--closed-context').status).toBe(1);
  });

  it('prints JSON with the decision and statements', () => {
    const r = tetrad('iam', 'can', 'alice', 'iam:CreateUser', TF, '--format', 'json');
    expect(r.status).toBe(1);
    const a = JSON.parse(r.stdout) as { decision: { decision: string; reason: string; statements: Array<{ sid: string; location: { startLine: number } }> } };
    expect(a.decision).toMatchObject({ decision: 'denied', reason: 'explicit-deny' });
    expect(a.decision.statements[0]).toMatchObject({ sid: 'NoUserAdmin', location: { startLine: 53 } });
  });

  it('applies SCPs given as files', () => {
    expect(tetrad('iam', 'can', 'bob', 's3:DeleteObject', 'arn:aws:s3:::b/k', TF).status).toBe(0);
    const r = tetrad('iam', 'can', 'bob', 's3:DeleteObject', 'arn:aws:s3:::b/k', TF, '--scp', 'test/iam-model/policies/deny-s3-delete-scp.json');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/NoS3Delete/);
  });

  it('reads get-account-authorization-details output', () => {
    const r = tetrad('iam', 'can', 'arn:aws:iam::111122223333:user/alice', 'lambda:CreateFunction', AUTH);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/deployer \(v2\)/);
  });

  it('exits 2 on an unknown principal or a bad flag', () => {
    const r = tetrad('iam', 'can', 'nobody', 's3:GetObject', TF);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not in the scanned files/);
    expect(tetrad('iam', 'can', 'alice', 's3:GetObject', TF, '--context', 'novalue').status).toBe(2);
  });
});
