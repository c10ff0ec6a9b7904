import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { buildIamAccount } from '../src/graph/iam/account.js';
import { iamCan } from '../src/graph/iam/can.js';
import { modelScps } from '../src/graph/iam/organizations.js';
import { tetrad } from './support/cli.js';

const dir = join(import.meta.dirname, 'iam-model', 'org-scp');
const result = await scan([dir], { selection: { only: ['none-such-check'] } });
const account = buildIamAccount(result.resources);
const org = modelScps(result.resources);

describe('SCPs declared in the files', () => {
  it('applies the root SCP (beside the default FullAWSAccess) and lists the OU one as not applied', () => {
    expect(org.scps.map((p) => [p.name, p.level])).toEqual([
      ['aws_organizations_policy.deny_leave_and_regions (SCP)', 0],
      ['FullAWSAccess (attached by default)', 0],
    ]);
    expect(org.notApplied).toEqual(['aws_organizations_policy.sandbox_only_s3 attached by aws_organizations_policy_attachment.sandbox to aws_organizations_organizational_unit.sandbox.id']);
  });

  it('lets the root SCP deny what AdministratorAccess allows, and nothing else', () => {
    expect(iamCan(account, 'admin', 'iam:CreateUser', '*', { scps: org.scps }).decision.decision).toBe('denied');
    expect(iamCan(account, 'admin', 's3:GetObject', 'arn:aws:s3:::b/k', { scps: org.scps }).decision.decision).toBe('allowed');
  });

  it('is used by tetrad iam can, which says which SCP it could not place', () => {
    const out = tetrad(['iam', 'can', 'admin', 'iam:CreateAccessKey', dir]);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('NoIamUsers');
    expect(out.stderr).toContain('SCP not applied');
  });
});
