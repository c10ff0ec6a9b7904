import type { Reference } from '../../model/index.js';
import type { ConfigModule, ConfigResource, Expression } from './plan-types.js';

/**
 * Turns the `configuration` section of a plan into resource references.
 *
 * Every expression in a plan's configuration lists the addresses it reads
 * (`"references": ["aws_security_group.web.id", "aws_security_group.web"]`).
 * A reference to a resource becomes a `Reference` to that resource's instance
 * ids in the same module instance. `var.x` inside a module follows the module
 * call's argument into the parent module; `module.net.vpc_id` follows the
 * output's expression into the child module. `local.*` is not in the plan's
 * configuration and is not followed. A reference without an instance key to a
 * resource with `count`/`for_each` points at every instance.
 */
export class ReferenceResolver {
  /** config module path (`module.a.module.b`, "" for root) -> module config */
  private readonly modules = new Map<string, ConfigModule>();
  /** `${configModulePath}|${configAddress}` -> resource config */
  private readonly resources = new Map<string, ConfigResource>();
  private readonly memo = new Map<string, Reference[]>();
  /** `${moduleInstance}|${reference}` -> targets; many resources read the same few things */
  private readonly resolved = new Map<string, Array<{ target: string; attribute?: string }>>();

  constructor(
    root: ConfigModule | undefined,
    /** every resource id of the scan */
    private readonly ids: ReadonlySet<string>,
    /** `moduleInstance + "." + baseAddress` (no instance key) -> instance ids, for count/for_each resources */
    private readonly instancesByBase: ReadonlyMap<string, string[]>,
    /** parent module instance + ".module.NAME" -> module instance addresses */
    private readonly moduleInstances: ReadonlyMap<string, string[]>,
  ) {
    if (root) this.indexModule(root, '');
  }

  private indexModule(mod: ConfigModule, path: string): void {
    if (!isRecord(mod)) return;
    this.modules.set(path, mod);
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) if (isRecord(r) && typeof r.address === 'string') this.resources.set(`${path}|${r.address}`, r);
    if (!isRecord(mod.module_calls)) return;
    for (const [name, call] of Object.entries(mod.module_calls)) {
      if (isRecord(call) && isRecord(call.module)) this.indexModule(call.module, join(path, `module.${name}`));
    }
  }

  /**
   * References of one resource instance, given its module instance address and
   * config address. Instances of a `count`/`for_each` resource (`shared`)
   * share one computation; each gets its own reference objects, since later
   * passes may rewrite targets.
   */
  referencesOf(moduleInstance: string, configAddress: string, shared = false): Reference[] {
    if (!shared) return this.compute(moduleInstance, configAddress);
    const key = `${moduleInstance}|${configAddress}`;
    let refs = this.memo.get(key);
    if (!refs) {
      refs = this.compute(moduleInstance, configAddress);
      this.memo.set(key, refs);
    }
    return refs.map((r) => ({ ...r }));
  }

  private compute(moduleInstance: string, configAddress: string): Reference[] {
    const config = this.resources.get(`${configPath(moduleInstance)}|${configAddress}`);
    if (!config) return [];
    const out: Reference[] = [];
    if (isRecord(config.expressions)) this.collectExpressions(config.expressions, '', moduleInstance, out);
    for (const dep of Array.isArray(config.depends_on) ? config.depends_on : []) {
      if (typeof dep !== 'string') continue;
      for (const t of this.resolveCached(dep, moduleInstance)) addReference(out, 'depends_on', t.target);
    }
    return out;
  }

  /**
   * Visits every expression of a resource's `expressions` with its attribute
   * path (`ingress[0].security_groups`). A method, not a callback: this runs
   * once per resource of a plan.
   */
  private collectExpressions(exprs: Record<string, unknown>, prefix: string, moduleInstance: string, out: Reference[]): void {
    for (const key in exprs) {
      const v = exprs[key];
      const path = prefix === '' ? key : `${prefix}.${key}`;
      if (isExpression(v)) {
        for (const ref of mostSpecific(v.references)) {
          for (const t of this.resolveCached(ref, moduleInstance)) addReference(out, path, t.target, t.attribute);
        }
      } else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const block: unknown = v[i];
          if (isRecord(block) && typeof block === 'object') this.collectExpressions(block as Record<string, unknown>, `${path}[${i}]`, moduleInstance, out);
        }
      } else if (isRecord(v) && typeof v === 'object') this.collectExpressions(v as Record<string, unknown>, path, moduleInstance, out);
    }
  }

  private resolveCached(ref: string, moduleInstance: string): Array<{ target: string; attribute?: string }> {
    const key = `${moduleInstance}|${ref}`;
    let targets = this.resolved.get(key);
    if (!targets) {
      targets = this.resolve(ref, moduleInstance, 0);
      this.resolved.set(key, targets);
    }
    return targets;
  }

  /** Resolves one reference string, read in a module instance, to target resource ids. */
  private resolve(ref: string, moduleInstance: string, depth: number): Array<{ target: string; attribute?: string }> {
    if (depth > 32) return [];
    const segs = splitTraversal(ref);
    const head = segs[0];
    if (!head) return [];
    const name = segs[1]?.name;
    switch (head.name) {
      case 'var': {
        if (!name || moduleInstance === '') return [];
        const { parent, call, key } = splitModuleInstance(moduleInstance);
        void key;
        const callConfig = this.modules.get(configPath(parent))?.module_calls?.[call];
        const expr = callConfig?.expressions?.[name] as Expression | undefined;
        return mostSpecific(expr?.references).flatMap((r) => this.resolve(r, parent, depth + 1));
      }
      case 'module': {
        const callName = segs[1];
        const output = segs[2]?.name;
        if (!callName) return [];
        const base = join(moduleInstance, `module.${callName.name}`);
        const instances = callName.key !== undefined ? [`${base}${callName.key}`] : this.moduleInstances.get(base) ?? [base];
        const childConfig = this.modules.get(configPath(base));
        const outputs = output ? [output] : Object.keys(childConfig?.outputs ?? {});
        const result: Array<{ target: string; attribute?: string }> = [];
        for (const inst of instances) {
          for (const o of outputs) {
            for (const r of mostSpecific(childConfig?.outputs?.[o]?.expression?.references)) result.push(...this.resolve(r, inst, depth + 1));
          }
        }
        return result;
      }
      case 'local':
      case 'each':
      case 'count':
      case 'path':
      case 'terraform':
      case 'self':
        return [];
      case 'data': {
        const type = segs[1];
        const res = segs[2];
        if (!type || !res) return [];
        return this.targets(moduleInstance, `data.${type.name}.${res.name}`, res.key, segs[3]?.name);
      }
      default: {
        const res = segs[1];
        if (!res) return [];
        return this.targets(moduleInstance, `${head.name}.${res.name}`, res.key, segs[2]?.name);
      }
    }
  }

  private targets(moduleInstance: string, base: string, key: string | undefined, attribute: string | undefined): Array<{ target: string; attribute?: string }> {
    const full = join(moduleInstance, base);
    let ids: string[];
    if (key !== undefined && this.ids.has(`${full}${key}`)) ids = [`${full}${key}`];
    else if (this.ids.has(full)) ids = [full];
    else ids = this.instancesByBase.get(full) ?? [key !== undefined ? `${full}${key}` : full];
    const out: Array<{ target: string; attribute?: string }> = [];
    for (const target of ids) out.push(attribute === undefined ? { target } : { target, attribute });
    return out;
  }

}

