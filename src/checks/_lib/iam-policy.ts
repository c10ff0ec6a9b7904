/**
 * AWS IAM policy documents, normalised: the seed of the IAM engine.
 *
 * A policy arrives as a JSON string (Terraform `policy`), as an object
 * (CloudFormation `PolicyDocument`), as Terraform `aws_iam_policy_document`
 * blocks, or as an Unknown. Every element AWS lets you write as "one value or
 * a list" (`Statement`, `Action`, `Resource`, `Principal` values...) becomes a
 * list here; Unknown values stay Unknown, never guessed.
 */
import type { Value, ValueObject } from '../../model/index.js';
import { Unknown, asList, asString, isObject, isUnknown } from '../../model/index.js';

export type Effect = 'Allow' | 'Deny';
/** A list of patterns; an entry (or the whole list) may be unresolved. */
export type PatternList = Array<string | Unknown> | Unknown;

export type PolicyElement = 'Effect' | 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal' | 'Condition';

export interface Principals {
  /** `"Principal": "*"` (or a Terraform principals block of type "*") */
  anyone: boolean;
  /** values per principal type: AWS, Service, Federated, CanonicalUser */
  byType: Record<string, Array<string | Unknown>>;
}

export interface PolicyStatement {
  index: number;
  sid?: string;
  /** undefined when the statement has no Effect (an invalid policy) */
  effect: Effect | Unknown | undefined;
  action?: PatternList;
  notAction?: PatternList;
  resource?: PatternList;
  notResource?: PatternList;
  principal?: Principals | Unknown;
  notPrincipal?: Principals | Unknown;
  /** the raw Condition block, when present */
  condition?: Value;
  /** attribute path of the statement and of each element, relative to the document */
  path: string;
  elementPaths: Partial<Record<PolicyElement, string>>;
}

export interface PolicyDocument {
  version?: string;
  statements: PolicyStatement[];
}

export type PolicyInput =
  | { kind: 'absent' }
  | { kind: 'unknown'; value: Unknown }
  | { kind: 'invalid'; reason: string }
  | {
      kind: 'document';
      document: PolicyDocument;
      /** true when read from a JSON string: element paths do not exist as attributes */
      fromString: boolean;
      /** the JSON text that was parsed, when read from a string (to find element lines inside it) */
      text?: string;
    };

const JSON_ELEMENTS: Array<[PolicyElement, string]> = [
  ['Effect', 'Effect'],
  ['Action', 'Action'],
  ['NotAction', 'NotAction'],
  ['Resource', 'Resource'],
  ['NotResource', 'NotResource'],
  ['Principal', 'Principal'],
  ['NotPrincipal', 'NotPrincipal'],
  ['Condition', 'Condition'],
];

