import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unknown, isUnknown } from '../src/model/index.js';
import {
  coversAction,
  coversAllResources,
  couldBeWildcard,
  parsePolicy,
  policyFromDocumentBlocks,
  principalIsAnyone,
  wildcardMatch,
  type PolicyDocument,
  type PolicyInput,
} from '../src/checks/_lib/iam-policy.js';

function doc(input: PolicyInput): PolicyDocument {
  if (input.kind !== 'document') throw new Error(`expected a document, got ${input.kind}`);
  return input.document;
}

/** Reference matcher: classic dynamic programming over pattern and value. */
function referenceMatch(pattern: string, value: string): boolean {
  const p = pattern.toLowerCase();
  const v = value.toLowerCase();
  const dp: boolean[][] = Array.from({ length: p.length + 1 }, () => new Array<boolean>(v.length + 1).fill(false));
  dp[0]![0] = true;
  for (let i = 1; i <= p.length; i++) {
    if (p[i - 1] === '*') dp[i]![0] = dp[i - 1]![0]!;
    for (let j = 1; j <= v.length; j++) {
      if (p[i - 1] === '*') dp[i]![j] = dp[i - 1]![j]! || dp[i]![j - 1]!;
      else if (p[i - 1] === '?' || p[i - 1] === v[j - 1]) dp[i]![j] = dp[i - 1]![j - 1]!;
    }
  }
  return dp[p.length]![v.length]!;
}

const actionChars = fc.constantFrom(...'abcxyzABC:.-_()[]+$^'.split(''));
const text = fc.array(actionChars, { maxLength: 12 }).map((a) => a.join(''));
const patternText = fc.array(fc.oneof(actionChars, fc.constant('*'), fc.constant('?')), { maxLength: 10 }).map((a) => a.join(''));

describe('wildcardMatch', () => {
  it('matches IAM action patterns', () => {
    expect(wildcardMatch('iam:*', 'iam:PassRole')).toBe(true);
    expect(wildcardMatch('IAM:passrole', 'iam:PassRole')).toBe(true);
    expect(wildcardMatch('iam:Create*', 'iam:CreatePolicyVersion')).toBe(true);
    expect(wildcardMatch('iam:Create*', 'iam:DeletePolicy')).toBe(false);
    expect(wildcardMatch('s3:?etObject', 's3:GetObject')).toBe(true);
    expect(wildcardMatch('s3:?etObject', 's3:GetObjectAcl')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('ec2:Describe.*', 'ec2:DescribeInstances')).toBe(false);
  });

  it('agrees with a reference matcher on arbitrary patterns', () => {
    fc.assert(fc.property(patternText, text, (p, v) => wildcardMatch(p, v) === referenceMatch(p, v)), { numRuns: 2000 });
  });

  it('a value always matches itself, "*", and itself with any character replaced by "?"', () => {
    fc.assert(
      fc.property(text, fc.nat(), (v, n) => {
        const i = v.length ? n % v.length : 0;
        const q = v.length ? `${v.slice(0, i)}?${v.slice(i + 1)}` : v;
        return wildcardMatch(v, v) && wildcardMatch('*', v) && wildcardMatch(q, v) && wildcardMatch(v.toUpperCase(), v.toLowerCase());
      }),
    );
  });

  it('inserting "*" into a matching pattern keeps it matching', () => {
    fc.assert(
      fc.property(text, fc.nat(), (v, n) => {
        const i = n % (v.length + 1);
        return wildcardMatch(`${v.slice(0, i)}*${v.slice(i)}`, v);
      }),
    );
  });
});

