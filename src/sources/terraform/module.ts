import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { Unknown, isUnknown, type Location, type Reference, type Resource, type Value, type ValueObject } from '../../model/index.js';
import type { ScanError } from '../../scan/errors.js';
import type { Block, Expr } from './ast.js';
import { attrOf } from './ast.js';
import { evalBody, type PathTracker } from './body.js';
import type { ModuleConfig } from './config.js';
import { Evaluator, getAttr, getIndex, unknownOf, type Scope } from './evaluate.js';
import { callFunction } from './functions.js';
import { policyDocumentJson } from './policy-document.js';
import { convertToType } from './types.js';
import { RESOURCE_META_ARGS, instanceSuffix, providerOf } from './naming.js';
import { hasStandIn, registryAddress, standIn } from './registry-modules.js';

/** What every module instance of one scan shares. */
export interface LoadContext {
  cwd: string;
  /** reads (or returns the already-read) configuration of a directory */
  config(dir: string): ModuleConfig;
  maxDepth: number;
  /** evaluation failures (a bug or an unforeseen construct): one resource is lost, not the module */
  errors: ScanError[];
}

type InstanceKey = number | string | undefined;

interface Expansion {
  /** undefined: a single instance without a key */
  keys: Array<{ key: InstanceKey; each?: { key: Value; value: Value } }>;
  kind: 'single' | 'count' | 'for_each' | 'unknown';
  unknownValue?: Unknown;
}

interface RefTarget {
  target: string;
  targetAttribute?: string;
}

interface ModuleCall {
  /** what `module.NAME` evaluates to: the outputs object, or a list/map of them */
  value: Value;
  children: ModuleInstance[];
  /** instance key of each child (undefined without count/for_each) */
  keys: InstanceKey[];
}

function toTarget(r: Reference): RefTarget {
  return r.targetAttribute === undefined ? { target: r.target } : { target: r.target, targetAttribute: r.targetAttribute };
}

interface ResourceGroup {
  /** the value a reference to `type.name` sees: an object, a list (count) or a map (for_each) */
  value: Value;
  resources: Resource[];
}

const MODULE_META_ARGS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/**
 * One instance of a module: the root module of a folder, or a child called by
 * a `module` block (once per count/for_each key). Locals, resources, data
 * sources and child modules are evaluated lazily and memoised, so references
 * can be followed in any order; a cycle yields an Unknown.
 */
export class ModuleInstance {
  private readonly localMemo = new Map<string, { value: Value; refs: RefTarget[] }>();
  private readonly groupMemo = new Map<string, ResourceGroup | 'busy'>();
  private readonly moduleMemo = new Map<string, ModuleCall | 'busy'>();
  private outputsMemo: ValueObject | undefined;
  /** resources each output's expression refers to, so `module.x.out` can name them */
  private readonly outputRefs = new Map<string, RefTarget[]>();

  constructor(
    readonly cfg: ModuleConfig,
    /** "" for a root module, "module.net." or `module.net["a"].` for children */
    readonly prefix: string,
    readonly vars: Record<string, Value>,
    readonly ctx: LoadContext,
    readonly depth = 0,
    /** the root module's folder: Terraform resolves relative file paths against it */
    readonly rootDir = cfg.dir,
    /** resources the caller's argument for each variable refers to */
    readonly varRefs: Record<string, RefTarget[]> = {},
    readonly parent?: ModuleInstance,
  ) {}

  /** true when `dir` is this module's folder or one of its callers' */
  private callsItself(dir: string): boolean {
    for (let m: ModuleInstance | undefined = this; m; m = m.parent) if (m.cfg.dir === dir) return true;
    return false;
  }

  /** Every resource, data source and provider of this module and of the modules it calls. */
  allResources(): Resource[] {
    const out: Resource[] = [];
    for (const b of this.cfg.providers) out.push(this.providerResource(b));
    for (const key of this.cfg.data.keys()) out.push(...this.group(`data.${key}`).resources);
    for (const key of this.cfg.resources.keys()) out.push(...this.group(key).resources);
    for (const name of this.cfg.modules.keys()) {
      const m = this.moduleCall(name);
      for (const child of m.children) out.push(...child.allResources());
      out.push(...this.registryStandIns(name));
    }
    return out;
  }