/** Parses a policy from a JSON string, an object, or an Unknown. */
export function parsePolicy(value: Value | undefined): PolicyInput {
  if (value === undefined || value === null) return { kind: 'absent' };
  if (isUnknown(value)) {
    const template = templateText(value);
    if (template !== undefined) {
      const input = parsePolicy(template);
      if (input.kind === 'document') return input;
    }
    return { kind: 'unknown', value };
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return { kind: 'absent' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (err) {
      return { kind: 'invalid', reason: `policy is not valid JSON: ${(err as Error).message}` };
    }
    // no "${" in the text and no \u escape (which could spell one): no parsed string holds
    // an interpolation, and the walk over the parsed policy is skipped
    const doc = documentFromObject(value.includes('${') || value.includes('\\u') ? markInterpolations(parsed as Value) : (parsed as Value));
    return typeof doc === 'string' ? { kind: 'invalid', reason: doc } : { kind: 'document', document: doc, fromString: true, text: value };
  }
  const doc = documentFromObject(value);
  return typeof doc === 'string' ? { kind: 'invalid', reason: doc } : { kind: 'document', document: doc, fromString: false };
}

/**
 * The JSON text of an unresolved Terraform heredoc or string template
 * (`<<EOF ... "Resource": "${aws_s3_bucket.b.arn}/*" ... EOF`), when the
 * interpolations sit inside JSON strings; template directives (`%{ }`) give up.
 */
function templateText(u: Unknown): string | undefined {
  const e = u.expression?.trim();
  if (!e) return undefined;
  const heredoc = /^<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\r?\n([\s\S]*)\r?\n\s*\1$/.exec(e);
  const body = heredoc ? heredoc[2]! : e.startsWith('"{') && e.endsWith('}"') ? e.slice(1, -1).replace(/\\"/g, '"') : undefined;
  if (body === undefined || body.includes('%{')) return undefined;
  return body.trim().startsWith('{') ? body : undefined;
}

/**
 * Strings holding `${...}` interpolations (Terraform placeholders) are values
 * unknown until apply. Rewrites in place: the value is a fresh `JSON.parse`
 * result that nothing else holds (copying every policy dominated large scans).
 */
function markInterpolations(v: Value): Value {
  if (typeof v === 'string') return v.includes('${') ? new Unknown('interpolated value', v) : v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = markInterpolations(v[i]!);
    return v;
  }
  if (isObject(v)) {
    for (const k of Object.keys(v)) {
      const marked = markInterpolations(v[k]!);
      // "__proto__" is an own key in JSON.parse output: define it, never set the prototype
      if (k === '__proto__') Object.defineProperty(v, k, { value: marked, writable: true, enumerable: true, configurable: true });
      else v[k] = marked;
    }
  }
  return v;
}

function documentFromObject(value: Value): PolicyDocument | string {
  if (!isObject(value)) return 'policy document is not an object';
  const raw = value.Statement;
  if (raw === undefined || raw === null) return { version: asString(value.Version), statements: [] };
  if (isUnknown(raw)) return { version: asString(value.Version), statements: [] };
  const single = !Array.isArray(raw);
  const statements: PolicyStatement[] = [];
  asList(raw).forEach((s, i) => {
    if (!isObject(s)) return;
    statements.push(statementFromObject(s, i, single ? 'Statement' : `Statement[${i}]`));
  });
  return { version: asString(value.Version), statements };
}

function statementFromObject(s: ValueObject, index: number, path: string): PolicyStatement {
  const elementPaths: Partial<Record<PolicyElement, string>> = {};
  for (const [el, key] of JSON_ELEMENTS) if (s[key] !== undefined) elementPaths[el] = `${path}.${key}`;
  const st: PolicyStatement = { index, path, elementPaths, effect: effectOf(s.Effect) };
  if (typeof s.Sid === 'string') st.sid = s.Sid;
  if (s.Action !== undefined) st.action = patterns(s.Action);
  if (s.NotAction !== undefined) st.notAction = patterns(s.NotAction);
  if (s.Resource !== undefined) st.resource = patterns(s.Resource);
  if (s.NotResource !== undefined) st.notResource = patterns(s.NotResource);
  if (s.Principal !== undefined) st.principal = principalsFromJson(s.Principal);
  if (s.NotPrincipal !== undefined) st.notPrincipal = principalsFromJson(s.NotPrincipal);
  if (s.Condition !== undefined && s.Condition !== null) st.condition = s.Condition;
  return st;
}

function effectOf(v: Value | undefined): Effect | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v !== 'string') return undefined;
  const e = v.trim().toLowerCase();
  if (e === 'allow') return 'Allow';
  if (e === 'deny') return 'Deny';
  return undefined;
}

function patterns(v: Value | undefined): PatternList {
  if (isUnknown(v)) return v;
  const out: Array<string | Unknown> = [];
  for (const item of asList(v)) {
    if (isUnknown(item)) out.push(item);
    else {
      const s = asString(item);
      if (s !== undefined) out.push(s);
    }
  }
  return out;
}

function principalsFromJson(v: Value): Principals | Unknown {
  if (isUnknown(v)) return v;
  if (typeof v === 'string') return { anyone: v.trim() === '*', byType: {} };
  const out: Principals = { anyone: false, byType: {} };
  if (!isObject(v)) return out;
  for (const [type, ids] of Object.entries(v)) {
    const list = patterns(ids);
    out.byType[type] = isUnknown(list) ? [list] : list;
  }
  return out;
}

/**
 * Converts the blocks of a Terraform `aws_iam_policy_document` data source
 * (`statement [{effect, actions, resources, principals [{type, identifiers}], condition [...]}]`)
 * into a policy document. Paths point at the Terraform attributes.
 */
