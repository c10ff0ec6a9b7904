import { isUnknown, type Value, type ValueObject } from '../../model/index.js';
import type { Expr } from './ast.js';
import type { Evaluator } from './evaluate.js';

/**
 * Applies a variable's `type` constraint the way Terraform converts values:
 * strings to numbers and bools (and back), `optional(type, default)`
 * attributes of objects filled in (null without a default), recursively
 * through list/set/map/tuple/object. Anything it cannot convert is returned
 * unchanged; unknowns stay unknown.
 */
export function convertToType(v: Value, type: Expr, ev: Evaluator): Value {
  if (isUnknown(v) || v === null) return v;
  if (type.k === 'var') {
    switch (type.name) {
      case 'number':
        return typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
      case 'bool':
        return v === 'true' ? true : v === 'false' ? false : v;
      case 'string':
        return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
      default:
        return v;
    }
  }
  if (type.k !== 'call') return v;
  const [inner] = type.args;
  switch (type.name) {
    case 'list':
    case 'set':
      return Array.isArray(v) && inner ? v.map((x) => convertToType(x, inner, ev)) : v;
    case 'map':
      if (!inner || typeof v !== 'object' || Array.isArray(v)) return v;
      return Object.fromEntries(Object.entries(v as ValueObject).map(([k, x]) => [k, convertToType(x, inner, ev)]));
    case 'tuple':
      if (!Array.isArray(v) || inner?.k !== 'tuple') return v;
      return v.map((x, i) => (inner.items[i] ? convertToType(x, inner.items[i]!, ev) : x));
    case 'object': {
      if (inner?.k !== 'object' || typeof v !== 'object' || Array.isArray(v)) return v;
      const out: ValueObject = { ...(v as ValueObject) };
      for (const { key, value: attrType } of inner.items) {
        if (key.k !== 'lit' || typeof key.v !== 'string') continue;
        const name = key.v;
        const optional = attrType.k === 'call' && attrType.name === 'optional';
        const t = optional ? attrType.args[0] : attrType;
        if (!Object.prototype.hasOwnProperty.call(out, name) || out[name] === null) {
          if (!optional) continue;
          const def = attrType.args[1];
          out[name] = def ? ev.eval(def) : null;
        }
        if (t) out[name] = convertToType(out[name]!, t, ev);
      }
      return out;
    }
    default:
      return v;
  }
}
