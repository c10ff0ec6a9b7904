import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUnknown, locate } from '../../model/index.js';
import { loadModel } from '../../scan/scan.js';
import { readFileSync } from 'node:fs';
import { authorizationDetailsSource, decodePolicyDocument, readAuthorizationDetails } from './index.js';

const dir = join(import.meta.dirname, 'testdata');
const head = (path: string) => ({ path, displayPath: path, head: readFileSync(path, 'utf8').slice(0, 8192) }) as never;

describe('aws iam get-account-authorization-details source', () => {
  it('claims authorization details files and not other JSON', () => {
    expect(authorizationDetailsSource.claims(head(join(dir, 'account.json')))).toBe(true);
    expect(authorizationDetailsSource.claims({ path: 'x.json', displayPath: 'x.json', head: '{"format_version":"1.2","planned_values":{}}' } as never)).toBe(false);
    expect(authorizationDetailsSource.claims({ path: 'x.yaml', displayPath: 'x.yaml', head: '{"UserDetailList":[]}' } as never)).toBe(false);
  });

  it('reads users, groups, roles and managed policies with lines, decoding URL-encoded documents', async () => {
    const { resources, errors } = await loadModel([join(dir, 'account.json')], { cwd: dir });
    expect(errors).toEqual([]);
    const byId = new Map(resources.map((r) => [r.id, r]));
    expect([...byId.keys()].sort()).toEqual([
      'arn:aws:iam::111122223333:group/developers',
      'arn:aws:iam::111122223333:policy/deployer',
      'arn:aws:iam::111122223333:policy/s3-only-boundary',
      'arn:aws:iam::111122223333:role/admin',
      'arn:aws:iam::111122223333:role/deploy',
      'arn:aws:iam::111122223333:role/service-role/app-lambda',
      'arn:aws:iam::111122223333:user/alice',
      'arn:aws:iam::111122223333:user/ops/bob',
    ]);
    const alice = byId.get('arn:aws:iam::111122223333:user/alice')!;
    expect(alice.type).toBe('aws-iam-user');
    expect(alice.source).toBe('aws-authorization-details');
    expect(alice.location).toMatchObject({ file: 'account.json', startLine: 3 });
    const inline = (alice.attributes.UserPolicyList as never as Array<{ PolicyDocument: { Statement: Array<{ Sid: string }> } }>)[0]!;
    expect(inline.PolicyDocument.Statement[0]!.Sid).toBe('DenyIamWithoutMfa');
    const admin = byId.get('arn:aws:iam::111122223333:role/admin')!;
    expect((admin.attributes.AssumeRolePolicyDocument as { Statement: unknown[] }).Statement).toHaveLength(1);
    const deployer = byId.get('arn:aws:iam::111122223333:policy/deployer')!;
    const versions = deployer.attributes.PolicyVersionList as Array<{ Document: { Statement: Array<{ Action: unknown }> } }>;
    expect(versions[0]!.Document.Statement[0]!.Action).toBe('*');
    // an object document keeps statement lines
    const text = readFileSync(join(dir, 'account.json'), 'utf8').split('\n');
    const line = locate(deployer, 'PolicyVersionList[1].Document.Statement[0]').startLine;
    expect(text.slice(line - 1, line + 2).join('\n')).toMatch(/"Sid": "Lambda"/);
  });

  it('reports a JSON syntax error with file and line, and the scan goes on', async () => {
    const { resources, errors } = await loadModel([join(dir, 'broken-syntax.json'), join(dir, 'account.json')], { cwd: dir });
    expect(resources.length).toBe(8);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'parse', file: 'broken-syntax.json', line: 5, source: 'aws-authorization-details' });
  });

  it('skips an entry without Arn and marks an unreadable document Unknown, naming their lines', () => {
    const text = readFileSync(join(dir, 'bad-entries.json'), 'utf8');
    const out = readAuthorizationDetails(text, 'bad-entries.json');
    expect(out.resources.map((r) => r.name).sort()).toEqual(['carol', 'ok']);
    expect(out.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'UserDetailList[0] has no Arn or UserName; entry skipped'],
      [12, 'UserDetailList[1].UserPolicyList[0].PolicyDocument: policy document is neither JSON nor URL-encoded JSON'],
    ]);
    const carol = out.resources.find((r) => r.name === 'carol')!;
    expect(isUnknown((carol.attributes.UserPolicyList as Array<{ PolicyDocument: unknown }>)[0]!.PolicyDocument)).toBe(true);
  });

  it('rejects JSON that is not an object or has none of the lists', () => {
    expect(() => readAuthorizationDetails('[1,2]', 'a.json')).toThrow(/a\.json:1: authorization details must be a JSON object/);
    expect(() => readAuthorizationDetails('{"Other": 1}', 'b.json')).toThrow(/b\.json:1: .*not an authorization details file/);
    expect(() => readAuthorizationDetails('{"UserDetailList": 3}', 'c.json')).not.toThrow();
    expect(readAuthorizationDetails('{"UserDetailList": 3}', 'c.json').errors[0]).toMatchObject({ line: 1, message: 'UserDetailList must be a list' });
  });

  it('locates entries and the paths inside them in any layout: pretty, CRLF, one line', () => {
    const value = {
      RoleDetailList: [
        { RoleName: 'r', Arn: 'arn:aws:iam::1:role/r', AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 's' } }] }, Tags: [[], {}], RolePolicyList: [] },
      ],
      Other: { RoleDetailList: [{ RoleName: 'not-an-entry' }] },
    };
    const pretty = JSON.stringify(value, null, 2);
    const read = (text: string) => readAuthorizationDetails(text, 'a.json').resources;
    const [role] = read(pretty);
    const lines = pretty.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(read(pretty)).toHaveLength(1);
    expect(role!.location).toEqual({ file: 'a.json', startLine: 3, endLine: lineOf('"RolePolicyList"') + 1 });
    expect(role!.attributeLocations['AssumeRolePolicyDocument']!.startLine).toBe(lineOf('"AssumeRolePolicyDocument"'));
    expect(locate(role!, 'AssumeRolePolicyDocument.Statement[0].Principal.Service')).toMatchObject({ startLine: lineOf('"Service"'), endLine: lineOf('"Service"') });
    expect(role!.attributeLocations['Tags[1]']!.startLine).toBe(lineOf('{}'));
    expect(role!.attributeLocations['Statement[0]']).toBeUndefined();
    // CRLF line ends count once; a one-line file puts everything on line 1
    expect(read(pretty.replace(/\n/g, '\r\n'))[0]!.attributeLocations).toEqual(role!.attributeLocations);
    const [flat] = read(JSON.stringify(value));
    expect(Object.values(flat!.attributeLocations).every((l) => l.startLine === 1 && l.endLine === 1)).toBe(true);
    expect(Object.keys(flat!.attributeLocations).sort()).toEqual(Object.keys(role!.attributeLocations).sort());
  });

  it('decodes URL-encoded and plain JSON documents', () => {
    expect(decodePolicyDocument('%7B%22Version%22%3A%222012-10-17%22%7D')).toEqual({ Version: '2012-10-17' });
    expect(decodePolicyDocument('{"Version":"2012-10-17"}')).toEqual({ Version: '2012-10-17' });
    expect(decodePolicyDocument('%E0%A4%A')).toBeUndefined();
  });
});
