/**
 * The `Condition` element, evaluated three-valued against a request context:
 * yes, no, or "maybe" listing the keys (and unresolved values) it depends on.
 * Nothing is silently ignored: an operator this engine does not know, or a
 * value it cannot read, makes the condition depend on it ("maybe").
 *
 * Semantics follow the IAM condition operator reference: operators are ANDed,
 * keys within an operator are ANDed, the values of one key are ORed (for a
 * negated operator, the key must match none of them). A missing key makes a
 * positive operator false and a negated one true; `...IfExists` makes it true;
 * `Null` tests presence. `ForAllValues:` holds when every request value
 * matches (also for none), `ForAnyValue:` when at least one does.
 */
import ipaddr from 'ipaddr.js';
import type { Value } from '../../model/index.js';
import { isObject, isUnknown } from '../../model/index.js';
import { substituteVariables, type RequestContext } from './context.js';
import { arnMatches, globMatch } from './match.js';
import { and, maybe, NO, or, tri, YES, type Tri } from './tri.js';

type Comparator = (requestValue: string, policyValue: string) => boolean | undefined;

interface OperatorSpec {
  compare: Comparator;
  negated: boolean;
  /** policy values may hold `${...}` variables */
  variables: boolean;
}

const same: Comparator = (r, p) => r === p;
const sameIgnoreCase: Comparator = (r, p) => r.toLowerCase() === p.toLowerCase();
const like: Comparator = (r, p) => globMatch(p, r);
const arnLike: Comparator = (r, p) => arnMatches(p, r);

function numeric(test: (a: number, b: number) => boolean): Comparator {
  return (r, p) => {
    const a = Number(r);
    const b = Number(p);
    if (r.trim() === '' || p.trim() === '' || Number.isNaN(a) || Number.isNaN(b)) return undefined;
    return test(a, b);
  };
}

