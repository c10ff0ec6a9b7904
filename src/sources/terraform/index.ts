/**
 * # Terraform source (`.tf`, `.tf.json`, with `.tfvars` / `.tfvars.json`)
 *
 * ## Attribute shape
 * The shape of `terraform show -json`: attributes by their provider-schema
 * names; nested blocks are arrays of objects (`ingress { }` twice →
 * `ingress: [{...}, {...}]`); `dynamic "x"` blocks expand into `x` entries.
 * Meta-arguments (count, for_each, provider, depends_on, lifecycle,
 * provisioner, connection) are not attributes.
 * - resources: `id` = address (`aws_security_group.web`, `aws_instance.web[0]`,
 *   `aws_instance.web["a"]`, `module.net.aws_vpc.main`), `type` = Terraform
 *   type, `name` = label, `provider` from the type prefix (aws_ → aws,
 *   azurerm_/azuread_ → azure, google_ → gcp, kubernetes_ → kubernetes, else
 *   the prefix);
 * - data sources: type `data.<type>`, id `data.<type>.<name>`; for
 *   `data.aws_iam_policy_document` the attribute `json` holds the policy text;
 * - provider blocks: type `provider.<name>`, id `provider.<name>` or
 *   `provider.<name>.<alias>`.
 * `attributeLocations` holds every attribute, nested block and literal
 * list/map element: `ingress[0]`, `ingress[0].cidr_blocks`,
 * `ingress[0].cidr_blocks[1]`, `tags.Name`. `meta.module` is the module
 * address (null at the root); `meta.expansion` is `count`, `for_each` or
 * `unknown` (count/for_each not known: one resource is kept).
 *
 * ## Evaluation (per module directory: all its .tf/.tf.json files)
 * - variables: default < terraform.tfvars < terraform.tfvars.json <
 *   *.auto.tfvars(.json) in name order < --var-file in order < --var (root
 *   modules only; child modules get their arguments). `--var` values are
 *   read as HCL literals (lists, maps, numbers, bools) unless the variable is
 *   declared `type = string`. Values are converted to the declared `type`
 *   (strings to numbers/bools, `optional(type, default)` filled in). A
 *   variable with no value is `Unknown('variable without a value', 'var.x')`.
 * - locals lazily, in dependency order; a cycle is Unknown. Templates,
 *   operators, conditionals, for expressions, splats, index/attribute access
 *   and the common functions (functions.ts) are evaluated; an unsupported
 *   function or an unknown argument gives Unknown. `try`/`can` catch
 *   evaluation errors.
 * - `aws_x.y.attr`: a `Reference {attribute, target, targetAttribute}` on the
 *   referring resource (also through locals, module arguments and module
 *   outputs; `depends_on` entries give references with attribute
 *   "depends_on"); the value is the target's
 *   attribute when it is set in configuration, otherwise Unknown (computed
 *   ids, arns) with the expression.
 * - count / for_each expand when known (count.index, each.key, each.value).
 * - `path.module` is relative to the root module, `path.root` is ".", and
 *   `file()`/`templatefile()` resolve against the root module, as in
 *   Terraform; a missing file is Unknown.
 * - local modules (`./`, `../`) are instantiated with their inputs; their
 *   resources get `module.NAME.` ids and their own file locations; module
 *   count/for_each expand; `module.x.out` reads the child's outputs. Remote
 *   modules are skipped without error. A scanned folder that another scanned
 *   folder calls as a module is not scanned again as a root. When two roots
 *   produce the same address (envs/dev and envs/prod calling one module), the
 *   later root's ids become `ADDRESS@ROOT_FOLDER` and its references follow.
 * - `jsonencode` writes unknown leaves as "${expression}" placeholders unless
 *   they sit under an IAM Effect/Action/NotAction/Principal/NotPrincipal key
 *   (then the whole string is Unknown), so policies stay readable.
 * A malformed file is a ScanError (file, line of the first error); the other
 * files of the module are still evaluated.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isUnknown, type Resource, type Value } from '../../model/index.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { displayPath } from '../../scan/discover.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import type { Source, SourceOptions, SourceOutput } from '../types.js';
import { attrOf } from './ast.js';
import { configFilesIn, isConfigFile, isVarFile, loadModuleConfig, stripBom, type ModuleConfig, type ParsedFile } from './config.js';
import { parseFiles } from './parse-pool.js';
import { Evaluator } from './evaluate.js';
import { initHclParser, parseHclExpression, parseHclFile } from './hcl-parser.js';
import { ModuleInstance, literalScope, localModuleDir, moduleVariables, type LoadContext } from './module.js';

export const terraformSource: Source = {
  kind: 'terraform',
  claims(file: DiscoveredFile): boolean {
    return isConfigFile(file.path) || isVarFile(file.path);
  },
  async load(files: DiscoveredFile[], options: SourceOptions): Promise<SourceOutput> {
    await initHclParser();
    const config = files.filter((f) => isConfigFile(f.path)).map((f) => ({ abs: resolve(options.cwd, f.path), shown: displayPath(resolve(options.cwd, f.path), options.cwd) }));
    const parsed = await parseFiles(config);
    return loadTerraform(files.map((f) => f.path), options, parsed);
  },
};

/**
 * Loads the Terraform configuration files given (absolute paths), grouped
 * into modules by folder. `parsed` holds files already parsed (parse-pool.ts);
 * others are read here.
 */
