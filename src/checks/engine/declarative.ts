/**
 * Declarative checks: a YAML file with the check's metadata and a condition
 * over one resource's attributes, for rules too simple to deserve code.
 *
 * ```yaml
 * id: ACME-S3-001
 * title: Buckets must not be public-read
 * pillar: privileges
 * severity: high
 * description: ...
 * remediation: ...
 * sources: [terraform, terraform-plan]
 * resourceTypes: [aws_s3_bucket]          # required: the native types it runs on
 * message: bucket is readable by anyone   # optional; default: the title
 * condition:                              # true means a FINDING
 *   any:
 *     - attribute: acl
 *       equals: public-read
 *     - { attribute: acl, in: [public-read-write, authenticated-read] }
 * ```
 *
 * Conditions: `all: [...]`, `any: [...]`, `not: {...}`, or a leaf
 * `{ attribute: PATH, OPERATOR: OPERAND }` with one operator of
 * `equals, notEquals, in, notIn, exists, absent, contains, matches,
 * greaterThan, lessThan`. A path segment `[*]` means "any element"
 * (`ingress[*].cidr_blocks`): the leaf holds when it holds for some element.
 * Keys with dots go in brackets: `metadata.labels["app.kubernetes.io/name"]`.
 *
 * Three-valued logic (Kleene): a leaf on an Unknown value is unknown, never
 * true or false; `all` is false if any part is false, `any` is true if any
 * part is true, `not` keeps unknown. A resource whose condition is unknown
 * gets a finding with `verdict: 'unknown'`.
 *
 * Semantics worth knowing: `equals`/`in` compare scalars by their text (YAML
 * `22` equals HCL `"22"`), lists and maps structurally; an absent attribute
 * is "not equal" (`notEquals`/`notIn` hold) and fails every other operator
 * except `absent`; `exists` means present and not null; `contains` looks in a
 * list (an element equals), a string (substring) or a map (key).
 */
import { LineCounter, parseDocument, isNode, type Node } from 'yaml';
import { z } from 'zod';
import type { Resource, Value } from '../../model/index.js';
import { asNumber, isObject, isUnknown } from '../../model/index.js';
import { looksSecretName, maskSecret } from '../_lib/secrets.js';
import { CheckLoadError, checkMetaSchema } from './validate.js';
import type { Check, FindingDraft } from './types.js';

export const OPERATORS = ['equals', 'notEquals', 'in', 'notIn', 'exists', 'absent', 'contains', 'matches', 'greaterThan', 'lessThan'] as const;
export type Operator = (typeof OPERATORS)[number];

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { attribute: string; op: Operator; operand: Value; regex?: RegExp };

/** Kleene truth value. */
export type Truth = true | false | 'unknown';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Validates one condition node by hand inside zod, so errors carry the exact YAML path. */
function checkCondition(node: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  const issue = (message: string, at: (string | number)[] = path) => ctx.addIssue({ code: 'custom', message, path: at });
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return issue('a condition must be a map: all, any, not, or { attribute, <operator> }');
  const keys = Object.keys(node);
  const o = node as Record<string, unknown>;
  const combinators = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
  if (combinators.length) {
    if (keys.length !== 1) return issue(`"${combinators[0]}" must stand alone, found also: ${keys.filter((k) => k !== combinators[0]).join(', ')}`);
    const k = combinators[0]!;
    if (k === 'not') return checkCondition(o.not, [...path, 'not'], ctx);
    const list = o[k];
    if (!Array.isArray(list) || list.length === 0) return issue(`"${k}" needs a non-empty list of conditions`, [...path, k]);
    list.forEach((c, i) => checkCondition(c, [...path, k, i], ctx));
    return;
  }
  if (!('attribute' in o)) return issue(`a condition needs "attribute" and an operator, or all/any/not; found: ${keys.join(', ') || 'nothing'}`);
  if (typeof o.attribute !== 'string' || !parsePattern(o.attribute)) return issue('attribute must be a path such as acl, ingress[*].cidr_blocks, spec.containers[0].image or metadata.labels["app.kubernetes.io/name"]', [...path, 'attribute']);
  const ops = keys.filter((k) => k !== 'attribute');
  const unknownOps = ops.filter((k) => !(OPERATORS as readonly string[]).includes(k));
  if (unknownOps.length) return issue(`unknown operator "${unknownOps[0]}" (known: ${OPERATORS.join(', ')})`, [...path, unknownOps[0]!]);
  if (ops.length !== 1) return issue(ops.length ? `one operator per condition, found: ${ops.join(', ')} (combine them with all/any)` : `missing operator (one of: ${OPERATORS.join(', ')})`);
  const op = ops[0] as Operator;
  const v = o[op];
  const at = [...path, op];
  switch (op) {
    case 'exists':
    case 'absent':
      if (v !== true) issue(`${op} takes "true"`, at);
      break;
    case 'in':
    case 'notIn':
      if (!Array.isArray(v)) issue(`${op} takes a list`, at);
      break;
    case 'matches':
      if (typeof v !== 'string') issue('matches takes a regular expression as a string', at);
      else
        try {
          new RegExp(v);
        } catch (err) {
          issue(`invalid regular expression: ${(err as Error).message}`, at);
        }
      break;
    case 'greaterThan':
    case 'lessThan':
      if (typeof v !== 'number') issue(`${op} takes a number`, at);
      break;
    case 'contains':
      if (!scalar.safeParse(v).success) issue('contains takes a scalar', at);
      break;
    default:
      break;
  }
}

