import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { Unknown, containsUnknown, isUnknown, type Value, type ValueObject } from '../../model/index.js';
import type { Expr } from './ast.js';
import { parseHclExpression } from './hcl-parser.js';
import { Evaluator, deepEqual, scalarString, toBool, toNumber, unknownOf, type Scope } from './evaluate.js';

/**
 * Terraform's built-in functions, over model values. An Unknown argument
 * makes the result Unknown (functions that only look at the shape of a
 * collection, such as `length` or `keys`, still answer when the unknown is
 * nested). A wrong argument type is an evaluation error, which `try` and
 * `can` catch. An unsupported function is Unknown.
 */
class UnknownArg extends Error {
  constructor(readonly value: Unknown) {
    super('unknown argument');
  }
}
class EvalError extends Error {}

function fail(msg: string): never {
  throw new EvalError(msg);
}
function known(v: Value | undefined): Value {
  if (v === undefined) fail('missing argument');
  if (isUnknown(v)) throw new UnknownArg(v);
  return v;
}
function deepKnown(v: Value | undefined): Value {
  const k = known(v);
  if (containsUnknown(k)) throw new UnknownArg(new Unknown('argument contains an unknown value'));
  return k;
}
function str(v: Value | undefined): string {
  const k = known(v);
  const s = scalarString(k);
  if (s === undefined) fail('expected a string');
  return s;
}
function num(v: Value | undefined): number {
  const k = known(v);
  const n = toNumber(k);
  if (n === undefined) fail('expected a number');
  return n;
}
function int(v: Value | undefined): number {
  const n = num(v);
  if (!Number.isInteger(n)) fail('expected a whole number');
  return n;
}
function list(v: Value | undefined): Value[] {
  const k = known(v);
  if (!Array.isArray(k)) fail('expected a list');
  return k;
}
function obj(v: Value | undefined): ValueObject {
  const k = known(v);
  if (k === null || typeof k !== 'object' || Array.isArray(k)) fail('expected a map or object');
  return k as ValueObject;
}
function strList(v: Value | undefined): string[] {
  return list(v).map(str);
}
function dedupe(vs: Value[]): Value[] {
  const out: Value[] = [];
  for (const v of vs) if (!out.some((o) => deepEqual(o, v))) out.push(v);
  return out;
}

type Fn = (args: Value[], ctx: { dir: string; expr: Expr }) => Value;

