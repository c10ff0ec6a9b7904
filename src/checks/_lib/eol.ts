/**
 * End-of-life look-ups over data/eol.yaml: which release cycle a configured
 * version belongs to, and whether that cycle is still supported on "today".
 *
 * Versions in this catalogue are rarely strict semver ("5.7", "1.29",
 * "13.7", "5.7.mysql_aurora.2.11.2", "3.8-slim"), so instead of coercing
 * them for `semver` we compare dotted numeric prefixes with a small
 * comparator (`compareVersions`), covered by property tests.
 */
import { z } from 'zod';
import { loadCatalogue } from './catalogue.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a quoted ISO day (YYYY-MM-DD)');
const lifecycleSchema = z.object({ eol: isoDay, extended: z.union([isoDay, z.literal(true)]).optional() }).strict();
const cycleTableSchema = z
  .object({
    cycles: z.record(z.string(), lifecycleSchema).default({}),
    olderImpliesEol: z.boolean().optional(),
    allEol: isoDay.optional(),
    aliases: z.record(z.string(), z.string()).optional(),
  })
  .strict();
const imageRepoSchema = z.union([z.object({ language: z.string() }).strict(), cycleTableSchema]);

const eolSchema = z.object({
  lambda: z.object({ sources: z.array(z.string()), runtimes: z.record(z.string(), lifecycleSchema) }),
  rds: z.object({ sources: z.array(z.string()), engines: z.record(z.string(), cycleTableSchema), serverlessV1: lifecycleSchema }),
  eks: cycleTableSchema.extend({ sources: z.array(z.string()) }),
  kubernetes: cycleTableSchema.extend({ sources: z.array(z.string()) }),
  elasticache_redis: cycleTableSchema.extend({ sources: z.array(z.string()) }),
  azure_functions_runtime: cycleTableSchema.extend({ sources: z.array(z.string()) }),
  opensearch: z.object({ sources: z.array(z.string()), products: z.record(z.string(), cycleTableSchema) }),
  messaging: z.object({ sources: z.array(z.string()), products: z.record(z.string(), cycleTableSchema) }),
  certificateAuthorities: z.object({ sources: z.array(z.string()), rds: z.record(z.string(), lifecycleSchema) }),
  eksNodeAmiTypes: z.object({ sources: z.array(z.string()), types: z.record(z.string(), lifecycleSchema) }),
  cloudsql: z.object({ sources: z.array(z.string()), versions: z.record(z.string(), lifecycleSchema) }),
  languages: z.object({ sources: z.array(z.string()) }).catchall(z.unknown()),
  images: z.object({ sources: z.array(z.string()), frozenRegistries: z.record(z.string(), isoDay).default({}), repositories: z.record(z.string(), imageRepoSchema) }),
  beanstalkPlatforms: z.object({ sources: z.array(z.string()), families: z.array(z.object({ pattern: z.string(), name: z.string(), eol: isoDay }).strict()) }),
  retiredServices: z.object({ sources: z.array(z.string()), types: z.record(z.string(), z.object({ service: z.string(), eol: isoDay }).strict()) }),
  operatingSystems: z.object({ sources: z.array(z.string()), releases: z.record(z.string(), cycleTableSchema) }),
  components: z.record(z.string(), z.array(z.object({ cve: z.string(), affected: z.string(), note: z.string(), references: z.array(z.string()) }))),
});

export type Lifecycle = z.infer<typeof lifecycleSchema>;
export type CycleTable = z.infer<typeof cycleTableSchema>;
export type EolCatalogue = z.infer<typeof eolSchema>;

export function eolCatalogue(): EolCatalogue {
  return loadCatalogue('eol.yaml', eolSchema);
}

