import { Unknown, type Reference, type Resource, type Value, type ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { addressLinesInOrder, keyOffset } from './address-lines.js';
import { parseJsonOrThrow } from '../shared/json-error.js';
import type { PlanDocument, PlanModule, PlanResource } from './plan-types.js';
import { ReferenceResolver } from './references.js';

/** Provider of a Terraform type from its prefix: aws_ -> aws, azurerm_/azuread_ -> azure, google_ -> gcp, else the prefix. */
export function providerOfType(type: string): string {
  const bare = type.startsWith('data.') ? type.slice(5) : type;
  const cut = bare.indexOf('_');
  const prefix = cut === -1 ? bare : bare.slice(0, cut);
  switch (prefix) {
    case 'aws':
      return 'aws';
    case 'azurerm':
    case 'azuread':
      return 'azure';
    case 'google':
      return 'gcp';
    default:
      return prefix;
  }
}

interface Collected {
  res: PlanResource;
  moduleInstance: string;
}

/** The value when it is an array, else an empty one: plan files are data, not trusted shapes. */
export function arrayOf<T>(v: T[] | undefined | null): T[] {
  return Array.isArray(v) ? v : [];
}

function isRecord<T>(v: T): v is NonNullable<T> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Walks a module tree (root then child modules) and collects its resources. */
function collect(mod: PlanModule | undefined, moduleInstance: string, out: Collected[], moduleInstances: Map<string, string[]>): void {
  if (!isRecord(mod)) return;
  for (const res of arrayOf(mod.resources)) {
    if (isRecord(res) && typeof res.address === 'string' && typeof res.type === 'string') out.push({ res, moduleInstance });
  }
  for (const child of arrayOf(mod.child_modules)) {
    if (!isRecord(child)) continue;
    const addr = typeof child.address === 'string' ? child.address : moduleInstance;
    // index module instances by "<parent>.module.NAME" so module.NAME.x can expand to every instance
    const base = addr.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]$/, '');
    const list = moduleInstances.get(base);
    if (list) list.push(addr);
    else moduleInstances.set(base, [addr]);
    collect(child, addr, out, moduleInstances);
  }
}

/** The address relative to its module without the instance key: `data.aws_ami.x`, `aws_instance.web`. */
function configAddress(res: PlanResource): string {
  return res.mode === 'data' ? `data.${res.type}.${res.name}` : `${res.type}.${res.name}`;
}

/**
 * Marks the attributes a plan lists in `after_unknown` as `Unknown`, in place.
 * `after_unknown` mirrors the attribute tree with `true` at each value that is
 * only known after apply; `planned_values` leaves those attributes out.
 */