const FUNCTIONS: Record<string, Fn> = {
  // collections
  concat: (a) => a.flatMap((x) => list(x)),
  merge: (a) => Object.assign({}, ...a.filter((x) => x !== null).map(obj)) as ValueObject,
  lookup: (a) => {
    const m = obj(a[0]);
    const k = str(a[1]);
    if (Object.prototype.hasOwnProperty.call(m, k)) return m[k]!;
    if (a.length > 2) return a[2]!;
    fail(`no key ${k}`);
  },
  element: (a) => {
    const l = list(a[0]);
    if (l.length === 0) fail('element of an empty list');
    const i = int(a[1]);
    return l[((i % l.length) + l.length) % l.length]!;
  },
  length: (a) => {
    const v = known(a[0]);
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (v !== null && typeof v === 'object') return Object.keys(v).length;
    fail('length of a non-collection');
  },
  keys: (a) => Object.keys(obj(a[0])).sort(),
  values: (a) => {
    const m = obj(a[0]);
    return Object.keys(m)
      .sort()
      .map((k) => m[k]!);
  },
  contains: (a) => {
    const l = list(a[0]);
    const v = known(a[1]);
    if (l.some(isUnknown) && !l.some((x) => deepEqual(x, v))) throw new UnknownArg(new Unknown('list contains unknown values'));
    return l.some((x) => deepEqual(x, v));
  },
  coalesce: (a) => {
    for (const x of a) {
      const v = known(x);
      if (v !== null && v !== '') return v;
    }
    fail('no non-null argument');
  },
  coalescelist: (a) => {
    for (const x of a) if (list(x).length > 0) return x!;
    fail('no non-empty list');
  },
  compact: (a) => list(a[0]).filter((x) => known(x) !== null && x !== ''),
  distinct: (a) => dedupe(list(a[0]).map(deepKnown)),
  flatten: (a) => {
    const out: Value[] = [];
    const walk = (v: Value): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else out.push(v);
    };
    list(a[0]).forEach(walk);
    return out;
  },
  one: (a) => {
    const l = list(a[0]);
    if (l.length === 0) return null;
    if (l.length === 1) return l[0]!;
    fail('one() of a list with more than one element');
  },
  slice: (a) => {
    const l = list(a[0]);
    const s = int(a[1]);
    const e = int(a[2]);
    if (s < 0 || e > l.length || s > e) fail('slice out of range');
    return l.slice(s, e);
  },
  sort: (a) => strList(a[0]).sort(),
  reverse: (a) => [...list(a[0])].reverse(),
  range: (a) => {
    const ns = a.map(num);
    const [start, end, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? (ns[0]! <= ns[1]! ? 1 : -1)];
    if (step === 0) fail('range step 0');
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) {
      out.push(i);
      if (out.length > 1024) fail('range too long');
    }
    return out;
  },
  zipmap: (a) => {
    const ks = strList(a[0]);
    const vs = list(a[1]);
    if (ks.length !== vs.length) fail('zipmap lists differ in length');
    return Object.fromEntries(ks.map((k, i) => [k, vs[i]!]));
  },
  setproduct: (a) => a.map(list).reduce<Value[][]>((acc, l) => acc.flatMap((p) => l.map((x) => [...p, x])), [[]]),
  setunion: (a) => dedupe(a.flatMap((x) => list(x).map(deepKnown))),
  setintersection: (a) => {
    const [first, ...rest] = a.map((x) => list(x).map(deepKnown));
    return dedupe((first ?? []).filter((x) => rest.every((l) => l.some((y) => deepEqual(x, y)))));
  },
  setsubtract: (a) => {
    const l = list(a[0]).map(deepKnown);
    const r = list(a[1]).map(deepKnown);
    return dedupe(l.filter((x) => !r.some((y) => deepEqual(x, y))));
  },
  index: (a) => {
    const i = list(a[0]).findIndex((x) => deepEqual(deepKnown(x), deepKnown(a[1])));
    if (i < 0) fail('not in list');
    return i;
  },
  transpose: (a) => {
    const m = obj(a[0]);
    const out: Record<string, string[]> = {};
    for (const k of Object.keys(m).sort()) for (const v of strList(m[k])) (out[v] ??= []).push(k);
    return out;
  },
  chunklist: (a) => {
    const l = list(a[0]);
    const n = int(a[1]);
    if (n <= 0) return [l];
    const out: Value[] = [];
    for (let i = 0; i < l.length; i += n) out.push(l.slice(i, i + n));
    return out;
  },
  alltrue: (a) => list(a[0]).every((x) => toBool(known(x)) === true),
  anytrue: (a) => list(a[0]).some((x) => toBool(known(x)) === true),
  sum: (a) => {
    const l = list(a[0]);
    if (l.length === 0) fail('sum of an empty list');
    return l.reduce<number>((s, x) => s + num(x), 0);
  },
  min: (a) => Math.min(...a.map(num)),
  max: (a) => Math.max(...a.map(num)),
  abs: (a) => Math.abs(num(a[0])),
  ceil: (a) => Math.ceil(num(a[0])),
  floor: (a) => Math.floor(num(a[0])),
  pow: (a) => num(a[0]) ** num(a[1]),
  signum: (a) => Math.sign(num(a[0])),
  log: (a) => Math.log(num(a[0])) / Math.log(num(a[1])),
  parseint: (a) => {
    const base = int(a[1]);
    const s = str(a[0]);
    const n = parseInt(s, base);
    if (Number.isNaN(n)) fail('not a number');
    return n;
  },
  // type conversion
  tostring: (a) => {
    const v = known(a[0]);
    if (v === null) return null;
    return str(v);
  },
  tonumber: (a) => {
    const v = known(a[0]);
    return v === null ? null : num(v);
  },
  tobool: (a) => {
    const v = known(a[0]);
    if (v === null) return null;
    const b = toBool(v);
    if (b === undefined) fail('not a bool');
    return b;
  },
  tolist: (a) => {
    const v = known(a[0]);
    if (Array.isArray(v)) return v;
    fail('not a list');
  },
  toset: (a) => {
    const l = list(a[0]);
    const allScalar = l.every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean');
    const d = dedupe(l);
    return allScalar ? d.map((x) => scalarString(x)!).sort() : d;
  },
  tomap: (a) => obj(a[0]),
  // strings
  format: (a) => formatString(str(a[0]), a.slice(1)),
  formatlist: (a) => {
    const fmt = str(a[0]);
    const rest = a.slice(1).map(known);
    const n = Math.max(1, ...rest.filter(Array.isArray).map((l) => (l as Value[]).length));
    const lens = rest.filter(Array.isArray).map((l) => (l as Value[]).length);
    if (lens.some((l) => l !== n)) fail('formatlist lists differ in length');
    if (!rest.some(Array.isArray)) return [formatString(fmt, rest)];
    return Array.from({ length: n }, (_, i) => formatString(fmt, rest.map((r) => (Array.isArray(r) ? r[i]! : r))));
  },
  join: (a) => {
    const sep = str(a[0]);
    return a
      .slice(1)
      .flatMap((l) => strList(l))
      .join(sep);
  },
  split: (a) => {
    const sep = str(a[0]);
    const s = str(a[1]);
    return s.split(sep);
  },
  lower: (a) => str(a[0]).toLowerCase(),
  upper: (a) => str(a[0]).toUpperCase(),
  title: (a) => str(a[0]).replace(/\b\w/g, (c) => c.toUpperCase()),
  replace: (a) => {
    const s = str(a[0]);
    const sub = str(a[1]);
    const rep = str(a[2]);
    const re = /^\/(.*)\/$/s.exec(sub);
    if (re) return s.replace(new RegExp(re[1]!, 'g'), rep.replace(/\$\{(\w+)\}/g, '$<$1>'));
    return s.split(sub).join(rep);
  },
  substr: (a) => {
    const chars = [...str(a[0])];
    let off = int(a[1]);
    const len = int(a[2]);
    if (off < 0) off = Math.max(0, chars.length + off);
    return chars.slice(off, len < 0 ? undefined : off + len).join('');
  },
  trimspace: (a) => str(a[0]).trim(),
  trim: (a) => {
    const cut = new Set([...str(a[1])]);
    const cs = [...str(a[0])];
    let s = 0;
    let e = cs.length;
    while (s < e && cut.has(cs[s]!)) s++;
    while (e > s && cut.has(cs[e - 1]!)) e--;
    return cs.slice(s, e).join('');
  },
  trimprefix: (a) => {
    const s = str(a[0]);
    const p = str(a[1]);
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  trimsuffix: (a) => {
    const s = str(a[0]);
    const p = str(a[1]);
    return p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s;
  },
  startswith: (a) => str(a[0]).startsWith(str(a[1])),
  endswith: (a) => str(a[0]).endsWith(str(a[1])),
  strcontains: (a) => str(a[0]).includes(str(a[1])),
  strrev: (a) => [...str(a[0])].reverse().join(''),
  indent: (a) => {
    const pad = ' '.repeat(int(a[0]));
    return str(a[1]).replace(/\n/g, `\n${pad}`);
  },
  chomp: (a) => str(a[0]).replace(/(\r?\n)+$/, ''),
  regex: (a) => {
    const m = compileRe(str(a[0])).exec(str(a[1]));
    if (!m) fail('regex did not match');
    return matchValue(m);
  },
  regexall: (a) => [...str(a[1]).matchAll(new RegExp(compileRe(str(a[0])).source, 'g'))].map(matchValue),
  // encoding
  jsonencode: (a) => JSON.stringify(jsonReady(a[0]!, undefined)),
  jsondecode: (a) => {
    try {
      return JSON.parse(str(a[0])) as Value;
    } catch {
      fail('invalid JSON');
    }
  },
  yamlencode: (a) => stringifyYaml(deepKnown(a[0])),
  yamldecode: (a) => {
    try {
      return (parseYaml(str(a[0])) ?? null) as Value;
    } catch {
      fail('invalid YAML');
    }
  },
  base64encode: (a) => Buffer.from(str(a[0]), 'utf8').toString('base64'),
  base64decode: (a) => Buffer.from(str(a[0]), 'base64').toString('utf8'),
  urlencode: (a) => encodeURIComponent(str(a[0])),
  // network
  cidrsubnet: (a) => cidrSubnet(str(a[0]), int(a[1]), int(a[2])),
  cidrhost: (a) => cidrHost(str(a[0]), int(a[1])),
  cidrnetmask: (a) => {
    const [, bits] = parseCidr(str(a[0]));
    if (bits.family !== 4) fail('cidrnetmask needs IPv4');
    return ipaddr.IPv4.subnetMaskFromPrefixLength(bits.prefix).toString();
  },
  cidrsubnets: (a) => {
    const base = str(a[0]);
    const [net, info] = parseCidr(base);
    let next = net;
    const out: string[] = [];
    for (const nb of a.slice(1).map(int)) {
      const prefix = info.prefix + nb;
      const size = 1n << BigInt(info.width - prefix);
      const aligned = ((next + size - 1n) / size) * size;
      out.push(`${bigToIp(aligned, info.family)}/${prefix}`);
      next = aligned + size;
    }
    return out;
  },
  // files
  file: (a, ctx) => {
    const p = resolve(ctx.dir, str(a[0]));
    if (!existsSync(p)) throw new UnknownArg(new Unknown('file not found', ctx.expr.text));
    return readFileSync(p, 'utf8');
  },
  fileexists: (a, ctx) => existsSync(resolve(ctx.dir, str(a[0]))),
  templatefile: (a, ctx) => {
    const p = resolve(ctx.dir, str(a[0]));
    if (!existsSync(p)) throw new UnknownArg(new Unknown('file not found', ctx.expr.text));
    return renderTemplate(readFileSync(p, 'utf8'), obj(a[1]), ctx.dir, p);
  },
  abspath: (a, ctx) => resolve(ctx.dir, str(a[0])),
  basename: (a) => str(a[0]).split('/').pop() ?? '',
  dirname: (a) => str(a[0]).split('/').slice(0, -1).join('/') || '.',
  // hashes and values only known at apply time
  md5: (a) => createHash('md5').update(str(a[0])).digest('hex'),
  sha1: (a) => createHash('sha1').update(str(a[0])).digest('hex'),
  sha256: (a) => createHash('sha256').update(str(a[0])).digest('hex'),
  sha512: (a) => createHash('sha512').update(str(a[0])).digest('hex'),
  base64sha256: (a) => createHash('sha256').update(str(a[0])).digest('base64'),
  base64sha512: (a) => createHash('sha512').update(str(a[0])).digest('base64'),
  filebase64: (a, ctx) => {
    const p = resolve(ctx.dir, str(a[0]));
    if (!existsSync(p)) throw new UnknownArg(new Unknown('file not found', ctx.expr.text));
    return readFileSync(p).toString('base64');
  },
  filemd5: (a, ctx) => fileHash('md5', str(a[0]), ctx),
  filesha256: (a, ctx) => fileHash('sha256', str(a[0]), ctx),
  filebase64sha256: (a, ctx) => fileHash('sha256', str(a[0]), ctx, 'base64'),
  uuid: (_a, ctx) => {
    throw new UnknownArg(new Unknown('a new value on every run', ctx.expr.text));
  },
  timestamp: (_a, ctx) => {
    throw new UnknownArg(new Unknown('a new value on every run', ctx.expr.text));
  },
  bcrypt: (_a, ctx) => {
    throw new UnknownArg(new Unknown('a new value on every run', ctx.expr.text));
  },
  // misc
  sensitive: (a) => a[0] ?? null,
  nonsensitive: (a) => a[0] ?? null,
};