export function loadTerraform(paths: string[], options: SourceOptions, parsed?: ReadonlyMap<string, ParsedFile>): SourceOutput {
  const cwd = options.cwd;
  const byDir = new Map<string, string[]>();
  for (const p of paths) {
    if (!isConfigFile(p)) continue;
    const dir = dirname(resolve(cwd, p));
    const list = byDir.get(dir);
    if (list) list.push(resolve(cwd, p));
    else byDir.set(dir, [resolve(cwd, p)]);
  }
  const configs = new Map<string, ModuleConfig>();
  const evalErrors: ScanError[] = [];
  const ctx: LoadContext = {
    cwd,
    maxDepth: 16,
    errors: evalErrors,
    config(dir: string): ModuleConfig {
      let cfg = configs.get(dir);
      if (!cfg) {
        const claimed = byDir.get(dir);
        cfg = loadModuleConfig(dir, claimed ? [...claimed].sort() : configFilesIn(dir), cwd, parsed);
        configs.set(dir, cfg);
      }
      return cfg;
    },
  };
  const scanned = [...byDir.keys()].sort();
  for (const dir of scanned) ctx.config(dir);
  // folders called as local modules by another scanned folder are not roots
  const called = new Set<string>();
  for (const dir of scanned) {
    for (const block of configs.get(dir)!.modules.values()) {
      const src = attrOf(block.body, 'source');
      if (src?.expr.k !== 'lit' || typeof src.expr.v !== 'string') continue;
      const target = localModuleDir(dir, src.expr.v);
      if (target && target !== dir && byDir.has(target)) called.add(target);
    }
  }
  const resources: Resource[] = [];
  const errors: ScanError[] = [];
  const varFiles = new VarFileReader(cwd, errors);
  const seenIds = new Set<string>();
  for (const dir of scanned) {
    if (called.has(dir)) continue;
    const cfg = configs.get(dir)!;
    try {
      const vars = rootVariables(cfg, options, varFiles);
      const own = new ModuleInstance(cfg, '', vars, ctx).allResources();
      qualifyDuplicateIds(own, seenIds, displayPath(dir, cwd));
      resources.push(...own);
    } catch (err) {
      errors.push({ kind: 'parse', file: cfg.files[0] ?? displayPath(dir, cwd), message: `terraform evaluation failed: ${(err as Error).message}`, source: 'terraform' });
    }
  }
  for (const cfg of configs.values()) errors.push(...cfg.errors);
  errors.push(...evalErrors);
  return { resources, errors };
}