export function applyAfterUnknown(target: ValueObject | Value[], afterUnknown: unknown, address: string, path: string): void {
  if (afterUnknown === null || typeof afterUnknown !== 'object') return;
  const slot = target as Record<string | number, Value>;
  const isList = Array.isArray(afterUnknown);
  // for-in over the flags: no entry arrays, this runs once per planned resource
  for (const k in afterUnknown) {
    const flag = (afterUnknown as Record<string, unknown>)[k];
    if (flag !== true && (flag === null || typeof flag !== 'object')) continue;
    const key: string | number = isList ? Number(k) : k;
    const childPath = isList ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`;
    if (flag === true) {
      slot[key] = new Unknown('known after apply', `${address}.${childPath}`);
      continue;
    }
    let child = slot[key];
    if (child === null || child === undefined || typeof child !== 'object' || child instanceof Unknown) {
      // planned_values leaves out what is unknown: create the container only when something inside is
      if (!hasTrue(flag)) continue;
      child = Array.isArray(flag) ? [] : {};
      slot[key] = child;
    }
    applyAfterUnknown(child as ValueObject | Value[], flag, address, childPath);
  }
}

function hasTrue(v: unknown): boolean {
  if (v === true) return true;
  if (v === null || typeof v !== 'object') return false;
  return Object.values(v).some(hasTrue);
}

/**
 * Reads the text of `terraform show -json` (a plan or a state) into resources.
 * One JSON.parse, one regex sweep for lines, no copies of attribute values.
 */
export function parsePlanJson(text: string, file: string): Resource[] {
  const doc = parseJsonOrThrow(text, file) as PlanDocument;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new ParseError(file, 1, 'not a Terraform plan or state: the top level is not an object');
  // the format's own rule: accept any 1.x, reject another major version
  if (typeof doc.format_version === 'string' && !/^1(\.|$)/.test(doc.format_version)) {
    throw new ParseError(file, 1, `unsupported Terraform JSON format_version ${doc.format_version} (this reader knows 1.x)`);
  }
  const isPlan = doc.planned_values !== undefined;
  const root = isPlan ? doc.planned_values?.root_module : doc.values?.root_module;
  const moduleInstances = new Map<string, string[]>();
  const found: Collected[] = [];
  collect(root, '', found, moduleInstances);

  const ids = new Set<string>();
  for (const { res } of found) ids.add(res.address);
  // data sources read during planning are only in prior_state
  if (isPlan) {
    const prior: Collected[] = [];
    collect(doc.prior_state?.values?.root_module, '', prior, new Map());
    for (const c of prior) {
      if (c.res.mode === 'data' && !ids.has(c.res.address)) {
        found.push(c);
        ids.add(c.res.address);
      }
    }
  }

  const instancesByBase = new Map<string, string[]>();
  for (const { res, moduleInstance } of found) {
    if (res.index === undefined) continue;
    const base = moduleInstance === '' ? configAddress(res) : `${moduleInstance}.${configAddress(res)}`;
    const list = instancesByBase.get(base);
    if (list) list.push(res.address);
    else instancesByBase.set(base, [res.address]);
  }

  const changes = new Map<string, { actions?: string[]; after_unknown?: unknown }>();
  for (const rc of arrayOf(doc.resource_changes)) if (isRecord(rc) && isRecord(rc.change)) changes.set(rc.address, rc.change);

  const configRoot = isRecord(doc.configuration) && isRecord(doc.configuration.root_module) ? doc.configuration.root_module : undefined;
  const resolver = new ReferenceResolver(configRoot, ids, instancesByBase, moduleInstances);
  const from = keyOffset(text, isPlan ? 'planned_values' : 'values');
  const order = [...ids];
  const lineOf = addressLinesInOrder(text, order, ids, from);
  // without repeated addresses the collected resources and `order` line up one to one
  const aligned = order.length === found.length;
  const lines = aligned ? undefined : new Map(order.map((a, i) => [a, lineOf[i]!]));

  const out: Resource[] = [];
  for (let n = 0; n < found.length; n++) {
    const { res, moduleInstance } = found[n]!;
    const attributes = (isRecord(res.values) ? res.values : {}) as ValueObject;
    const change = changes.size > 0 ? changes.get(res.address) : undefined;
    if (change?.after_unknown) applyAfterUnknown(attributes, change.after_unknown, res.address, '');
    const line = (aligned ? lineOf[n] : lines!.get(res.address)) || 1;
    const references: Reference[] = configRoot ? resolver.referencesOf(moduleInstance, configAddress(res), res.index !== undefined) : [];
    for (const dep of arrayOf(res.depends_on)) if (typeof dep === 'string') references.push({ attribute: 'depends_on', target: dep });
    const meta: Record<string, Value> = {
      address: res.address,
      module: moduleInstance === '' ? null : moduleInstance,
      mode: res.mode ?? 'managed',
      index: res.index ?? null,
      providerName: res.provider_name ?? null,
      kind: isPlan ? 'plan' : 'state',
    };
    if (Array.isArray(change?.actions)) meta.actions = change.actions;
    const type = res.mode === 'data' ? `data.${res.type}` : res.type;
    out.push({
      id: res.address,
      type,
      provider: providerOfType(res.type),
      source: 'terraform-plan',
      name: typeof res.name === 'string' ? res.name : res.address,
      attributes,
      location: { file, startLine: line, endLine: line },
      attributeLocations: {},
      references,
      meta,
    });
  }
  return out;
}
