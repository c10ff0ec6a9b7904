import type { Tags } from 'yaml';
import type { Location, Resource, Value } from '../../model/index.js';
import { isObject } from '../../model/index.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import type { Source, SourceOutput } from '../types.js';
import { jsonSyntaxError } from '../shared/json-error.js';
import { parseYamlDocumentsTolerant, rebaseLocations } from '../shared/yaml-values.js';

const YAML_EXT = /\.(ya?ml|json)$/i;

/**
 * Kubernetes reads manifests with go-yaml v2 (through sigs.k8s.io/yaml): YAML
 * 1.1 booleans (`privileged: yes`), octal modes (`defaultMode: 0400` is 256)
 * and merge keys (`<<: *defaults`), but neither sexagesimal numbers (`1:20`
 * stays a string) nor timestamps (dates stay strings).
 */
const KUBERNETES_YAML: Parameters<typeof parseYamlDocumentsTolerant>[2] = {
  version: '1.1',
  merge: true,
  customTags: (tags: Tags) => tags.filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp')),
};

/**
 * References only Helm's template engine makes (`.Values`, `.Release`,
 * `include`, `toYaml`...). Other Go templates that live inside rendered
 * manifests (Prometheus `{{ $labels.x }}`, Alertmanager `{{ range .Alerts }}`)
 * do not use them, so a file with these is an un-rendered chart template.
 */
const HELM_ONLY = /\{\{-?\s*[^}]*?(\.Values\b|\.Release\b|\.Chart\b|\.Capabilities\b|\.Files\b|\$\.Values\b|\binclude\s+"|\btoYaml\b|\bnindent\b|\btpl\s)/;
/** A line that is only a trimmed template action, the usual shape of `{{- if }}` / `{{- end }}` in chart templates. */
const TRIM_ACTION_LINE = /^\s*\{\{-/m;

/** True for an un-rendered Helm template: Helm-only references, or a trimmed action line inside a chart's templates/ folder. */
export function isUnrenderedHelm(text: string, path: string): boolean {
  if (!text.includes('{{')) return false;
  if (HELM_ONLY.test(text)) return true;
  return /[\\/]templates[\\/]/.test(path) && TRIM_ACTION_LINE.test(text);
}

/**
 * Kubernetes manifests: multi-document YAML, `List` kinds, rendered Helm
 * output, JSON. A file is claimed when it looks like a manifest (apiVersion +
 * kind), and is not an un-rendered Helm template (those are skipped quietly:
 * render them with `helm template` to scan them).
 *
 * A YAML syntax error costs only its own document: the file's other
 * documents still load, and the error names the file and line. Resources
 * from rendered Helm output carry `meta.helmSource`, the chart template named
 * by the `# Source:` comment above the document.
 */
export const kubernetesSource: Source = {
  kind: 'kubernetes',
  claims(file: DiscoveredFile): boolean {
    if (!YAML_EXT.test(file.path)) return false;
    const head = file.head;
    if (isUnrenderedHelm(head, file.path)) return false;
    if (file.path.toLowerCase().endsWith('.json')) return /"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head);
    return /^\s*-?\s*apiVersion\s*:/m.test(head) && /^\s*-?\s*kind\s*:/m.test(head) && !/AWSTemplateFormatVersion|^Resources\s*:/m.test(head);
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        const text = readSourceText(file);
        // the claim saw only the first 8 KiB; Helm syntax further down still marks a template
        if (isUnrenderedHelm(text, file.path)) continue;
        const out = readManifests(text, file.displayPath);
        resources.push(...out.resources);
        errors.push(...out.errors.map((e) => toScanError(e, file.displayPath, 'kubernetes')));
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'kubernetes'));
      }
    }
    return { resources, errors };
  },
};


/** Every manifest of a file, and one error per document that does not parse. */
export function readManifests(text: string, file: string): { resources: Resource[]; errors: ParseError[] } {
  const out: Resource[] = [];
  // JSON is checked as JSON (kubectl rejects trailing commas, and YAML's error messages about flow maps would confuse);
  // the YAML reader then supplies the positions
  if (/\.json$/i.test(file)) {
    try {
      JSON.parse(text);
    } catch (err) {
      return { resources: [], errors: [jsonSyntaxError(text, file, (err as Error).message)] };
    }
  }
  const { docs, errors } = parseYamlDocumentsTolerant(text, file, KUBERNETES_YAML);
  for (const doc of docs) {
    if (!isObject(doc.value)) continue;
    const whole: Location = { file, startLine: doc.startLine, endLine: doc.endLine };
    // `helm template` writes "# Source: chart/templates/x.yaml" above each document
    const comments = `${doc.doc.commentBefore ?? ''}\n${(doc.doc.contents as { commentBefore?: string | null } | null)?.commentBefore ?? ''}`;
    const helmSource = /^\s*Source:\s*(\S+)/m.exec(comments)?.[1];
    const before = out.length;
    collect(doc.value, doc.locations, whole, file, out);
    if (helmSource) for (const r of out.slice(before)) r.meta = { ...r.meta, helmSource };
  }
  return { resources: out, errors };
}

/** Every manifest of a file; throws the first syntax error. */
export function parseManifests(text: string, file: string): Resource[] {
  const { resources, errors } = readManifests(text, file);
  if (errors[0]) throw errors[0];
  return resources;
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