/** ISO 8601 dates or epoch seconds, as IAM accepts them. */
function toTime(s: string): number | undefined {
  if (/^\d+$/.test(s.trim())) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

function date(test: (a: number, b: number) => boolean): Comparator {
  return (r, p) => {
    const a = toTime(r);
    const b = toTime(p);
    return a === undefined || b === undefined ? undefined : test(a, b);
  };
}

const bool: Comparator = (r, p) => r.toLowerCase() === p.toLowerCase();

const ip: Comparator = (r, p) => {
  try {
    const addr = ipaddr.parse(r.trim());
    const cidr = p.includes('/') ? p.trim() : `${p.trim()}/${ipaddr.parse(p.trim()).kind() === 'ipv4' ? 32 : 128}`;
    const [range, bits] = ipaddr.parseCIDR(cidr);
    const a = addr.kind() === range.kind() ? addr : addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : undefined;
    if (!a || a.kind() !== range.kind()) return false;
    return a.match([range, bits] as [ipaddr.IPv4 | ipaddr.IPv6, number] as never);
  } catch {
    return undefined;
  }
};

const binary: Comparator = (r, p) => Buffer.from(r, 'base64').equals(Buffer.from(p, 'base64'));

const OPERATORS: Record<string, OperatorSpec> = {
  stringequals: { compare: same, negated: false, variables: true },
  stringnotequals: { compare: same, negated: true, variables: true },
  stringequalsignorecase: { compare: sameIgnoreCase, negated: false, variables: true },
  stringnotequalsignorecase: { compare: sameIgnoreCase, negated: true, variables: true },
  stringlike: { compare: like, negated: false, variables: true },
  stringnotlike: { compare: like, negated: true, variables: true },
  numericequals: { compare: numeric((a, b) => a === b), negated: false, variables: false },
  numericnotequals: { compare: numeric((a, b) => a === b), negated: true, variables: false },
  numericlessthan: { compare: numeric((a, b) => a < b), negated: false, variables: false },
  numericlessthanequals: { compare: numeric((a, b) => a <= b), negated: false, variables: false },
  numericgreaterthan: { compare: numeric((a, b) => a > b), negated: false, variables: false },
  numericgreaterthanequals: { compare: numeric((a, b) => a >= b), negated: false, variables: false },
  dateequals: { compare: date((a, b) => a === b), negated: false, variables: false },
  datenotequals: { compare: date((a, b) => a === b), negated: true, variables: false },
  datelessthan: { compare: date((a, b) => a < b), negated: false, variables: false },
  datelessthanequals: { compare: date((a, b) => a <= b), negated: false, variables: false },
  dategreaterthan: { compare: date((a, b) => a > b), negated: false, variables: false },
  dategreaterthanequals: { compare: date((a, b) => a >= b), negated: false, variables: false },
  bool: { compare: bool, negated: false, variables: true },
  binaryequals: { compare: binary, negated: false, variables: false },
  ipaddress: { compare: ip, negated: false, variables: false },
  notipaddress: { compare: ip, negated: true, variables: false },
  arnequals: { compare: arnLike, negated: false, variables: true },
  arnlike: { compare: arnLike, negated: false, variables: true },
  arnnotequals: { compare: arnLike, negated: true, variables: true },
  arnnotlike: { compare: arnLike, negated: true, variables: true },
};

export interface ParsedOperator {
  name: string;
  set?: 'ForAllValues' | 'ForAnyValue';
  ifExists: boolean;
  base: string;
}

export function parseOperator(raw: string): ParsedOperator {
  let rest = raw.trim();
  let set: ParsedOperator['set'];
  const m = /^(ForAllValues|ForAnyValue):(.*)$/i.exec(rest);
  if (m) {
    set = m[1]!.toLowerCase() === 'forallvalues' ? 'ForAllValues' : 'ForAnyValue';
    rest = m[2]!;
  }
  const ifExists = /IfExists$/i.test(rest) && rest.toLowerCase() !== 'null';
  const base = (ifExists ? rest.slice(0, -'IfExists'.length) : rest).toLowerCase();
  return { name: raw, set, ifExists, base };
}

/** Evaluates a whole Condition element. */
export function evaluateCondition(condition: Value | undefined, ctx: RequestContext): Tri {
  if (condition === undefined || condition === null) return YES;
  if (isUnknown(condition)) return maybe(`unresolved condition ${condition.toString()}`);
  // Terraform aws_iam_policy_document: condition [{test, variable, values}]
  if (Array.isArray(condition)) return and(...condition.map((c) => evaluateBlock(c, ctx)));
  if (!isObject(condition)) return maybe('unreadable Condition element');
  const parts: Tri[] = [];
  for (const [op, keys] of Object.entries(condition)) {
    if (isUnknown(keys)) {
      parts.push(maybe(`unresolved condition ${op}`));
      continue;
    }
    if (!isObject(keys)) {
      parts.push(maybe(`unreadable condition ${op}`));
      continue;
    }
    for (const [key, values] of Object.entries(keys)) parts.push(evaluateTest(op, key, values, ctx));
  }
  return and(...parts);
}

function evaluateBlock(block: Value, ctx: RequestContext): Tri {
  if (!isObject(block)) return isUnknown(block) ? maybe(`unresolved condition ${block.toString()}`) : maybe('unreadable condition block');
  const { test, variable, values } = block;
  if (typeof test !== 'string' || typeof variable !== 'string') return maybe(`unresolved condition ${String(isUnknown(test) ? test.toString() : test)} ${String(isUnknown(variable) ? variable.toString() : variable)}`);
  return evaluateTest(test, variable, values ?? [], ctx);
}

/** One operator applied to one key with its policy values. */
export function evaluateTest(operator: string, key: string, rawValues: Value, ctx: RequestContext): Tri {
  const op = parseOperator(operator);
  const policyValues = (Array.isArray(rawValues) ? rawValues : [rawValues]).map((v) => (isUnknown(v) ? v : v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)));
  const unresolved = policyValues.find((v) => typeof v !== 'string');
  const request = ctx.lookup(key);

  if (op.base === 'null') {
    if (request === 'unknown') return maybe(key);
    if (unresolved) return maybe(`unresolved value ${unresolved.toString()}`);
    const present = request !== 'absent' && request.values.length > 0;
    // "Null": "true" means the key must be absent; "false" present; values are ORed
    return or(...policyValues.map((v) => tri((v as string).toLowerCase() === 'true' ? !present : present)));
  }

  const spec = OPERATORS[op.base];
  if (!spec) return maybe(`unsupported condition operator ${operator} on ${key}`);
  if (request === 'unknown') return maybe(key);
  if (request === 'absent' || request.values.length === 0) {
    if (op.set === 'ForAllValues') return YES;
    if (op.set === 'ForAnyValue') return NO;
    if (op.ifExists) return YES;
    return spec.negated ? YES : NO;
  }

  // the policy values, with policy variables substituted
  const resolved: string[] = [];
  const pending: Tri[] = [];
  for (const v of policyValues) {
    if (typeof v !== 'string') {
      pending.push(maybe(`unresolved value ${v.toString()}`));
      continue;
    }
    const s = spec.variables ? substituteVariables(v, ctx) : v;
    if (typeof s === 'string') resolved.push(s);
    else pending.push(s);
  }

  /** does one request value match any policy value? */
  const matchesAny = (r: string): Tri => {
    const results: Tri[] = [...pending];
    for (const p of resolved) {
      const hit = spec.compare(r, p);
      results.push(hit === undefined ? maybe(`unreadable value for ${operator} ${key}`) : tri(hit));
    }
    return or(...results);
  };
  /** the operator's verdict for one request value */
  const holds = (r: string): Tri => {
    const m = matchesAny(r);
    return spec.negated ? (m.kind === 'yes' ? NO : m.kind === 'no' ? YES : m) : m;
  };

  const values = request.values;
  if (op.set === 'ForAllValues') return and(...values.map(holds));
  if (op.set === 'ForAnyValue') return or(...values.map(holds));
  // a single-valued operator on a multi-valued key: any value may satisfy a positive operator, a negated one needs all
  return spec.negated ? and(...values.map(holds)) : or(...values.map(holds));
}