  /** A well-known registry module call as the resource it wraps (see registry-modules.ts); none for other modules. */
  private registryStandIns(name: string): Resource[] {
    const block = this.cfg.modules.get(name)!;
    const srcAttr = attrOf(block.body, 'source');
    const source = srcAttr && srcAttr.expr.k === 'lit' ? srcAttr.expr.v : undefined;
    if (typeof source !== 'string' || localModuleDir(this.cfg.dir, source) !== undefined || !hasStandIn(source)) return [];
    const exp = this.expansion(block);
    const out: Resource[] = [];
    for (const inst of exp.keys) {
      const extra: Record<string, Value> = {};
      if (exp.kind === 'count') extra.count = { index: inst.key as number };
      else if (exp.kind === 'for_each') extra.each = { key: inst.each!.key, value: inst.each!.value };
      const refs: Reference[] = [];
      const tracker: PathTracker = { currentPath: '' };
      const inputLocations: Record<string, Location> = {};
      const inputs = evalBody(block.body, new Evaluator(this.scope(extra, refs, tracker)), block.file, '', inputLocations, tracker, MODULE_META_ARGS);
      const s = standIn(source, inputs, inputLocations);
      if (!s) continue;
      const call = `${this.prefix}module.${name}${instanceSuffix(inst.key)}`;
      const meta: Record<string, Value> = { module: call, registryModule: registryAddress(source) };
      if (exp.kind === 'unknown') meta.expansion = 'unknown';
      out.push({
        id: `${call}.${s.type}.this`,
        type: s.type,
        provider: providerOf(s.type),
        source: 'terraform',
        name: 'this',
        attributes: s.attributes,
        location: { file: block.file, startLine: block.line, endLine: block.endLine },
        attributeLocations: s.locations,
        references: refs,
        meta,
      });
    }
    return out;
  }

  /** Output values of this instance, for `module.NAME.OUTPUT` in the caller. */
  outputs(): ValueObject {
    if (this.outputsMemo) return this.outputsMemo;
    const out: ValueObject = {};
    this.outputsMemo = out;
    for (const [name, block] of this.cfg.outputs) {
      const v = attrOf(block.body, 'value');
      const refs: Reference[] = [];
      out[name] = v ? new Evaluator(this.scope({}, refs, { currentPath: '' })).eval(v.expr) : null;
      this.outputRefs.set(name, refs.map(toTarget));
    }
    return out;
  }

  /** references behind an output, for the caller's reference list */
  refsOfOutput(name: string): RefTarget[] {
    this.outputs();
    return this.outputRefs.get(name) ?? [];
  }

  // --- scopes ------------------------------------------------------------