export const declarativeCheckSchema = checkMetaSchema
  .extend({
    resourceTypes: z.array(z.string().min(1)).min(1, 'resourceTypes must name at least one native type'),
    message: z.string().optional(),
    condition: z.unknown().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.condition === undefined) ctx.addIssue({ code: 'custom', message: 'missing condition', path: ['condition'] });
    else checkCondition(c.condition, ['condition'], ctx);
  });

/** Turns the validated YAML condition into the evaluator's form. */
function compile(node: Record<string, unknown>): Condition {
  if ('all' in node) return { all: (node.all as Record<string, unknown>[]).map(compile) };
  if ('any' in node) return { any: (node.any as Record<string, unknown>[]).map(compile) };
  if ('not' in node) return { not: compile(node.not as Record<string, unknown>) };
  const op = Object.keys(node).find((k) => k !== 'attribute') as Operator;
  const operand = node[op] as Value;
  return op === 'matches' ? { attribute: node.attribute as string, op, operand, regex: new RegExp(operand as string) } : { attribute: node.attribute as string, op, operand };
}

/** A concrete attribute path with the value found there (undefined when absent). */
interface Candidate {
  path: string;
  value: Value | undefined;
}

/** Expands `[*]` over lists. An absent or empty list yields one absent candidate; an Unknown on the way yields it. */
type Segment = { key: string } | { index: number } | { any: true };

/** `[*]`, `[2]`, `["app.kubernetes.io/name"]` or a plain key, each optionally after a dot. */
const SEGMENT = /\.?(?:\[\*\]|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]"]+))/y;

/** Splits an attribute pattern into segments; undefined when it is not a valid path. */
export function parsePattern(pattern: string): Segment[] | undefined {
  const out: Segment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < pattern.length) {
    const at = SEGMENT.lastIndex;
    const m = SEGMENT.exec(pattern);
    if (!m || (at === 0 && pattern.startsWith('.'))) return undefined;
    if (m[1] !== undefined) out.push({ index: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ key: m[2].replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) {
      // a plain key must follow a dot unless it opens the path
      if (at > 0 && pattern[at] !== '.') return undefined;
      out.push({ key: m[3] });
    } else out.push({ any: true });
  }
  return out.length ? out : undefined;
}

const segmentCache = new Map<string, Segment[]>();

/**
 * Expands `[*]` over lists. An absent or empty list yields one absent
 * candidate; an Unknown on the way yields it. Paths of the candidates are
 * written as the sources write attributeLocations keys (keys joined by dots,
 * indexes in brackets), so a finding lands on the attribute's line.
 */
