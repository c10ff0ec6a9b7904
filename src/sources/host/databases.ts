/**
 * Database server configurations, type `DatabaseConfig`, told apart by
 * `attributes.engine`:
 *
 * - `postgresql` (`pg_hba.conf`): `rules: [{ type, database, user, address, method, options, line }]`
 *   (`address` null for `local`; an `IP MASK` pair is joined as `IP/MASK`), located at `rules[i]`;
 *   `include*` lines are listed in `includes`. An unknown connection type or a rule with too few
 *   fields is a warning at its line.
 * - `mysql` (`my.cnf`, `mysqld.cnf`...): `sections: { <group>: { <option>: value | null } }`,
 *   option names with `-` (MySQL treats `_` and `-` alike), later value wins, located at
 *   `sections.<group>.<option>`; `!include`/`!includedir` lines under `includes`.
 * - `redis` (`redis.conf`): `settings: { <directive>: value }` (lower-case, last value wins, as
 *   Redis reads it), `users: [{ name, rules, line }]` for ACL `user` lines, located at
 *   `settings.<directive>` / `users[i]`.
 * - `mongodb` (`mongod.conf`, YAML): the document as `config` with YAML locations under
 *   `config.`; the legacy `key = value` format is read into `config` with the same names
 *   (`auth`, `bind_ip`, `bind_ip_all`).
 */
import { lineRange, type Location, type Value, type ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { parseYamlDocuments } from '../shared/yaml-values.js';
import { lastWins, parseIni, splitLines, unquote, type HostFileInput, type Parsed } from './common.js';

const PG_TYPES = new Set(['local', 'host', 'hostssl', 'hostnossl', 'hostgssenc', 'hostnogssenc']);

/** Two rules of the form `TYPE DATABASE USER [ADDRESS [MASK]] METHOD [options]` with a known method. */
const PG_RULE = /^(local|host|hostssl|hostnossl|hostgssenc|hostnogssenc)[ \t]+\S+[ \t]+\S+(?:[ \t]+\S+){0,2}?[ \t]+(trust|reject|scram-sha-256|md5|password|gss|sspi|ident|peer|ldap|radius|cert|pam|bsd)(?:[ \t]+\S+=\S+)*[ \t]*$/gm;

export function looksLikePgHba(head: string): boolean {
  return [...head.matchAll(PG_RULE)].length >= 2;
}

export function parsePgHba(input: HostFileInput): Parsed {
  const rules: ValueObject[] = [];
  const includes: ValueObject[] = [];
  const attributeLocations: Record<string, Location> = {};
  const warnings: ParseError[] = [];
  splitLines(input.text).forEach((raw, i) => {
    const line = i + 1;
    const t = raw.replace(/#.*$/, '').trim();
    if (t === '') return;
    const f = t.split(/\s+/).map(unquote);
    const type = f[0]!.toLowerCase();
    if (type.startsWith('include')) {
      includes.push({ directive: type, file: f[1] ?? null, line });
      return;
    }
    if (!PG_TYPES.has(type)) {
      warnings.push(new ParseError(input.display, line, `unknown connection type "${f[0]}"`));
      return;
    }
    const local = type === 'local';
    const need = local ? 4 : 5;
    if (f.length < need) {
      warnings.push(new ParseError(input.display, line, `${type}: expected ${local ? 'DATABASE USER METHOD' : 'DATABASE USER ADDRESS METHOD'}`));
      return;
    }
    let address: string | null = null;
    let rest: string[];
    if (local) rest = f.slice(3);
    else if (/^[\d.]+$/.test(f[3]!) && f[4] && /^[\d.]+$/.test(f[4])) {
      // IP-address and IP-mask in two fields
      if (f.length < 6) {
        warnings.push(new ParseError(input.display, line, `${type}: expected a method after the address and mask`));
        return;
      }
      address = `${f[3]}/${f[4]}`;
      rest = f.slice(5);
    } else {
      address = f[3]!;
      rest = f.slice(4);
    }
    attributeLocations[`rules[${rules.length}]`] = lineRange(input.display, line);
    rules.push({ type, database: f[1]!, user: f[2]!, address, method: rest[0]!.toLowerCase(), options: rest.slice(1), line });
  });
  return { attributes: { engine: 'postgresql', rules, includes }, attributeLocations, warnings };
}

export function looksLikeMysql(head: string): boolean {
  return /^\[(mysqld|mariadb|server|mysqld_safe)\]/m.test(head);
}

export function parseMysql(input: HostFileInput): Parsed {
  const { entries, warnings } = parseIni(input.text, input.display, { comments: '#;', sections: true, bareKeys: true, directivePrefix: '!', inlineComments: '#' });
  const sections: Record<string, ValueObject> = {};
  const includes: ValueObject[] = [];
  const attributeLocations: Record<string, Location> = {};
  for (const e of entries) {
    if (e.key.startsWith('!')) {
      includes.push({ directive: e.key, path: e.value, line: e.line });
      continue;
    }
    const s = e.section === '' ? 'default' : e.section;
    // MySQL reads `skip_grant_tables` and `skip-grant-tables` alike; the `loose-` prefix only silences unknown options
    const key = e.key.replace(/_/g, '-').replace(/^loose-/, '');
    (sections[s] ??= {})[key] = e.value;
    attributeLocations[`sections.${s}.${key}`] = lineRange(input.display, e.line);
  }
  return { attributes: { engine: 'mysql', sections, includes }, attributeLocations, warnings };
}

export function looksLikeRedis(head: string): boolean {
  return /^(protected-mode|requirepass|masterauth|appendonly)\s/m.test(head) && /^(bind|port|protected-mode|daemonize|save|appendonly|requirepass)\s/m.test(head);
}

export function parseRedis(input: HostFileInput): Parsed {
  const attributeLocations: Record<string, Location> = {};
  const warnings: ParseError[] = [];
  const entries: { key: string; value: string; line: number }[] = [];
  const users: ValueObject[] = [];
  splitLines(input.text).forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const m = /^([A-Za-z][A-Za-z0-9-]*)(?:\s+(.*))?$/.exec(t);
    if (!m) {
      warnings.push(new ParseError(input.display, line, 'expected "directive arguments"'));
      return;
    }
    const key = m[1]!.toLowerCase();
    const value = (m[2] ?? '').trim();
    if (key === 'user') {
      const [name, ...rules] = value.split(/\s+/);
      if (!name) {
        warnings.push(new ParseError(input.display, line, 'user: missing user name'));
        return;
      }
      attributeLocations[`users[${users.length}]`] = lineRange(input.display, line);
      users.push({ name, rules, line });
      return;
    }
    entries.push({ key, value: unquote(value), line });
  });
  const { values, locations } = lastWins(entries.map((e) => ({ section: '', key: e.key, value: e.value, line: e.line })), 'settings.', input.display);
  Object.assign(attributeLocations, locations);
  return { attributes: { engine: 'redis', settings: values, users }, attributeLocations, warnings };
}

