import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCheckContext } from '../src/checks/engine/context.js';
import { isUnknown, stringLeaves, stringLeavesWhere, unknown, Unknown, type Resource, type Value, type ValueObject } from '../src/model/index.js';

function resource(id: string, attributes: ValueObject): Resource {
  return { id, type: 'aws_thing', provider: 'aws', source: 'terraform', name: id, attributes, location: { file: 'main.tf', startLine: 1, endLine: 1 }, attributeLocations: {}, references: [] };
}

/** The obvious walk the memoised one must agree with. */
function referenceLeaves(root: Value | undefined, base = ''): Array<{ path: string; key: string; value: string }> {
  const out: Array<{ path: string; key: string; value: string }> = [];
  const walk = (v: Value | undefined, path: string, key: string): void => {
    if (v === undefined || v === null || isUnknown(v)) return;
    if (typeof v === 'string') out.push({ path, key, value: v });
    else if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${path}[${i}]`, key));
    else if (typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, path === '' ? k : `${path}.${k}`, k);
  };
  walk(root, base, '');
  return out;
}

const valueArb: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant<Value>(unknown('test', 'var.x')),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;

describe('string leaves', () => {
  it('lists every string with its path and key, skipping unknowns', () => {
    const attrs: ValueObject = { name: 'web', tags: { Name: 'x', n: 3 }, env: [{ variables: { TOKEN: 'abc', LIST: ['p', unknown('c')] } }], u: unknown('v') };
    expect(stringLeaves(attrs)).toEqual([
      { path: 'name', key: 'name', value: 'web' },
      { path: 'tags.Name', key: 'Name', value: 'x' },
      { path: 'env[0].variables.TOKEN', key: 'TOKEN', value: 'abc' },
      { path: 'env[0].variables.LIST[0]', key: 'LIST', value: 'p' },
    ]);
    expect(stringLeaves(['a', ['b']], 'data')).toEqual([
      { path: 'data[0]', key: '', value: 'a' },
      { path: 'data[1][0]', key: '', value: 'b' },
    ]);
    expect(stringLeaves(undefined)).toEqual([]);
  });

  it('agrees with the plain walk on any value tree', () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom('', 'policy', 'a.b[0]'), (v, base) => {
        expect(stringLeaves(v, base)).toEqual(referenceLeaves(v, base));
      }),
      { numRuns: 500 },
    );
  });
});

describe('check context memoisation', () => {
  it('computes a resource’s leaves once per context and freezes them', () => {
    const r = resource('aws_thing.a', { password: 'hunter22', nested: { token: 't' } });
    const ctx = createCheckContext([r]);
    const first = ctx.stringLeaves(r);
    expect(first.map((l) => l.path)).toEqual(['password', 'nested.token']);
    expect(ctx.stringLeaves(r)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // a new scan (new context) sees changed attributes
    r.attributes.password = 'other';
    expect(createCheckContext([r]).stringLeaves(r)[0]!.value).toBe('other');
  });

  it('runs a shared computation once per key, also when it yields undefined', () => {
    const ctx = createCheckContext([]);
    let calls = 0;
    const compute = () => {
      calls++;
      return calls === 1 ? undefined : 'again';
    };
    expect(ctx.shared('k', compute)).toBeUndefined();
    expect(ctx.shared('k', compute)).toBeUndefined();
    expect(calls).toBe(1);
    expect(ctx.shared('other', () => 42)).toBe(42);
    expect(createCheckContext([]).shared('k', () => 'fresh')).toBe('fresh');
  });

  it('does not keep a failed computation', () => {
    const ctx = createCheckContext([]);
    expect(() => ctx.shared('k', () => { throw new Error('boom'); })).toThrow('boom');
    expect(ctx.shared('k', () => 1)).toBe(1);
  });
});

describe('isUnknown', () => {
  it('recognises Unknowns of this and of another module copy, and nothing else', () => {
    const brand = Symbol.for('tetrad.unknown');
    const foreign = { unknown: true, reason: 'r', [brand]: true };
    expect(isUnknown(unknown('r'))).toBe(true);
    expect(isUnknown(new Unknown('r'))).toBe(true);
    expect(isUnknown(foreign)).toBe(true);
    for (const v of [null, undefined, 0, '', 'unknown', true, [], [unknown('x')], {}, { unknown: true }, Object.create(null) as object]) expect(isUnknown(v)).toBe(false);
  });
});

describe('type and source indexes', () => {
  it('return fresh arrays in model order, with every list of the given keys', () => {
    const a = resource('a', {});
    const b = { ...resource('b', {}), type: 'aws_other' };
    const c = { ...resource('c', {}), source: 'cloudformation' };
    const ctx = createCheckContext([a, b, c]);
    expect(ctx.ofType('aws_thing').map((r) => r.id)).toEqual(['a', 'c']);
    expect(ctx.ofType('aws_other', 'missing', 'aws_thing').map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(ctx.ofType('missing')).toEqual([]);
    expect(ctx.ofType()).toEqual([]);
    expect(ctx.fromSource('terraform', 'cloudformation').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    // a check sorting or filling its list never changes what the next check sees
    ctx.ofType('aws_thing').reverse().push(b);
    ctx.fromSource('terraform').length = 0;
    expect(ctx.ofType('aws_thing').map((r) => r.id)).toEqual(['a', 'c']);
    expect(ctx.fromSource('terraform').map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('string leaves with a filter', () => {
  it('keeps exactly the leaves the plain walk lists and the filter accepts, with the same paths', () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom('', 'policy', 'a.b[0]'), fc.constantFrom('', 'a', 'x'), (v, base, needle) => {
        const keep = (key: string, value: string) => key.includes(needle) || value.includes(needle.toUpperCase());
        expect(stringLeavesWhere(v, keep, base)).toEqual(referenceLeaves(v, base).filter((l) => keep(l.key, l.value)));
      }),
      { numRuns: 500 },
    );
  });
});
