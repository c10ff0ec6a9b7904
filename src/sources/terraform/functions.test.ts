import { resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isUnknown, type Value } from '../../model/index.js';
import { Evaluator } from './evaluate.js';
import { SUPPORTED_FUNCTIONS, cidrHost, cidrSubnet, formatString } from './functions.js';
import { initHclParser, parseHclExpression } from './hcl-parser.js';
import { literalScope } from './module.js';

const FILES = resolve(import.meta.dirname, 'testdata/files');

function ev(src: string): Value {
  return new Evaluator(literalScope(FILES)).eval(parseHclExpression(src, 'test.tf'));
}

beforeAll(async () => {
  await initHclParser();
});

describe('terraform functions', () => {
  const cases: Array<[string, Value]> = [
    ['concat([1, 2], [3], [])', [1, 2, 3]],
    ['merge({a = 1, b = 2}, {b = 3}, {c = 4})', { a: 1, b: 3, c: 4 }],
    ['lookup({a = "x"}, "a", "d")', 'x'],
    ['lookup({a = "x"}, "b", "d")', 'd'],
    ['format("%s:%d %05.1f %q %v %%", "h", 80, 3.14159, "q", true)', 'h:80 003.1 "q" true %'],
    ['formatlist("%s-%s", ["a", "b"], "z")', ['a-z', 'b-z']],
    ['join(",", ["a", "b"], ["c"])', 'a,b,c'],
    ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
    ['jsondecode("{\\"a\\": [1, true, null]}")', { a: [1, true, null] }],
    ['jsonencode({b = [1, "x"], a = null})', '{"b":[1,"x"],"a":null}'],
    ['yamlencode({a = 1})', 'a: 1\n'],
    ['cidrsubnet("10.0.0.0/16", 8, 3)', '10.0.3.0/24'],
    ['cidrsubnet("fd00::/48", 16, 5)', 'fd00:0:0:5::/64'],
    ['cidrhost("10.0.1.0/24", 5)', '10.0.1.5'],
    ['cidrhost("10.0.1.0/24", -1)', '10.0.1.255'],
    ['cidrnetmask("10.0.0.0/12")', '255.240.0.0'],
    ['cidrsubnets("10.0.0.0/16", 8, 8, 4)', ['10.0.0.0/24', '10.0.1.0/24', '10.0.16.0/20']],
    ['element(["a", "b", "c"], 4)', 'b'],
    ['length({a = 1, b = 2})', 2],
    ['length("héllo")', 5],
    ['keys({b = 1, a = 2})', ['a', 'b']],
    ['values({b = 1, a = 2})', [2, 1]],
    ['contains(["a", "b"], "b")', true],
    ['coalesce(null, "", "x")', 'x'],
    ['coalescelist([], ["a"])', ['a']],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['distinct([1, 2, 1, 3])', [1, 2, 3]],
    ['flatten([[1, [2]], 3])', [1, 2, 3]],
    ['lower("AbC")', 'abc'],
    ['upper("AbC")', 'ABC'],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("a1b22", "/[0-9]+/", "#")', 'a#b#'],
    ['substr("hello", 1, 3)', 'ell'],
    ['substr("hello", -3, -1)', 'llo'],
    ['trimspace("  x \\n")', 'x'],
    ['tostring(5)', '5'],
    ['tonumber("5.5")', 5.5],
    ['tobool("true")', true],
    ['tolist(["a"])', ['a']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['tomap({a = 1})', { a: 1 }],
    ['try(tonumber("x"), 7)', 7],
    ['can(tonumber("x"))', false],
    ['can(tonumber("1"))', true],
    ['file("hello.txt")', 'hello\n'],
    ['templatefile("greet.tpl", { name = "Ann", ports = [22, 80] })', 'Hi Ann!\nport 22\nport 80\n'],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['range(3)', [0, 1, 2]],
    ['range(1, 10, 4)', [1, 5, 9]],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['slice(["a", "b", "c"], 1, 3)', ['b', 'c']],
    ['sort(["b", "a"])', ['a', 'b']],
    ['startswith("arn:aws", "arn:")', true],
    ['endswith("x.tf", ".json")', false],
    ['base64encode("hi")', 'aGk='],
    ['base64decode("aGk=")', 'hi'],
    ['regex("^(\\\\w+)@(\\\\w+)$", "me@host")', ['me', 'host']],
    ['regex("(?P<user>\\\\w+)@", "me@host")', { user: 'me' }],
    ['regexall("[0-9]", "a1b2")', ['1', '2']],
    ['one(["x"])', 'x'],
    ['one([])', null],
    ['sum([1, 2, 3.5])', 6.5],
    ['abs(-4)', 4],
    ['sha256("abc")', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['md5("abc")', '900150983cd24fb0d6963f7d28e17f72'],
    ['filebase64("hello.txt")', 'aGVsbG8K'],
    ['"${1 + 2}-${true}"', '3-true'],
    ['"%{ if 1 < 2 }yes%{ else }no%{ endif }"', 'yes'],
    ['"%{ for k, v in { a = 1, b = 2 } }${k}=${v};%{ endfor }"', 'a=1;b=2;'],
    ['[for i, v in ["a", "b"] : "${i}${v}"]', ['0a', '1b']],
    ['{ for s in ["a", "b", "a"] : s => s... }', { a: ['a', 'a'], b: ['b'] }],
    ['{ a = { b = [10, 20] } }.a.b[1]', 20],
    ['[{ x = 1 }, { x = 2 }].*.x', [1, 2]],
    ['5 % 3 == 2 && !(2 >= 3) || false', true],
    ['-(3 - 5) * 2 / 4', 1],
    ['[1, 2][*]', [1, 2]],
    ['({ a = { b = 1 } }).a.b', 1],
    // the tree-sitter grammar needs a fraction before an exponent (1.0e3, not 1e3)
    ['-1 + 1.0e3 + 0.5', 999.5],
    ['!false', true],
    ['"v=${0.1 + 0.2}"', 'v=0.3'],
    ['false ? 1 : true ? 2 : 3', 2],
    ['"${"a"}${1}"', 'a1'],
    ['{ "a": 1, b = 2, }', { a: 1, b: 2 }],
    ['[\n  1, # one\n  2, // two\n]', [1, 2]],
    ['{ k = "v" }["k"]', 'v'],
    ['[[10, 20]].0.1', 20],
    ['"a\\u00e9\\t"', 'a\u00e9\t'],
  ];
  for (const [src, want] of cases) {
    it(`${src} = ${JSON.stringify(want)}`, () => {
      expect(ev(src)).toEqual(want);
    });
  }

  it('covers the functions the checks rely on', () => {
    const needed = 'concat merge lookup format formatlist join split jsonencode jsondecode yamlencode cidrsubnet cidrhost element length keys values contains coalesce coalescelist compact distinct flatten lower upper replace substr trimspace tostring tonumber tobool tolist toset tomap try can file templatefile min max range zipmap slice sort startswith endswith base64encode base64decode regex regexall one sum abs'.split(' ');
    const builtIn = new Set([...SUPPORTED_FUNCTIONS, 'try', 'can']);
    expect(needed.filter((f) => !builtIn.has(f))).toEqual([]);
  });

  it('turns unknown functions, unknown arguments, bad types and missing files into Unknown', () => {
    for (const src of ['nosuchfn(1)', 'upper(var.x)', 'cidrsubnet("not-a-cidr", 8, 1)', 'file("missing.txt")', 'element([], 0)', 'provider::aws::arn_parse("x")', 'try(nosuchfn(1), "fallback")', 'uuid()', 'timestamp()']) {
      const v = ev(src);
      expect(isUnknown(v), src).toBe(true);
    }
    // shape-only functions still answer around an unknown element
    expect(ev('length([var.x, 1])')).toBe(2);
  });

  it('jsonencode keeps unknown leaves as placeholders except under IAM decision keys', () => {
    expect(ev('jsonencode({ Resource = var.arn, Effect = "Allow" })')).toBe('{"Resource":"${var.arn}","Effect":"Allow"}');
    expect(isUnknown(ev('jsonencode({ Statement = [{ Action = var.action }] })'))).toBe(true);
    expect(isUnknown(ev('jsonencode(var.doc)'))).toBe(true);
  });
});

describe('cidr functions (properties)', () => {
  const toIp = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

  it('cidrsubnet matches a plain 32-bit reference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 8 }), fc.nat(), (addr, prefix, newbits, raw) => {
        fc.pre(prefix + newbits <= 32);
        const netnum = newbits === 0 ? 0 : raw % 2 ** newbits;
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        const base = (addr & mask) >>> 0;
        const newPrefix = prefix + newbits;
        const expected = `${toIp((base + netnum * 2 ** (32 - newPrefix)) >>> 0)}/${newPrefix}`;
        expect(cidrSubnet(`${toIp(addr)}/${prefix}`, newbits, netnum)).toBe(expected);
      }),
    );
  });

  it('cidrhost stays inside its network and round-trips the host number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 8, max: 32 }), fc.nat(), (addr, prefix, raw) => {
        const size = 2 ** (32 - prefix);
        const host = raw % size;
        const mask = (0xffffffff << (32 - prefix)) >>> 0;
        const base = (addr & mask) >>> 0;
        expect(cidrHost(`${toIp(addr)}/${prefix}`, host)).toBe(toIp(base + host));
      }),
    );
  });

  it('format %d pads like Go', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 1, max: 8 }), (n, w) => {
        const out = formatString(`%0${w}d`, [n]);
        expect(Number(out)).toBe(n);
        expect(out.length).toBe(Math.max(w, String(n).length));
      }),
    );
  });
});
