import { Unknown, isUnknown, type Value, type ValueObject } from '../../model/index.js';
import type { Expr, TemplatePart, Traversal } from './ast.js';

/**
 * Evaluates HCL expressions to model values. Anything that cannot be known
 * from the configuration alone becomes an `Unknown` carrying the expression
 * text; operators and functions given an Unknown return an Unknown (except
 * where Terraform short-circuits: `false && x`, `try`, `can`, conditionals
 * with a known condition).
 */
export interface Scope {
  /** a root name: var, local, each, count, aws_instance, module, a for variable... */
  root(name: string, expr: Expr): Value;
  /**
   * A traversal starting at a root name (`aws_sg.web.id`), for scopes that
   * record references. Returns undefined to fall back to root() + generic traversal.
   */
  traverse?(expr: Expr): Value | undefined;
  call(name: string, args: Value[], expr: Expr, argExprs: Expr[]): Value;
}

export function unknownOf(expr: Expr, reason = 'not known until apply'): Unknown {
  return new Unknown(reason, expr.text);
}

export class Evaluator {
  constructor(readonly scope: Scope) {}

  eval(e: Expr): Value {
    switch (e.k) {
      case 'lit':
        return e.v;
      case 'tpl':
        return this.template(e.parts, e);
      case 'tuple':
        return e.items.map((i) => this.eval(i));
      case 'object': {
        const out: ValueObject = {};
        for (const { key, value } of e.items) {
          const k = this.eval(key);
          if (isUnknown(k)) return unknownOf(e, 'object with an unknown key');
          const ks = scalarString(k);
          if (ks === undefined) return unknownOf(e, 'object key is not a string');
          out[ks] = this.eval(value);
        }
        return out;
      }
      case 'var':
        return this.scope.root(e.name, e);
      case 'attr':
      case 'index':
      case 'splat': {
        const via = this.scope.traverse?.(e);
        if (via !== undefined) return via;
        if (e.k === 'splat') return this.splat(this.eval(e.obj), e.each, e);
        if (e.k === 'attr') return getAttr(this.eval(e.obj), e.name, e);
        return getIndex(this.eval(e.obj), this.eval(e.index), e);
      }
      case 'call': {
        if (e.name === 'try') return this.tryFn(e);
        if (e.name === 'can') {
          const v = this.tryFn({ ...e, args: e.args.slice(0, 1) });
          if (isUnknown(v)) return v.reason === 'evaluation error' ? false : v;
          return true;
        }
        let args = e.args.map((a) => this.eval(a));
        if (e.expand && args.length > 0) {
          const last = args[args.length - 1];
          if (isUnknown(last)) return unknownOf(e, 'expanded argument is unknown');
          if (!Array.isArray(last)) return unknownOf(e, 'evaluation error');
          args = [...args.slice(0, -1), ...last];
        }
        return this.scope.call(e.name, args, e, e.args);
      }
      case 'for':
        return this.forExpr(e);
      case 'cond': {
        const c = this.eval(e.cond);
        if (isUnknown(c)) return unknownOf(e, 'condition is unknown');
        const b = toBool(c);
        if (b === undefined) return unknownOf(e, 'evaluation error');
        return b ? this.eval(e.then) : this.eval(e.else);
      }
      case 'unary': {
        const x = this.eval(e.x);
        if (isUnknown(x)) return unknownOf(e, x.reason);
        if (e.op === '!') {
          const b = toBool(x);
          return b === undefined ? unknownOf(e, 'evaluation error') : !b;
        }
        const n = toNumber(x);
        return n === undefined ? unknownOf(e, 'evaluation error') : -n;
      }
      case 'binary':
        return this.binary(e.op, e);
    }
  }

  private tryFn(e: Extract<Expr, { k: 'call' }>): Value {
    let sawUnknown: Unknown | undefined;
    for (const a of e.args) {
      const v = this.eval(a);
      if (!isUnknown(v)) return v;
      if (v.reason !== 'evaluation error') {
        sawUnknown = v;
        break; // an unknown (not failing) argument makes the result unknown
      }
    }
    return sawUnknown ? unknownOf(e, sawUnknown.reason) : unknownOf(e, 'evaluation error');
  }

