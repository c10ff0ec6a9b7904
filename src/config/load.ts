import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { displayPath } from '../scan/discover.js';
import { configSchema, type TetradConfigInput } from './schema.js';
import { toIntentFlow, type IntentRule } from './intent.js';

export const CONFIG_FILE_NAMES = ['.tetrad.yaml', '.tetrad.yml'];

/** A configuration file that cannot be used: the scan stops with a usage error (exit 2). */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
  }
}

/** An `ignores:` entry with where it was written. */
export interface IgnoreRule {
  check: string;
  resource?: string;
  path?: string;
  reason?: string;
  expires?: string;
  /** config file as displayed, and the 1-based line of the entry */
  file: string;
  line: number;
  /** absolute folder that `path` globs are relative to */
  baseDir: string;
}

export interface LoadedConfig {
  /** absolute path of the file */
  path: string;
  /** path as displayed in messages */
  file: string;
  /** folder that `path` globs in this file are relative to */
  baseDir: string;
  /** the whole validated document, unknown top-level keys included */
  raw: TetradConfigInput;
  ignores: IgnoreRule[];
  /** `intent:` entries with their lines (the zero-trust audit's allow-list) */
  intents: IntentRule[];
}

function lineOfPath(doc: Document.Parsed, counter: LineCounter, path: PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as Array<string | number>, true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * Reads and validates one `.tetrad.yaml`. Throws ConfigError naming the file
 * and line for a YAML syntax error or an entry of the wrong shape.
 */
export function loadConfigFile(path: string, opts: { cwd?: string; baseDir?: string } = {}): LoadedConfig {
  const cwd = opts.cwd ?? process.cwd();
  const abs = resolve(cwd, path);
  const file = displayPath(abs, cwd);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, undefined, code === 'ENOENT' ? 'configuration file not found' : `cannot read configuration: ${code}`);
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new ConfigError(file, counter.linePos(syntax.pos[0]).line, `YAML syntax error: ${syntax.message.split('\n')[0]}`);
  }
  const value: unknown = doc.toJS() ?? {};
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.map(String).join('.') : '(document)';
    throw new ConfigError(file, lineOfPath(doc, counter, issue.path), `invalid configuration at ${where}: ${issue.message}`);
  }
  const baseDir = opts.baseDir ?? cwd;
  const ignores: IgnoreRule[] = (parsed.data.ignores ?? []).map((rule, i) => ({
    ...rule,
    file,
    line: lineOfPath(doc, counter, ['ignores', i]) ?? 1,
    baseDir,
  }));
  const intents: IntentRule[] = (parsed.data.intent ?? []).flatMap((entry, i) => {
    const flow = toIntentFlow(entry);
    return typeof flow === 'string' ? [] : [{ ...flow, file, line: lineOfPath(doc, counter, ['intent', i]) ?? 1 }];
  });
  return { path: abs, file, baseDir, raw: parsed.data, ignores, intents };
}

function findIn(dir: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const p = resolve(dir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The configurations that apply to a scan: `--config FILE` when given (its
 * `path` globs are relative to the working directory), otherwise
 * `.tetrad.yaml` in the working directory; plus `.tetrad.yaml` at the root of
 * each scanned folder (its `path` globs relative to that folder). A file is
 * read once even when reached twice.
 */
export function loadConfigs(opts: { cwd?: string; configFile?: string; paths?: string[] }): LoadedConfig[] {
  const cwd = opts.cwd ?? process.cwd();
  const wanted: Array<{ path: string; baseDir: string }> = [];
  if (opts.configFile) wanted.push({ path: resolve(cwd, opts.configFile), baseDir: cwd });
  else {
    const here = findIn(cwd);
    if (here) wanted.push({ path: here, baseDir: cwd });
  }
  for (const p of opts.paths ?? []) {
    const dir = resolve(cwd, p);
    if (!isDirectory(dir)) continue;
    const found = findIn(dir);
    if (found) wanted.push({ path: found, baseDir: dirname(found) });
  }
  const seen = new Set<string>();
  const out: LoadedConfig[] = [];
  for (const w of wanted) {
    let key = w.path;
    try {
      key = realpathSync(w.path);
    } catch {
      // missing --config: loadConfigFile reports it
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(loadConfigFile(w.path, { cwd, baseDir: w.baseDir }));
  }
  return out;
}
