import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { Minimatch, type MinimatchOptions } from 'minimatch';
import type { IgnoreRule } from '../config/load.js';
import type { Finding, Resource, Suppression } from '../model/index.js';
import type { ScanError } from '../scan/errors.js';
import { isValidDate, parseInlineDirectives, type InlineDirective } from './inline.js';

export interface SuppressOptions {
  /** working directory the findings' file paths are relative to */
  cwd?: string;
  /** `ignores:` entries from the configuration files */
  rules?: IgnoreRule[];
  /** today as YYYY-MM-DD (UTC by default); a suppression that expires before it no longer applies */
  today?: string;
  /** reads a file's text (tests may replace it); undefined when it cannot be read */
  readText?: (absPath: string) => string | undefined;
  /**
   * every scanned file: their tetrad:ignore comments are checked (malformed,
   * or without a reason) even when the file has no finding. Without it only
   * the files of findings are read.
   */
  files?: ReadonlyArray<{ displayPath: string; size: number; head: string }>;
}

export interface SuppressResult {
  findings: Finding[];
  errors: ScanError[];
}

/** A suppression candidate, inline or from the configuration, in one shape. */
interface Candidate {
  kind: 'inline' | 'config';
  file: string;
  line: number;
  reason?: string;
  expires?: string;
}