/** Functions that look only at the shape of their arguments answer with unknowns nested inside. */
const SHALLOW = new Set(['concat', 'merge', 'lookup', 'element', 'length', 'keys', 'values', 'contains', 'coalesce', 'coalescelist', 'compact', 'flatten', 'one', 'slice', 'reverse', 'zipmap', 'tolist', 'tomap', 'sensitive', 'nonsensitive', 'jsonencode', 'chunklist', 'setproduct', 'index']);

export function callFunction(name: string, args: Value[], expr: Expr, dir: string): Value {
  const bare = name.startsWith('provider::') ? undefined : name.replace(/^core::/, '');
  const fn = bare ? FUNCTIONS[bare] : undefined;
  if (!fn) return unknownOf(expr, `unsupported function ${name}`);
  if (!SHALLOW.has(bare!)) {
    const u = args.find(isUnknown);
    if (u) return unknownOf(expr, u.reason);
  }
  try {
    return fn(args, { dir, expr });
  } catch (err) {
    if (err instanceof UnknownArg) return unknownOf(expr, err.value.reason);
    return unknownOf(expr, 'evaluation error');
  }
}

export const SUPPORTED_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

// --- helpers ---------------------------------------------------------------

const IAM_DECISION_KEYS = new Set(['Effect', 'Action', 'NotAction', 'Principal', 'NotPrincipal']);

