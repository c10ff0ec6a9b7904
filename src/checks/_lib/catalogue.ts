import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';

/** The repository's data/ folder: three levels up from src/checks/_lib or dist/checks/_lib. */
export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

const cache = new Map<string, unknown>();

/**
 * Loads a YAML catalogue from data/ and validates it against a zod schema, so a
 * typo in a data file fails loudly with the file name instead of silently
 * weakening a check. Results are cached per file.
 */
export function loadCatalogue<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const hit = cache.get(file);
  if (hit !== undefined) return hit as z.infer<S>;
  const path = `${DATA_DIR}${file}`;
  const parsed = schema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`data/${file} is invalid: ${issues}`);
  }
  cache.set(file, parsed.data);
  return parsed.data as z.infer<S>;
}