/** Today as YYYY-MM-DD (UTC), or TETRAD_TODAY when it holds a valid date (the same switch that pins end-of-life decisions). */
export function todayUtc(now = new Date(), env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.TETRAD_TODAY;
  if (pinned && isValidDate(pinned)) return pinned;
  return now.toISOString().slice(0, 10);
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const CHECK_GLOB: MinimatchOptions = { nocase: true };
const RESOURCE_GLOB: MinimatchOptions = { dot: true };

type Matcher = (s: string) => boolean;

/** A minimatch glob compiled once (compiling it on every finding dominated large scans). `basename`: a pattern without "/" matches the last path segment. */
function compileGlob(pattern: string, options: MinimatchOptions, basename = false): Matcher {
  const mm = new Minimatch(pattern, options);
  return basename ? (s) => mm.match(s.slice(s.lastIndexOf('/') + 1)) : (s) => mm.match(s);
}

const checkGlobs = new Map<string, Matcher>();
function checkMatches(patterns: string[], checkId: string): boolean {
  return patterns.some((p) => {
    let m = checkGlobs.get(p);
    if (!m) checkGlobs.set(p, (m = compileGlob(p, CHECK_GLOB)));
    return m(checkId);
  });
}

/** A configuration entry with its globs compiled. */
interface CompiledRule {
  rule: IgnoreRule;
  resource?: Matcher;
  path?: Matcher;
}

function compileRule(rule: IgnoreRule): CompiledRule {
  const c: CompiledRule = { rule };
  if (rule.resource !== undefined) c.resource = compileGlob(rule.resource, RESOURCE_GLOB);
  if (rule.path !== undefined) c.path = compileGlob(rule.path, { dot: true }, !rule.path.includes('/'));
  return c;
}

function hasReason(c: { reason?: string }): c is { reason: string } {
  return typeof c.reason === 'string' && c.reason.trim() !== '';
}

/** The finding's file relative to a base folder, POSIX separators; undefined when outside it. */
function relativeTo(baseDir: string, cwd: string, file: string): string | undefined {
  const rel = relative(baseDir, resolve(cwd, file));
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.split(sep).join('/');
}

function ruleMatches({ rule, resource, path }: CompiledRule, f: Finding, cwd: string): boolean {
  if (!checkMatches([rule.check], f.checkId)) return false;
  if (resource && !resource(f.resource.id)) return false;
  if (path) {
    if (f.location.uri) return false;
    const rel = relativeTo(rule.baseDir, cwd, f.location.file);
    if (rel === undefined || !path(rel)) return false;
  }
  return true;
}

/** Inline directives that cover a finding: on its line or the line before, or inside / right above its resource's block. */
function inlineCandidates(f: Finding, resource: Resource | undefined, directivesOf: (file: string) => InlineDirective[]): InlineDirective[] {
  if (f.location.uri) return [];
  const out: InlineDirective[] = [];
  const { file, startLine } = f.location;
  for (const d of directivesOf(file)) {
    if (d.line === startLine || d.line + 1 === startLine) out.push(d);
  }
  if (resource && !resource.location.uri) {
    const loc = resource.location;
    for (const d of directivesOf(loc.file)) {
      if (out.includes(d)) continue;
      if ((d.line >= loc.startLine && d.line <= loc.endLine) || d.line + 1 === loc.startLine) out.push(d);
    }
  }
  return out.filter((d) => checkMatches(d.checks, f.checkId)).sort((a, b) => a.line - b.line);
}

/**
 * Marks findings covered by an inline `tetrad:ignore` comment or a
 * configuration `ignores:` entry as suppressed (inline first, then the
 * configuration in file order). A suppression without a reason is never
 * applied and yields a `config` error; one that expired before today no longer
 * applies, and a `config` error says so for each finding it used to hide.
 */
export function applySuppressions(findings: readonly Finding[], resources: readonly Resource[], opts: SuppressOptions = {}): SuppressResult {
  const cwd = opts.cwd ?? process.cwd();
  const today = opts.today ?? todayUtc();
  const read = opts.readText ?? readOrUndefined;
  const rules = opts.rules ?? [];
  const compiledRules = rules.map(compileRule);
  const errors: ScanError[] = [];

  const cache = new Map<string, InlineDirective[]>();
  const directivesOf = (file: string): InlineDirective[] => {
    let ds = cache.get(file);
    if (ds) return ds;
    const text = read(resolve(cwd, file));
    if (text === undefined || !text.includes('tetrad:ignore')) ds = [];
    else {
      const parsed = parseInlineDirectives(text, file);
      ds = parsed.directives;
      for (const p of parsed.problems) errors.push({ kind: 'config', file: p.file, line: p.line, message: `invalid tetrad:ignore comment, not applied: ${p.message}` });
      for (const d of ds) {
        if (hasReason(d)) continue;
        errors.push({ kind: 'config', file: d.file, line: d.line, message: `tetrad:ignore ${d.checks.join(',')} has no reason="..."; the suppression is not applied` });
      }
    }
    cache.set(file, ds);
    if (ds.length > 0) anyDirectives = true;
    return ds;
  };
  let anyDirectives = false;

  // The resource of a finding only matters through the directives of its file. Once every
  // resource file has been read without a directive, the 100k-entry id index is not built.
  let byId: Map<string, Resource> | undefined;
  let allResourceFilesRead: boolean | undefined;
  const resourceOf = (id: string): Resource | undefined => {
    if (!anyDirectives) {
      // asked once: the files read up front (opts.files) usually cover every resource
      allResourceFilesRead ??= resources.every((r) => r.location.uri !== undefined || cache.has(r.location.file));
      if (allResourceFilesRead) return undefined;
    }
    byId ??= new Map(resources.map((r) => [r.id, r]));
    return byId.get(id);
  };

  for (const file of opts.files ?? []) {
    // the head holds the whole file when it is small: skip the read when it has no directive
    const complete = Buffer.byteLength(file.head) >= file.size;
    if (!complete || file.head.includes('tetrad:ignore')) directivesOf(file.displayPath);
    // the head is the whole file and holds no directive: known empty without a read
    else if (!cache.has(file.displayPath)) cache.set(file.displayPath, []);
  }

  for (const rule of rules) {
    if (hasReason(rule)) continue;
    errors.push({ kind: 'config', file: rule.file, line: rule.line, message: `ignore of ${rule.check} has no reason; the suppression is not applied` });
  }

  const out = findings.map((f) => {
    const candidates: Candidate[] = [
      ...inlineCandidates(f, resourceOf(f.resource.id), directivesOf).map((d): Candidate => ({ kind: 'inline', file: d.file, line: d.line, reason: d.reason, expires: d.expires })),
      ...compiledRules.filter((c) => ruleMatches(c, f, cwd)).map(({ rule: r }): Candidate => ({ kind: 'config', file: r.file, line: r.line, reason: r.reason, expires: r.expires })),
    ];
    for (const c of candidates) {
      if (!hasReason(c)) continue;
      if (c.expires !== undefined && c.expires < today) {
        errors.push({
          kind: 'config',
          file: c.file,
          line: c.line,
          message: `suppression of ${f.checkId} for ${f.resource.id} (${f.location.file}:${f.location.startLine}) expired on ${c.expires}; the finding is reported again`,
        });
        continue;
      }
      const suppressed: Suppression = { reason: c.reason, origin: `${c.kind} ${c.file}:${c.line}` };
      if (c.expires !== undefined) suppressed.expires = c.expires;
      return { ...f, suppressed };
    }
    return f;
  });
  return { findings: out, errors };
}

/** SARIF suppression kind for a finding's suppression origin. */
export function suppressionKind(s: Suppression): 'inSource' | 'external' {
  return s.origin.startsWith('inline') ? 'inSource' : 'external';
}
