import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'zod';

/** The repository's data/ folder: three levels up from src/checks/_lib or dist/checks/_lib. */
export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

const cache = new Map<string, unknown>();

/**
 * Parses catalogue YAML with js-yaml's YAML 1.2 core schema (what `yaml`'s
 * `parse` reads by default: no timestamps, no merge keys): the catalogues are
 * plain data and js-yaml reads them several times faster on a cold start,
 * which every scan pays (the scan of a 100k-resource plan spent ~10% of its
 * time parsing catalogues with `yaml`). Positions are not needed here; inputs
 * that need them (templates, manifests, configuration) keep using `yaml`.
 */
export function readCatalogueYaml(text: string, file: string): unknown {
  return load(text, { schema: CORE_SCHEMA, filename: file });
}

/**
 * Loads a YAML catalogue from data/ and validates it against a zod schema, so a
 * typo in a data file fails loudly with the file name instead of silently
 * weakening a check. Results are cached per file.
 */
export function loadCatalogue<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const hit = cache.get(file);
  if (hit !== undefined) return hit as z.infer<S>;
  const path = `${DATA_DIR}${file}`;
  const data = parseCatalogue(readFileSync(path, 'utf8'), `data/${file}`, schema);
  cache.set(file, data);
  return data;
}

/** Parses and validates catalogue text; the error names the file and every invalid field. */
export function parseCatalogue<S extends z.ZodType>(text: string, file: string, schema: S): z.infer<S> {
  const parsed = schema.safeParse(readCatalogueYaml(text, file));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is invalid: ${issues}`);
  }
  return parsed.data as z.infer<S>;
}
