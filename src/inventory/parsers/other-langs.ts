/**
 * Lockfiles of Go (`go.mod`, `go.sum`), Rust (`Cargo.lock`), Ruby (`Gemfile.lock`) and PHP
 * (`composer.lock`). go.mod and Gemfile.lock are line formats and are read by hand here (no
 * maintained npm parser keeps their line numbers); Cargo.lock is TOML (smol-toml) and
 * composer.lock JSON.
 */
import { lineRange } from '../../model/location.js';
import type { InstalledPackage, Inventory, InventoryError, RuntimeVersion } from '../types.js';
import { failed, LineFinder, lines, pkg } from './common.js';
import { jsonOrError } from './npm.js';
import { tomlOrError, tomlPackages } from './python.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `"github.com/a/b"` → `github.com/a/b`; strips a trailing `// comment` */
const goToken = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1');

/**
 * go.mod: `require` lines and blocks give the selected module versions; `replace` directives
 * swap a module (any version, or one version) for another module version, or for a local
 * directory, which is then the project's own code and left out. `// indirect` marks indirect
 * requirements (direct: false).
 */
export function parseGoMod(text: string, file: string): Inventory {
  const errors: InventoryError[] = [];
  const reqs: Array<{ name: string; version: string; line: number; indirect: boolean }> = [];
  const replaces: Array<{ from: string; fromVersion?: string; to?: { name: string; version: string } }> = [];
  let block: string | undefined;
  let blockLine = 0;
  const all = lines(text);
  const directive = (kind: string, body: string, n: number): void => {
    const indirect = /\/\/\s*indirect\b/.test(body);
    const b = body.replace(/\/\/.*$/, '').trim();
    if (b === '') return;
    if (kind === 'require') {
      const parts = b.split(/\s+/);
      if (parts.length !== 2) {
        errors.push({ file, line: n, message: `require needs a module path and a version: ${JSON.stringify(b)}` });
        return;
      }
      reqs.push({ name: goToken(parts[0]!), version: parts[1]!, line: n, indirect });
    } else if (kind === 'replace') {
      const m = /^(\S+)(?:\s+(\S+))?\s*=>\s*(\S+)(?:\s+(\S+))?$/.exec(b);
      if (!m) {
        errors.push({ file, line: n, message: `replace needs "old [version] => new [version]": ${JSON.stringify(b)}` });
        return;
      }
      replaces.push({ from: goToken(m[1]!), fromVersion: m[2], to: m[4] ? { name: goToken(m[3]!), version: m[4] } : undefined });
    }
  };
  let sawModule = false;
  const runtimes: RuntimeVersion[] = [];
  all.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) return;
    if (block) {
      if (line === ')') block = undefined;
      else directive(block, line, n);
      return;
    }
    const m = /^(module|go|toolchain|require|replace|exclude|retract|godebug)\b\s*(.*)$/.exec(line);
    if (!m) {
      errors.push({ file, line: n, message: `unknown go.mod directive: ${JSON.stringify(line.slice(0, 80))}` });
      return;
    }
    if (m[1] === 'module') sawModule = true;
    // `toolchain go1.21.4`: the Go release the module is built with (the `go` line is only a minimum)
    if (m[1] === 'toolchain') {
      const v = /^go(\d+\.\d+(?:\.\d+)?)/.exec(m[2]!.trim());
      if (v) runtimes.push({ name: 'go', version: v[1]!, location: lineRange(file, n) });
    }
    if (m[2] === '(') {
      block = m[1];
      blockLine = n;
    }
    else directive(m[1]!, m[2]!, n);
  });
  if (block) errors.push({ file, line: blockLine, message: `${block} ( block is never closed` });
  if (!sawModule && reqs.length === 0) errors.push({ file, message: 'no module directive and no requirement: not a go.mod' });
  const packages: InstalledPackage[] = [];
  for (const r of reqs) {
    const rep = replaces.find((x) => x.from === r.name && (!x.fromVersion || x.fromVersion === r.version));
    if (rep && !rep.to) continue; // replaced by a local directory
    const name = rep?.to?.name ?? r.name;
    const version = rep?.to?.version ?? r.version;
    packages.push(pkg(file, 'go-mod', 'Go', name, version, r.line, r.line, { purl: `pkg:golang/${name}@${version}`, direct: !r.indirect }));
  }
  return runtimes.length ? { packages, errors, runtimes } : { packages, errors };
}

/**
 * go.sum: `module version[/go.mod] hash` lines. Only lines without `/go.mod` stand for module
 * contents that were downloaded; go.sum may also keep versions the build no longer selects, so
 * the scan prefers the go.mod beside it (see the inventory source).
 */
