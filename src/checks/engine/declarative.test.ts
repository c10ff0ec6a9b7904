import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnknown, unknown, type Resource, type Value, type ValueObject } from '../../model/index.js';
import { createCheckContext } from './context.js';
import { evaluate, expandPath, parseDeclarativeCheck, parsePattern, type Condition } from './declarative.js';
import { CheckLoadError } from './validate.js';

const leaf = (attribute: string, op: Extract<Condition, { attribute: string }>['op'], operand: unknown): Condition =>
  op === 'matches' ? { attribute, op, operand: operand as string, regex: new RegExp(operand as string) } : ({ attribute, op, operand } as Condition);

const sg: ValueObject = {
  name: 'web',
  ingress: [
    { from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] },
    { from_port: '22', to_port: 22, cidr_blocks: ['0.0.0.0/0', '10.1.0.0/16'] },
  ],
  tags: { env: 'prod' },
  acl: 'private',
};

describe('declarative conditions', () => {
  it('expands [*] over every element, and an empty list to one absent candidate', () => {
    expect(expandPath(sg, 'ingress[*].from_port').map((c) => [c.path, c.value])).toEqual([
      ['ingress[0].from_port', 443],
      ['ingress[1].from_port', '22'],
    ]);
    expect(expandPath({ ingress: [] }, 'ingress[*].from_port')).toEqual([{ path: 'ingress[*].from_port', value: undefined }]);
  });

  it('reads keys with dots in brackets, and rejects malformed paths', () => {
    const labels: ValueObject = { metadata: { labels: { 'app.kubernetes.io/name': 'web', app: 'x' } } };
    expect(expandPath(labels, 'metadata.labels["app.kubernetes.io/name"]')).toEqual([{ path: 'metadata.labels.app.kubernetes.io/name', value: 'web' }]);
    expect(parsePattern('a.b[0][*].c["d.e"]')).toEqual([{ key: 'a' }, { key: 'b' }, { index: 0 }, { any: true }, { key: 'c' }, { key: 'd.e' }]);
    for (const bad of ['', '.a', 'a..b', 'a[x]', 'a[', 'a"b', 'a[*]b']) expect(parsePattern(bad), bad).toBeUndefined();
  });

  it('evaluates every operator', () => {
    const t = (c: Condition) => evaluate(c, sg).truth;
    expect(t(leaf('acl', 'equals', 'private'))).toBe(true);
    expect(t(leaf('acl', 'notEquals', 'private'))).toBe(false);
    expect(t(leaf('ingress[*].from_port', 'equals', 22))).toBe(true); // "22" equals 22 by text
    expect(t(leaf('acl', 'in', ['public-read', 'private']))).toBe(true);
    expect(t(leaf('acl', 'notIn', ['public-read']))).toBe(true);
    expect(t(leaf('tags.env', 'exists', true))).toBe(true);
    expect(t(leaf('tags.owner', 'exists', true))).toBe(false);
    expect(t(leaf('tags.owner', 'absent', true))).toBe(true);
    expect(t(leaf('ingress[*].cidr_blocks', 'contains', '0.0.0.0/0'))).toBe(true);
    expect(t(leaf('ingress[0].cidr_blocks', 'contains', '0.0.0.0/0'))).toBe(false);
    expect(t(leaf('name', 'contains', 'e'))).toBe(true);
    expect(t(leaf('tags', 'contains', 'env'))).toBe(true);
    expect(t(leaf('name', 'matches', '^w.b$'))).toBe(true);
    expect(t(leaf('ingress[*].to_port', 'greaterThan', 442))).toBe(true);
    expect(t(leaf('ingress[*].to_port', 'lessThan', 22))).toBe(false);
    expect(t(leaf('acl', 'greaterThan', 1))).toBe(false); // not a number
  });

  it('treats an absent attribute as "not equal" and as failing the other operators', () => {
    const t = (c: Condition) => evaluate(c, {}).truth;
    expect(t(leaf('acl', 'notEquals', 'private'))).toBe(true);
    expect(t(leaf('acl', 'notIn', ['private']))).toBe(true);
    expect(t(leaf('acl', 'equals', 'private'))).toBe(false);
    expect(t(leaf('acl', 'matches', '.*'))).toBe(false);
  });

  it('never lets an Unknown satisfy a condition: Kleene logic', () => {
    const attrs: ValueObject = { acl: unknown('variable without default', 'var.acl'), enabled: true, list: ['a', unknown('computed')] };
    const t = (c: Condition) => evaluate(c, attrs).truth;
    expect(t(leaf('acl', 'equals', 'public-read'))).toBe('unknown');
    expect(t(leaf('acl', 'notEquals', 'public-read'))).toBe('unknown');
    expect(t(leaf('acl', 'exists', true))).toBe('unknown');
    expect(t({ not: leaf('acl', 'equals', 'x') })).toBe('unknown');
    expect(t({ all: [leaf('enabled', 'equals', false), leaf('acl', 'equals', 'x')] })).toBe(false);
    expect(t({ any: [leaf('enabled', 'equals', true), leaf('acl', 'equals', 'x')] })).toBe(true);
    expect(t({ all: [leaf('enabled', 'equals', true), leaf('acl', 'equals', 'x')] })).toBe('unknown');
    expect(t(leaf('list', 'contains', 'a'))).toBe(true);
    expect(t(leaf('list', 'contains', 'b'))).toBe('unknown');
    expect(t(leaf('acl.grants[*].uri', 'equals', 'x'))).toBe('unknown'); // unknown on the way
  });

  it('is sound about unknowns: a definite verdict holds for every value the unknowns could take', () => {
    const DOMAIN: Value[] = ['a', 'b', 22, 80, null, true];
    const scalar = fc.oneof(fc.constantFrom<Value>(...DOMAIN), fc.constant<Value>(unknown('test')));
    const attrs = fc.record({ acl: scalar, ports: fc.array(scalar, { maxLength: 3 }), tags: fc.record({ env: scalar }) });
    const leafArb = fc
      .tuple(
        fc.constantFrom('acl', 'ports[*]', 'ports', 'tags.env', 'tags', 'missing'),
        fc.constantFrom('equals', 'notEquals', 'in', 'notIn', 'exists', 'absent', 'contains', 'matches', 'greaterThan', 'lessThan'),
        fc.constantFrom<Value>('a', 22, 'b', 80, true),
      )
      .map(([attribute, op, v]): Condition => {
        if (op === 'exists' || op === 'absent') return { attribute, op, operand: true };
        if (op === 'in' || op === 'notIn') return { attribute, op, operand: [v, 'b'] };
        if (op === 'matches') return { attribute, op, operand: '^a$', regex: /^a$/ };
        if (op === 'greaterThan' || op === 'lessThan') return { attribute, op, operand: 50 };
        return { attribute, op, operand: v } as Condition;
      });
    const { cond } = fc.letrec<{ cond: Condition }>((tie) => ({
      cond: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leafArb,
        fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((all): Condition => ({ all })),
        fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((any): Condition => ({ any })),
        tie('cond').map((c): Condition => ({ not: c })),
      ),
    }));
    /** every way to replace the unknowns by concrete values */
    const concretise = (v: Value): Value[] => {
      if (isUnknown(v)) return DOMAIN;
      if (Array.isArray(v)) return v.reduce<Value[][]>((acc, x) => acc.flatMap((pre) => concretise(x).map((c) => [...pre, c])), [[]]);
      if (v !== null && typeof v === 'object') {
        return Object.entries(v).reduce<ValueObject[]>((acc, [k, x]) => acc.flatMap((pre) => concretise(x).map((c) => ({ ...pre, [k]: c }))), [{}]);
      }
      return [v];
    };
    fc.assert(
      fc.property(attrs, cond, (a, c) => {
        const verdict = evaluate(c, a as ValueObject).truth;
        if (verdict === 'unknown') return;
        for (const concrete of concretise(a as ValueObject)) expect(evaluate(c, concrete).truth).toBe(verdict);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the attribute that decided', () => {
    const e = evaluate({ any: [leaf('acl', 'equals', 'public'), leaf('ingress[*].cidr_blocks', 'contains', '0.0.0.0/0')] }, sg);
    expect(e).toMatchObject({ truth: true, path: 'ingress[1].cidr_blocks' });
  });
});

const GOOD = `id: ACME-S3-001
title: Buckets must not be public-read
pillar: privileges
severity: high
description: A public-read bucket lets anyone list and download its objects.
remediation: Set acl to private and grant access through bucket policies.
sources: [terraform]
resourceTypes: [aws_s3_bucket]
condition:
  any:
    - attribute: acl
      equals: public-read
    - attribute: acl
      in: [public-read-write, authenticated-read]
`;

function bucket(id: string, acl: ValueObject['acl'] | undefined, source = 'terraform'): Resource {
  return {
    id,
    type: 'aws_s3_bucket',
    provider: 'aws',
    source,
    name: id,
    attributes: acl === undefined ? {} : { acl },
    location: { file: 'main.tf', startLine: 1, endLine: 9 },
    attributeLocations: { acl: { file: 'main.tf', startLine: 4, endLine: 4 } },
    references: [],
  };
}

describe('declarative check files', () => {
  it('runs on its resource types and sources, with unknown verdicts', () => {
    const check = parseDeclarativeCheck(GOOD, 'checks/s3.yaml');
    expect(check.meta).toMatchObject({ id: 'ACME-S3-001', pillar: 'privileges', resourceTypes: ['aws_s3_bucket'] });
    const resources = [
      bucket('aws_s3_bucket.public', 'public-read'),
      bucket('aws_s3_bucket.rw', 'public-read-write'),
      bucket('aws_s3_bucket.private', 'private'),
      bucket('aws_s3_bucket.unset', undefined),
      bucket('aws_s3_bucket.var', unknown('variable without default', 'var.acl')),
      bucket('Bucket', 'public-read', 'cloudformation'),
    ];
    const drafts = check.run(createCheckContext(resources));
    expect(drafts.map((d) => `${d.resource.id} ${d.verdict} ${d.attributePath} ${d.evidence}`)).toEqual([
      'aws_s3_bucket.public fail acl acl = "public-read"',
      'aws_s3_bucket.rw fail acl acl = "public-read-write"',
      'aws_s3_bucket.var unknown acl acl = <unknown: var.acl>',
    ]);
  });

  it('masks values of secret-looking attributes in evidence', () => {
    const check = parseDeclarativeCheck(
      GOOD.replace('resourceTypes: [aws_s3_bucket]', 'resourceTypes: [aws_db_instance]').replace(/condition:[\s\S]*/, 'condition:\n  attribute: password\n  exists: true\n'),
      'c.yaml',
    );
    const db: Resource = { ...bucket('aws_db_instance.main', undefined), type: 'aws_db_instance', attributes: { password: 'Sup3rSecretValue!' } };
    const [d] = check.run(createCheckContext([db]));
    expect(d!.evidence).not.toContain('Sup3rSecretValue');
    expect(d!.evidence).toMatch(/^password = Su\*+ \(17 chars\)$/);
  });

  const bad = (text: string): string => {
    try {
      parseDeclarativeCheck(text, 'checks/bad.yaml');
    } catch (err) {
      expect(err).toBeInstanceOf(CheckLoadError);
      return (err as Error).message;
    }
    throw new Error('expected a CheckLoadError');
  };

  it('names the file and line of each kind of mistake', () => {
    expect(bad(GOOD.replace('id: ACME-S3-001', 'id: acme s3'))).toBe('checks/bad.yaml:1: invalid check: id: id must look like TET-PORTS-001 or ACME-001');
    expect(bad(GOOD.replace('severity: high\n', ''))).toMatch(/^checks\/bad\.yaml:1: invalid check: severity: /);
    expect(bad(GOOD.replace('severity: high', 'severity: urgent'))).toMatch(/^checks\/bad\.yaml:4: invalid check: severity: /);
    expect(bad(GOOD.replace('resourceTypes: [aws_s3_bucket]\n', ''))).toMatch(/^checks\/bad\.yaml:1: invalid check: resourceTypes: /);
    expect(bad(GOOD.replace('      equals: public-read', '      startsWith: public'))).toBe(
      'checks/bad.yaml:12: invalid check: condition.any.0.startsWith: unknown operator "startsWith" (known: equals, notEquals, in, notIn, exists, absent, contains, matches, greaterThan, lessThan)',
    );
    expect(bad(GOOD.replace('      in: [public-read-write, authenticated-read]', '      in: public-read-write'))).toMatch(/^checks\/bad\.yaml:14: invalid check: condition\.any\.1\.in: in takes a list$/);
    expect(bad(GOOD.replace('      equals: public-read', '      matches: "(unclosed"'))).toMatch(/^checks\/bad\.yaml:12: invalid check: .*invalid regular expression/);
    expect(bad(GOOD.replace('      equals: public-read', '      equals: public-read\n      notEquals: private'))).toMatch(/^checks\/bad\.yaml:11: .*one operator per condition, found: equals, notEquals/);
    expect(bad(GOOD.replace('  any:', '  some:'))).toMatch(/^checks\/bad\.yaml:10: .*condition: a condition needs "attribute"/);
    expect(bad(GOOD.replace('title: Buckets', 'titel: Buckets'))).toMatch(/^checks\/bad\.yaml:\d+: invalid check: /);
    expect(bad(`${GOOD}colour: red\n`)).toMatch(/^checks\/bad\.yaml:15: invalid check: .*colour/);
    expect(bad(GOOD.replace(/condition:[\s\S]*/, ''))).toMatch(/condition: missing condition/);
  });

  it('rejects a source kind that does not exist, at its line', () => {
    let message = '';
    try {
      parseDeclarativeCheck(GOOD.replace('sources: [terraform]', 'sources:\n  - terraform\n  - terrafrom'), 'checks/bad.yaml', { sourceKinds: ['terraform', 'kubernetes'] });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe('checks/bad.yaml:9: invalid check: sources.1: unknown source "terrafrom" (known: terraform, kubernetes)');
    expect(parseDeclarativeCheck(GOOD, 'ok.yaml', { sourceKinds: ['terraform'] }).meta.id).toBe('ACME-S3-001');
  });

  it('reports a YAML syntax error with its line', () => {
    expect(bad(GOOD.replace('sources: [terraform]', 'sources: [terraform'))).toMatch(/^checks\/bad\.yaml:\d+: YAML syntax error: /);
    expect(bad('id: X-1\ntitle: a\nid: Y-2\n')).toMatch(/^checks\/bad\.yaml:3: YAML syntax error: Map keys must be unique/);
  });
});
