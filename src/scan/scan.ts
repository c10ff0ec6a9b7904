import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import type { Finding, Reference, Resource } from '../model/index.js';
import { normalizeAll } from '../model/normalize/index.js';
import { loadBuiltinChecks } from '../checks/engine/builtin.js';
import { runChecks } from '../checks/engine/run.js';
import { selectChecks, type CheckSelection } from '../checks/engine/select.js';
import type { Check, CheckMeta } from '../checks/engine/types.js';
import { loadConfigs, type IgnoreRule } from '../config/load.js';
import { intentResources } from '../config/intent.js';
import { applySuppressions } from '../suppress/apply.js';
import { scoreFindings, type RiskOptions } from '../risk/score.js';
import { storeCveLookup } from '../risk/cve-lookup.js';
import { openStore } from '../vulns/store/db.js';
import { SHIPPED_MODEL_FILE } from '../ml/paths.js';
import { SOURCES } from '../sources/index.js';
import type { Source, SourceOptions } from '../sources/types.js';
import { TOOL } from '../version.js';
import { discoverFiles, type DiscoveredFile } from './discover.js';
import { defaultThreads, fitMemory, PARALLEL_MIN_BYTES, runChecksWithHelpers, startCheckHelpers, type CheckHelpers } from './parallel-checks.js';
import type { ScanError } from './errors.js';
import { storeAdvisories, type AdvisoryService } from '../vulns/advisories.js';
import { foreignBuildNoteOf } from '../vulns/foreign-builds.js';

export interface ScanProgress {
  phase: 'discover' | 'parse' | 'check' | 'done';
  done: number;
  total: number;
  detail?: string;
}

export interface ScanOptions extends Partial<SourceOptions> {
  selection?: CheckSelection;
  /** use exactly these checks instead of the built-in ones (selection still applies) */
  checks?: Check[];
  /** extra checks loaded by the caller (e.g. --checks-dir) */
  extraChecks?: Check[];
  maxFileSize?: number;
  onProgress?: (p: ScanProgress) => void;
  /** configuration file to use instead of `.tetrad.yaml` in the working directory (--config) */
  configFile?: string;
  /** false: read no `.tetrad.yaml` at all (default true) */
  loadConfig?: boolean;
  /** extra `ignores:` entries supplied by the caller */
  ignores?: IgnoreRule[];
  /** apply no suppression at all, inline or configured (--no-ignores) */
  noIgnores?: boolean;
  /** today as YYYY-MM-DD, for suppression expiry (default: the UTC date) */
  today?: string;
  /** an imported advisory store (`tetrad db import`) to match inventories against (--db) */
  advisoryDb?: string;
  /** inputs of the finding risk score (src/risk/score.ts): CVE records, a model loader */
  risk?: RiskOptions;
  /** threads for the checks of a large JSON/YAML input (src/scan/parallel-checks.ts); default `defaultThreads` there */
  threads?: number;
  /** input size from which the checks use several threads (default PARALLEL_MIN_BYTES; tests lower it) */
  parallelMinBytes?: number;
}

export interface ScanResult {
  tool: { name: string; version: string; informationUri: string };
  findings: Finding[];
  errors: ScanError[];
  resources: Resource[];
  files: DiscoveredFile[];
  /** metadata of the checks that ran (for SARIF rules) */
  checks: CheckMeta[];
  /** `checksOnHelpers`: how many checks ran on helper threads (parallel-checks.ts), 0 on one thread */
  stats: { files: number; resources: number; checks: number; durationMs: number; checksOnHelpers: number };
  /** things worth telling that are not errors (e.g. packages found but no advisories to match) */
  notes?: string[];
}

/**
 * Makes resource ids unique within a scan: two folders may both declare
 * `aws_security_group.web`. A later duplicate is renamed `id@file:line`, and
 * references to it from resources in the same folder follow the rename.
 */
export function uniquifyIds(resources: Resource[]): void {
  const seen = new Set<string>();
  // references by folder and target, built at the first duplicate: renaming stays linear
  // when two plans of one estate repeat every address (it rescanned every resource per duplicate)
  let refs: Map<string, Map<string, Reference[]>> | undefined;
  for (const r of resources) {
    if (!seen.has(r.id)) {
      seen.add(r.id);
      continue;
    }
    const old = r.id;
    r.id = `${old}@${r.location.file}:${r.location.startLine}`;
    seen.add(r.id);
    refs ??= referencesByFolder(resources);
    const inFolder = refs.get(dirname(r.location.file));
    const moved = inFolder?.get(old);
    if (!inFolder || !moved) continue;
    for (const ref of moved) ref.target = r.id;
    inFolder.delete(old);
    const already = inFolder.get(r.id);
    if (already) already.push(...moved);
    else inFolder.set(r.id, moved);
  }
}