  scope(extra: Record<string, Value> = {}, refs?: Reference[], tracker?: PathTracker): Scope {
    const mod = this;
    const recordRefs = (found: RefTarget[]): void => {
      if (!refs || !tracker) return;
      for (const f of found) {
        if (!refs.some((r) => r.attribute === tracker.currentPath && r.target === f.target && r.targetAttribute === f.targetAttribute)) {
          refs.push({ attribute: tracker.currentPath, target: f.target, ...(f.targetAttribute ? { targetAttribute: f.targetAttribute } : {}) });
        }
      }
    };
    const scope: Scope = {
      root(name: string, expr: Expr): Value {
        if (Object.prototype.hasOwnProperty.call(extra, name)) return extra[name]!;
        switch (name) {
          case 'var':
            return mod.vars;
          case 'path':
            return { module: relative(mod.rootDir, mod.cfg.dir).split(sep).join('/') || '.', root: '.', cwd: mod.rootDir };
          case 'terraform':
            return { workspace: 'default' };
          case 'count':
          case 'each':
            return unknownOf(expr, `${name} used outside an expanded block`);
          default:
            return unknownOf(expr, 'unsupported reference');
        }
      },
      traverse(expr: Expr): Value | undefined {
        const chain = flatten(expr);
        if (!chain) return undefined;
        const { root, steps } = chain;
        if (Object.prototype.hasOwnProperty.call(extra, root.name)) return undefined;
        const ev = new Evaluator(scope);
        const first = steps[0];
        if (root.name === 'local' && first?.k === 'attr') {
          const l = mod.local(first.name, first.expr);
          recordRefs(l.refs);
          return applySteps(ev, l.value, steps.slice(1));
        }
        if (root.name === 'var' && first?.k === 'attr') {
          recordRefs(mod.varRefs[first.name] ?? []);
          const v = Object.prototype.hasOwnProperty.call(mod.vars, first.name) ? mod.vars[first.name]! : unknownOf(first.expr, 'undeclared variable');
          return applySteps(ev, isUnknown(v) ? new Unknown(v.reason, v.expression ?? first.expr.text) : v, steps.slice(1));
        }
        if (root.name === 'module' && first?.k === 'attr') {
          if (!mod.cfg.modules.has(first.name)) return unknownOf(first.expr, 'undeclared module');
          const call = mod.moduleCall(first.name);
          // module.x.out / module.x[k].out: the references behind that output
          let outStep = steps[1];
          let children = call.children;
          if (outStep?.k === 'index') {
            const k = ev.eval(outStep.index);
            children = call.children.filter((_, i) => call.keys[i] === k);
            outStep = steps[2];
          }
          if (outStep?.k === 'attr') for (const c of children) recordRefs(c.refsOfOutput(outStep.name));
          return applySteps(ev, call.value, steps.slice(1));
        }
        let key: string | undefined;
        let rest = steps;
        if (root.name === 'data' && first?.k === 'attr' && steps[1]?.k === 'attr') {
          key = `data.${first.name}.${steps[1].name}`;
          if (!mod.cfg.data.has(`${first.name}.${steps[1].name}`)) return unknownOf(steps[1].expr, 'undeclared data source');
          rest = steps.slice(2);
        } else if (first?.k === 'attr' && mod.cfg.resources.has(`${root.name}.${first.name}`)) {
          key = `${root.name}.${first.name}`;
          rest = steps.slice(1);
        }
        if (key === undefined) return undefined;
        const group = mod.group(key);
        // the reference: target instance (when indexed by a known key) and the attribute used
        let target = mod.prefix + key;
        let attrStep = rest[0];
        if (rest[0]?.k === 'index') {
          const k = ev.eval(rest[0].index);
          if (typeof k === 'number' || typeof k === 'string') target += instanceSuffix(k);
          attrStep = rest[1];
        }
        recordRefs([{ target, targetAttribute: attrStep?.k === 'attr' ? attrStep.name : undefined }]);
        return applySteps(ev, group.value, rest);
      },
      call(name: string, args: Value[], expr: Expr): Value {
        try {
          return callFunction(name, args, expr, mod.rootDir);
        } catch {
          return unknownOf(expr, 'evaluation error');
        }
      },
    };
    return scope;
  }

  // --- locals ------------------------------------------------------------

  private local(name: string, expr: Expr): { value: Value; refs: RefTarget[] } {
    const memo = this.localMemo.get(name);
    if (memo) return memo;
    const decl = this.cfg.locals.get(name);
    if (!decl) return { value: unknownOf(expr, 'undeclared local value'), refs: [] };
    // a cycle sees this placeholder
    this.localMemo.set(name, { value: new Unknown('local value depends on itself', `local.${name}`), refs: [] });
    const refs: Reference[] = [];
    const tracker: PathTracker = { currentPath: '' };
    const value = new Evaluator(this.scope({}, refs, tracker)).eval(decl.attr.expr);
    const result = { value, refs: refs.map(toTarget) };
    this.localMemo.set(name, result);
    return result;
  }

  // --- resources -----------------------------------------------------------

