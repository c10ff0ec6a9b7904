import { Unknown, isUnknown, type Location, type Value, type ValueObject } from '../../model/index.js';
import type { Block, Body, Expr } from './ast.js';
import { Evaluator, iterate, scalarString, withLocals } from './evaluate.js';

/** Receives the attribute path being evaluated, so references can name it. */
export interface PathTracker {
  currentPath: string;
}

/**
 * Evaluates a block body into the `terraform show -json` shape: attributes
 * by name, nested blocks as arrays of objects (`ingress: [{...}, {...}]`),
 * `dynamic "x"` blocks expanded into `x` entries. Fills `locations` with the
 * line range of every attribute, nested block and literal list/map element.
 */
export function evalBody(
  body: Body,
  ev: Evaluator,
  file: string,
  prefix: string,
  locations: Record<string, Location>,
  tracker: PathTracker | undefined,
  skip?: ReadonlySet<string>,
): ValueObject {
  const out: ValueObject = {};
  for (const a of body.attrs) {
    if (skip?.has(a.name)) continue;
    const path = prefix + a.name;
    if (tracker) tracker.currentPath = path;
    const v = ev.eval(a.expr);
    out[a.name] = v;
    locations[path] = { file, startLine: a.line, endLine: a.endLine };
    elementLocations(a.expr, v, path, file, locations);
  }
  const counts = new Map<string, number>();
  const push = (type: string, value: ValueObject, block: Block): void => {
    const i = counts.get(type) ?? 0;
    counts.set(type, i + 1);
    const list = (out[type] as Value[] | undefined) ?? [];
    list.push(value);
    out[type] = list;
    locations[`${prefix}${type}[${i}]`] ??= { file, startLine: block.line, endLine: block.endLine };
  };
  for (const b of body.blocks) {
    if (skip?.has(b.type)) continue;
    if (b.type === 'dynamic' && b.labels[0]) {
      expandDynamic(b, ev, file, prefix, locations, tracker, counts, push, out);
      continue;
    }
    const i = counts.get(b.type) ?? 0;
    const sub: Record<string, Location> = {};
    const v = evalBody(b.body, ev, file, `${prefix}${b.type}[${i}].`, sub, tracker);
    Object.assign(locations, sub);
    push(b.type, v, b);
  }
  return out;
}

function expandDynamic(
  b: Block,
  ev: Evaluator,
  file: string,
  prefix: string,
  locations: Record<string, Location>,
  tracker: PathTracker | undefined,
  counts: Map<string, number>,
  push: (type: string, value: ValueObject, block: Block) => void,
  out: ValueObject,
): void {
  const type = b.labels[0]!;
  const forEach = b.body.attrs.find((a) => a.name === 'for_each');
  const content = b.body.blocks.find((x) => x.type === 'content');
  const iterAttr = b.body.attrs.find((a) => a.name === 'iterator');
  const iterName = iterAttr && iterAttr.expr.k === 'var' ? iterAttr.expr.name : iterAttr && iterAttr.expr.k === 'lit' && typeof iterAttr.expr.v === 'string' ? iterAttr.expr.v : type;
  if (!forEach || !content) return;
  if (tracker) tracker.currentPath = `${prefix}${type}`;
  const coll = ev.eval(forEach.expr);
  const entries = isUnknown(coll) ? undefined : iterate(coll);
  if (!entries) {
    // the number of blocks is unknown: the whole nested-block attribute is unknown
    if (isUnknown(coll)) {
      out[type] = new Unknown(`dynamic "${type}" blocks over an unknown collection`, forEach.expr.text);
      locations[`${prefix}${type}`] = { file, startLine: b.line, endLine: b.endLine };
    }
    return;
  }
  for (const [k, v] of entries) {
    const sub = new Evaluator(withLocals(ev.scope, { [iterName]: { key: k, value: v } }));
    const i = counts.get(type) ?? 0;
    const subLocs: Record<string, Location> = {};
    const val = evalBody(content.body, sub, file, `${prefix}${type}[${i}].`, subLocs, tracker);
    Object.assign(locations, subLocs);
    push(type, val, content);
  }
}

/** Locations of the elements of literal lists and maps, e.g. `cidr_blocks[1]`, `tags.Name`. */
function elementLocations(e: Expr, v: Value, path: string, file: string, locations: Record<string, Location>): void {
  if (e.k === 'tuple' && Array.isArray(v) && v.length === e.items.length) {
    e.items.forEach((item, i) => {
      const p = `${path}[${i}]`;
      locations[p] = { file, startLine: item.line, endLine: item.endLine };
      elementLocations(item, v[i]!, p, file, locations);
    });
  } else if (e.k === 'object' && v !== null && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v)) {
    for (const { key, value } of e.items) {
      if (key.k !== 'lit') continue;
      const ks = scalarString(key.v);
      if (ks === undefined || !(ks in v)) continue;
      const p = `${path}.${ks}`;
      locations[p] = { file, startLine: key.line, endLine: value.endLine };
      elementLocations(value, v[ks]!, p, file, locations);
    }
  }
}