/**
 * jsonencode of a value with unknowns nested inside: an unknown that decides
 * what an IAM statement grants (Effect, Action, Principal) makes the whole
 * result unknown; any other unknown leaf (a resource ARN, a tag) is written
 * as the placeholder string "${expression}", so the rest of the document can
 * still be read. A top-level unknown is unknown.
 */
function jsonReady(v: Value, key: string | undefined, underDecision = false): unknown {
  if (isUnknown(v)) {
    if (key === undefined || underDecision) throw new UnknownArg(v);
    return `\${${v.expression ?? v.reason}}`;
  }
  if (Array.isArray(v)) return v.map((x) => jsonReady(x, key ?? '', underDecision));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonReady(x, k, underDecision || IAM_DECISION_KEYS.has(k));
    return out;
  }
  return v;
}

export function jsonEncodeWithPlaceholders(v: Value): string | Unknown {
  try {
    return JSON.stringify(jsonReady(v, undefined));
  } catch (err) {
    if (err instanceof UnknownArg) return new Unknown(err.value.reason, err.value.expression);
    throw err;
  }
}

function fileHash(alg: string, path: string, ctx: { dir: string; expr: Expr }, enc: 'hex' | 'base64' = 'hex'): string {
  const p = resolve(ctx.dir, path);
  if (!existsSync(p)) throw new UnknownArg(new Unknown('file not found', ctx.expr.text));
  return createHash(alg).update(readFileSync(p)).digest(enc);
}