export function expandPath(root: Value, pattern: string): Candidate[] {
  let segments = segmentCache.get(pattern);
  if (!segments) {
    segments = parsePattern(pattern) ?? [];
    segmentCache.set(pattern, segments);
  }
  let current: Candidate[] = [{ path: '', value: root }];
  for (const seg of segments) {
    const next: Candidate[] = [];
    for (const c of current) {
      const step = 'key' in seg ? (c.path === '' ? seg.key : `${c.path}.${seg.key}`) : 'index' in seg ? `${c.path}[${seg.index}]` : `${c.path}[*]`;
      if (c.value === undefined || c.value === null || isUnknown(c.value)) {
        next.push({ path: step, value: c.value === null ? undefined : c.value });
      } else if ('any' in seg) {
        if (Array.isArray(c.value) && c.value.length) c.value.forEach((v, i) => next.push({ path: `${c.path}[${i}]`, value: v }));
        else next.push({ path: step, value: undefined });
      } else if ('index' in seg) {
        next.push({ path: step, value: Array.isArray(c.value) ? c.value[seg.index] : undefined });
      } else {
        next.push({ path: step, value: isObject(c.value) && Object.hasOwn(c.value, seg.key) ? c.value[seg.key] : undefined });
      }
    }
    current = next;
  }
  return current;
}

function sameValue(a: Value, b: Value): boolean | 'unknown' {
  if (isUnknown(a) || isUnknown(b)) return 'unknown';
  if (a === null || b === null) return a === b;
  if (typeof a !== 'object' && typeof b !== 'object') return String(a) === String(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && and(a.map((x, i) => sameValue(x, b[i]!)));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.join('\0') === kb.join('\0') && and(ka.map((k) => sameValue(a[k]!, b[k]!)));
  }
  return false;
}

function and(parts: Truth[]): Truth {
  if (parts.includes(false)) return false;
  return parts.includes('unknown') ? 'unknown' : true;
}
function or(parts: Truth[]): Truth {
  if (parts.includes(true)) return true;
  return parts.includes('unknown') ? 'unknown' : false;
}
function not(t: Truth): Truth {
  return t === 'unknown' ? t : !t;
}

function testValue(v: Value | undefined, leaf: Extract<Condition, { attribute: string }>): Truth {
  const absent = v === undefined || v === null;
  if (leaf.op === 'absent') return isUnknown(v) ? 'unknown' : absent;
  if (leaf.op === 'exists') return isUnknown(v) ? 'unknown' : !absent;
  if (absent) return leaf.op === 'notEquals' || leaf.op === 'notIn';
  if (isUnknown(v)) return 'unknown';
  switch (leaf.op) {
    case 'equals':
      return sameValue(v, leaf.operand);
    case 'notEquals':
      return not(sameValue(v, leaf.operand));
    case 'in':
      return or((leaf.operand as Value[]).map((x) => sameValue(v, x)));
    case 'notIn':
      return not(or((leaf.operand as Value[]).map((x) => sameValue(v, x))));
    case 'contains':
      if (Array.isArray(v)) return or(v.map((x) => sameValue(x, leaf.operand)));
      if (typeof v === 'string') return v.includes(String(leaf.operand));
      if (isObject(v)) return Object.hasOwn(v, String(leaf.operand));
      return false;
    case 'matches':
      return typeof v === 'object' ? false : leaf.regex!.test(String(v));
    case 'greaterThan':
    case 'lessThan': {
      const n = asNumber(v);
      if (isUnknown(n)) return 'unknown';
      if (n === undefined) return false;
      return leaf.op === 'greaterThan' ? n > (leaf.operand as number) : n < (leaf.operand as number);
    }
    default:
      return false;
  }
}

export interface Evaluation {
  truth: Truth;
  /** the concrete attribute path that decided it (for the finding's line) */
  path?: string;
  value?: Value;
}

/** Evaluates a condition on a resource's attributes, remembering which attribute decided. */
export function evaluate(cond: Condition, attributes: Value): Evaluation {
  if ('all' in cond) {
    const parts = cond.all.map((c) => evaluate(c, attributes));
    const truth = and(parts.map((p) => p.truth));
    return { ...(parts.find((p) => p.truth === truth && p.path) ?? {}), truth };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => evaluate(c, attributes));
    const truth = or(parts.map((p) => p.truth));
    return { ...(parts.find((p) => p.truth === truth && p.path) ?? {}), truth };
  }
  if ('not' in cond) {
    const inner = evaluate(cond.not, attributes);
    return { ...inner, truth: not(inner.truth) };
  }
  const results = expandPath(attributes, cond.attribute).map((c) => ({ ...c, truth: testValue(c.value, cond) }));
  const truth = or(results.map((r) => r.truth));
  const decisive = results.find((r) => r.truth === truth) ?? results[0];
  return { truth, path: decisive?.path, value: decisive?.value };
}

