import { Unknown, isUnknown, type Value, type ValueObject } from '../../model/index.js';
import { jsonEncodeWithPlaceholders } from './functions.js';

/**
 * The `json` attribute of `data "aws_iam_policy_document"`, computed from its
 * evaluated `statement` blocks the way the AWS provider renders it: a
 * one-element action/resource/identifier list is written as a plain string,
 * principals are grouped by type (`"*"`/`["*"]` becomes `"Principal": "*"`),
 * conditions are grouped by test and variable. `source_policy_documents` come
 * first and `override_policy_documents` replace statements with the same Sid.
 * Unknown values follow the jsonencode rule (see functions.ts): an unknown
 * Effect/Action/Principal makes the document unknown; other unknown leaves are
 * written as "${expression}".
 */
export function policyDocumentJson(attrs: ValueObject): Value {
  const statements: Value[] = [];
  const bySid = new Map<string, number>();
  // a later statement with the same Sid replaces the earlier one
  const add = (s: ValueObject): void => {
    const sid = typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined;
    if (sid !== undefined && bySid.has(sid)) {
      statements[bySid.get(sid)!] = s;
      return;
    }
    if (sid !== undefined) bySid.set(sid, statements.length);
    statements.push(s);
  };
  // source_json / override_json are the older single-document forms
  for (const doc of [...listOf(attrs.source_json), ...listOf(attrs.source_policy_documents)]) {
    const parsed = parseDoc(doc);
    if (isUnknown(parsed)) return parsed;
    parsed.forEach((s) => add(s));
  }
  for (const st of listOf(attrs.statement)) {
    if (isUnknown(st)) return new Unknown('policy statement is unknown', st.expression);
    if (st === null || typeof st !== 'object' || Array.isArray(st)) continue;
    add(renderStatement(st));
  }
  for (const doc of [...listOf(attrs.override_json), ...listOf(attrs.override_policy_documents)]) {
    const parsed = parseDoc(doc);
    if (isUnknown(parsed)) return parsed;
    parsed.forEach((s) => add(s));
  }
  const out: ValueObject = { Version: typeof attrs.version === 'string' ? attrs.version : '2012-10-17' };
  if (typeof attrs.policy_id === 'string') out.Id = attrs.policy_id;
  out.Statement = statements;
  if (isUnknown(attrs.statement)) return new Unknown('policy statements are unknown', attrs.statement.expression);
  return jsonEncodeWithPlaceholders(out);
}

function listOf(v: Value | undefined): Value[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  return [v];
}

function parseDoc(doc: Value): ValueObject[] | Unknown {
  if (isUnknown(doc)) return new Unknown('source policy document is unknown', doc.expression);
  if (typeof doc !== 'string') return [];
  try {
    const parsed = JSON.parse(doc) as { Statement?: unknown };
    const st = parsed.Statement;
    return (Array.isArray(st) ? st : st ? [st] : []) as ValueObject[];
  } catch {
    return new Unknown('source policy document is not JSON');
  }
}

/** A one-element list collapses to its element, as the provider writes it. */
function collapse(v: Value): Value {
  if (Array.isArray(v) && v.length === 1) return v[0]!;
  return v;
}

function renderStatement(st: ValueObject): ValueObject {
  const out: ValueObject = {};
  if (typeof st.sid === 'string' && st.sid !== '') out.Sid = st.sid;
  out.Effect = st.effect === undefined || st.effect === null ? 'Allow' : st.effect;
  const lists: Array<[string, string]> = [
    ['actions', 'Action'],
    ['not_actions', 'NotAction'],
    ['resources', 'Resource'],
    ['not_resources', 'NotResource'],
  ];
  for (const [from, to] of lists) {
    const v = st[from];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[to] = collapse(v);
  }
  for (const [from, to] of [
    ['principals', 'Principal'],
    ['not_principals', 'NotPrincipal'],
  ] as const) {
    const blocks = st[from];
    if (blocks === undefined || blocks === null) continue;
    if (isUnknown(blocks)) {
      out[to] = blocks;
      continue;
    }
    const grouped: Record<string, Value[]> = {};
    let unknownPrincipal: Unknown | undefined;
    for (const b of listOf(blocks)) {
      if (b === null || typeof b !== 'object' || Array.isArray(b) || isUnknown(b)) continue;
      const type = b.type;
      if (isUnknown(type)) {
        unknownPrincipal = type;
        continue;
      }
      if (typeof type !== 'string') continue;
      const ids = b.identifiers;
      if (isUnknown(ids)) (grouped[type] ??= []).push(ids);
      else (grouped[type] ??= []).push(...listOf(ids));
    }
    if (unknownPrincipal) {
      out[to] = unknownPrincipal;
      continue;
    }
    const types = Object.keys(grouped);
    if (types.length === 1 && types[0] === '*' && grouped['*']!.every((x) => x === '*')) out[to] = '*';
    else out[to] = Object.fromEntries(types.map((t) => [t, collapse(grouped[t]!)]));
  }
  const conds = listOf(st.condition);
  if (conds.length > 0) {
    const c: Record<string, ValueObject> = {};
    for (const b of conds) {
      if (b === null || typeof b !== 'object' || Array.isArray(b) || isUnknown(b)) continue;
      const test = typeof b.test === 'string' ? b.test : '${unknown test}';
      const variable = typeof b.variable === 'string' ? b.variable : '${unknown variable}';
      // repeated test+variable pairs merge their values
      const values = listOf(b.values ?? null);
      const prev = (c[test] ??= {})[variable];
      c[test]![variable] = collapse(prev === undefined ? values : [...listOf(prev), ...values]);
    }
    out.Condition = c;
  }
  return out;
}
