/**
 * Docker Compose files (`source: 'docker-compose'`), read with the `yaml`
 * library through the shared YAML-with-positions helper.
 *
 * Claimed files: `docker-compose*.yml|yaml`, `compose*.yml|yaml` (any case),
 * and other YAML files whose top level has a `services:` map whose entries
 * carry Compose service keys (image, build, ports, volumes...) and which are
 * neither Kubernetes manifests (apiVersion + kind) nor CloudFormation
 * templates. GitLab CI's `services:` is a list and is not claimed.
 *
 * One resource per service: `type: 'compose_service'`, `provider: 'docker'`,
 * `id: 'compose:<display path>#<service>'`, `name` = the service name,
 * location = the service's entry, attributes = the service as written (Compose
 * spec keys: image, user, privileged, cap_add, ports in short or long syntax,
 * environment as a map or a `KEY=value` list, ...), with every key and list
 * element located (`ports[1]`, `environment.DB_PASSWORD`, `volumes[0].source`).
 * Top-level `secrets`, `configs`, `networks` and `volumes` become one
 * `compose_project` resource per file (attributes: those four maps plus `name`).
 *
 * A file in the version 1 format (no `services:` and no `version:`, every
 * top-level entry a service with `image` or `build`) is read the same way,
 * with attribute paths relative to the service.
 *
 * YAML: Compose reads YAML 1.2 (go-yaml v3) with merge keys, so `8080:80` stays
 * a string and `<<: *defaults` (usually from an `x-*` extension field) merges
 * the anchor's keys, located at the anchor. Extension fields are not services.
 *
 * Interpolation (`${VAR}`, `$VAR`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?err}`, `${VAR:+alt}`, `$$`): variables are taken from a `.env` file
 * beside the compose file when it exists (Compose does the same), otherwise a
 * default after `:-`/`-` is used; anything else makes the whole string an
 * `Unknown` (the value depends on the shell that runs `docker compose`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Location, Resource, Value, ValueObject } from '../../model/index.js';
import { Unknown, isObject } from '../../model/index.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import type { Source, SourceOutput } from '../types.js';
import { parseYamlDocumentsTolerant } from '../shared/yaml-values.js';

const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/\\]*)?\.ya?ml$/i;
const YAML_EXT = /\.ya?ml$/i;
/** Keys only a Compose service has (a top-level `services:` map of these is a Compose file). */
const SERVICE_KEYS =
  /^\s{2,}(?:image|build|ports|volumes|environment|env_file|command|entrypoint|depends_on|restart|container_name|networks|privileged|cap_add|network_mode|healthcheck|expose|deploy|user|labels|working_dir|extends)\s*:/m;

/** True when a file is (probably) a Compose file, from its name or its first bytes. */
export function looksLikeCompose(path: string, head: string): boolean {
  if (!YAML_EXT.test(path)) return false;
  if (/^\s*-?\s*apiVersion\s*:/m.test(head) && /^\s*-?\s*kind\s*:/m.test(head)) return false;
  if (/AWSTemplateFormatVersion|^Resources\s*:/m.test(head)) return false;
  if (COMPOSE_NAME.test(basename(path))) return true;
  // Helm values files often hold a `services:` map of images and ports too
  if (/^values\b/i.test(basename(path)) || /[\\/](?:charts|templates)[\\/]/.test(path)) return false;
  // a `services:` map at the top level (GitLab CI's top-level `services:` is a list)
  const m = /^services\s*:[ \t]*(?:#.*)?\r?\n((?:[ \t]*(?:#.*)?\r?\n)*)([ \t]+)([^\s#-][^\n]*)/m.exec(head);
  if (!m || !/^[^:]+:\s*(?:#.*)?$|^[^:]+:\s*&\S+\s*$/.test(m[3]!.trimEnd())) return false;
  return SERVICE_KEYS.test(head.slice(m.index));
}

export const composeSource: Source = {
  kind: 'docker-compose',
  claims(file: DiscoveredFile): boolean {
    return looksLikeCompose(file.path, file.head);
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        const text = readSourceText(file);
        const out = readCompose(text, file.displayPath, readDotEnv(join(dirname(file.path), '.env')));
        resources.push(...out.resources);
        errors.push(...out.errors.map((e) => toScanError(e, file.displayPath, 'docker-compose')));
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'docker-compose'));
      }
    }
    return { resources, errors };
  },
};

/**
 * A `.env` file: `KEY=value` lines, `#` comments, optional `export `, values in
 * single or double quotes. Hand-written: the format is a few lines of syntax
 * and no dotenv package is installed.
 */
export function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) continue;
    let v = m[2]!.trim();
    if ((v.startsWith('"') && v.endsWith('"') && v.length >= 2) || (v.startsWith("'") && v.endsWith("'") && v.length >= 2)) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    out[m[1]!] = v;
  }
  return out;
}

const VAR = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Compose interpolation of one string. Returns the string with every variable
 * resolved, or an Unknown when a variable has neither a value nor a default.
 */