function referencesByFolder(resources: readonly Resource[]): Map<string, Map<string, Reference[]>> {
  const out = new Map<string, Map<string, Reference[]>>();
  for (const r of resources) {
    if (r.references.length === 0) continue;
    const dir = dirname(r.location.file);
    let byTarget = out.get(dir);
    if (!byTarget) out.set(dir, (byTarget = new Map()));
    for (const ref of r.references) {
      const list = byTarget.get(ref.target);
      if (list) list.push(ref);
      else byTarget.set(ref.target, [ref]);
    }
  }
  return out;
}

/**
 * Assigns each file to the first source that claims it; unknown files are skipped quietly.
 * A source marked `alongside` (the text-file secret scan) also gets every file it claims.
 */
export function assignFiles(files: DiscoveredFile[], sources: Source[] = SOURCES): Map<Source, DiscoveredFile[]> {
  const out = new Map<Source, DiscoveredFile[]>();
  const add = (src: Source, f: DiscoveredFile): void => {
    const list = out.get(src);
    if (list) list.push(f);
    else out.set(src, [f]);
  };
  const exclusive = sources.filter((s) => !s.alongside);
  const alongside = sources.filter((s) => s.alongside);
  for (const f of files) {
    const src = exclusive.find((s) => s.claims(f));
    if (src) add(src, f);
    for (const s of alongside) if (s.claims(f)) add(s, f);
  }
  return out;
}

export async function loadModel(paths: string[], opts: ScanOptions = {}, discovered?: Discovery): Promise<{ resources: Resource[]; errors: ScanError[]; files: DiscoveredFile[] }> {
  const cwd = opts.cwd ?? process.cwd();
  const progress = opts.onProgress ?? (() => {});
  const { files, errors, assigned } = discovered ?? discover(paths, opts);
  const sourceOpts: SourceOptions = { vars: opts.vars ?? {}, varFiles: opts.varFiles ?? [], cwd, roots: paths.map((p) => resolvePath(cwd, p)) };
  const resources: Resource[] = [];
  let done = 0;
  for (const [source, claimed] of assigned) {
    progress({ phase: 'parse', done, total: files.length, detail: source.kind });
    try {
      const out = await source.load(claimed, sourceOpts);
      resources.push(...out.resources);
      errors.push(...out.errors);
    } catch (err) {
      errors.push({ kind: 'parse', file: claimed[0]?.displayPath ?? '(unknown)', message: `${source.kind} source failed: ${(err as Error).message}`, source: source.kind });
    }
    done += claimed.length;
  }
  uniquifyIds(resources);
  normalizeAll(resources);
  return { resources, errors, files };
}

/** The files of a scan, each assigned to its source. */
export interface Discovery {
  files: DiscoveredFile[];
  errors: ScanError[];
  assigned: Map<Source, DiscoveredFile[]>;
}

export function discover(paths: string[], opts: ScanOptions = {}): Discovery {
  opts.onProgress?.({ phase: 'discover', done: 0, total: paths.length });
  const { files, errors } = discoverFiles(paths, { maxFileSize: opts.maxFileSize, cwd: opts.cwd ?? process.cwd() });
  return { files, errors, assigned: assignFiles(files) };
}

/**
 * Helper threads for the checks, started before this thread loads the model (they load it
 * too): only for built-in checks over a large input that no HCL source reads.
 */
function startHelpers(paths: string[], opts: ScanOptions, found: Discovery, checks: readonly Check[], builtinOnly: boolean): CheckHelpers | undefined {
  if (!builtinOnly || checks.length < 2) return undefined;
  const bytes = found.files.reduce((n, f) => n + f.size, 0);
  if (bytes < (opts.parallelMinBytes ?? PARALLEL_MIN_BYTES) || [...found.assigned.keys()].some((s) => s.kind === 'terraform')) return undefined;
  const workers = (opts.threads !== undefined ? fitMemory(opts.threads, bytes) : defaultThreads(bytes)) - 1;
  if (workers < 1) return undefined;
  const options = { cwd: opts.cwd ?? process.cwd(), vars: opts.vars, varFiles: opts.varFiles, maxFileSize: opts.maxFileSize, loadConfig: opts.loadConfig, configFile: opts.configFile, advisoryDb: opts.advisoryDb };
  return startCheckHelpers({ paths, options, checkIds: checks.map((c) => c.meta.id) }, workers);
}

/** The `.tetrad.yaml` files of a scan (none with `loadConfig: false`); a bad one throws ConfigError. */
export function configsOf(paths: string[], opts: ScanOptions): ReturnType<typeof loadConfigs> {
  return opts.loadConfig === false ? [] : loadConfigs({ cwd: opts.cwd ?? process.cwd(), configFile: opts.configFile, paths });
}

/**
 * The model the checks run over and the advisory service they get: the files' resources, then
 * the intended flows of the configuration (`intent:`, for TET-PORTS-039). Helper threads build
 * theirs with this too (`check-worker.ts`), so every thread checks the same model.
 */
export async function checkModel(paths: string[], opts: ScanOptions, configs: ReturnType<typeof loadConfigs>, checks: readonly Check[], discovery?: Discovery) {
  const model = await loadModel(paths, opts, discovery);
  model.resources.push(...intentResources(configs));
  return { ...model, vulns: advisoriesFor(model.resources, checks, opts.advisoryDb) };
}

