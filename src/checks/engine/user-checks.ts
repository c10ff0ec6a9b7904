/**
 * User-defined checks from `--checks-dir DIR`: every `.js`, `.mjs` and `.ts`
 * module in the folder (not its subfolders) that default-exports
 * `defineCheck({ meta, run })`, and every `.yaml`/`.yml` declarative check
 * (see declarative.ts). Files starting with `_` are helpers and `*.test.*`,
 * `*.d.ts` are skipped, as for built-in checks; other files are ignored.
 *
 * Everything is validated at load time (including that every source kind
 * in `meta.sources` exists); the first bad check throws a
 * CheckLoadError naming the file (and line for YAML) and what is wrong, and
 * the CLI stops with exit code 2. Built-in ids cannot be reused, nor can two
 * user checks share an id.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SOURCES } from '../../sources/index.js';
import { parseDeclarativeCheck } from './declarative.js';
import type { Check } from './types.js';
import { CheckLoadError, validateCheck } from './validate.js';

const MODULE = /\.(js|mjs|ts|mts)$/;
const YAML = /\.ya?ml$/;

function isCandidate(name: string): boolean {
  if (name.startsWith('_') || name.startsWith('.')) return false;
  if (/\.(test|spec)\.|\.d\.[mc]?ts$/.test(name)) return false;
  return MODULE.test(name) || YAML.test(name);
}

/** Imports a module; TypeScript goes through tsx's tsImport so plain `node` can load it. */
async function importModule(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  if (!/\.m?ts$/.test(file)) return import(url);
  let tsImport: (specifier: string, parent: string) => Promise<unknown>;
  try {
    ({ tsImport } = (await import('tsx/esm/api')) as { tsImport: typeof tsImport });
  } catch {
    throw new CheckLoadError(file, 'loading a TypeScript check needs the "tsx" package; install it or compile the check to .js');
  }
  return tsImport(url, import.meta.url);
}

async function loadOne(file: string, sourceKinds: readonly string[]): Promise<Check> {
  if (YAML.test(file)) return parseDeclarativeCheck(readFileSync(file, 'utf8'), file, { sourceKinds });
  let mod: { default?: unknown };
  try {
    mod = (await importModule(file)) as { default?: unknown };
  } catch (err) {
    if (err instanceof CheckLoadError) throw err;
    const first = String((err as Error).message ?? err).split('\n')[0];
    throw new CheckLoadError(file, `cannot load the module: ${first}`);
  }
  // a .ts file outside an ESM package is compiled as CommonJS: its default export arrives wrapped once more
  let candidate = mod.default;
  if (candidate !== null && typeof candidate === 'object' && !('meta' in candidate) && 'default' in candidate) candidate = (candidate as { default: unknown }).default;
  const check = validateCheck(candidate, file);
  const unknownSource = check.meta.sources.find((k) => !sourceKinds.includes(k));
  if (unknownSource !== undefined) throw new CheckLoadError(file, `invalid check metadata: meta.sources: unknown source "${unknownSource}" (known: ${sourceKinds.join(', ')})`);
  return check;
}

/** The check files of one folder, sorted. Throws CheckLoadError when the folder cannot be read. */
export function userCheckFiles(dir: string): string[] {
  const abs = resolve(dir);
  let names: string[];
  try {
    if (!statSync(abs).isDirectory()) throw new CheckLoadError(dir, '--checks-dir expects a folder');
    names = readdirSync(abs);
  } catch (err) {
    if (err instanceof CheckLoadError) throw err;
    throw new CheckLoadError(dir, `cannot read the checks folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return names
    .filter(isCandidate)
    .sort()
    .map((n) => join(abs, n))
    .filter((f) => statSync(f).isFile());
}

/**
 * Loads every user check of the given folders. `reservedIds` are the ids
 * already taken (the built-in checks).
 */
export async function loadUserChecks(dirs: readonly string[], reservedIds: Iterable<string> = [], sourceKinds: readonly string[] = SOURCES.map((s) => s.kind)): Promise<Check[]> {
  const reserved = new Set(reservedIds);
  const seen = new Map<string, string>();
  const out: Check[] = [];
  for (const dir of dirs) {
    for (const file of userCheckFiles(dir)) {
      const check = await loadOne(file, sourceKinds);
      const id = check.meta.id;
      if (reserved.has(id)) throw new CheckLoadError(file, `check id ${id} is a built-in check's id; choose another (e.g. with your organisation's prefix)`);
      const dup = seen.get(id);
      if (dup) throw new CheckLoadError(file, `check id ${id} is already used by ${dup}`);
      seen.set(id, file);
      out.push(check);
    }
  }
  return out;
}
