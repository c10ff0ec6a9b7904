/** The catalogue reader (js-yaml, core schema) reads every data file exactly as the `yaml` package does. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, readCatalogueYaml } from '../src/checks/_lib/catalogue.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('catalogue YAML', () => {
  it('reads every catalogue in data/ as yaml.parse does', () => {
    const files = yamlFiles(DATA_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(readCatalogueYaml(text, file), file).toEqual(parse(text));
    }
  });

  it('reads YAML 1.2 core scalars, anchors and aliases like yaml.parse, and names the file of a syntax error', () => {
    const text = 'a: &x {eol: "2024-01-01", n: 0x1F, o: 0o17, f: 1.30, b: True, nul: ~, d: 2024-01-01}\nb: *x\nc: [yes, no, on, "1:20"]\n';
    expect(readCatalogueYaml(text, 't.yaml')).toEqual(parse(text));
    expect(() => readCatalogueYaml('a: [unclosed\n', 'data/broken.yaml')).toThrow(/broken\.yaml/);
  });
});
