/** The AWS account snapshot source (get-account-password-policy / get-account-summary JSON): fields located, malformed files named. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../src/scan/scan.js';

const dir = mkdtempSync(join(tmpdir(), 'tetrad-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(name: string, text: string) {
  const sub = mkdtempSync(join(dir, 'case-'));
  writeFileSync(join(sub, name), text);
  const out = await loadModel([sub], { cwd: sub });
  return { resources: out.resources.filter((r) => r.source === 'aws-account-snapshot'), errors: out.errors.filter((e) => e.source === 'aws-account-snapshot') };
}

describe('aws-account-snapshot source', () => {
  it('reads a password policy with a location per field', async () => {
    const { resources, errors } = await load('policy.json', '{\n  "PasswordPolicy": {\n    "MinimumPasswordLength": 8,\n    "ExpirePasswords": true,\n    "MaxPasswordAge": 90\n  }\n}\n');
    expect(errors).toEqual([]);
    expect(resources.map((r) => [r.id, r.type, r.attributes.MaxPasswordAge, r.attributeLocations.MaxPasswordAge?.startLine])).toEqual([['account-password-policy:policy.json', 'aws-iam-account-password-policy', 90, 5]]);
  });

  it('reads an account summary', async () => {
    const { resources } = await load('summary.json', '{"SummaryMap": {"AccountMFAEnabled": 1, "AccountAccessKeysPresent": 0, "Users": 3}}');
    expect(resources.map((r) => [r.type, r.attributes.AccountMFAEnabled, r.attributes.AccountAccessKeysPresent])).toEqual([['aws-iam-account-summary', 1, 0]]);
  });

  it('names file and line for invalid JSON, and goes on with the other files', async () => {
    const sub = mkdtempSync(join(dir, 'case-'));
    writeFileSync(join(sub, 'a.json'), '{\n  "PasswordPolicy": {\n    "MinimumPasswordLength": 8,,\n  }\n}\n');
    writeFileSync(join(sub, 'b.json'), '{"SummaryMap": {"AccountMFAEnabled": 0}}');
    const out = await loadModel([sub], { cwd: sub });
    const errors = out.errors.filter((e) => e.source === 'aws-account-snapshot');
    expect(errors.map((e) => [e.file, e.line])).toEqual([['a.json', 3]]);
    expect(out.resources.filter((r) => r.source === 'aws-account-snapshot').map((r) => r.type)).toEqual(['aws-iam-account-summary']);
  });

  it('reports a PasswordPolicy that is not an object at its line', async () => {
    const { resources, errors } = await load('policy.json', '{\n  "PasswordPolicy": "none",\n  "MinimumPasswordLength": 8\n}\n');
    expect(resources).toEqual([]);
    expect(errors.map((e) => [e.file, e.line, e.message])).toEqual([['policy.json', 2, 'PasswordPolicy is not an object']]);
  });
});
