/**
 * Helpers shared by the host-configuration parsers: where a collected file
 * sits on its host, resource construction, line splitting and a small
 * `key = value` reader for the INI-like files (grafana.ini, my.cnf,
 * pwquality.conf, faillock.conf).
 */
import { basename, dirname, join, sep } from 'node:path';
import { lineRange, type Location, type Resource, type Value, type ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';

/** Top-level folders of a Linux file system that mark where a collected host tree starts. */
const ROOT_MARKERS = ['etc', 'var', 'opt', 'srv', 'usr'];

export interface HostPlace {
  /** folder that stands for the host's `/` (absolute), or undefined when the path has no marker */
  root: string | undefined;
  /** host name: the folder right above the root marker (`hosts/web-1/etc/...` → `web-1`), else null */
  host: string | null;
  /** the path as on the host (`/etc/ssh/sshd_config`), else null */
  hostPath: string | null;
}

/**
 * Finds the host tree a collected file belongs to: the last `etc` folder of
 * its path (else the last `var`, `opt`, `srv` or `usr`) is taken for the
 * host's `/etc`, and the folder above it names the host. The display path
 * names the host (the absolute path may hold unrelated `etc` folders above
 * the working directory); the absolute path gives the root for resolving
 * `Include` and similar directives.
 */
export function hostPlace(absPath: string, display: string): HostPlace {
  const parts = display.split('/');
  let at = -1;
  for (const marker of ROOT_MARKERS) {
    at = parts.lastIndexOf(marker, parts.length - 2);
    if (at >= 0) break;
  }
  if (at < 0) return { root: undefined, host: null, hostPath: null };
  const host = at > 0 ? (parts[at - 1] ?? null) : null;
  const hostPath = '/' + parts.slice(at).join('/');
  // the absolute path ends with the same segments as the display path
  const absParts = absPath.split(sep);
  const root = absParts.slice(0, absParts.length - (parts.length - at)).join(sep) || sep;
  return { root, host: host === '' || host === '.' || host === '..' ? null : host, hostPath };
}

export interface HostFileInput {
  absPath: string;
  display: string;
  text: string;
  place: HostPlace;
}

/** A parser's result before it becomes a resource. */
export interface Parsed {
  attributes: ValueObject;
  attributeLocations: Record<string, Location>;
  warnings: ParseError[];
  /** files (absolute) read besides the main one, e.g. sshd Include targets */
  alsoRead?: string[];
}

/** The resource for one host file: `id` = `<Type>:<display path>`, provider and source `host`. */
export function hostResource(type: string, input: HostFileInput, parsed: Parsed): Resource {
  const lines = input.text.split('\n').length;
  const { host, hostPath } = input.place;
  const name = `${hostPath ?? basename(input.display)}${host ? ` on ${host}` : ''}`;
  return {
    id: `${type}:${input.display}`,
    type,
    provider: 'host',
    source: 'host',
    name,
    attributes: { host, path: hostPath ?? input.display, ...parsed.attributes },
    location: lineRange(input.display, 1, Math.max(1, lines - (input.text.endsWith('\n') ? 1 : 0))),
    attributeLocations: parsed.attributeLocations,
    references: [],
    meta: { host, hostPath },
  };
}

/** Lines without their end-of-line characters. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

export interface IniEntry {
  /** section name as written (without brackets), '' before the first section */
  section: string;
  key: string;
  /** value with surrounding quotes removed; null for a bare key (`skip-grant-tables`) */
  value: string | null;
  line: number;
}

export interface IniOptions {
  /** characters that start a comment line */
  comments: string;
  /** whether `[section]` headers are allowed */
  sections: boolean;
  /** whether a key without `=` is allowed (MySQL options, faillock flags) */
  bareKeys: boolean;
  /** lines starting with this are directives of their own (`!include` in my.cnf) and are kept as keys */
  directivePrefix?: string;
  /** characters that, after white space, start a comment at the end of an unquoted value (`#` in my.cnf, `#`/`;` in grafana.ini) */
  inlineComments?: string;
}

/**
 * A small INI reader. Hand-written: the INI dialects here differ (MySQL's bare
 * options and `!include`, Grafana's `;` comments, pwquality's sectionless
 * files) and every entry needs its line, which the npm INI readers do not keep.
 * A malformed line is a warning at its line; the rest of the file is read.
 */
export function parseIni(text: string, file: string, opts: IniOptions): { entries: IniEntry[]; warnings: ParseError[] } {
  const entries: IniEntry[] = [];
  const warnings: ParseError[] = [];
  let section = '';
  splitLines(text).forEach((lineText, i) => {
    const line = i + 1;
    const t = lineText.trim();
    if (t === '' || opts.comments.includes(t[0]!)) return;
    if (opts.directivePrefix && t.startsWith(opts.directivePrefix)) {
      const [key, ...rest] = t.split(/\s+/);
      entries.push({ section, key: key!, value: rest.join(' ') || null, line });
      return;
    }
    if (t.startsWith('[')) {
      const m = /^\[([^\]]*)\]\s*([#;].*)?$/.exec(t);
      if (!opts.sections || !m || m[1]!.trim() === '') {
        warnings.push(new ParseError(file, line, opts.sections ? 'malformed section header' : 'section headers are not allowed in this file'));
        return;
      }
      section = m[1]!.trim();
      return;
    }
    const eq = t.indexOf('=');
    if (eq < 0) {
      const bare = opts.inlineComments ? stripInlineComment(t, opts.inlineComments) : t;
      if (opts.bareKeys && /^[A-Za-z0-9_.-]+$/.test(bare)) entries.push({ section, key: bare, value: null, line });
      else warnings.push(new ParseError(file, line, 'expected "key = value"'));
      return;
    }
    const key = t.slice(0, eq).trim();
    if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
      warnings.push(new ParseError(file, line, 'expected "key = value"'));
      return;
    }
    let raw = t.slice(eq + 1).trim();
    if (raw.startsWith('"""') && raw.length >= 6 && raw.endsWith('"""')) raw = raw.slice(3, -3);
    else if (opts.inlineComments && !/^["']/.test(raw)) {
      raw = stripInlineComment(raw, opts.inlineComments);
      raw = unquote(raw);
    } else raw = unquote(raw);
    entries.push({ section, key, value: raw, line });
  });
  return { entries, warnings };
}

/** Cuts a comment that starts with one of `chars` after white space (`value  # note` → `value`). */
function stripInlineComment(v: string, chars: string): string {
  const cut = v.search(new RegExp('\\s[' + [...chars].map((c) => '\\' + c).join('') + ']'));
  return cut >= 0 ? v.slice(0, cut).trim() : v;
}

export function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

/** `key → {value, line}` for the last value of each key (later wins in these files), located at `prefix.key`. */
export function lastWins(entries: IniEntry[], prefix: string, file: string, normalizeKey: (k: string) => string = (k) => k): { values: ValueObject; locations: Record<string, Location> } {
  const values: ValueObject = {};
  const locations: Record<string, Location> = {};
  for (const e of entries) {
    const k = normalizeKey(e.key);
    values[k] = e.value as Value;
    locations[`${prefix}${k}`] = lineRange(file, e.line);
  }
  return { values, locations };
}

/** Whether a path (absolute) lies inside a folder (absolute). */
export function isInside(path: string, folder: string): boolean {
  const f = folder.endsWith(sep) ? folder : folder + sep;
  return path === folder || path.startsWith(f);
}

export { basename, dirname, join };
