/**
 * JavaScript lockfiles: `package-lock.json` (v1 `dependencies` tree, v2/v3 `packages` map),
 * `yarn.lock` (v1 through @yarnpkg/lockfile; berry, which is YAML, through js-yaml) and
 * `pnpm-lock.yaml` (v5 `/name/version`, v6 `/name@version`, v9 `name@version(peers)`).
 * Ecosystem `npm`. Workspace links and local packages are left out: they are the project itself.
 */
import { createRequire } from 'node:module';
import type YarnLockfile from '@yarnpkg/lockfile';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { ParseError } from '../../scan/errors.js';
import { parseJsonOrThrow } from '../../sources/shared/json-error.js';
import type { InstalledPackage, Inventory, InventoryError } from '../types.js';
import { failed, LineFinder, lines, pkg } from './common.js';

// a webpack-bundled CommonJS module whose exports neither Node's ESM loader nor vitest see as
// named exports the same way: required, as CommonJS
const yarnLockfile = createRequire(import.meta.url)('@yarnpkg/lockfile') as typeof YarnLockfile;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function jsonOrError(text: string, file: string): { value: unknown } | { error: Inventory } {
  try {
    return { value: parseJsonOrThrow(text, file) };
  } catch (err) {
    const e = err as ParseError;
    return { error: failed(file, e.detail ?? e.message, e.line) };
  }
}
export { jsonOrError };

/** `node_modules/a/node_modules/@s/b` → `@s/b` */
function nameFromPath(path: string): string | undefined {
  const i = path.lastIndexOf('node_modules/');
  if (i === -1) return undefined;
  return path.slice(i + 'node_modules/'.length) || undefined;
}

export function parsePackageLock(text: string, file: string): Inventory {
  const parsed = jsonOrError(text, file);
  if ('error' in parsed) return parsed.error;
  const lock = parsed.value;
  if (!isObj(lock)) return failed(file, 'package-lock.json is not a JSON object', 1);
  const errors: InventoryError[] = [];
  const packages: InstalledPackage[] = [];
  const lf = new LineFinder(text);
  let from = 1;
  const lineOf = (key: string): number => {
    const l = lf.find(`${JSON.stringify(key)}:`, from) ?? lf.find(`${JSON.stringify(key)}:`) ?? 1;
    from = l;
    return l;
  };
  if (isObj(lock.packages)) {
    const root = isObj(lock.packages['']) ? lock.packages[''] : {};
    const direct = new Set<string>();
    for (const k of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) if (isObj(root[k])) for (const n of Object.keys(root[k] as Obj)) direct.add(n);
    from = lf.find('"packages":') ?? 1;
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === '' || !isObj(entry)) continue;
      if (entry.link === true) continue;
      const name = typeof entry.name === 'string' ? entry.name : nameFromPath(path);
      if (!name) continue; // a workspace folder (packages/x): the project's own code
      const line = lineOf(path);
      if (typeof entry.version !== 'string' || entry.version === '') {
        errors.push({ file, line, message: `${path} has no version; skipped` });
        continue;
      }
      // a dependency from git or a tarball URL has no registry version
      if (!/^\d/.test(entry.version)) continue;
      packages.push(pkg(file, 'package-lock', 'npm', name, entry.version, line, line, { purl: npmPurl(name, entry.version), direct: path === `node_modules/${name}` && direct.has(name) }));
    }
    return { packages, errors };
  }
  if (isObj(lock.dependencies)) {
    // lockfile v1: a nested tree of dependencies
    from = lf.find('"dependencies":') ?? 1;
    const walk = (deps: Obj, top: boolean): void => {
      for (const [name, entry] of Object.entries(deps)) {
        if (!isObj(entry)) continue;
        const line = lineOf(name);
        if (typeof entry.version === 'string' && /^\d/.test(entry.version)) packages.push(pkg(file, 'package-lock', 'npm', name, entry.version, line, line, { purl: npmPurl(name, entry.version), direct: top && entry.dev !== true ? true : undefined }));
        if (isObj(entry.dependencies)) walk(entry.dependencies, false);
      }
    };
    walk(lock.dependencies, true);
    return { packages, errors };
  }
  return failed(file, 'package-lock.json has neither "packages" nor "dependencies"', 1);
}