export function policyFromDocumentBlocks(attributes: ValueObject): PolicyInput {
  const raw = attributes.statement;
  if (raw === undefined || raw === null) return { kind: 'absent' };
  if (isUnknown(raw)) return { kind: 'unknown', value: raw };
  const statements: PolicyStatement[] = [];
  asList(raw).forEach((s, i) => {
    if (!isObject(s)) return;
    const path = `statement[${i}]`;
    const elementPaths: Partial<Record<PolicyElement, string>> = {};
    const map: Array<[PolicyElement, string]> = [
      ['Effect', 'effect'],
      ['Action', 'actions'],
      ['NotAction', 'not_actions'],
      ['Resource', 'resources'],
      ['NotResource', 'not_resources'],
      ['Principal', 'principals'],
      ['NotPrincipal', 'not_principals'],
      ['Condition', 'condition'],
    ];
    // nested blocks (principals, condition) are located by their first block
    const blocks = new Set(['principals', 'not_principals', 'condition']);
    for (const [el, key] of map) if (s[key] !== undefined && s[key] !== null) elementPaths[el] = blocks.has(key) && Array.isArray(s[key]) ? `${path}.${key}[0]` : `${path}.${key}`;
    // Terraform defaults effect to "Allow"
    const st: PolicyStatement = { index: i, path, elementPaths, effect: s.effect === undefined || s.effect === null ? 'Allow' : effectOf(s.effect) };
    if (typeof s.sid === 'string') st.sid = s.sid;
    if (s.actions !== undefined && s.actions !== null) st.action = patterns(s.actions);
    if (s.not_actions !== undefined && s.not_actions !== null) st.notAction = patterns(s.not_actions);
    if (s.resources !== undefined && s.resources !== null) st.resource = patterns(s.resources);
    if (s.not_resources !== undefined && s.not_resources !== null) st.notResource = patterns(s.not_resources);
    if (s.principals !== undefined && s.principals !== null) st.principal = principalsFromBlocks(s.principals);
    if (s.not_principals !== undefined && s.not_principals !== null) st.notPrincipal = principalsFromBlocks(s.not_principals);
    const cond = s.condition;
    if (cond !== undefined && cond !== null && !(Array.isArray(cond) && cond.length === 0)) st.condition = cond;
    statements.push(st);
  });
  return { kind: 'document', document: { version: asString(attributes.version), statements }, fromString: false };
}

function principalsFromBlocks(v: Value): Principals | Unknown {
  if (isUnknown(v)) return v;
  const out: Principals = { anyone: false, byType: {} };
  for (const block of asList(v)) {
    if (isUnknown(block)) return block;
    if (!isObject(block)) continue;
    const type = block.type;
    if (isUnknown(type)) return type;
    const ids = patterns(block.identifiers);
    const list = isUnknown(ids) ? [ids] : ids;
    if (type === '*') {
      // `type = "*", identifiers = ["*"]` renders as "Principal": "*"
      if (list.some((x) => x === '*')) out.anyone = true;
      continue;
    }
    if (typeof type !== 'string') continue;
    (out.byType[type] ??= []).push(...list);
  }
  return out;
}

// ---------------------------------------------------------------- matching

const regexCache = new Map<string, RegExp>();

/**
 * AWS wildcard matching as used for actions and ARNs: `*` matches any run of
 * characters (also none), `?` exactly one; case-insensitive (action names are).
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  let re = regexCache.get(pattern);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
    re = new RegExp(`^${body}$`, 'i');
    if (regexCache.size > 5000) regexCache.clear();
    regexCache.set(pattern, re);
  }
  return re.test(value);
}

/** One condition test of a statement: operator, key and the values compared with (OR'ed); tests are AND'ed. */
export interface ConditionTest {
  operator: string;
  key: string;
  values: Array<Value | Unknown>;
}

/**
 * The tests of a statement's Condition, from JSON (`{StringEquals: {key: value}}`)
 * or Terraform `condition { test, variable, values }` blocks; an Unknown when
 * an operator or key is unresolved (a value left unresolved stays in `values`).
 */
export function conditionTests(condition: Value | undefined): ConditionTest[] | Unknown {
  if (isUnknown(condition)) return condition;
  const tests: ConditionTest[] = [];
  const valuesOf = (v: Value | undefined): Array<Value | Unknown> => (isUnknown(v) ? [v] : asList(v));
  if (Array.isArray(condition)) {
    for (const block of condition) {
      if (isUnknown(block)) return block;
      if (!isObject(block)) continue;
      const { test, variable, values } = block;
      if (isUnknown(test)) return test;
      if (isUnknown(variable)) return variable;
      if (typeof test === 'string' && typeof variable === 'string') tests.push({ operator: test, key: variable, values: valuesOf(values) });
    }
  } else if (isObject(condition)) {
    for (const [operator, body] of Object.entries(condition)) {
      if (isUnknown(body)) return body;
      if (!isObject(body)) continue;
      for (const [key, v] of Object.entries(body)) tests.push({ operator, key, values: valuesOf(v) });
    }
  }
  return tests;
}

