import { isUnknown } from '../../model/index.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, composeEnv, composeServices, composeTrue, serviceLabel } from '../_lib/compose.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * Variables of the official database images that let clients in without a
 * password, and what each does (from the images' documentation on Docker Hub).
 */
const SETTINGS: Array<{ names: string[]; bad: (v: string) => boolean; what: string }> = [
  { names: ['POSTGRES_HOST_AUTH_METHOD'], bad: (v) => v.trim().toLowerCase() === 'trust', what: 'lets every client connect to PostgreSQL as any user without a password (host all all all trust)' },
  { names: ['MYSQL_ALLOW_EMPTY_PASSWORD', 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', 'MARIADB_ALLOW_EMPTY_PASSWORD'], bad: (v) => v.trim() !== '' && !/^(false|no|off|0)$/i.test(v.trim()), what: 'creates the database root account with an empty password' },
  { names: ['ALLOW_EMPTY_PASSWORD'], bad: composeTrue, what: 'starts the (Bitnami) database or cache without a password' },
  { names: ['DISABLE_SECURITY_PLUGIN', 'DISABLE_SECURITY_DASHBOARDS_PLUGIN'], bad: composeTrue, what: 'turns OpenSearch authentication off' },
  { names: ['xpack.security.enabled'], bad: (v) => /^(false|no|off)$/i.test(v.trim()), what: 'turns Elasticsearch authentication off' },
  { names: ['GF_AUTH_ANONYMOUS_ENABLED'], bad: composeTrue, what: 'lets anonymous users into Grafana' },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-044',
    title: 'Docker Compose database service accepts clients without a password',
    pillar: 'passwords',
    severity: 'critical',
    description:
      'An official database image is told to accept connections without a password, for example with `POSTGRES_HOST_AUTH_METHOD` set to `trust`, `MYSQL_ALLOW_EMPTY_PASSWORD` set to `yes` (or the MariaDB and Bitnami equivalents), Elasticsearch with `xpack.security.enabled=false`, OpenSearch with its security plugin disabled. Anyone who reaches the port (other containers, or the whole network when the port is published) owns the data.',
    remediation: 'Remove the setting and give the database a strong password from a Compose secret (`POSTGRES_PASSWORD_FILE: /run/secrets/db_password`, `MYSQL_ROOT_PASSWORD_FILE`), or `MYSQL_RANDOM_ROOT_PASSWORD=yes`.',
    references: ['https://hub.docker.com/_/postgres', 'https://hub.docker.com/_/mysql', 'https://hub.docker.com/_/mariadb', 'https://www.elastic.co/guide/en/elasticsearch/reference/current/security-settings.html'],
    compliance: { 'nist-800-53': ['IA-2', 'AC-3'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      for (const e of composeEnv(r)) {
        const s = SETTINGS.find((x) => x.names.includes(e.name));
        if (!s) continue;
        if (isUnknown(e.value)) {
          out.push({ resource: r, attributePath: e.path, key: e.path, verdict: 'unknown', message: `${serviceLabel(r)}: ${e.name} is unresolved (${e.value.toString()})` });
          continue;
        }
        const v = typeof e.value === 'boolean' || typeof e.value === 'number' ? String(e.value) : e.value;
        if (typeof v !== 'string' || !s.bad(v)) continue;
        out.push({ resource: r, attributePath: e.path, key: e.path, message: `${serviceLabel(r)} sets ${e.name}=${v}, which ${s.what}`, evidence: `${e.name}=${v}` });
      }
    }
    return out;
  },
});
