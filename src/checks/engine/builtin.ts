import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PILLARS } from '../../model/index.js';
import type { Check } from './types.js';
import { validateCheck } from './validate.js';

/** Folder holding the pillar folders (src/checks or dist/checks). */
export const CHECKS_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function isCheckModule(name: string): boolean {
  return /\.(ts|js|mjs)$/.test(name) && !/\.(test|spec)\.|\.d\.ts$/.test(name) && !name.startsWith('_');
}

/** Files of the built-in checks, one per check, found by walking the pillar folders. */
export function builtinCheckFiles(): string[] {
  const files: string[] = [];
  for (const pillar of PILLARS) {
    const dir = join(CHECKS_ROOT, pillar);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) if (isCheckModule(name)) files.push(join(dir, name));
  }
  return files;
}

let cache: Promise<Check[]> | undefined;

export function loadBuiltinChecks(): Promise<Check[]> {
  cache ??= (async () => {
    const checks: Check[] = [];
    const ids = new Map<string, string>();
    for (const file of builtinCheckFiles()) {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      const check = validateCheck(mod.default, file);
      const dup = ids.get(check.meta.id);
      if (dup) throw new Error(`duplicate check id ${check.meta.id} in ${file} and ${dup}`);
      ids.set(check.meta.id, file);
      checks.push(check);
    }
    return checks.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  })();
  return cache;
}