function join(prefix: string, rest: string): string {
  return prefix === '' ? rest : `${prefix}.${rest}`;
}

const INSTANCE_KEY = /\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]/g;

/** `module.net[0].module.sub["a"]` -> `module.net.module.sub` */
export function configPath(moduleInstance: string): string {
  return moduleInstance.includes('[') ? moduleInstance.replace(INSTANCE_KEY, '') : moduleInstance;
}

/** `module.a[0].module.b["x"]` -> parent `module.a[0]`, call `b`, key `["x"]` */
function splitModuleInstance(inst: string): { parent: string; call: string; key: string } {
  const segs = splitTraversal(inst);
  const last = segs[segs.length - 1];
  const parentSegs = segs.slice(0, -2);
  return {
    parent: parentSegs.map((s) => `${s.name}${s.key ?? ''}`).join('.'),
    call: last?.name ?? '',
    key: last?.key ?? '',
  };
}

/** Splits `aws_instance.web["a"].id` into [{name: aws_instance}, {name: web, key: '["a"]'}, {name: id}]. */
export function splitTraversal(ref: string): Array<{ name: string; key?: string }> {
  // most references have no instance key: a plain split is enough
  if (!ref.includes('[')) return ref.split('.').map((name) => ({ name }));
  const out: Array<{ name: string; key?: string }> = [];
  const re = /([^.[\]]+)((?:\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\])?)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ref)) !== null) {
    const seg: { name: string; key?: string } = { name: m[1] as string };
    if (m[2]) seg.key = m[2];
    out.push(seg);
    // skip the dot
    if (ref[re.lastIndex] === '.') re.lastIndex++;
  }
  return out;
}

/**
 * Terraform lists every prefix of a traversal (`module.net.vpc_id` and
 * `module.net`); keep only the longest ones, so a bare `module.net` does not
 * expand to every output of the module.
 */
function mostSpecific(refs: unknown): string[] {
  if (!Array.isArray(refs)) return [];
  const list = refs.filter((r): r is string => typeof r === 'string');
  if (list.length < 2) return list;
  return list.filter((r) => !list.some((o) => o !== r && (o.startsWith(`${r}.`) || o.startsWith(`${r}[`))));
}

function isRecord<T>(v: T): v is NonNullable<T> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isExpression(v: unknown): v is Expression {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return 'constant_value' in o || (Array.isArray(o.references) && o.references.every((r) => typeof r === 'string'));
}

/** Adds a reference unless the same attribute already points at the same target (few per resource: a linear scan). */
function addReference(out: Reference[], attribute: string, target: string, targetAttribute?: string): void {
  for (const prev of out) {
    if (prev.attribute !== attribute || prev.target !== target) continue;
    if (prev.targetAttribute === undefined && targetAttribute !== undefined) prev.targetAttribute = targetAttribute;
    return;
  }
  out.push(targetAttribute === undefined ? { attribute, target } : { attribute, target, targetAttribute });
}