/**
 * Two roots (envs/dev, envs/prod) calling the same module produce the same
 * addresses. The later root's colliding ids become `ADDRESS@ROOT_FOLDER`, and
 * the references inside that root follow, so each root stays consistent.
 */
function qualifyDuplicateIds(own: Resource[], seen: Set<string>, root: string): void {
  const renamed = new Map<string, string>();
  for (const r of own) {
    if (seen.has(r.id)) {
      const id = `${r.id}@${root}`;
      renamed.set(r.id, id);
      r.id = id;
    }
  }
  for (const r of own) seen.add(r.id);
  if (renamed.size === 0) return;
  const bases = new Set([...renamed.keys()].map((id) => id.replace(/\[[^\]]*\]$/, '')));
  for (const r of own) {
    for (const ref of r.references) {
      const to = renamed.get(ref.target);
      if (to) ref.target = to;
      else if (bases.has(ref.target)) ref.target = `${ref.target}@${root}`;
    }
  }
}

/** Reads tfvars files once each, reporting a malformed one once. */
class VarFileReader {
  private readonly memo = new Map<string, Record<string, Value>>();
  constructor(
    private readonly cwd: string,
    private readonly errors: ScanError[],
  ) {}

  read(abs: string): Record<string, Value> {
    const memo = this.memo.get(abs);
    if (memo) return memo;
    const shown = displayPath(abs, this.cwd);
    let values: Record<string, Value> = {};
    try {
      values = parseVarFile(stripBom(readFileSync(abs, 'utf8')), shown, dirname(abs));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code) this.errors.push({ kind: 'io', file: shown, message: `cannot read variable file: ${code}`, source: 'terraform' });
      else this.errors.push(toScanError(err, shown, 'terraform'));
    }
    this.memo.set(abs, values);
    return values;
  }
}

/** A .tfvars (HCL attributes) or .tfvars.json (one JSON object) file. */
export function parseVarFile(text: string, file: string, dir: string): Record<string, Value> {
  if (file.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const line = m ? text.slice(0, Number(m[1])).split('\n').length : 1;
      throw new ParseError(file, line, 'JSON syntax error in variable file');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return parsed as Record<string, Value>;
  }
  const body = parseHclFile(text, file);
  const ev = new Evaluator(literalScope(dir));
  const out: Record<string, Value> = {};
  for (const a of body.attrs) out[a.name] = ev.eval(a.expr);
  return out;
}

function rootVariables(cfg: ModuleConfig, options: SourceOptions, reader: VarFileReader): Record<string, Value> {
  const given: Record<string, Value> = {};
  const inDir = configFilesInDirOfKind(cfg.dir);
  for (const f of inDir) Object.assign(given, reader.read(f));
  for (const f of options.varFiles) Object.assign(given, reader.read(resolve(options.cwd, f)));
  for (const [name, raw] of Object.entries(options.vars)) given[name] = cliVarValue(cfg, name, raw);
  return moduleVariables(cfg, given);
}

/** terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) in name order. */
function configFilesInDirOfKind(dir: string): string[] {
  const names = listDir(dir);
  const out: string[] = [];
  if (names.includes('terraform.tfvars')) out.push('terraform.tfvars');
  if (names.includes('terraform.tfvars.json')) out.push('terraform.tfvars.json');
  out.push(...names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort());
  return out.map((n) => resolve(dir, n));
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** `--var name=value`: an HCL literal unless the variable is declared as a string. */
function cliVarValue(cfg: ModuleConfig, name: string, raw: string): Value {
  const decl = cfg.variables.get(name);
  const t = decl ? attrOf(decl.body, 'type') : undefined;
  if (t && t.expr.k === 'var' && t.expr.name === 'string') return raw;
  try {
    const v = new Evaluator(literalScope(cfg.dir)).eval(parseHclExpression(raw, '--var'));
    if (isUnknown(v)) return raw;
    return v;
  } catch {
    return raw;
  }
}