  group(key: string): ResourceGroup {
    const memo = this.groupMemo.get(key);
    if (memo === 'busy') return { value: new Unknown('resource refers to itself', key), resources: [] };
    if (memo) return memo;
    this.groupMemo.set(key, 'busy');
    const isData = key.startsWith('data.');
    const block = isData ? this.cfg.data.get(key.slice(5))! : this.cfg.resources.get(key)!;
    const type = isData ? `data.${block.labels[0]}` : block.labels[0]!;
    const name = block.labels[1]!;
    const exp = this.expansion(block);
    const resources: Resource[] = [];
    const values: Array<[InstanceKey, ValueObject]> = [];
    for (const inst of exp.keys) {
      const extra: Record<string, Value> = {};
      if (exp.kind === 'count') extra.count = { index: inst.key as number };
      else if (exp.kind === 'for_each') extra.each = { key: inst.each!.key, value: inst.each!.value };
      else if (exp.kind === 'unknown') {
        const u = exp.unknownValue!;
        extra.count = { index: new Unknown('count is unknown', 'count.index') };
        extra.each = { key: new Unknown(u.reason, 'each.key'), value: new Unknown(u.reason, 'each.value') };
      }
      const id = `${this.prefix}${key}${instanceSuffix(inst.key)}`;
      try {
        const r = this.buildResource(block, type, name, id, extra, exp.kind);
        resources.push(r);
        values.push([inst.key, r.attributes]);
      } catch (err) {
        this.ctx.errors.push({ kind: 'parse', file: block.file, line: block.line, message: `cannot evaluate ${id}: ${(err as Error).message}`, source: 'terraform' });
        values.push([inst.key, {}]);
      }
    }
    let value: Value;
    if (exp.kind === 'count') value = values.map(([, v]) => v);
    else if (exp.kind === 'for_each') value = Object.fromEntries(values.map(([k, v]) => [String(k), v]));
    else if (exp.kind === 'unknown') value = new Unknown(`${exp.unknownValue!.reason}: number of instances is unknown`, key);
    else value = values[0]![1];
    const result = { value, resources };
    this.groupMemo.set(key, result);
    return result;
  }

  private buildResource(block: Block, type: string, name: string, id: string, extra: Record<string, Value>, expansion: Expansion['kind']): Resource {
    const refs: Reference[] = [];
    const tracker: PathTracker = { currentPath: '' };
    const ev = new Evaluator(this.scope(extra, refs, tracker));
    const locations: Record<string, Location> = {};
    const attributes = evalBody(block.body, ev, block.file, '', locations, tracker, RESOURCE_META_ARGS);
    if (type === 'data.aws_iam_policy_document') attributes.json = policyDocumentJson(attributes);
    const baseType = type.startsWith('data.') ? type.slice(5) : type;
    const meta: Record<string, Value> = { module: this.prefix ? this.prefix.slice(0, -1) : null };
    const providerArg = attrOf(block.body, 'provider');
    if (providerArg) meta.providerConfig = providerArg.expr.text;
    this.dependsOnRefs(block, refs);
    if (expansion === 'unknown') meta.expansion = 'unknown';
    else if (expansion !== 'single') meta.expansion = expansion;
    return {
      id,
      type,
      provider: providerOf(baseType),
      source: 'terraform',
      name,
      attributes,
      location: { file: block.file, startLine: block.line, endLine: block.endLine },
      attributeLocations: locations,
      references: refs,
      meta,
    };
  }

  /** `depends_on = [aws_x.y, module.m]`: references with attribute "depends_on" (not evaluated, so no cycles) */
  private dependsOnRefs(block: Block, refs: Reference[]): void {
    const dep = attrOf(block.body, 'depends_on');
    if (!dep || dep.expr.k !== 'tuple') return;
    for (const item of dep.expr.items) {
      const chain = flatten(item);
      if (!chain) continue;
      const [a, b] = chain.steps;
      let target: string | undefined;
      if (chain.root.name === 'data' && a?.k === 'attr' && b?.k === 'attr' && this.cfg.data.has(`${a.name}.${b.name}`)) target = `data.${a.name}.${b.name}`;
      else if (chain.root.name === 'module' && a?.k === 'attr' && this.cfg.modules.has(a.name)) target = `module.${a.name}`;
      else if (a?.k === 'attr' && this.cfg.resources.has(`${chain.root.name}.${a.name}`)) target = `${chain.root.name}.${a.name}`;
      if (target) refs.push({ attribute: 'depends_on', target: this.prefix + target });
    }
  }

