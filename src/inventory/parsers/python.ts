/**
 * Python: `requirements*.txt` with exact pins, `poetry.lock` (TOML, smol-toml) and `Pipfile.lock`
 * (JSON). Ecosystem `PyPI`; names are kept as written (the matcher normalises them, PEP 503).
 *
 * requirements.txt: only `name==version` (and `===`) pins are inventory; ranges (`>=`, `~=`), URLs
 * and editable installs say nothing exact and are left out. Extras (`name[socks]==1`), environment
 * markers (`; python_version < "3.8"`), `--hash` options and `\` continuations are understood.
 * `-r other.txt` / `-c constraints.txt` name other files. With an `includes` resolver (the
 * inventory source gives one: relative to the including file, inside the scanned tree), an
 * included file that the scan does not read on its own (not named `requirements*.txt` /
 * `constraints*.txt`) is followed: `-r` adds its pins at their own lines, `-c` adds the pins of
 * packages this file requires without a pin (a constraint alone installs nothing). A missing or
 * outside include is an error at its line; a loop is an error and is not followed. Without a
 * resolver the lines are listed in `notes`.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { lineRange } from '../../model/location.js';
import type { InstalledPackage, Inventory, InventoryError, RuntimeVersion } from '../types.js';
import { failed, LineFinder, lines, pkg } from './common.js';
import { jsonOrError } from './npm.js';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

const PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)\s*$/;

/** An included file's text and display path, or why it cannot be read. */
export type RequirementsIncluder = (from: string, path: string) => { text: string; file: string } | { error: string };

/** File names the scan reads as requirements on their own (see parsers/index.ts). */
export const REQUIREMENTS_NAME = /^(requirements|constraints)([-_.][\w.-]*)?\.txt$/i;

export function parseRequirements(text: string, file: string, includes?: RequirementsIncluder): Inventory {
  const { unpinnedNames: _, ...inv } = requirementsOf(text, file, includes, [file]);
  return inv;
}

type RequirementsInventory = Inventory & { unpinnedNames?: string[] };

function requirementsOf(text: string, file: string, includes: RequirementsIncluder | undefined, chain: string[]): RequirementsInventory {
  const packages: InstalledPackage[] = [];
  const errors: InventoryError[] = [];
  const notes: InventoryError[] = [];
  const unpinned = new Set<string>();
  const constraints: InstalledPackage[] = [];
  const all = lines(text);
  for (let i = 0; i < all.length; i++) {
    const start = i + 1;
    let line = all[i]!;
    while (line.endsWith('\\') && i + 1 < all.length) line = `${line.slice(0, -1)} ${all[++i]!}`;
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const inc = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?=[^\s=-]))(\S+)$/.exec(line);
    if (inc || /^(-r|--requirement|-c|--constraint)\b/.test(line)) {
      if (!includes || !inc) {
        notes.push({ file, line: start, message: `${line}: included file is read only when it is scanned itself` });
        continue;
      }
      const got = includes(file, inc[2]!);
      if ('error' in got) {
        errors.push({ file, line: start, message: `${line}: ${got.error}` });
        continue;
      }
      if (chain.includes(got.file)) {
        errors.push({ file, line: start, message: `${line}: include loop (${[...chain, got.file].join(' -> ')}); not followed` });
        continue;
      }
      const baseName = got.file.slice(got.file.lastIndexOf('/') + 1);
      if (REQUIREMENTS_NAME.test(baseName)) continue; // the scan reads it on its own
      const sub = requirementsOf(got.text, got.file, includes, [...chain, got.file]);
      errors.push(...sub.errors);
      notes.push(...(sub.notes ?? []));
      if (/^(-r|--requirement)$/.test(inc[1]!)) {
        packages.push(...sub.packages);
        for (const n of sub.unpinnedNames ?? []) unpinned.add(n);
      } else constraints.push(...sub.packages.map((p) => ({ ...p, direct: false })));
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
      continue;
    }
    // a range or a bare name: not an exact version, not inventory (unless a constraint pins it)
    unpinned.add(pep503(/^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)![0]));
  }
  const pinned = new Set(packages.map((p) => pep503(p.name)));
  for (const c of constraints) if (unpinned.has(pep503(c.name)) && !pinned.has(pep503(c.name))) packages.push(c);
  const out: RequirementsInventory = notes.length ? { packages, errors, notes } : { packages, errors };
  if (unpinned.size) out.unpinnedNames = [...unpinned];
  return out;
}

/** PEP 503 normalised project name. */
function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
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