export function interpolate(s: string, env: Record<string, string>): string | Unknown {
  if (!s.includes('$')) return s;
  let unresolved: string | undefined;
  const out = s.replace(VAR, (whole, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare!;
    const value = Object.hasOwn(env, name) ? env[name] : undefined;
    if (op === undefined) {
      if (value !== undefined) return value;
      unresolved ??= name;
      return whole;
    }
    const set = value !== undefined && (op.startsWith(':') ? value !== '' : true);
    if (op.endsWith('-')) {
      if (set) return value!;
      const inner = interpolate(arg ?? '', env);
      if (typeof inner !== 'string') {
        unresolved ??= name;
        return whole;
      }
      return inner;
    }
    if (op.endsWith('?')) {
      if (set) return value!;
      unresolved ??= name;
      return whole;
    }
    // `:+alt` / `+alt`: alt when set, empty otherwise
    if (set) {
      const inner = interpolate(arg ?? '', env);
      if (typeof inner === 'string') return inner;
    } else if (value === undefined) {
      // unset in the file's .env: it depends on the shell
      unresolved ??= name;
      return whole;
    }
    return '';
  });
  return unresolved === undefined ? out : new Unknown(`Compose variable \${${unresolved}} is set outside the file`, s);
}

function interpolateAll(v: Value, env: Record<string, string>): Value {
  if (typeof v === 'string') return interpolate(v, env);
  if (Array.isArray(v)) return v.map((x) => interpolateAll(x, env));
  if (isObject(v)) {
    const o: ValueObject = {};
    for (const [k, x] of Object.entries(v)) o[k] = interpolateAll(x, env);
    return o;
  }
  return v;
}

const TOP_LEVEL = ['networks', 'volumes', 'secrets', 'configs'] as const;

/**
 * The locations under each service, relative to it, in one pass over the
 * file's locations (rebasing once per service made files with thousands of
 * services quadratic). A service name may contain dots, so the longest name
 * that prefixes a path wins.
 */
function locationsByService(locations: Record<string, Location>, names: string[], prefix: string): Map<string, Record<string, Location>> {
  const out = new Map<string, Record<string, Location>>(names.map((n) => [n, {}]));
  for (const [key, loc] of Object.entries(locations)) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    let best: string | undefined;
    for (let i = 0; i <= rest.length; i++) {
      if (i < rest.length && rest[i] !== '.' && rest[i] !== '[') continue;
      const name = rest.slice(0, i);
      if (out.has(name) && i < rest.length) best = name;
    }
    if (best === undefined) continue;
    const sub = rest.slice(best.length);
    out.get(best)![sub.startsWith('.') ? sub.slice(1) : sub] = loc;
  }
  return out;
}

/** A version 1 file: every top-level entry is a service map, at least one with an image or a build. */
function isV1(root: ValueObject): boolean {
  const entries = Object.entries(root);
  return entries.length > 0 && entries.every(([k, v]) => !k.startsWith('x-') && isObject(v)) && entries.some(([, v]) => isObject(v) && (v.image !== undefined || v.build !== undefined));
}

/** Every service (and the project's top-level maps) of a Compose file. */
export function readCompose(text: string, file: string, env: Record<string, string> = {}): { resources: Resource[]; errors: ParseError[] } {
  const { docs, errors } = parseYamlDocumentsTolerant(text, file, { version: '1.2', merge: true });
  const resources: Resource[] = [];
  const doc = docs[0];
  if (!doc || !isObject(doc.value)) return { resources, errors };
  const root = doc.value;
  // the version 1 format (before `services:` existed) has the services at the top level
  const v1 = root.services === undefined && root.version === undefined && isV1(root);
  const services = v1 ? root : root.services;
  if (services !== undefined && services !== null && !isObject(services)) {
    errors.push(new ParseError(file, doc.locations.services?.startLine, '`services` must be a map of service names to services'));
    return { resources, errors };
  }
  const byService = locationsByService(doc.locations, Object.keys(services ?? {}), v1 ? '' : 'services.');
  for (const [name, raw] of Object.entries(services ?? {})) {
    const path = v1 ? name : `services.${name}`;
    const location: Location = doc.locations[path] ?? { file, startLine: doc.startLine, endLine: doc.endLine };
    if (raw !== null && !isObject(raw)) {
      errors.push(new ParseError(file, location.startLine, `service "${name}" must be a map`));
      continue;
    }
    resources.push({
      id: `compose:${file}#${name}`,
      type: 'compose_service',
      provider: 'docker',
      source: 'docker-compose',
      name,
      attributes: interpolateAll(raw ?? {}, env) as ValueObject,
      location,
      attributeLocations: byService.get(name) ?? {},
      references: [],
      meta: { composeFile: file, ...(typeof root.name === 'string' ? { project: root.name } : {}) },
    });
  }
  const project: ValueObject = {};
  if (!v1) for (const k of TOP_LEVEL) if (isObject(root[k])) project[k] = interpolateAll(root[k], env);
  if (Object.keys(project).length > 0) {
    if (typeof root.name === 'string') project.name = root.name;
    const locations: Record<string, Location> = {};
    for (const [k, v] of Object.entries(doc.locations)) if (TOP_LEVEL.some((t) => k === t || k.startsWith(`${t}.`))) locations[k] = v;
    resources.push({
      id: `compose:${file}`,
      type: 'compose_project',
      provider: 'docker',
      source: 'docker-compose',
      name: file,
      attributes: project,
      location: { file, startLine: doc.startLine, endLine: doc.endLine },
      attributeLocations: locations,
      references: [],
      meta: { composeFile: file },
    });
  }
  return { resources, errors };
}