function npmPurl(name: string, version: string): string {
  const n = name.startsWith('@') ? `%40${name.slice(1)}` : name;
  return `pkg:npm/${n}@${version}`;
}

/** `@babel/core@^7.0.0` → `@babel/core`; `lodash@npm:^4` → `lodash` */
function nameFromSpecifier(spec: string): string {
  const s = spec.trim().replace(/^"|"$/g, '');
  const at = s.indexOf('@', 1);
  return at === -1 ? s : s.slice(0, at);
}

export function parseYarnLock(text: string, file: string): Inventory {
  if (/^__metadata:/m.test(text)) return parseYarnBerry(text, file);
  const bad = badYarnLine(text);
  if (bad !== undefined) return failed(file, 'invalid yarn.lock: not an entry header, a "key value" line or a comment', bad);
  let object: Record<string, { version?: string }>;
  try {
    // @yarnpkg/lockfile 1.1.0 loops forever on a comment at the very end of the text without a
    // newline (`# yarn lockfile v1` alone): the text always gets one
    const res = yarnLockfile.parse(text.endsWith('\n') ? text : `${text}\n`);
    if (res.type === 'conflict') return failed(file, 'yarn.lock has unresolved merge conflicts');
    object = res.object;
  } catch (err) {
    const msg = (err as Error).message;
    // @yarnpkg/lockfile ends its messages with "line:column"
    const m = /(\d+):(\d+)/.exec(msg) ?? /line (\d+)/i.exec(msg);
    return failed(file, `invalid yarn.lock: ${msg}`, m ? Number(m[1]) : undefined);
  }
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  const seen = new Set<string>();
  // header lines, in file order: `"a@^1", a@^1.2:` — each key of the parsed object appears in one
  const headers: Array<{ line: number; specs: string[] }> = [];
  text.split('\n').forEach((l, i) => {
    if (/^\S.*:\s*$/.test(l) && !l.startsWith('#')) headers.push({ line: i + 1, specs: l.replace(/:\s*$/, '').split(/,\s*/).map((s) => s.trim().replace(/^"|"$/g, '')) });
  });
  const lineOfSpec = new Map<string, number>();
  for (const h of headers) for (const s of h.specs) lineOfSpec.set(s, h.line);
  for (const [spec, entry] of Object.entries(object)) {
    const name = nameFromSpecifier(spec);
    const line = lineOfSpec.get(spec) ?? 1;
    if (typeof entry.version !== 'string') {
      errors.push({ file, line, message: `${spec} has no version; skipped` });
      continue;
    }
    const key = `${name}@${entry.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    packages.push(pkg(file, 'yarn-lock', 'npm', name, entry.version, line, line, { purl: npmPurl(name, entry.version) }));
  }
  packages.sort((a, b) => a.location.startLine - b.location.startLine);
  return { packages, errors };
}

/**
 * The first line that is not a yarn.lock v1 line: a comment, an entry header (`"a@^1", a@^1.2:`),
 * or an indented `key value` / `key:` line, where every string ends on its line and bare words
 * hold no quote. @yarnpkg/lockfile 1.1.0's tokenizer reads an unterminated string (also one that
 * starts inside a bare word) past the end of the text until memory runs out, so such text is
 * refused here, with its line, before the library sees it.
 */
const YARN_WORD = String.raw`(?:"(?:[^"\\\n]|\\.)*"|[^"\s,:#][^"\s,:]*)`;
const YARN_HEADER = new RegExp(String.raw`^${YARN_WORD}(?:,\s*${YARN_WORD})*:\s*$`);
const YARN_PROPERTY = new RegExp(String.raw`^(?: {2})+${YARN_WORD}(?:(?: +${YARN_WORD})|:)?\s*$`);

function badYarnLine(text: string): number | undefined {
  const all = lines(text);
  for (let n = 0; n < all.length; n++) {
    const line = all[n]!;
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    // two backslashes before a quote: the tokenizer's escape rule and the pattern's could disagree
    if (line.includes('\\\\"')) return n + 1;
    if (!YARN_HEADER.test(line) && !YARN_PROPERTY.test(line)) return n + 1;
  }
  return undefined;
}

function yamlOrError(text: string, file: string): { value: unknown } | { error: Inventory } {
  try {
    return { value: loadYaml(text, { schema: CORE_SCHEMA }) };
  } catch (err) {
    const e = err as { mark?: { line: number }; reason?: string; message: string };
    return { error: failed(file, `invalid YAML: ${e.reason ?? e.message}`, e.mark ? e.mark.line + 1 : undefined) };
  }
}
export { yamlOrError };

function parseYarnBerry(text: string, file: string): Inventory {
  const parsed = yamlOrError(text, file);
  if ('error' in parsed) return parsed.error;
  if (!isObj(parsed.value)) return failed(file, 'yarn.lock is not a YAML mapping', 1);
  const lf = new LineFinder(text);
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  let from = 1;
  for (const [key, entry] of Object.entries(parsed.value)) {
    if (key === '__metadata' || !isObj(entry)) continue;
    const first = key.split(',')[0]!.trim();
    const line = lf.find(first, from) ?? 1;
    from = line;
    const resolution = typeof entry.resolution === 'string' ? entry.resolution : first;
    // only registry packages: `name@npm:1.2.3`; workspace:, patch:, link:, file: are local
    if (!/@npm:/.test(resolution)) continue;
    const name = resolution.slice(0, resolution.indexOf('@', 1));
    const version = typeof entry.version === 'string' ? entry.version : undefined;
    if (!version) {
      errors.push({ file, line, message: `${first} has no version; skipped` });
      continue;
    }
    packages.push(pkg(file, 'yarn-lock', 'npm', name, version, line, line, { purl: npmPurl(name, version) }));
  }
  return { packages, errors };
}

/** A pnpm package key → name and version, for lockfile v5 (`/a/1.0.0_peer`), v6 (`/a@1.0.0(peer)`) and v9 (`a@1.0.0`). */
export function pnpmKey(key: string): { name: string; version: string } | undefined {
  let k = key.startsWith('/') ? key.slice(1) : key;
  // v5: name/version, with an optional _peer suffix (which may hold an @)
  const v5 = /^(@[^/@]+\/[^/@]+|[^/@]+)\/(\d[^/_()]*)(?:_.*)?$/.exec(k);
  if (v5) return { name: v5[1]!, version: v5[2]! };
  k = k.replace(/\(.*$/, '');
  const at = k.lastIndexOf('@');
  if (at > 0) {
    const version = k.slice(at + 1);
    if (/^\d/.test(version)) return { name: k.slice(0, at), version };
  }
  return undefined;
}

export function parsePnpmLock(text: string, file: string): Inventory {
  const parsed = yamlOrError(text, file);
  if ('error' in parsed) return parsed.error;
  const doc = parsed.value;
  if (!isObj(doc)) return failed(file, 'pnpm-lock.yaml is not a YAML mapping', 1);
  const lf = new LineFinder(text);
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  const section = isObj(doc.packages) ? doc.packages : {};
  let from = lf.find('\npackages:') ?? 1;
  const seen = new Set<string>();
  for (const [key, entry] of Object.entries(section)) {
    const line = lf.find(key, from) ?? 1;
    from = line;
    const nv = pnpmKey(key);
    const e = isObj(entry) ? entry : {};
    const name = typeof e.name === 'string' ? e.name : nv?.name;
    const version = typeof e.version === 'string' && /^\d/.test(e.version) ? e.version : nv?.version;
    if (!name || !version) {
      // tarball and git dependencies have no registry version
      if (!isObj(e.resolution) || !('tarball' in e.resolution || 'repo' in e.resolution)) errors.push({ file, line, message: `cannot read a name and version from package key ${JSON.stringify(key)}; skipped` });
      continue;
    }
    if (seen.has(`${name}@${version}`)) continue;
    seen.add(`${name}@${version}`);
    packages.push(pkg(file, 'pnpm-lock', 'npm', name, version, line, line, { purl: npmPurl(name, version) }));
  }
  return { packages, errors };
}