describe('parsePolicy', () => {
  it('normalises a single statement object and scalar elements', () => {
    const d = doc(parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } })));
    expect(d.version).toBe('2012-10-17');
    expect(d.statements).toHaveLength(1);
    const st = d.statements[0]!;
    expect(st.path).toBe('Statement');
    expect(st.action).toEqual(['*']);
    expect(st.resource).toEqual(['*']);
    expect(st.effect).toBe('Allow');
    expect(st.condition).toBeUndefined();
  });

  it('keeps statement paths for object documents (CloudFormation)', () => {
    const input = parsePolicy({ Statement: [{ Effect: 'Deny', NotAction: ['s3:*'], NotResource: 'arn:aws:s3:::x/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }, { Effect: 'Allow', Action: ['iam:PassRole'], Resource: ['*'] }] });
    expect(input.kind === 'document' && input.fromString).toBe(false);
    const [a, b] = doc(input).statements;
    expect(a!.elementPaths.NotAction).toBe('Statement[0].NotAction');
    expect(a!.notAction).toEqual(['s3:*']);
    expect(a!.notResource).toEqual(['arn:aws:s3:::x/*']);
    expect(a!.condition).toBeDefined();
    expect(b!.elementPaths.Action).toBe('Statement[1].Action');
  });

  it('normalises principals', () => {
    const [a, b, c, d, e] = doc(
      parsePolicy({
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' },
          { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
          { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::123456789012:root'], Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          { Effect: 'Allow', Principal: { AWS: unknown('variable without a value', 'var.trusted') }, Action: 'sts:AssumeRole' },
          { Effect: 'Allow', Principal: { AWS: unknown('computed', 'aws_iam_role.x.arn') }, Action: 'sts:AssumeRole' },
        ],
      }),
    ).statements;
    expect(principalIsAnyone(a!.principal)).toBe(true);
    expect(principalIsAnyone(b!.principal)).toBe(true);
    expect(principalIsAnyone(c!.principal)).toBe(false);
    expect(c!.principal).toEqual({ anyone: false, byType: { AWS: ['arn:aws:iam::123456789012:root'], Service: ['ec2.amazonaws.com'] } });
    expect(isUnknown(principalIsAnyone(d!.principal))).toBe(true);
    // a role ARN can never be "*"
    expect(principalIsAnyone(e!.principal)).toBe(false);
    expect(principalIsAnyone({ anyone: false, byType: { AWS: ['arn:aws:iam::*:root'] } })).toBe(true);
  });

  it('reports absent, unknown and invalid inputs', () => {
    expect(parsePolicy(undefined).kind).toBe('absent');
    expect(parsePolicy('').kind).toBe('absent');
    expect(parsePolicy(unknown('variable without default', 'var.policy')).kind).toBe('unknown');
    const bad = parsePolicy('{"Statement": [');
    expect(bad.kind).toBe('invalid');
    expect(parsePolicy('[1,2]').kind).toBe('invalid');
  });

  it('accepts lower-case effects and skips non-object statements', () => {
    const d = doc(parsePolicy({ Statement: ['junk', { Effect: 'allow', Action: 'ec2:*', Resource: '*' }] }));
    expect(d.statements).toHaveLength(1);
    expect(d.statements[0]!.effect).toBe('Allow');
    expect(d.statements[0]!.index).toBe(1);
  });
});

describe('coverage helpers', () => {
  const [allow, notAction, partial] = doc(
    parsePolicy({
      Statement: [
        { Effect: 'Allow', Action: ['iam:Create*', 'ec2:Describe*'], Resource: '*' },
        { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::bucket' },
        { Effect: 'Allow', Action: ['s3:GetObject', unknown('reference', 'local.action')], Resource: [unknown('variable without a value', 'var.bucket_arn')] },
      ],
    }),
  ).statements;

  it('coversAction follows Action and NotAction', () => {
    expect(coversAction(allow!, 'iam:CreateAccessKey')).toBe(true);
    expect(coversAction(allow!, 'iam:PassRole')).toBe(false);
    expect(coversAction(notAction!, 'iam:PassRole')).toBe(false);
    expect(coversAction(notAction!, 's3:PutObject')).toBe(true);
    expect(coversAction(partial!, 's3:GetObject')).toBe(true);
    expect(isUnknown(coversAction(partial!, 'iam:PassRole'))).toBe(true);
  });

  it('coversAllResources is true only for "*", unknown when unresolved', () => {
    expect(coversAllResources(allow!)).toBe(true);
    expect(coversAllResources(notAction!)).toBe(false);
    expect(isUnknown(coversAllResources(partial!))).toBe(true);
  });
});

describe('policyFromDocumentBlocks (Terraform aws_iam_policy_document)', () => {
  it('converts statement blocks with Terraform defaults and paths', () => {
    const d = doc(
      policyFromDocumentBlocks({
        statement: [
          { actions: ['*'], resources: ['*'] },
          { effect: 'Allow', actions: ['sts:AssumeRole'], principals: [{ type: '*', identifiers: ['*'] }], condition: [] },
          { effect: 'Deny', not_actions: ['s3:*'], principals: [{ type: 'AWS', identifiers: ['*', 'arn:aws:iam::1:root'] }], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] },
        ],
      }),
    );
    const [a, b, c] = d.statements;
    expect(a!.effect).toBe('Allow');
    expect(a!.elementPaths.Action).toBe('statement[0].actions');
    expect(principalIsAnyone(b!.principal)).toBe(true);
    expect(b!.condition).toBeUndefined();
    expect(c!.effect).toBe('Deny');
    expect(c!.notAction).toEqual(['s3:*']);
    expect(principalIsAnyone(c!.principal)).toBe(true);
    expect(c!.condition).toBeDefined();
  });

  it('is absent without statements and unknown when they are unresolved', () => {
    expect(policyFromDocumentBlocks({}).kind).toBe('absent');
    expect(policyFromDocumentBlocks({ statement: unknown('dynamic block') }).kind).toBe('unknown');
  });
});

describe('couldBeWildcard', () => {
  it('rules out templates with literal text and ARN references', () => {
    expect(couldBeWildcard(unknown('Fn::Sub with unknown values', 'arn:aws:s3:::${AWS::StackName}-data/*'))).toBe(false);
    expect(couldBeWildcard(unknown('computed', 'aws_s3_bucket.data.arn'))).toBe(false);
    expect(couldBeWildcard(unknown('variable without a value', 'var.resources'))).toBe(true);
    expect(couldBeWildcard(unknown('template', '${var.prefix}*'))).toBe(true);
    expect(couldBeWildcard(unknown('no expression'))).toBe(true);
  });

  it('keeps coversAllResources unknown only when the value could be "*"', () => {
    const [a, b] = doc(
      parsePolicy({
        Statement: [
          { Effect: 'Allow', Action: '*', Resource: unknown('Fn::Sub with unknown values', 'arn:aws:s3:::${Bucket}/*') },
          { Effect: 'Allow', Action: '*', Resource: [unknown('variable without a value', 'var.resource')] },
        ],
      }),
    ).statements;
    expect(coversAllResources(a!)).toBe(false);
    expect(isUnknown(coversAllResources(b!))).toBe(true);
  });
});

describe('unresolved Terraform templates', () => {
  const heredoc = ['<<EOF', '{', '  "Statement": [', '    {"Effect": "Allow", "Action": "*", "Resource": "*"},', '    {"Effect": "Allow", "Action": "s3:*", "Resource": "${aws_s3_bucket.b.arn}/*"},', '    {"Effect": "${var.effect}", "Action": "iam:*", "Resource": "*"}', '  ]', '}', 'EOF'].join('\n');

  it('reads the JSON of a heredoc whose interpolations sit inside strings, keeping them unknown', () => {
    const d = doc(parsePolicy(unknown('attribute not known until apply', heredoc)));
    expect(d.statements).toHaveLength(3);
    expect(coversAllResources(d.statements[0]!)).toBe(true);
    expect(coversAllResources(d.statements[1]!)).toBe(false);
    expect(isUnknown(d.statements[2]!.effect)).toBe(true);
  });

  it('stays unknown for template directives, interpolations outside strings and plain references', () => {
    expect(parsePolicy(unknown('x', '<<EOF\n{"Statement": %{ for s in var.s }${s}%{ endfor }}\nEOF')).kind).toBe('unknown');
    expect(parsePolicy(unknown('x', '<<-EOT\n{"Statement": ${jsonencode(var.statements)}}\nEOT')).kind).toBe('unknown');
    expect(parsePolicy(unknown('x', 'data.aws_iam_policy_document.x.json')).kind).toBe('unknown');
  });

  it('treats jsonencode placeholders in known strings as unknown values', () => {
    const d = doc(parsePolicy('{"Statement": {"Effect": "Allow", "Principal": {"AWS": "${var.principal}"}, "Action": "sts:AssumeRole"}}'));
    expect(isUnknown(principalIsAnyone(d.statements[0]!.principal))).toBe(true);
  });
});