/** Validates a catalogue object (as parsed from YAML); throws naming the first bad paths. */
export function validateEolCatalogue(raw: unknown): EolCatalogue {
  const parsed = eolSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`eol catalogue is invalid: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** A language's cycle table ("node", "python", "php", "dotnet", "ruby", "go"). */
const languageCache = new Map<string, CycleTable | undefined>();

export function languageTable(name: string): CycleTable | undefined {
  if (languageCache.has(name)) return languageCache.get(name);
  const raw = eolCatalogue().languages[name];
  let table: CycleTable | undefined;
  if (raw !== undefined && name !== 'sources') {
    const parsed = cycleTableSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`data/eol.yaml: languages.${name} is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    table = parsed.data;
  }
  languageCache.set(name, table);
  return table;
}

// ---------------------------------------------------------------- "today"

let pinnedToday: string | undefined;

/**
 * Pins the day EOL decisions are made on (tests), or unpins it with no
 * argument. The environment variable TETRAD_TODAY does the same for a run.
 */
export function setEolToday(day?: string): void {
  if (day !== undefined && !isoDay.safeParse(day).success) throw new Error(`setEolToday: expected YYYY-MM-DD, got ${day}`);
  pinnedToday = day;
}

/** The day EOL decisions are made on, as YYYY-MM-DD (UTC). */
export function eolToday(): string {
  if (pinnedToday) return pinnedToday;
  // asked for every versioned resource: the last answers are kept (the variable is still read each time)
  const env = process.env.TETRAD_TODAY;
  if (env) {
    if (env !== lastEnv) {
      lastEnv = env;
      lastEnvValid = isoDay.safeParse(env).success;
    }
    if (lastEnvValid) return env;
  }
  const now = Date.now();
  if (now >= utcDayEnd || now < utcDayStart) {
    utcDay = new Date(now).toISOString().slice(0, 10);
    utcDayStart = Date.parse(`${utcDay}T00:00:00Z`);
    utcDayEnd = utcDayStart + 86_400_000;
  }
  return utcDay;
}

let lastEnv: string | undefined;
let lastEnvValid = false;
let utcDay = '';
let utcDayStart = 0;
let utcDayEnd = 0;

// ---------------------------------------------------------------- versions

/** The dotted numeric prefix of a version: "5.7.44" → [5,7,44], "3.8-slim" → [3,8], "v1.29" → [1,29]. */
export function numericParts(version: string): number[] {
  return numericSegments(version).map(Number);
}

/** The same prefix as written, segment by segment ("16.04" → ["16", "04"]), for catalogue keys. */
export function numericSegments(version: string): string[] {
  const m = /^\s*v?(\d+(?:\.\d+)*)/i.exec(version);
  return m ? m[1].split('.') : [];
}

/**
 * Compares two versions by their dotted numeric prefixes; missing trailing
 * components count as 0 ("1.29" = "1.29.0"). Non-numeric suffixes are ignored.
 */
