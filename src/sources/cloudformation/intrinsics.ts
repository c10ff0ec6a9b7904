import { Unknown, containsUnknown, isObject, isUnknown, type Location, type Reference, type Value, type ValueObject } from '../../model/index.js';
import { cidrSubnets } from './cidr.js';

/** What `Ref: AWS::NoValue` evaluates to: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Evaluated = Value | typeof NO_VALUE;

const PSEUDO_PARAMETERS = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::Partition', 'AWS::Region', 'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix']);

/** Per-resource state of an evaluation: references found and where each output path came from. */
export interface EvalContext {
  references: Reference[];
  /** output attribute path -> location */
  locations: Record<string, Location>;
  /**
   * output attribute path -> the parameter whose `Default` gave the value and
   * where that default is written (a `Ref` standing directly at the path, or in
   * a chosen `Fn::If` branch); absent in the contexts of nested arguments
   */
  defaults?: Record<string, { parameter: string; location: Location }>;
}

function joinPath(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function isIntrinsicKey(key: string): boolean {
  return key === 'Ref' || key.startsWith('Fn::');
}

function scalarText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function sameValue(a: Value, b: Value): boolean {
  const sa = scalarText(a);
  const sb = scalarText(b);
  if (sa !== undefined && sb !== undefined) return sa === sb;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Evaluates CloudFormation intrinsic functions over a template's values.
 *
 * `Ref` to a parameter gives its override (`--var name=value`), else its
 * `Default`, else `Unknown('parameter without a value')`; `Ref`/`Fn::GetAtt`
 * to a resource gives an Unknown and records a `Reference`; pseudo parameters
 * are Unknown, `AWS::NoValue` removes the property. `Fn::Sub`, `Fn::Join`,
 * `Fn::Select`, `Fn::Split`, `Fn::FindInMap`, `Fn::Cidr`, `Fn::Length`,
 * `Fn::ToJsonString` compute their result when every input is known and are
 * Unknown otherwise. `Fn::If` picks its branch when the condition is
 * decidable (`Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`), else
 * it is Unknown (references of both branches are kept). `Fn::Base64` yields
 * its input unencoded, so checks read user data as written. `Fn::GetAZs` and
 * `Fn::ImportValue` are Unknown.
 */
export class IntrinsicEvaluator {
  private readonly parameters = new Map<string, Value>();
  private readonly conditions = new Map<string, boolean | Unknown>();
  private readonly evaluating = new Set<string>();
  /** where the Default of each parameter that takes it is written */
  private readonly defaultLocations = new Map<string, Location>();

  constructor(
    private readonly template: ValueObject,
    /** locations of the template's raw paths (`Resources.Web.Properties.ImageId`) */
    private readonly sourceLocations: Record<string, Location>,
    private readonly resourceIds: ReadonlySet<string>,
    overrides: Record<string, string>,
  ) {
    const params = isObject(template.Parameters) ? template.Parameters : {};
    for (const [name, def] of Object.entries(params)) {
      this.parameters.set(name, parameterValue(name, isObject(def) ? def : {}, overrides[name]));
      const at = sourceLocations[`Parameters.${name}.Default`];
      if (overrides[name] === undefined && at && isObject(def) && def.Default !== undefined && def.Default !== null) this.defaultLocations.set(name, at);
    }
  }

  parameter(name: string): Value | undefined {
    return this.parameters.get(name);
  }

  /** The value of a named condition from the `Conditions` section. */
  condition(name: string): boolean | Unknown {
    const known = this.conditions.get(name);
    if (known !== undefined) return known;
    const conditions = isObject(this.template.Conditions) ? this.template.Conditions : {};
    if (!(name in conditions) || this.evaluating.has(name)) return new Unknown(this.evaluating.has(name) ? 'circular condition' : 'undefined condition', name);
    this.evaluating.add(name);
    const result = this.truth(conditions[name] as Value, `Conditions.${name}`, { references: [], locations: {} });
    this.evaluating.delete(name);
    this.conditions.set(name, result);
    return result;
  }

  /** A condition expression (`Fn::Equals`, `Fn::And`, ..., `{Condition: name}`) as a boolean. */
  truth(value: Value, rawPath: string, ctx: EvalContext): boolean | Unknown {
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1) {
        const key = keys[0] as string;
        const arg = value[key] as Value;
        const at = `${rawPath}.${key}`;
        switch (key) {
          case 'Condition':
            return typeof arg === 'string' ? this.condition(arg) : new Unknown('invalid Condition', JSON.stringify(arg));
          case 'Fn::Equals': {
            if (!Array.isArray(arg) || arg.length !== 2) return new Unknown('invalid Fn::Equals');
            const a = this.evaluate(arg[0] as Value, `${at}[0]`, '', ctx);
            const b = this.evaluate(arg[1] as Value, `${at}[1]`, '', ctx);
            if (a === NO_VALUE || b === NO_VALUE) return new Unknown('invalid Fn::Equals');
            if (containsUnknown(a) || containsUnknown(b)) return new Unknown('Fn::Equals over unknown values', describe(arg));
            return sameValue(a, b);
          }
          case 'Fn::Not': {
            const items = Array.isArray(arg) ? arg : [arg];
            const v = this.truth(items[0] as Value, `${at}[0]`, ctx);
            return isUnknown(v) ? v : !v;
          }
          case 'Fn::And':
          case 'Fn::Or': {
            if (!Array.isArray(arg)) return new Unknown(`invalid ${key}`);
            const values = arg.map((c, i) => this.truth(c, `${at}[${i}]`, ctx));
            const decisive = key === 'Fn::And' ? false : true;
            if (values.some((v) => v === decisive)) return decisive;
            const firstUnknown = values.find(isUnknown);
            return firstUnknown ?? !decisive;
          }
        }
      }
    }
    const v = this.evaluate(value, rawPath, '', ctx);
    if (v === true || v === 'true') return true;
    if (v === false || v === 'false') return false;
    return isUnknown(v) ? v : new Unknown('not a condition', describe(v === NO_VALUE ? null : v));
  }

  /**
   * Evaluates a value read at `rawPath` in the template, producing the value
   * at `outPath` of the resource's attributes; records the location of every
   * output path and every reference in `ctx`.
   */
  evaluate(value: Value, rawPath: string, outPath: string, ctx: EvalContext): Evaluated {
    if (outPath !== '') {
      const loc = this.sourceLocations[rawPath];
      if (loc) ctx.locations[outPath] = loc;
    }
    if (Array.isArray(value)) {
      const out: Value[] = [];
      value.forEach((item, i) => {
        const childOut = `${outPath}[${out.length}]`;
        const v = this.evaluate(item, `${rawPath}[${i}]`, childOut, ctx);
        if (v === NO_VALUE) delete ctx.locations[childOut];
        else out.push(v);
      });
      return out;
    }
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && isIntrinsicKey(keys[0] as string)) {
        const key = keys[0] as string;
        return this.intrinsic(key, value[key] as Value, `${rawPath}.${key}`, outPath, ctx);
      }
      const out: ValueObject = {};
      for (const key of keys) {
        const childOut = joinPath(outPath, key);
        const v = this.evaluate(value[key] as Value, `${rawPath}.${key}`, childOut, ctx);
        if (v === NO_VALUE) delete ctx.locations[childOut];
        else out[key] = v;
      }
      return out;
    }
    return value;
  }

  private reference(ctx: EvalContext, outPath: string, target: string, targetAttribute?: string): void {
    const attribute = outPath === '' ? '(properties)' : outPath;
    if (ctx.references.some((r) => r.attribute === attribute && r.target === target && r.targetAttribute === targetAttribute)) return;
    ctx.references.push(targetAttribute === undefined ? { attribute, target } : { attribute, target, targetAttribute });
  }

  /** `Ref name` */
  private ref(name: Value, outPath: string, ctx: EvalContext): Evaluated {
    if (typeof name !== 'string') return new Unknown('invalid Ref', describe(name));
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO_PARAMETERS.has(name)) return new Unknown('pseudo parameter', name);
    const param = this.parameters.get(name);
    if (param !== undefined) {
      const location = this.defaultLocations.get(name);
      if (location && ctx.defaults && outPath !== '') ctx.defaults[outPath] = { parameter: name, location };
      return param;
    }
    if (this.resourceIds.has(name)) {
      this.reference(ctx, outPath, name);
      return new Unknown('resource reference', `Ref ${name}`);
    }
    return new Unknown('unresolved Ref', name);
  }

  /** `Fn::GetAtt [resource, attribute]` */
  private getAtt(resource: string, attribute: string, outPath: string, ctx: EvalContext): Unknown {
    if (this.resourceIds.has(resource)) this.reference(ctx, outPath, resource, attribute);
    return new Unknown('resource attribute', `${resource}.${attribute}`);
  }

  private intrinsic(key: string, arg: Value, at: string, outPath: string, ctx: EvalContext): Evaluated {
    // arguments share the references but not the locations: only a chosen Fn::If branch becomes the output
    const argCtx: EvalContext = { references: ctx.references, locations: {} };
    const ev = (v: Value, path: string): Evaluated => this.evaluate(v, path, outPath, argCtx);
    const args = Array.isArray(arg) ? arg : undefined;
    switch (key) {
      case 'Ref':
        return this.ref(arg, outPath, ctx);
      case 'Fn::GetAtt': {
        if (typeof arg === 'string') {
          const dot = arg.indexOf('.');
          return dot === -1 ? new Unknown('invalid Fn::GetAtt', arg) : this.getAtt(arg.slice(0, dot), arg.slice(dot + 1), outPath, ctx);
        }
        if (!args || args.length !== 2 || typeof args[0] !== 'string') return new Unknown('invalid Fn::GetAtt', describe(arg));
        const attribute = ev(args[1] as Value, `${at}[1]`);
        return this.getAtt(args[0], typeof attribute === 'string' ? attribute : '?', outPath, ctx);
      }
      case 'Fn::Sub':
        return this.sub(arg, at, outPath, argCtx);
      case 'Fn::Join': {
        if (!args || args.length !== 2) return new Unknown('invalid Fn::Join', describe(arg));
        const delimiter = ev(args[0] as Value, `${at}[0]`);
        const list = ev(args[1] as Value, `${at}[1]`);
        if (isUnknown(list)) return new Unknown('Fn::Join over an unknown list', describe(arg));
        if (typeof delimiter !== 'string' || !Array.isArray(list)) return new Unknown('invalid Fn::Join', describe(arg));
        const parts = list.map(scalarText);
        if (list.some(containsUnknown) || parts.some((p) => p === undefined)) return new Unknown('Fn::Join with unknown values', describe(arg));
        return parts.join(delimiter);
      }
      case 'Fn::Select': {
        if (!args || args.length !== 2) return new Unknown('invalid Fn::Select', describe(arg));
        const index = ev(args[0] as Value, `${at}[0]`);
        const list = ev(args[1] as Value, `${at}[1]`);
        if (isUnknown(index) || isUnknown(list)) return new Unknown('Fn::Select over unknown values', describe(arg));
        const i = typeof index === 'number' ? index : Number(scalarText(index as Value));
        if (!Array.isArray(list) || !Number.isInteger(i) || i < 0 || i >= list.length) return new Unknown('invalid Fn::Select', describe(arg));
        return list[i] as Value;
      }
      case 'Fn::Split': {
        if (!args || args.length !== 2) return new Unknown('invalid Fn::Split', describe(arg));
        const delimiter = ev(args[0] as Value, `${at}[0]`);
        const text = ev(args[1] as Value, `${at}[1]`);
        if (isUnknown(text) || isUnknown(delimiter)) return new Unknown('Fn::Split of an unknown value', describe(arg));
        if (typeof delimiter !== 'string' || typeof text !== 'string') return new Unknown('invalid Fn::Split', describe(arg));
        return text.split(delimiter);
      }
      case 'Fn::FindInMap':
        return this.findInMap(args, at, outPath, argCtx);
      case 'Fn::If': {
        if (!args || args.length !== 3 || typeof args[0] !== 'string') return new Unknown('invalid Fn::If', describe(arg));
        const c = this.condition(args[0]);
        if (c === true) return this.evaluate(args[1] as Value, `${at}[1]`, outPath, ctx);
        if (c === false) return this.evaluate(args[2] as Value, `${at}[2]`, outPath, ctx);
        // undecidable: keep the references of both branches, not their locations
        ev(args[1] as Value, `${at}[1]`);
        ev(args[2] as Value, `${at}[2]`);
        return new Unknown('condition cannot be decided', args[0]);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
        return this.truth({ [key]: arg }, at.slice(0, -(key.length + 1)), argCtx);
      case 'Fn::Base64': {
        const v = ev(arg, at);
        return v === NO_VALUE ? new Unknown('invalid Fn::Base64') : isUnknown(v) ? v : v;
      }
      case 'Fn::GetAZs':
        return new Unknown('availability zones of the deployment region', 'Fn::GetAZs');
      case 'Fn::ImportValue': {
        const name = ev(arg, at);
        return new Unknown('value imported from another stack', typeof name === 'string' ? name : describe(arg));
      }
      case 'Fn::Cidr': {
        if (!args || args.length !== 3) return new Unknown('invalid Fn::Cidr', describe(arg));
        const [block, count, bits] = args.map((a, i) => ev(a, `${at}[${i}]`));
        if ([block, count, bits].some((v) => isUnknown(v))) return new Unknown('Fn::Cidr over unknown values', describe(arg));
        const subnets = typeof block === 'string' ? cidrSubnets(block, Number(scalarText(count as Value)), Number(scalarText(bits as Value))) : undefined;
        return subnets ?? new Unknown('invalid Fn::Cidr', describe(arg));
      }
      case 'Fn::Length': {
        const list = ev(arg, at);
        return Array.isArray(list) ? list.length : isUnknown(list) ? list : new Unknown('invalid Fn::Length', describe(arg));
      }
      case 'Fn::ToJsonString': {
        const v = ev(arg, at);
        if (v === NO_VALUE) return new Unknown('invalid Fn::ToJsonString');
        return containsUnknown(v) ? new Unknown('Fn::ToJsonString of unknown values', describe(arg)) : JSON.stringify(v);
      }
      default:
        return new Unknown('unsupported intrinsic function', key);
    }
  }

  private findInMap(args: Value[] | undefined, at: string, outPath: string, ctx: EvalContext): Evaluated {
    if (!args || args.length < 3) return new Unknown('invalid Fn::FindInMap', describe(args ?? null));
    const keys = args.slice(0, 3).map((a, i) => this.evaluate(a, `${at}[${i}]`, outPath, ctx));
    const fallback = isObject(args[3]) && 'DefaultValue' in args[3] ? this.evaluate(args[3].DefaultValue as Value, `${at}[3].DefaultValue`, outPath, ctx) : undefined;
    if (keys.some((k) => isUnknown(k))) return new Unknown('Fn::FindInMap with unknown keys', describe(args));
    const [map, top, second] = keys.map((k) => scalarText(k as Value));
    const mappings = isObject(this.template.Mappings) ? this.template.Mappings : {};
    const level1 = map !== undefined ? mappings[map] : undefined;
    const level2 = isObject(level1) && top !== undefined ? level1[top] : undefined;
    const found = isObject(level2) && second !== undefined ? level2[second] : undefined;
    if (found !== undefined) return found;
    return fallback ?? new Unknown('Fn::FindInMap key not in Mappings', `${map}.${top}.${second}`);
  }

  /** `Fn::Sub "text ${Name} ${Res.Attr} ${!Literal}"` or `Fn::Sub [text, {Name: value}]` */
  private sub(arg: Value, at: string, outPath: string, ctx: EvalContext): Evaluated {
    let template: Value;
    const vars = new Map<string, Evaluated>();
    if (Array.isArray(arg)) {
      if (arg.length !== 2 || !isObject(arg[1])) return new Unknown('invalid Fn::Sub', describe(arg));
      template = arg[0] as Value;
      for (const [name, v] of Object.entries(arg[1])) vars.set(name, this.evaluate(v, `${at}[1].${name}`, outPath, ctx));
    } else template = arg;
    if (typeof template !== 'string') return new Unknown('invalid Fn::Sub', describe(arg));
    let unknownPart = false;
    const result = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      let v: Evaluated;
      if (vars.has(name)) v = vars.get(name) as Evaluated;
      else if (name.includes('.') && !PSEUDO_PARAMETERS.has(name)) {
        const dot = name.indexOf('.');
        v = this.getAtt(name.slice(0, dot), name.slice(dot + 1), outPath, ctx);
      } else v = this.ref(name, outPath, ctx);
      const text = v === NO_VALUE ? undefined : scalarText(v);
      if (text === undefined) {
        unknownPart = true;
        return whole;
      }
      return text;
    });
    return unknownPart ? new Unknown('Fn::Sub with unknown values', template) : result;
  }
}

/** The value of a parameter: an override, else its Default, else Unknown; list types split on commas. */
function parameterValue(name: string, def: ValueObject, override: string | undefined): Value {
  const type = typeof def.Type === 'string' ? def.Type : 'String';
  let v: Value | undefined = override !== undefined ? override : def.Default;
  if (v === undefined || v === null) return new Unknown('parameter without a value', name);
  if (type.startsWith('AWS::SSM::Parameter::Value<')) return new Unknown('value of an SSM parameter', String(scalarText(v) ?? name));
  if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof v === 'string') v = v.split(',').map((s) => s.trim());
  else if (type === 'Number' && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) v = Number(v);
  return v;
}

function describe(v: Value | undefined): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