  private providerResource(block: Block): Resource {
    const name = block.labels[0]!;
    const aliasAttr = attrOf(block.body, 'alias');
    const ev = new Evaluator(this.scope());
    const alias = aliasAttr ? ev.eval(aliasAttr.expr) : undefined;
    const id = `${this.prefix}provider.${name}${typeof alias === 'string' ? `.${alias}` : ''}`;
    const locations: Record<string, Location> = {};
    const attributes = evalBody(block.body, ev, block.file, '', locations, undefined);
    return {
      id,
      type: `provider.${name}`,
      provider: providerOf(name),
      source: 'terraform',
      name: typeof alias === 'string' ? `${name}.${alias}` : name,
      attributes,
      location: { file: block.file, startLine: block.line, endLine: block.endLine },
      attributeLocations: locations,
      references: [],
      meta: { module: this.prefix ? this.prefix.slice(0, -1) : null },
    };
  }

  /** count / for_each of a resource or module block, evaluated in the module scope. */
  private expansion(block: Block): Expansion {
    const ev = new Evaluator(this.scope());
    const count = attrOf(block.body, 'count');
    const forEach = attrOf(block.body, 'for_each');
    if (count) {
      const v = ev.eval(count.expr);
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return { kind: 'count', keys: Array.from({ length: v }, (_, i) => ({ key: i })) };
      return { kind: 'unknown', keys: [{ key: undefined }], unknownValue: isUnknown(v) ? v : unknownOf(count.expr, 'count is not a whole number') };
    }
    if (forEach) {
      const v = ev.eval(forEach.expr);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
        const uniq = [...new Set(v as string[])].sort();
        return { kind: 'for_each', keys: uniq.map((k) => ({ key: k, each: { key: k, value: k } })) };
      }
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v)) {
        return { kind: 'for_each', keys: Object.keys(v).sort().map((k) => ({ key: k, each: { key: k, value: v[k]! } })) };
      }
      return { kind: 'unknown', keys: [{ key: undefined }], unknownValue: isUnknown(v) ? v : unknownOf(forEach.expr, 'for_each is not a map or set of strings') };
    }
    return { kind: 'single', keys: [{ key: undefined }] };
  }

  // --- child modules -----------------------------------------------------------

  moduleCall(name: string): ModuleCall {
    const memo = this.moduleMemo.get(name);
    if (memo === 'busy') return { value: new Unknown('module output depends on itself', `module.${name}`), children: [], keys: [] };
    if (memo) return memo;
    this.moduleMemo.set(name, 'busy');
    const result = this.instantiate(name);
    this.moduleMemo.set(name, result);
    return result;
  }

  private instantiate(name: string): ModuleCall {
    const block = this.cfg.modules.get(name)!;
    const srcAttr = attrOf(block.body, 'source');
    const source = srcAttr && srcAttr.expr.k === 'lit' ? srcAttr.expr.v : undefined;
    const dir = typeof source === 'string' ? localModuleDir(this.cfg.dir, source) : undefined;
    if (!dir) return { value: new Unknown('outputs of a remote or unresolved module', `module.${name}`), children: [], keys: [] };
    if (this.callsItself(dir)) return { value: new Unknown('module calls itself', `module.${name}`), children: [], keys: [] };
    if (this.depth >= this.ctx.maxDepth) return { value: new Unknown('module nesting too deep', `module.${name}`), children: [], keys: [] };
    const childCfg = this.ctx.config(dir);
    const exp = this.expansion(block);
    const children: ModuleInstance[] = [];
    const values: Array<[InstanceKey, ValueObject]> = [];
    for (const inst of exp.keys) {
      const extra: Record<string, Value> = {};
      if (exp.kind === 'count') extra.count = { index: inst.key as number };
      else if (exp.kind === 'for_each') extra.each = { key: inst.each!.key, value: inst.each!.value };
      const inputs: Record<string, Value> = {};
      const inputRefs: Record<string, RefTarget[]> = {};
      for (const a of block.body.attrs) {
        if (MODULE_META_ARGS.has(a.name)) continue;
        const refs: Reference[] = [];
        inputs[a.name] = new Evaluator(this.scope(extra, refs, { currentPath: '' })).eval(a.expr);
        if (refs.length > 0) inputRefs[a.name] = refs.map(toTarget);
      }
      const vars = moduleVariables(childCfg, inputs);
      const child = new ModuleInstance(childCfg, `${this.prefix}module.${name}${instanceSuffix(inst.key)}.`, vars, this.ctx, this.depth + 1, this.rootDir, inputRefs, this);
      children.push(child);
      values.push([inst.key, child.outputs()]);
    }
    let value: Value;
    if (exp.kind === 'count') value = values.map(([, v]) => v);
    else if (exp.kind === 'for_each') value = Object.fromEntries(values.map(([k, v]) => [String(k), v]));
    else if (exp.kind === 'unknown') value = new Unknown('number of module instances is unknown', `module.${name}`);
    else value = values[0]![1];
    return { value, children, keys: exp.keys.map((k) => k.key) };
  }
}