  private binary(op: string, e: Extract<Expr, { k: 'binary' }>): Value {
    const l = this.eval(e.l);
    if (op === '&&' || op === '||') {
      const lb = isUnknown(l) ? undefined : toBool(l);
      if (op === '&&' && lb === false) return false;
      if (op === '||' && lb === true) return true;
      const r = this.eval(e.r);
      const rb = isUnknown(r) ? undefined : toBool(r);
      if (op === '&&' && rb === false) return false;
      if (op === '||' && rb === true) return true;
      if (isUnknown(l) || isUnknown(r)) return unknownOf(e, 'operand is unknown');
      if (lb === undefined || rb === undefined) return unknownOf(e, 'evaluation error');
      return op === '&&' ? lb && rb : lb || rb;
    }
    const r = this.eval(e.r);
    if (isUnknown(l) || isUnknown(r)) return unknownOf(e, 'operand is unknown');
    if (op === '==') return deepEqual(l, r);
    if (op === '!=') return !deepEqual(l, r);
    const a = toNumber(l);
    const b = toNumber(r);
    if (a === undefined || b === undefined) return unknownOf(e, 'evaluation error');
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return b === 0 ? unknownOf(e, 'evaluation error') : a / b;
      case '%':
        return b === 0 ? unknownOf(e, 'evaluation error') : a % b;
      case '<':
        return a < b;
      case '<=':
        return a <= b;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
    }
    return unknownOf(e, 'evaluation error');
  }

  template(parts: TemplatePart[], e: Expr): Value {
    // "${x}" alone keeps x's type
    if (parts.length === 1 && typeof parts[0] !== 'string' && parts[0]!.k !== 'tif' && parts[0]!.k !== 'tfor') return this.eval(parts[0] as Expr);
    if (parts.length === 2 && parts[0] === '' && typeof parts[1] !== 'string' && parts[1]!.k !== 'tif' && parts[1]!.k !== 'tfor') {
      const v = this.eval(parts[1] as Expr);
      if (isUnknown(v)) return unknownOf(e, v.reason);
      const s = scalarString(v);
      return s ?? unknownOf(e, 'evaluation error');
    }
    const out = this.renderParts(parts, e);
    return out;
  }

  private renderParts(parts: TemplatePart[], e: Expr): string | Unknown {
    let s = '';
    for (const p of parts) {
      if (typeof p === 'string') {
        s += p;
        continue;
      }
      if (p.k === 'tif') {
        const c = this.eval(p.cond);
        if (isUnknown(c)) return unknownOf(e, 'template condition is unknown');
        const r = this.renderParts(toBool(c) ? p.then : p.else, e);
        if (isUnknown(r)) return r;
        s += r;
        continue;
      }
      if (p.k === 'tfor') {
        const coll = this.eval(p.coll);
        if (isUnknown(coll)) return unknownOf(e, 'template loop collection is unknown');
        const entries = iterate(coll);
        if (!entries) return unknownOf(e, 'evaluation error');
        for (const [k, v] of entries) {
          const sub = new Evaluator(withLocals(this.scope, p.keyVar ? { [p.keyVar]: k, [p.valVar]: v } : { [p.valVar]: v }));
          const r = sub.renderParts(p.body, e);
          if (isUnknown(r)) return r;
          s += r;
        }
        continue;
      }
      const v = this.eval(p);
      if (isUnknown(v)) return unknownOf(e, v.reason);
      const vs = scalarString(v);
      if (vs === undefined) return unknownOf(e, v === null ? 'template interpolates null' : 'evaluation error');
      s += vs;
    }
    return s;
  }

  private forExpr(e: Extract<Expr, { k: 'for' }>): Value {
    const coll = this.eval(e.coll);
    if (isUnknown(coll)) return unknownOf(e, 'for expression over an unknown collection');
    const entries = iterate(coll);
    if (!entries) return unknownOf(e, 'evaluation error');
    const isObj = e.key !== undefined;
    const list: Value[] = [];
    const obj: ValueObject = {};
    for (const [k, v] of entries) {
      const sub = new Evaluator(withLocals(this.scope, e.keyVar ? { [e.keyVar]: k, [e.valVar]: v } : { [e.valVar]: v }));
      if (e.cond) {
        const c = sub.eval(e.cond);
        if (isUnknown(c)) return unknownOf(e, 'for condition is unknown');
        if (!toBool(c)) continue;
      }
      if (!isObj) {
        list.push(sub.eval(e.value));
        continue;
      }
      const key = sub.eval(e.key!);
      if (isUnknown(key)) return unknownOf(e, 'for expression with an unknown key');
      const ks = scalarString(key);
      if (ks === undefined) return unknownOf(e, 'evaluation error');
      const val = sub.eval(e.value);
      if (e.group) {
        const cur = obj[ks];
        if (Array.isArray(cur)) cur.push(val);
        else obj[ks] = [val];
      } else obj[ks] = val;
    }
    return isObj ? obj : list;
  }

  splat(v: Value, each: Traversal[], e: Expr): Value {
    if (isUnknown(v)) return unknownOf(e, v.reason);
    if (v === null) return [];
    const items = Array.isArray(v) ? v : [v];
    return items.map((item) => this.applyTraversals(item, each, e));
  }

  applyTraversals(v: Value, ts: Traversal[], e: Expr): Value {
    let cur = v;
    for (const t of ts) {
      if (t.k === 'attr') cur = getAttr(cur, t.name, e);
      else cur = getIndex(cur, this.eval(t.index), e);
    }
    return cur;
  }
}