/**
 * Condition keys whose value the caller writes into its own request (the HTTP
 * Referer and User-Agent headers): a test on them alone restricts nobody, as
 * the IAM reference warns for aws:Referer.
 */
const CALLER_SUPPLIED_KEYS = new Set(['aws:referer', 'aws:useragent']);

/**
 * Does a statement's Condition restrict who can use it? False only when every
 * test is on a caller-supplied key; an unresolved condition counts as
 * restricting (a check then stays silent rather than guess).
 */
export function conditionRestrictsCallers(condition: Value | undefined): boolean {
  if (condition === undefined) return false;
  const tests = conditionTests(condition);
  if (isUnknown(tests)) return true;
  return tests.length === 0 || !tests.every((t) => CALLER_SUPPLIED_KEYS.has(t.key.trim().toLowerCase()));
}

/** True when a pattern list holds `*` itself (every action / every resource). */
export function hasFullWildcard(list: PatternList | undefined): boolean {
  if (list === undefined || isUnknown(list)) return false;
  return list.some((p) => typeof p === 'string' && /^\*+$/.test(p.trim()));
}

/** Does a pattern list match the value? Unknown when no known pattern matches but some entry is unknown. */
export function listMatches(list: PatternList, value: string): boolean | Unknown {
  if (isUnknown(list)) return list;
  let unresolved: Unknown | undefined;
  for (const p of list) {
    if (isUnknown(p)) unresolved ??= p;
    else if (wildcardMatch(p.trim(), value)) return true;
  }
  return unresolved ?? false;
}

/**
 * Whether the statement's action element covers an action: through `Action`
 * (some pattern matches) or `NotAction` (no pattern matches).
 */
export function coversAction(st: PolicyStatement, action: string): boolean | Unknown {
  if (st.action !== undefined) return listMatches(st.action, action);
  if (st.notAction !== undefined) {
    const m = listMatches(st.notAction, action);
    return isUnknown(m) ? m : !m;
  }
  return false;
}

/**
 * Could an unresolved value turn out to be "*"? Not when its expression is a
 * template with literal text around the placeholders (`arn:aws:s3:::${Bucket}/*`)
 * or a reference to a resource's ARN (`aws_s3_bucket.b.arn`).
 */
export function couldBeWildcard(u: Unknown): boolean {
  const e = u.expression?.trim();
  if (!e) return true;
  if (e.includes('${') && e.replace(/\$\{[^}]*\}/g, '').replace(/\*/g, '') !== '') return false;
  if (/^[A-Za-z0-9_.\-[\]"]+\.arn$/.test(e)) return false;
  return true;
}

/** Whether the statement applies to every resource (`Resource: "*"`). */
export function coversAllResources(st: PolicyStatement): boolean | Unknown {
  if (st.resource !== undefined) {
    if (hasFullWildcard(st.resource)) return true;
    if (isUnknown(st.resource)) return couldBeWildcard(st.resource) ? st.resource : false;
    const u = st.resource.find((x): x is Unknown => isUnknown(x) && couldBeWildcard(x));
    return u ?? false;
  }
  return false;
}

/** True when the statement's principal is anyone: `"*"` or `{"AWS": "*"}`. Unknown when unresolved. */
export function principalIsAnyone(p: Principals | Unknown | undefined): boolean | Unknown {
  if (p === undefined) return false;
  if (isUnknown(p)) return couldBeWildcard(p) ? p : false;
  if (p.anyone) return true;
  const aws = p.byType.AWS ?? [];
  // "*", or an ARN with a wildcard account (arn:aws:iam::*:root): IAM rejects the latter, but it states the same intent
  if (aws.some((x) => typeof x === 'string' && (x.trim() === '*' || /^arn:aws[a-z-]*:iam::\*:/.test(x.trim())))) return true;
  const u = aws.find((x): x is Unknown => isUnknown(x) && couldBeWildcard(x));
  return u ?? false;
}

/** The statement's Effect is Allow (Unknown passes through). */
export function isAllow(st: PolicyStatement): boolean | Unknown {
  return isUnknown(st.effect) ? st.effect : st.effect === 'Allow';
}

/** Short, readable rendering of a pattern list for evidence. */
export function renderList(list: PatternList | undefined): string {
  if (list === undefined) return '[]';
  if (isUnknown(list)) return list.toString();
  const items = list.map((x) => (isUnknown(x) ? x.toString() : JSON.stringify(x)));
  return items.length === 1 ? items[0]! : `[${items.join(', ')}]`;
}