function compileRe(pattern: string): RegExp {
  // RE2 named groups (?P<name>...) → JS (?<name>...)
  let p = pattern.replace(/\(\?P</g, '(?<');
  let flags = '';
  const inline = /^\(\?([imsU]+)\)/.exec(p);
  if (inline) {
    flags = [...inline[1]!].filter((f) => 'ims'.includes(f)).join('');
    p = p.slice(inline[0].length);
  }
  try {
    return new RegExp(p, flags + 'u');
  } catch {
    fail('invalid regular expression');
  }
}

function matchValue(m: RegExpExecArray | RegExpMatchArray): Value {
  if (m.groups && Object.keys(m.groups).length > 0) return Object.fromEntries(Object.entries(m.groups).map(([k, v]) => [k, v ?? null]));
  if (m.length > 1) return m.slice(1).map((x) => x ?? null);
  return m[0];
}

/** Go-style verbs as Terraform's format() supports them: %s %d %f %q %v %t %x %o %b %e and %%. */
export function formatString(fmt: string, args: Value[]): string {
  let i = 0;
  return fmt.replace(/%(\[(\d+)\])?([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (m, _b, argIdx: string | undefined, flags: string, width: string | undefined, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (argIdx) i = Number(argIdx) - 1;
    if (i >= args.length) fail('not enough arguments for format');
    const arg = known(args[i++]);
    let s: string;
    switch (verb) {
      case 's':
        s = str(arg);
        if (prec !== undefined) s = s.slice(0, Number(prec));
        break;
      case 'v':
        s = typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : arg === null ? 'null' : str(arg);
        break;
      case 'q':
        s = JSON.stringify(str(arg));
        break;
      case 'd':
        s = String(Math.trunc(num(arg)));
        if (flags.includes('+') && num(arg) >= 0) s = `+${s}`;
        break;
      case 'f':
      case 'F':
        s = num(arg).toFixed(prec === undefined ? 6 : Number(prec));
        break;
      case 'e':
        s = num(arg).toExponential(prec === undefined ? 6 : Number(prec));
        break;
      case 'g':
        s = String(num(arg));
        break;
      case 't':
        s = String(toBool(arg) ?? fail('expected a bool'));
        break;
      case 'x':
        s = typeof arg === 'string' ? Buffer.from(arg).toString('hex') : Math.trunc(num(arg)).toString(16);
        break;
      case 'X':
        s = (typeof arg === 'string' ? Buffer.from(arg).toString('hex') : Math.trunc(num(arg)).toString(16)).toUpperCase();
        break;
      case 'o':
        s = Math.trunc(num(arg)).toString(8);
        break;
      case 'b':
        s = Math.trunc(num(arg)).toString(2);
        break;
      default:
        fail(`unsupported format verb ${m}`);
    }
    if (width !== undefined && s.length < Number(width)) {
      const pad = (flags.includes('0') && !flags.includes('-') && 'dfFeg'.includes(verb) ? '0' : ' ').repeat(Number(width) - s.length);
      s = flags.includes('-') ? s + pad : pad === '' ? s : pad[0] === '0' && s.startsWith('-') ? `-${pad}${s.slice(1)}` : pad + s;
    }
    return s;
  });
}

interface CidrInfo {
  family: 4 | 6;
  prefix: number;
  width: number;
}

function parseCidr(cidr: string): [bigint, CidrInfo] {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(cidr);
  } catch {
    fail(`invalid CIDR ${cidr}`);
  }
  const [addr, prefix] = parsed;
  const family = addr.kind() === 'ipv4' ? 4 : 6;
  const width = family === 4 ? 32 : 128;
  let n = 0n;
  for (const b of addr.toByteArray()) n = (n << 8n) | BigInt(b);
  const mask = ((1n << BigInt(width)) - 1n) ^ ((1n << BigInt(width - prefix)) - 1n);
  return [n & mask, { family, prefix, width }];
}

function bigToIp(n: bigint, family: 4 | 6): string {
  const bytes: number[] = [];
  const count = family === 4 ? 4 : 16;
  for (let i = count - 1; i >= 0; i--) bytes.push(Number((n >> BigInt(i * 8)) & 0xffn));
  return ipaddr.fromByteArray(bytes).toString();
}

export function cidrSubnet(prefix: string, newbits: number, netnum: number): string {
  const [net, info] = parseCidr(prefix);
  const newPrefix = info.prefix + newbits;
  if (newbits < 0 || newPrefix > info.width) fail('too many new bits');
  if (netnum < 0 || BigInt(netnum) >= 1n << BigInt(newbits)) fail('netnum out of range');
  const addr = net | (BigInt(netnum) << BigInt(info.width - newPrefix));
  return `${bigToIp(addr, info.family)}/${newPrefix}`;
}

export function cidrHost(prefix: string, hostnum: number): string {
  const [net, info] = parseCidr(prefix);
  const size = 1n << BigInt(info.width - info.prefix);
  let h = BigInt(hostnum);
  if (h < 0n) h += size;
  if (h < 0n || h >= size) fail('host number out of range');
  return bigToIp(net | h, info.family);
}

function renderTemplate(text: string, vars: ValueObject, dir: string, file: string): Value {
  // The file is read as a heredoc template; a sentinel before the closing
  // newline keeps strip markers (`~}`) at the end of the file from eating it.
  const SENTINEL = '\uE000';
  let marker = 'TFTEMPLATE';
  while (text.includes(marker)) marker += '_';
  const e = parseHclExpression(`<<${marker}\n${text}${SENTINEL}\n${marker}`, file, 0);
  const scope: Scope = {
    root: (name, ex) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name]! : unknownOf(ex, 'template variable not given')),
    call: (name, args, ex) => callFunction(name, args, ex, dir),
  };
  const v = new Evaluator(scope).eval(e);
  if (typeof v !== 'string') return v;
  if (!v.endsWith(`${SENTINEL}\n`)) fail('template did not render');
  return v.slice(0, -2);
}
