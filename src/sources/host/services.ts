/**
 * Service configurations that may carry default credentials or switch
 * authentication off: Grafana (`GrafanaIni`), Jenkins (`JenkinsConfig`) and
 * Tomcat (`TomcatUsers`). Database servers are in `databases.ts`.
 *
 * GrafanaIni:    `sections: { <section>: { <key>: value } }` (last value wins), located at
 *                `sections.<section>.<key>`; keys before any section are under `default`.
 * JenkinsConfig: `useSecurity` (boolean or null when absent), `securityRealm` and
 *                `authorizationStrategy` (the `class` attribute), `denyAnonymousReadAccess`,
 *                `permissions` (GlobalMatrix/ProjectMatrix entries as written), each located
 *                at its element's line.
 * TomcatUsers:   `users: [{ username, password, roles, line }]` (roles split on commas),
 *                `roles: [{ rolename, line }]`, located at `users[i]` / `roles[i]`. The password
 *                is kept as the other sources keep literal passwords, for checks to compare
 *                with the default-credential catalogue and mask; the JSON report never
 *                carries attributes.
 * XML is read with fast-xml-parser after XMLValidator, whose error gives the line.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseXmlChecked } from '../shared/xml.js';
import { lineRange, type Location, type Value, type ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { parseIni, type HostFileInput, type Parsed } from './common.js';
import { linesOf, xmlTagLines } from './xml-lines.js';

export function looksLikeGrafanaIni(head: string): boolean {
  return /^\[security\]/m.test(head) && /^[;#]?\s*(admin_user|admin_password|disable_initial_admin_creation)\s*=/m.test(head) && /^\[(server|paths|database|auth)\]/m.test(head);
}

export function parseGrafanaIni(input: HostFileInput): Parsed {
  const { entries, warnings } = parseIni(input.text, input.display, { comments: '#;', sections: true, bareKeys: false, inlineComments: '#;' });
  const sections: Record<string, ValueObject> = {};
  const attributeLocations: Record<string, Location> = {};
  for (const e of entries) {
    const s = e.section === '' ? 'default' : e.section;
    (sections[s] ??= {})[e.key] = e.value;
    attributeLocations[`sections.${s}.${e.key}`] = lineRange(input.display, e.line);
  }
  return { attributes: { sections }, attributeLocations, warnings };
}


const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['user', 'role', 'permission'].includes(name) });

export function looksLikeJenkins(head: string): boolean {
  return /<hudson[\s>]/.test(head) && /<(useSecurity|authorizationStrategy|securityRealm)[\s>/]/.test(head);
}

export function parseJenkins(input: HostFileInput): Parsed {
  const doc = parseXmlChecked(input.text, input.display, parser);
  const root = doc['hudson'] as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object') throw new ParseError(input.display, 1, 'expected a <hudson> root element (the Jenkins global config.xml)');
  const tags = xmlTagLines(input.text);
  const attributeLocations: Record<string, Location> = {};
  const at = (attr: string, path: string) => {
    const l = linesOf(tags, path)[0];
    if (l) attributeLocations[attr] = lineRange(input.display, l);
  };
  const text = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'object' ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v));
  const cls = (v: unknown): string | null => (v && typeof v === 'object' ? ((v as Record<string, unknown>)['@class'] as string | undefined) ?? null : null);
  const useSecurity = text(root.useSecurity);
  const strategy = root.authorizationStrategy as Record<string, unknown> | undefined;
  const permissions = ((strategy?.permission as unknown[] | undefined) ?? []).map((p) => text(p) ?? '');
  const permLines = linesOf(tags, 'hudson/authorizationStrategy/permission');
  permissions.forEach((_, i) => {
    if (permLines[i]) attributeLocations[`permissions[${i}]`] = lineRange(input.display, permLines[i]);
  });
  // newer matrix-auth writes <entry><permission>...</permission><sid>...</sid></entry> blocks; kept as "PERM:sid"
  const entries = (Array.isArray(strategy?.entry) ? strategy.entry : strategy?.entry ? [strategy.entry] : []) as Record<string, unknown>[];
  for (const e of entries) {
    const perm = (e.permission as unknown[] | undefined)?.map(text)[0];
    const sid = text(e.sid ?? (e as Record<string, unknown>)['user'] ?? (e as Record<string, unknown>)['group']);
    if (perm && sid) permissions.push(`${perm}:${sid}`);
  }
  at('useSecurity', 'hudson/useSecurity');
  at('authorizationStrategy', 'hudson/authorizationStrategy');
  at('securityRealm', 'hudson/securityRealm');
  at('denyAnonymousReadAccess', 'hudson/authorizationStrategy/denyAnonymousReadAccess');
  const deny = text(strategy?.denyAnonymousReadAccess);
  return {
    attributes: {
      useSecurity: useSecurity === null ? null : useSecurity.trim() === 'true',
      securityRealm: cls(root.securityRealm),
      authorizationStrategy: cls(strategy),
      denyAnonymousReadAccess: deny === null ? null : deny.trim() === 'true',
      permissions,
    },
    attributeLocations,
    warnings: [],
  };
}

export function looksLikeTomcatUsers(head: string): boolean {
  return /<tomcat-users[\s>]/.test(head);
}

export function parseTomcatUsers(input: HostFileInput): Parsed {
  const doc = parseXmlChecked(input.text, input.display, parser);
  const root = doc['tomcat-users'];
  if (root === undefined) throw new ParseError(input.display, 1, 'expected a <tomcat-users> root element');
  const body = (root && typeof root === 'object' ? root : {}) as Record<string, unknown>;
  const tags = xmlTagLines(input.text);
  const attributeLocations: Record<string, Location> = {};
  const warnings: ParseError[] = [];
  const userLines = linesOf(tags, 'tomcat-users/user');
  const roleLines = linesOf(tags, 'tomcat-users/role');
  const users: ValueObject[] = [];
  ((body.user as Record<string, unknown>[] | undefined) ?? []).forEach((u, i) => {
    const line = userLines[i] ?? 1;
    // Tomcat 5 files spell the name attribute `name`
    const username = (u['@username'] ?? u['@name']) as string | undefined;
    if (username === undefined) {
      warnings.push(new ParseError(input.display, line, '<user> without a username attribute'));
      return;
    }
    const roles = String(u['@roles'] ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    attributeLocations[`users[${users.length}]`] = lineRange(input.display, line);
    users.push({ username, password: (u['@password'] as string | undefined) ?? null, roles, line });
  });
  const roles: Value[] = ((body.role as Record<string, unknown>[] | undefined) ?? []).map((r, i) => {
    if (roleLines[i]) attributeLocations[`roles[${i}]`] = lineRange(input.display, roleLines[i]);
    return { rolename: (r['@rolename'] as string | undefined) ?? null, line: roleLines[i] ?? null };
  });
  return { attributes: { users, roles }, attributeLocations, warnings };
}
