/**
 * Python: `requirements*.txt` with exact pins, `poetry.lock` (TOML, smol-toml) and `Pipfile.lock`
 * (JSON). Ecosystem `PyPI`; names are kept as written (the matcher normalises them, PEP 503).
 *
 * requirements.txt: only `name==version` (and `===`) pins are inventory; ranges (`>=`, `~=`), URLs
 * and editable installs say nothing exact and are left out. Extras (`name[socks]==1`), environment
 * markers (`; python_version < "3.8"`), `--hash` options and `\` continuations are understood.
 * `-r other.txt` / `-c constraints.txt` name other files: a parser of one text cannot follow them,
 * so they are listed in `notes`, and the scan reads those files on their own when they are in the
 * tree and named `requirements*.txt` / `constraints*.txt`.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { lineRange } from '../../model/location.js';
import type { InstalledPackage, Inventory, InventoryError, RuntimeVersion } from '../types.js';
import { failed, LineFinder, lines, pkg } from './common.js';
import { jsonOrError } from './npm.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)\s*$/;

export function parseRequirements(text: string, file: string): Inventory {
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  const notes: InventoryError[] = [];
  const all = lines(text);
  for (let i = 0; i < all.length; i++) {
    const start = i + 1;
    let line = all[i]!;
    while (line.endsWith('\\') && i + 1 < all.length) line = `${line.slice(0, -1)} ${all[++i]!}`;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    if (/^(-r|--requirement|-c|--constraint)\b/.test(line)) {
      notes.push({ file, line: start, message: `${line}: included file is read only when it is scanned itself` });
      continue;
    }
    if (line.startsWith('-')) continue; // --index-url, -e, --hash-only lines
    const spec = line
      .split(';')[0]! // environment marker
      .replace(/\s--hash[= ]\S+/g, '')
      .trim();
    if (/^[a-z+]+:\/\//i.test(spec) || spec.includes(' @ ')) continue; // URL requirement
    const m = PIN.exec(spec);
    if (m) {
      packages.push(pkg(file, 'requirements', 'PyPI', m[1]!, m[2]!, start, i + 1, { purl: `pkg:pypi/${m[1]!.toLowerCase()}@${m[2]}`, direct: true }));
      continue;
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*([<>=!~,].*)?$/.test(spec)) {
      errors.push({ file, line: start, message: `not a requirement: ${JSON.stringify(spec.slice(0, 80))}` });
    }
    // a range or a bare name: not an exact version, not inventory
  }
  return notes.length ? { packages, errors, notes } : { packages, errors };
}

function tomlOrError(text: string, file: string): { value: Obj } | { error: Inventory } {
  try {
    return { value: parseToml(text) as Obj };
  } catch (err) {
    if (err instanceof TomlError) return { error: failed(file, `invalid TOML: ${err.message.split('\n')[0]}`, err.line) };
    return { error: failed(file, `invalid TOML: ${(err as Error).message}`) };
  }
}
export { tomlOrError };

/** `[[package]]` tables with name and version, located at their `name = "..."` line. */
export function tomlPackages(
  doc: Obj,
  text: string,
  file: string,
  foundBy: string,
  ecosystem: string,
  keep: (entry: Obj) => boolean = () => true,
): Inventory {
  const list = Array.isArray(doc.package) ? doc.package : [];
  const lf = new LineFinder(text);
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  let from = 1;
  for (const entry of list) {
    if (!isObj(entry)) continue;
    const header = lf.find('[[package]]', from) ?? from;
    from = header + 1;
    if (typeof entry.name !== 'string' || typeof entry.version !== 'string') {
      errors.push({ file, line: header, message: '[[package]] without a name or version; skipped' });
      continue;
    }
    if (!keep(entry)) continue;
    const line = lf.find(`name = ${JSON.stringify(entry.name)}`, header) ?? header;
    packages.push(pkg(file, foundBy, ecosystem, entry.name, entry.version, line));
  }
  return { packages, errors };
}

export function parsePoetryLock(text: string, file: string): Inventory {
  const parsed = tomlOrError(text, file);
  if ('error' in parsed) return parsed.error;
  // a `source.type` of directory/file/git is a local or VCS package, not a PyPI release
  return tomlPackages(parsed.value, text, file, 'poetry-lock', 'PyPI', (e) => !isObj(e.source) || e.source.type === 'legacy');
}

export function parsePipfileLock(text: string, file: string): Inventory {
  const parsed = jsonOrError(text, file);
  if ('error' in parsed) return parsed.error;
  const doc = parsed.value;
  if (!isObj(doc)) return failed(file, 'Pipfile.lock is not a JSON object', 1);
  const lf = new LineFinder(text);
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  const runtimes: RuntimeVersion[] = [];
  // the Python the lockfile was made for: `_meta.requires.python_version` ("3.8")
  const meta = isObj(doc._meta) && isObj(doc._meta.requires) ? doc._meta.requires : undefined;
  if (meta && typeof meta.python_version === 'string' && /^\d+\.\d+/.test(meta.python_version)) {
    runtimes.push({ name: 'python', version: meta.python_version, location: lineRange(file, lf.find('"python_version"') ?? 1) });
  }
  for (const section of ['default', 'develop']) {
    const deps = doc[section];
    if (!isObj(deps)) continue;
    let from = lf.find(`"${section}":`) ?? 1;
    for (const [name, entry] of Object.entries(deps)) {
      const line = lf.find(`${JSON.stringify(name)}:`, from) ?? from;
      from = line;
      if (!isObj(entry)) continue;
      if (typeof entry.version !== 'string') continue; // git/path entries
      const m = /^===?(.+)$/.exec(entry.version);
      if (!m) {
        errors.push({ file, line, message: `${name}: version ${JSON.stringify(entry.version)} is not an exact pin; skipped` });
        continue;
      }
      packages.push(pkg(file, 'pipfile-lock', 'PyPI', name, m[1]!, line, line, { purl: `pkg:pypi/${name.toLowerCase()}@${m[1]}` }));
    }
  }
  return runtimes.length ? { packages, errors, runtimes } : { packages, errors };
}