function evidenceOf(path: string, value: Value | undefined, mask: boolean): string {
  if (value === undefined) return `${path} is not set`;
  if (isUnknown(value)) return `${path} = ${value.toString()}`;
  const secret = mask || path.split(/[.[\]]/).some((seg) => seg !== '' && !/^\d+$/.test(seg) && looksSecretName(seg));
  if (typeof value === 'string') return `${path} = ${secret ? maskSecret(value, { strength: false }) : JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value)}`;
  if (secret) return `${path} = (masked)`;
  const text = JSON.stringify(value);
  return `${path} = ${text.length > 120 ? `${text.slice(0, 117)}...` : text}`;
}

export type DeclarativeCheckSpec = z.infer<typeof declarativeCheckSchema>;

/** Builds a check from a validated spec. */
export function declarativeCheck(spec: DeclarativeCheckSpec, file: string): Check {
  const condition = compile(spec.condition as Record<string, unknown>);
  const { condition: _c, message, ...meta } = spec;
  const sources = new Set(spec.sources);
  return {
    meta,
    file,
    run(ctx) {
      const out: FindingDraft[] = [];
      for (const r of ctx.ofType(...spec.resourceTypes)) {
        if (!sources.has(r.source)) continue;
        const e = evaluate(condition, r.attributes);
        if (e.truth === false) continue;
        const draft: FindingDraft = {
          resource: r,
          message: `${message ?? spec.title}: ${r.type} ${r.name}${e.truth === 'unknown' ? ' (depends on an unresolved value)' : ''}`,
          verdict: e.truth === true ? 'fail' : 'unknown',
        };
        if (e.path) {
          draft.attributePath = e.path;
          draft.evidence = evidenceOf(e.path, e.value, spec.pillar === 'passwords');
        }
        out.push(draft);
      }
      return out;
    },
  };
}

/** Line of the YAML node at a zod issue path (or its nearest parent), 1-based. */
function lineAt(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as Node | undefined;
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    // the key itself, for a missing or null value
    if (n > 0) {
      const parent = doc.getIn(path.slice(0, n - 1) as (string | number)[], true) as { items?: Array<{ key?: Node }> } | undefined;
      const pair = parent?.items?.find((p) => isNode(p.key) && (p.key as unknown as { value: unknown }).value === path[n - 1]);
      if (pair?.key?.range) return lines.linePos(pair.key.range[0]).line;
    }
  }
  return undefined;
}

export interface DeclarativeOptions {
  /** source kinds that exist; a check naming another one is rejected (it could never run) */
  sourceKinds?: readonly string[];
}

/** Parses and validates a YAML check file; throws CheckLoadError naming the file and line. */
export function parseDeclarativeCheck(text: string, file: string, options: DeclarativeOptions = {}): Check {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = lines.linePos(err.pos[0]).line;
    throw new CheckLoadError(`${file}:${line}`, `YAML syntax error: ${err.message.split('\n')[0]}`);
  }
  const parsed = declarativeCheckSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // an unrecognised key is best shown at the key itself
    const path = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path;
    const line = lineAt(doc, lines, path) ?? 1;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length > 2 ? 's' : ''})` : '';
    throw new CheckLoadError(`${file}:${line}`, `invalid check: ${where}${issue.message}${more}`);
  }
  const kinds = options.sourceKinds;
  const bad = kinds ? parsed.data.sources.findIndex((k) => !kinds.includes(k)) : -1;
  if (kinds && bad >= 0) {
    const line = lineAt(doc, lines, ['sources', bad]) ?? 1;
    throw new CheckLoadError(`${file}:${line}`, `invalid check: sources.${bad}: unknown source "${parsed.data.sources[bad]}" (known: ${kinds.join(', ')})`);
  }
  return declarativeCheck(parsed.data, file);
}
