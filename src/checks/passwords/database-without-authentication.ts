import type { Resource } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { mongoAccess, redisWithoutPassword } from '../_lib/database-auth.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+(\/\d+)?|::1(\/128)?|localhost|samehost)$/i;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

function postgres(r: Resource, out: FindingDraft[]): void {
  const rules = (Array.isArray(r.attributes.rules) ? r.attributes.rules : []) as { type: string; database: string; user: string; address: string | null; method: string }[];
  rules.forEach((rule, i) => {
    if (rule.method !== 'trust') return;
    const local = rule.type === 'local' || (rule.address !== null && LOOPBACK.test(rule.address));
    const where = rule.type === 'local' ? 'over the local socket' : `from ${rule.address}`;
    out.push({
      resource: r,
      attributePath: `rules[${i}]`,
      message: `pg_hba.conf trusts ${rule.type} connections ${where} to database "${rule.database}" as user "${rule.user}": ${local ? 'any local user can connect as that database user, including a superuser, with no password' : 'anyone who reaches the port connects without a password'}`,
      evidence: `${rule.type} ${rule.database} ${rule.user}${rule.address ? ` ${rule.address}` : ''} trust`,
      severity: local ? 'medium' : 'critical',
      key: `rule${i}`,
    });
  });
}

function mysql(r: Resource, out: FindingDraft[]): void {
  for (const [section, values] of Object.entries(obj(r.attributes.sections))) {
    if (!/^(mysqld|server|mariadb|mysqld_safe|mariadbd)(-.*)?$/.test(section)) continue;
    const v = obj(values)['skip-grant-tables'];
    if (v === undefined) continue;
    const on = v === null || /^(1|on|true|yes)?$/i.test(String(v).trim());
    if (!on) continue;
    out.push({ resource: r, attributePath: `sections.${section}.skip-grant-tables`, message: `[${section}] skip-grant-tables: the server checks no password and no privilege, every client is a superuser (MySQL 8.0 and later then also turn on skip-networking, leaving local clients only; MariaDB and older MySQL do not)`, evidence: 'skip-grant-tables', severity: 'critical', key: `skip-grant-tables:${section}` });
  }
}

function redis(r: Resource, out: FindingDraft[]): void {
  if (!redisWithoutPassword(r)) return;
  const settings = obj(r.attributes.settings);
  const protectedMode = str(settings['protected-mode'])?.toLowerCase();
  const bind = str(settings['bind']);
  if (protectedMode === 'no') {
    out.push({ resource: r, attributePath: 'settings.protected-mode', message: `Redis has no password (no requirepass, default user without one) and protected-mode is off: every client that reaches ${bind ? `bind ${bind}` : 'any interface'} can read, write and run commands such as CONFIG SET`, evidence: 'protected-mode no, requirepass not set', severity: 'high' });
  } else {
    out.push({ resource: r, attributePath: 'settings.requirepass', message: 'Redis has no password (no requirepass, default user without one): protected mode admits only loopback clients, but any local process, container sharing the network or server-side request forgery gets full access', evidence: 'requirepass not set', severity: 'low' });
  }
}

function mongodb(r: Resource, out: FindingDraft[]): void {
  const { authOn, binds, bindAll, explicitOff, paths } = mongoAccess(r);
  if (authOn) return;
  const exposed = bindAll ? ['all interfaces'] : binds.filter((b) => !LOOPBACK.test(b) && !b.startsWith('/'));
  if (exposed.length === 0) return;
  out.push({ resource: r, attributePath: explicitOff ? paths.auth : paths.bind, message: `MongoDB runs without access control (security.authorization ${explicitOff ? 'disabled' : 'not enabled'}) and listens on ${exposed.join(', ')}: anyone who reaches the port reads and writes every database`, evidence: `authorization off, bind ${bindAll ? 'all' : binds.join(',')}`, severity: 'high' });
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-065',
    title: 'Database server configured to accept clients without a password',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A database configuration switches authentication off: PostgreSQL `pg_hba.conf` rules with the `trust` method (critical for network rules, medium for the local socket or loopback, where any local account can connect as any database role), MySQL/MariaDB `skip-grant-tables`, Redis without `requirepass` or a password on the default ACL user (high with `protected-mode no`, low while protected mode keeps remote clients out), and MongoDB without `security.authorization: enabled` while bound to a non-loopback address.',
    remediation: 'PostgreSQL: use `scram-sha-256` instead of `trust`. MySQL: remove `skip-grant-tables` (it is for password recovery only). Redis: set `requirepass` or ACL users with passwords and keep `protected-mode yes`. MongoDB: enable `security.authorization` and create users before binding to other addresses.',
    references: [
      'https://www.postgresql.org/docs/current/auth-trust.html',
      'https://dev.mysql.com/doc/refman/8.4/en/server-options.html#option_mysqld_skip-grant-tables',
      'https://redis.io/docs/latest/operate/oss_and_stack/management/security/',
      'https://www.mongodb.com/docs/manual/administration/security-checklist/',
    ],
    compliance: { 'nist-800-53': ['IA-2', 'AC-3'] },
    sources: ['host'],
    resourceTypes: ['DatabaseConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('DatabaseConfig')) {
      switch (r.attributes.engine) {
        case 'postgresql':
          postgres(r, out);
          break;
        case 'mysql':
          mysql(r, out);
          break;
        case 'redis':
          redis(r, out);
          break;
        case 'mongodb':
          mongodb(r, out);
          break;
      }
    }
    return out;
  },
});