export function looksLikeMongod(head: string): boolean {
  return /^net:\s*$/m.test(head) && /^\s+bindIp(All)?:/m.test(head);
}

export function parseMongod(input: HostFileInput): Parsed {
  const t = input.text;
  // the pre-2.6 format is `key = value` lines
  if (!/^\s*[A-Za-z]+:\s*/m.test(t) && /^\s*[a-z_]+\s*=/m.test(t)) {
    const { entries, warnings } = parseIni(t, input.display, { comments: '#', sections: false, bareKeys: true });
    const { values, locations } = lastWins(entries, 'config.', input.display);
    return { attributes: { engine: 'mongodb', format: 'legacy', config: values }, attributeLocations: locations, warnings };
  }
  const docs = parseYamlDocuments(t, input.display);
  const doc = docs[0];
  // an empty file (or only comments) is mongod with every default
  if (!doc || doc.value === null) return { attributes: { engine: 'mongodb', format: 'yaml', config: {} }, attributeLocations: {}, warnings: [] };
  const value = doc.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ParseError(input.display, doc.startLine, 'expected a YAML mapping of mongod options');
  return { attributes: { engine: 'mongodb', format: 'yaml', config: value as Value }, attributeLocations: Object.fromEntries(Object.entries(doc.locations).map(([k, v]) => [k === '' ? 'config' : `config.${k}`, v])), warnings: [] };
}