export function parseGoSum(text: string, file: string): Inventory {
  const errors: InventoryError[] = [];
  const packages: InstalledPackage[] = [];
  lines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const parts = line.split(/\s+/);
    if (parts.length !== 3 || !parts[2]!.startsWith('h1:')) {
      errors.push({ file, line: i + 1, message: `not a "module version h1:hash" line: ${JSON.stringify(line.slice(0, 80))}` });
      return;
    }
    if (parts[1]!.endsWith('/go.mod')) return;
    packages.push(pkg(file, 'go-sum', 'Go', parts[0]!, parts[1]!, i + 1, i + 1, { purl: `pkg:golang/${parts[0]}@${parts[1]}` }));
  });
  return { packages, errors };
}

/** Cargo.lock: `[[package]]` entries from a registry (`source = "registry+..."`); path crates are the workspace. */
export function parseCargoLock(text: string, file: string): Inventory {
  const parsed = tomlOrError(text, file);
  if ('error' in parsed) return parsed.error;
  const inv = tomlPackages(parsed.value, text, file, 'cargo-lock', 'crates.io', (e) => typeof e.source === 'string' && e.source.startsWith('registry+'));
  for (const p of inv.packages) p.purl = `pkg:cargo/${p.name}@${p.version}`;
  return inv;
}

/**
 * Gemfile.lock: in the GEM (and GIT/PATH) sections, `specs:` lists each gem at four spaces,
 * `name (version[-platform])`, with its own dependencies at six. Ecosystem `RubyGems`; GIT and
 * PATH gems are not registry releases and are left out.
 */
export function parseGemfileLock(text: string, file: string): Inventory {
  const errors: InventoryError[] = [];
  const packages: InstalledPackage[] = [];
  let section = '';
  let inSpecs = false;
  let sawSection = false;
  lines(text).forEach((line, i) => {
    const n = i + 1;
    if (line.trim() === '') return;
    if (/^[A-Z]/.test(line)) {
      section = line.trim();
      inSpecs = false;
      sawSection = true;
      return;
    }
    if (/^ {2}specs:\s*$/.test(line)) {
      inSpecs = true;
      return;
    }
    if (/^ {2}\S/.test(line)) {
      inSpecs = false;
      return;
    }
    if (!inSpecs || section !== 'GEM') return;
    const m = /^ {4}(\S+) \(([^)]+)\)\s*$/.exec(line);
    if (m) {
      // a platform-specific gem: "1.13.10-x86_64-linux" → "1.13.10"
      const version = m[2]!.replace(/-(?:x86|x64|arm|aarch64|universal|java|mingw|mswin|darwin|linux|ruby)[^ ]*$/, '');
      packages.push(pkg(file, 'gemfile-lock', 'RubyGems', m[1]!, version, n, n, { purl: `pkg:gem/${m[1]}@${version}` }));
    } else if (!/^ {6}\S/.test(line)) {
      errors.push({ file, line: n, message: `not a "name (version)" spec: ${JSON.stringify(line.trim().slice(0, 80))}` });
    }
  });
  if (!sawSection) errors.push({ file, message: 'no GEM section: not a Gemfile.lock' });
  return { packages, errors };
}

/** composer.lock: `packages` and `packages-dev`, ecosystem `Packagist` (a leading `v` is dropped). */
export function parseComposerLock(text: string, file: string): Inventory {
  const parsed = jsonOrError(text, file);
  if ('error' in parsed) return parsed.error;
  const doc = parsed.value;
  if (!isObj(doc)) return failed(file, 'composer.lock is not a JSON object', 1);
  if (!Array.isArray(doc.packages)) return failed(file, 'composer.lock has no "packages" list', 1);
  const lf = new LineFinder(text);
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  for (const section of ['packages', 'packages-dev']) {
    const list = doc[section];
    if (!Array.isArray(list)) continue;
    let from = lf.find(`"${section}":`) ?? 1;
    for (const e of list) {
      if (!isObj(e) || typeof e.name !== 'string') continue;
      const line = lf.find(`"name": ${JSON.stringify(e.name)}`, from) ?? lf.find(`"name":${JSON.stringify(e.name)}`, from) ?? from;
      from = line;
      if (typeof e.version !== 'string') {
        errors.push({ file, line, message: `${e.name} has no version; skipped` });
        continue;
      }
      if (e.version.startsWith('dev-')) continue; // a branch, not a release
      const version = e.version.replace(/^v(?=\d)/, '');
      packages.push(pkg(file, 'composer-lock', 'Packagist', e.name, version, line, line, { purl: `pkg:composer/${e.name}@${version}` }));
    }
  }
  return { packages, errors };
}
