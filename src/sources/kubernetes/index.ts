import { readFileSync } from 'node:fs';
import type { Location, Resource, Value } from '../../model/index.js';
import { isObject } from '../../model/index.js';
import { ParseError, type ScanError } from '../../scan/errors.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import type { Source, SourceOutput } from '../types.js';
import { parseYamlDocuments, rebaseLocations } from '../shared/yaml-values.js';

const YAML_EXT = /\.(ya?ml|json)$/i;

/**
 * Kubernetes manifests: multi-document YAML, `List` kinds, rendered Helm
 * output. A file is claimed when it looks like a manifest (apiVersion + kind),
 * and is not an un-rendered Helm template.
 */
export const kubernetesSource: Source = {
  kind: 'kubernetes',
  claims(file: DiscoveredFile): boolean {
    if (!YAML_EXT.test(file.path)) return false;
    const head = file.head;
    if (/\{\{[-\s]/.test(head) && /[\\/]templates[\\/]/.test(file.path)) return false;
    if (file.path.toLowerCase().endsWith('.json')) return /"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head);
    return /^\s*-?\s*apiVersion\s*:/m.test(head) && /^\s*-?\s*kind\s*:/m.test(head) && !/AWSTemplateFormatVersion|^Resources\s*:/m.test(head);
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        resources.push(...parseManifests(readFileSync(file.path, 'utf8'), file.displayPath));
      } catch (err) {
        errors.push(toScanError(err, file.displayPath));
      }
    }
    return { resources, errors };
  },
};

export function toScanError(err: unknown, file: string, source = 'kubernetes'): ScanError {
  if (err instanceof ParseError) return { kind: 'parse', file: err.file, line: err.line, column: err.column, message: err.message.replace(/^[^:]+(:\d+)?: /, ''), source };
  return { kind: 'parse', file, message: (err as Error).message, source };
}

export function parseManifests(text: string, file: string): Resource[] {
  const out: Resource[] = [];
  for (const doc of parseYamlDocuments(text, file)) {
    if (!isObject(doc.value)) continue;
    const whole: Location = { file, startLine: doc.startLine, endLine: doc.endLine };
    collect(doc.value, doc.locations, whole, file, out);
  }
  return out;
}

function collect(obj: Value, locations: Record<string, Location>, whole: Location, file: string, out: Resource[]): void {
  if (!isObject(obj)) return;
  const kind = typeof obj.kind === 'string' ? obj.kind : undefined;
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : undefined;
  if (!kind || !apiVersion) return;
  if (kind.endsWith('List') && Array.isArray(obj.items)) {
    obj.items.forEach((item, i) => {
      const loc = locations[`items[${i}]`] ?? whole;
      collect(item, rebaseLocations(locations, `items[${i}]`), loc, file, out);
    });
    return;
  }
  const metadata = isObject(obj.metadata) ? obj.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? `${metadata.generateName}*` : '(unnamed)';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const id = namespace ? `${kind}/${namespace}/${name}` : `${kind}/${name}`;
  out.push({
    id,
    type: kind,
    provider: 'kubernetes',
    source: 'kubernetes',
    name,
    attributes: obj,
    location: whole,
    attributeLocations: locations,
    references: [],
    meta: { apiVersion, namespace: namespace ?? null },
  });
}