export function compareVersions(a: string, b: string): number {
  const x = numericParts(a);
  const y = numericParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

// ---------------------------------------------------------------- verdicts

export type SupportStatus = 'supported' | 'extended' | 'eol';

export interface EolVerdict {
  status: SupportStatus;
  /** the release cycle the version belongs to, e.g. "5.7" */
  cycle: string;
  /** end of standard support */
  eol: string;
  /** end of paid extended support, or true when it exists without an announced end */
  extended?: string | true;
  /** true when the cycle is not listed but older than every listed one */
  implied?: boolean;
}

/** The status of a lifecycle on a day. */
export function statusOf(lc: Lifecycle, day = eolToday()): SupportStatus {
  if (day < lc.eol) return 'supported';
  if (lc.extended === true || (lc.extended !== undefined && day < lc.extended)) return 'extended';
  return 'eol';
}

function verdict(cycle: string, lc: Lifecycle, implied = false): EolVerdict {
  const v: EolVerdict = { status: statusOf(lc), cycle, eol: lc.eol };
  if (lc.extended !== undefined) v.extended = lc.extended;
  if (implied) v.implied = true;
  return v;
}

/**
 * Finds the cycle of a version in a table: the longest dotted prefix that is
 * listed ("13.7" → "13", "5.7.44" → "5.7"), an alias ("buster" → "10"), or,
 * with olderImpliesEol, "older than the oldest listed cycle".
 * Returns undefined when the catalogue cannot tell (unlisted or newer).
 */
export function lookupCycle(table: CycleTable, version: string): EolVerdict | undefined {
  // memoised per table, day and version: a large estate repeats a few versions many times
  const key = `${eolToday()}\u0000${version}`;
  let verdicts = cycleVerdicts.get(table);
  if (verdicts === undefined) cycleVerdicts.set(table, (verdicts = new Map()));
  if (verdicts.has(key)) return verdicts.get(key);
  const found = findCycle(table, version);
  if (verdicts.size >= 10_000) verdicts.clear();
  verdicts.set(key, found);
  return found;
}

/** Verdicts already given, shared by every caller: callers read them and never change them. */
const cycleVerdicts = new WeakMap<CycleTable, Map<string, EolVerdict | undefined>>();

function findCycle(table: CycleTable, version: string): EolVerdict | undefined {
  const v = version.trim();
  if (table.allEol) return verdict(v || 'any', { eol: table.allEol });
  const alias = table.aliases?.[v.toLowerCase()];
  if (alias) return lookupCycle({ ...table, aliases: undefined }, alias);
  const parts = numericSegments(v);
  if (parts.length === 0) return undefined;
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    const lc = table.cycles[key];
    if (lc) return verdict(key, lc);
  }
  if (table.olderImpliesEol) {
    const oldest = oldestCycle(table);
    // an older line ended no later than the oldest listed one; its extended support is not assumed
    if (oldest !== undefined && compareVersions(v, oldest) < 0) return verdict(parts.join('.'), { eol: table.cycles[oldest].eol }, true);
  }
  return undefined;
}

/** The oldest listed cycle of each table, found once: tables are read for every versioned resource. */
const oldestCycles = new WeakMap<CycleTable['cycles'], string | undefined>();
function oldestCycle(table: CycleTable): string | undefined {
  // keyed by the cycles object, which alias look-ups share with their table
  if (oldestCycles.has(table.cycles)) return oldestCycles.get(table.cycles);
  const oldest = Object.keys(table.cycles).sort(compareVersions)[0];
  oldestCycles.set(table.cycles, oldest);
  return oldest;
}

/** Lambda runtime identifier → verdict ("python3.8"); undefined for unknown identifiers. */
export function lambdaRuntime(runtime: string): EolVerdict | undefined {
  const key = runtime.trim().toLowerCase();
  const lc = eolCatalogue().lambda.runtimes[key];
  return lc ? verdict(key, lc) : undefined;
}

/** RDS/Aurora engine and engine_version → verdict. The engine name is case-insensitive. */
export function rdsEngine(engine: string, version: string | undefined): EolVerdict | undefined {
  const table = eolCatalogue().rds.engines[engine.trim().toLowerCase()];
  if (!table) return undefined;
  if (table.allEol) return lookupCycle(table, version ?? '');
  if (version === undefined) return undefined;
  return lookupCycle(table, version);
}

/**
 * An operating system release from its os-release fields → verdict. `id` is the os-release ID
 * (`ubuntu`, `rhel`, `amzn`); CentOS Stream shares `centos` and is told apart by its name.
 */
export function osReleaseVerdict(id: string, versionId: string | undefined, name?: string): EolVerdict | undefined {
  let key = id.trim().toLowerCase();
  if (key === 'centos' && /stream/i.test(name ?? '')) key = 'centos-stream';
  const table = eolCatalogue().operatingSystems.releases[key];
  if (!table || !versionId) return undefined;
  return lookupCycle(table, versionId);
}

/** A human sentence for a verdict: "reached end of support on 2024-02-29". */
export function describeVerdict(v: EolVerdict): string {
  const kind = v.extended === undefined ? 'end of life' : 'end of standard support';
  const ended = v.implied ? `reached ${kind} on or before ${v.eol}` : `reached ${kind} on ${v.eol}`;
  if (v.status === 'extended') return `${ended}; only paid extended support${v.extended === true ? '' : ` until ${v.extended}`} still ships fixes`;
  if (v.status === 'eol' && v.extended !== undefined && v.extended !== true) return `${ended} and end of extended support on ${v.extended}`;
  return ended;
}