export async function scan(paths: string[], opts: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const cwd = opts.cwd ?? process.cwd();
  // a bad configuration is a usage error: it throws ConfigError before any work
  const configs = configsOf(paths, opts);
  const all = [...(opts.checks ?? (await loadBuiltinChecks())), ...(opts.extraChecks ?? [])];
  const checks = selectChecks(all, opts.selection ?? {});
  const discovery = discover(paths, opts);
  const helpers = startHelpers(paths, opts, discovery, checks, opts.checks === undefined && !opts.extraChecks?.length);
  const { resources, errors, files, vulns } = await checkModel(paths, opts, configs, checks, discovery);
  opts.onProgress?.({ phase: 'check', done: 0, total: checks.length });
  if (vulns.error) errors.push(vulns.error);
  const services = { advisories: vulns.service };
  const run = helpers ? await runChecksWithHelpers(checks, resources, services, helpers) : { ...runChecks(checks, resources, services), onHelpers: 0 };
  const notes = [vulns.note, vulns.service || resources.some((r) => r.type === 'OsvAdvisory') ? foreignBuildNoteOf(resources) : undefined].filter((n): n is string => n !== undefined);
  errors.push(...run.errors);
  let found = run.findings;
  if (!opts.noIgnores) {
    const rules = [...configs.flatMap((c) => c.ignores), ...(opts.ignores ?? [])];
    // comments are checked in files that hold resources (not in READMEs that merely quote a directive)
    const modelled = new Set(resources.map((r) => r.location.file));
    const readText = suppressionTextReader(files);
    const suppressed = applySuppressions(found, resources, { cwd, rules, today: opts.today, files: files.filter((f) => modelled.has(f.displayPath)), readText });
    found = suppressed.findings;
    errors.push(...suppressed.errors);
  }
  // risk after suppressions (a suppressed exposure does not raise its neighbours); the model loads only for CVE ids
  // the checks' id and referrer indexes are reused: the 100k-resource model is not indexed again
  const exploit = scoreFindings(found, resources, { ...(opts.risk ?? riskFromStore(opts.advisoryDb)), lookups: run.lookups });
  if (exploit.loadError) errors.push({ kind: 'check', file: SHIPPED_MODEL_FILE, message: `exploit model not loaded, risk scores leave it out: ${exploit.loadError.message}` });
  const findings = sortFindings(found);
  opts.onProgress?.({ phase: 'done', done: checks.length, total: checks.length });
  return {
    tool: { ...TOOL },
    findings,
    errors,
    resources,
    files,
    checks: checks.map((c) => c.meta),
    stats: { files: files.length, resources: resources.length, checks: checks.length, durationMs: Math.round(performance.now() - started), checksOnHelpers: run.onHelpers },
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * The file reader of the suppression step: a file a source already read whole
 * without meeting a `tetrad:ignore` marker reads as empty, without touching
 * the disk again; any other file is read (undefined when it cannot be).
 */
export function suppressionTextReader(files: readonly DiscoveredFile[]): (absPath: string) => string | undefined {
  const unmarked = new Set(files.filter((f) => f.mentionsIgnore === false).map((f) => f.path));
  return (absPath) => {
    if (unmarked.has(absPath)) return '';
    try {
      return readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * The advisory store of a scan (`--db`), and the note when inventories were found but there is
 * nothing to match them against (no store and no OSV records in the tree).
 */
export function advisoriesFor(resources: readonly Resource[], checks: readonly Check[], db: string | undefined): { service?: AdvisoryService; error?: ScanError; note?: string } {
  if (!checks.some((c) => c.meta.id === VULNERABILITY_CHECK)) return {};
  let service: AdvisoryService | undefined;
  let error: ScanError | undefined;
  if (db) {
    try {
      service = storeAdvisories(db);
    } catch (err) {
      error = { kind: 'config', file: db, message: (err as Error).message };
    }
  }
  if (service || resources.some((r) => r.type === 'OsvAdvisory')) return { service, error };
  const packages = resources.reduce((n, r) => n + (Array.isArray(r.attributes.packages) ? r.attributes.packages.length : 0), 0);
  if (packages === 0) return { error };
  return { error, note: `${packages} package${packages === 1 ? '' : 's'} inventoried but no advisories to match them against: import some with \`tetrad db import\` and pass --db FILE (or $TETRAD_DB), or keep OSV records in an advisories/ folder of the scanned tree` };
}

const VULNERABILITY_CHECK = 'TET-PATCH-034';

/** With an advisory store, the exploit model scores the store's full CVE records (description, CWE, CVSS). */
function riskFromStore(db: string | undefined): RiskOptions | undefined {
  if (!db) return undefined;
  try {
    return { records: storeCveLookup(openStore(db)) };
  } catch {
    // an unreadable store is already reported by the vulnerability check's set-up
    return undefined;
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.startLine - b.location.startLine ||
      a.checkId.localeCompare(b.checkId) ||
      a.resource.id.localeCompare(b.resource.id),
  );
}