/** Variables of a module from given values, then defaults; a variable with neither is Unknown. */
export function moduleVariables(cfg: ModuleConfig, given: Record<string, Value>): Record<string, Value> {
  const vars: Record<string, Value> = {};
  const ev = new Evaluator(literalScope());
  for (const [name, block] of cfg.variables) {
    // a null argument takes the default only for `nullable = false` variables, as in Terraform
    const nullable = attrOf(block.body, 'nullable');
    const useDefaultForNull = nullable?.expr.k === 'lit' && nullable.expr.v === false;
    if (Object.prototype.hasOwnProperty.call(given, name) && !(given[name] === null && useDefaultForNull)) {
      vars[name] = given[name]!;
      continue;
    }
    const def = attrOf(block.body, 'default');
    vars[name] = def ? ev.eval(def.expr) : new Unknown('variable without a value', `var.${name}`);
  }
  for (const [name, block] of cfg.variables) {
    const type = attrOf(block.body, 'type');
    if (type) vars[name] = convertToType(vars[name]!, type.expr, ev);
  }
  return vars;
}

/** A scope for literal-only contexts (variable defaults, tfvars): every reference is unknown, functions work. */
export function literalScope(dir = '.'): Scope {
  return {
    root: (_name, expr) => unknownOf(expr, 'references are not allowed here'),
    call: (name, args, expr) => {
      try {
        return callFunction(name, args, expr, dir);
      } catch {
        return unknownOf(expr, 'evaluation error');
      }
    },
  };
}

/** `./x` and `../x` sources, resolved against the calling module; undefined for registry/git sources. */
export function localModuleDir(callerDir: string, source: string): string | undefined {
  if (!source.startsWith('./') && !source.startsWith('../') && source !== '.' && source !== '..') return undefined;
  const dir = resolve(callerDir, source);
  try {
    return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}

type Step = { k: 'attr'; name: string; expr: Expr } | { k: 'index'; index: Expr; expr: Expr } | { k: 'splat'; each: Extract<Expr, { k: 'splat' }>['each']; expr: Expr };

/** `a.b[0].c` → root `a` and the steps after it; undefined when the chain does not start at a name. */
function flatten(e: Expr): { root: Extract<Expr, { k: 'var' }>; steps: Step[] } | undefined {
  const steps: Step[] = [];
  let cur = e;
  for (;;) {
    if (cur.k === 'attr') steps.unshift({ k: 'attr', name: cur.name, expr: cur });
    else if (cur.k === 'index') steps.unshift({ k: 'index', index: cur.index, expr: cur });
    else if (cur.k === 'splat') steps.unshift({ k: 'splat', each: cur.each, expr: cur });
    else break;
    cur = cur.obj;
  }
  if (cur.k !== 'var') return undefined;
  return { root: cur, steps };
}

function applySteps(ev: Evaluator, v: Value, steps: Step[]): Value {
  let cur = v;
  for (const s of steps) {
    if (s.k === 'attr') cur = getAttr(cur, s.name, s.expr);
    else if (s.k === 'index') cur = getIndex(cur, ev.eval(s.index), s.expr);
    else cur = ev.splat(cur, s.each, s.expr);
  }
  return cur;
}
