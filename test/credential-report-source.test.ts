/** The IAM credential report source: rows with their lines, and malformed reports that name file and line. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel } from '../src/scan/scan.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT = '<root_account>,arn:aws:iam::111122223333:root,2019-02-01T09:15:00+00:00,not_supported,2026-11-20T09:15:00+00:00,not_supported,not_supported,false,true,2020-05-01T09:15:00+00:00,2026-11-20T09:15:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const BOB = 'bob,arn:aws:iam::111122223333:user/bob,2021-03-04T10:00:00+00:00,true,no_information,2021-03-04T10:05:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

const dir = mkdtempSync(join(tmpdir(), 'tetrad-credreport-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(name: string, text: string) {
  const sub = mkdtempSync(join(dir, 'case-'));
  writeFileSync(join(sub, name), text);
  return loadModel([sub], { cwd: sub });
}

describe('aws-credential-report source', () => {
  it('reads one resource per row, located at its line, with the columns as written', async () => {
    const { resources, errors } = await load('report.csv', `${HEADER}\n${ROOT}\n${BOB}\n`);
    expect(errors).toEqual([]);
    const rows = resources.filter((r) => r.source === 'aws-credential-report');
    expect(rows.map((r) => [r.id, r.location.startLine, r.attributes.root])).toEqual([
      ['credential-report:<root_account>', 2, true],
      ['credential-report:bob', 3, false],
    ]);
    expect(rows[1]!.attributes.password_last_used).toBe('no_information');
    expect(rows[0]!.attributeLocations['access_key_1_active']).toEqual({ file: 'report.csv', startLine: 2, endLine: 2 });
  });

  it('reports a row with an unterminated quote or a wrong field count at its line and keeps the others', async () => {
    const broken = 'carol,"arn:aws:iam::111122223333:user/carol,2021-01-01T00:00:00+00:00,true';
    const { resources, errors } = await load('report.csv', `${HEADER}\n${ROOT}\nshort,row,only\n${BOB}\n${broken}\n`);
    const rows = resources.filter((r) => r.source === 'aws-credential-report').map((r) => r.name);
    expect(rows).toEqual(['<root_account>', 'bob']);
    const problems = errors.filter((e) => e.source === 'aws-credential-report');
    expect(problems.map((e) => [e.file, e.line])).toEqual([
      ['report.csv', 3],
      ['report.csv', 5],
    ]);
    expect(problems[0]!.message).toMatch(/credential report row not read/);
  });

  it('reads the JSON answer of get-credential-report, rows at the Content line', async () => {
    const content = Buffer.from(`${HEADER}\n${ROOT}\n${BOB}\n`).toString('base64');
    const { resources, errors } = await load('answer.json', JSON.stringify({ Content: content, ReportFormat: 'text/csv', GeneratedTime: '2026-11-29T08:00:00+00:00' }, null, 2));
    expect(errors).toEqual([]);
    expect(resources.filter((r) => r.source === 'aws-credential-report').map((r) => [r.name, r.location.startLine])).toEqual([
      ['<root_account>', 2],
      ['bob', 2],
    ]);
  });

  it('names file and line when the JSON answer does not hold a report', async () => {
    const { errors } = await load('answer.json', `{\n  "ReportFormat": "text/csv",\n  "Content": "${Buffer.from('hello,world\n').toString('base64')}"\n}\n`);
    expect(errors.filter((e) => e.source === 'aws-credential-report').map((e) => [e.file, e.line, e.message])).toEqual([['answer.json', 3, 'Content is not a base64 credential report CSV']]);
  });

  it('names the file when the JSON answer is not JSON', async () => {
    const { errors } = await load('answer.json', '{\n  "ReportFormat": "text/csv",\n  "Content": "abc",\n');
    const e = errors.find((x) => x.source === 'aws-credential-report');
    expect(e?.file).toBe('answer.json');
    expect(e?.message).toMatch(/invalid JSON/);
  });
});
