import { describe, expect, it } from 'vitest';
import { jsonPathSegments, lineOfJsonKey } from '../src/checks/_lib/json-text-lines.js';

const POLICY = ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},', '    {', '      "Effect": "Allow",', '      "Action": "*"', '    }', '  ]', '}', ''].join('\n');

describe('jsonPathSegments', () => {
  it('splits keys and indexes', () => {
    expect(jsonPathSegments('Statement[1].Action')).toEqual(['Statement', 1, 'Action']);
    expect(jsonPathSegments('Statement.Principal')).toEqual(['Statement', 'Principal']);
    expect(jsonPathSegments('a[0][2].b')).toEqual(['a', 0, 2, 'b']);
  });
});

describe('lineOfJsonKey', () => {
  // `policy = <<EOF` on line 10, body on 11..20, `EOF` on 21
  const heredoc = { file: 'main.tf', startLine: 10, endLine: 21 };
  it('finds a key inside a heredoc body', () => {
    expect(lineOfJsonKey(heredoc, POLICY, 'Statement[1].Action')).toEqual({ file: 'main.tf', startLine: 17, endLine: 17 });
    expect(lineOfJsonKey(heredoc, POLICY, 'Statement[0].Action')).toEqual({ file: 'main.tf', startLine: 14, endLine: 14 });
  });
  it('finds a key inside a YAML block scalar (no closing marker line)', () => {
    expect(lineOfJsonKey({ file: 't.yaml', startLine: 5, endLine: 15 }, POLICY, 'Statement[1].Action')?.startLine).toBe(12);
  });
  it('gives up when the attribute span does not match the text', () => {
    // jsonencode(...) over 8 lines renders one compact line of JSON
    expect(lineOfJsonKey({ file: 'main.tf', startLine: 3, endLine: 11 }, '{"Statement":[{"Action":"*"}]}', 'Statement[0].Action')).toBeUndefined();
    expect(lineOfJsonKey({ file: 'main.tf', startLine: 3, endLine: 40 }, POLICY, 'Statement[1].Action')).toBeUndefined();
    expect(lineOfJsonKey({ file: 'main.tf', startLine: 3, endLine: 3 }, POLICY, 'Statement[1].Action')).toBeUndefined();
  });
  it('gives up when the key is not in the text', () => {
    expect(lineOfJsonKey(heredoc, POLICY, 'Statement[1].NotAction')).toBeUndefined();
    expect(lineOfJsonKey(heredoc, POLICY, 'Statement[5].Action')).toBeUndefined();
  });
  it('does not throw on malformed JSON text', () => {
    const broken = ['{', '  "Statement": [', '    {"Action": "*",', '  ]', ''].join('\n');
    expect(() => lineOfJsonKey({ file: 'x.tf', startLine: 1, endLine: 6 }, broken, 'Statement[0].Action')).not.toThrow();
  });
});
