import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { buildIamAccount } from '../src/graph/iam/account.js';
import { iamCan } from '../src/graph/iam/can.js';

const result = await scan([join(import.meta.dirname, 'iam-model', 'bucket-policy')], { selection: { only: ['none-such-check'] } });
const account = buildIamAccount(result.resources);

describe('iam can reads the resource policy of an S3 bucket', () => {
  it('lets a bucket policy Deny win over an identity Allow, only where it applies', () => {
    expect(iamCan(account, 'analyst', 's3:GetObject', 'arn:aws:s3:::reports-bucket/2026/q3.csv').decision.decision).toBe('allowed');
    const denied = iamCan(account, 'analyst', 's3:GetObject', 'arn:aws:s3:::reports-bucket/secret/salaries.csv').decision;
    expect(denied.decision).toBe('denied');
    expect(JSON.stringify(denied)).toContain('DenyAnalystSecretPrefix');
  });

  it('lets a same-account bucket policy grant a role that has no identity policy', () => {
    expect(iamCan(account, 'uploader', 's3:PutObject', 'arn:aws:s3:::reports-bucket/incoming/a.csv').decision.decision).toBe('allowed');
    expect(iamCan(account, 'uploader', 's3:PutObject', 'arn:aws:s3:::reports-bucket/other/a.csv').decision.decision).toBe('denied');
    // another bucket's policy does not apply
    expect(iamCan(account, 'uploader', 's3:PutObject', 'arn:aws:s3:::other-bucket/incoming/a.csv').decision.decision).toBe('denied');
  });

  it('reads SQS queue policies by queue name', () => {
    expect(iamCan(account, 'uploader', 'sqs:SendMessage', 'arn:aws:sqs:eu-west-1:000000000000:jobs').decision.decision).toBe('allowed');
    expect(iamCan(account, 'uploader', 'sqs:SendMessage', 'arn:aws:sqs:eu-west-1:000000000000:other').decision.decision).toBe('denied');
  });
});