/** A scope that adds local names (for-expression and iterator variables) on top of another. */
export function withLocals(parent: Scope, locals: Record<string, Value>): Scope {
  return {
    root: (name, expr) => (Object.prototype.hasOwnProperty.call(locals, name) ? locals[name]! : parent.root(name, expr)),
    traverse: parent.traverse
      ? (expr) => {
          let r: Expr = expr;
          while (r.k === 'attr' || r.k === 'index' || r.k === 'splat') r = r.obj;
          if (r.k === 'var' && Object.prototype.hasOwnProperty.call(locals, r.name)) return undefined;
          return parent.traverse!(expr);
        }
      : undefined,
    call: (name, args, expr, argExprs) => parent.call(name, args, expr, argExprs),
  };
}

export function getAttr(v: Value, name: string, e: Expr): Value {
  if (isUnknown(v)) return unknownOf(e, v.reason);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    if (Object.prototype.hasOwnProperty.call(v, name)) return v[name]!;
    return unknownOf(e, 'attribute not known until apply');
  }
  return unknownOf(e, 'evaluation error');
}

export function getIndex(v: Value, k: Value, e: Expr): Value {
  if (isUnknown(v)) return unknownOf(e, v.reason);
  if (isUnknown(k)) return unknownOf(e, 'index is unknown');
  if (Array.isArray(v)) {
    const n = toNumber(k);
    if (n === undefined || !Number.isInteger(n) || n < 0 || n >= v.length) return unknownOf(e, 'evaluation error');
    return v[n]!;
  }
  if (v !== null && typeof v === 'object') {
    const ks = scalarString(k);
    if (ks !== undefined && Object.prototype.hasOwnProperty.call(v, ks)) return v[ks]!;
    return unknownOf(e, 'evaluation error');
  }
  return unknownOf(e, 'evaluation error');
}

/** key/value pairs of a list (index keys) or map (sorted keys, as Terraform iterates). */
export function iterate(v: Value): Array<[Value, Value]> | undefined {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (v !== null && typeof v === 'object' && !isUnknown(v)) {
    return Object.keys(v)
      .sort()
      .map((k) => [k, v[k]!]);
  }
  return undefined;
}

export function scalarString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

/** Numbers in templates: shortest round-trip form, with float noise (0.1 + 0.2) rounded off as Terraform's big floats would not show it. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

export function toNumber(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

export function toBool(v: Value): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]!));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b) && !isUnknown(a) && !isUnknown(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k]!, (b as ValueObject)[k]!));
  }
  return false;
}
