import type { Resource, Value } from '../../model/index.js';
import { getPath, isObject } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { mongoAccess, redisWithoutPassword } from '../_lib/database-auth.js';

type Engine = 'redis' | 'mongodb';

const DEFAULT_PORT: Record<Engine, number> = { redis: 6379, mongodb: 27017 };
const SERVICE_NAMES: Record<Engine, string[]> = { redis: ['redis'], mongodb: ['mongodb', 'mongod'] };

function str(v: Value | undefined): string | undefined {
  return v === undefined || v === null ? undefined : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Whether the configuration lets clients in without a password, the port it listens on, and the attribute to point at. */
function judge(r: Resource, engine: Engine): { open: boolean; port: number; path: string } {
  if (engine === 'redis') {
    const settings = isObject(r.attributes.settings) ? r.attributes.settings : {};
    return { open: redisWithoutPassword(r), port: Number(str(settings.port) ?? DEFAULT_PORT.redis), path: 'settings.requirepass' };
  }
  const config = isObject(r.attributes.config) ? r.attributes.config : {};
  const access = mongoAccess(r);
  const port = r.attributes.format === 'legacy' ? str(config.port) : str(getPath(config, 'net.port'));
  return { open: !access.authOn, port: Number(port ?? DEFAULT_PORT.mongodb), path: access.paths.auth };
}

/** A scanned host names the collected host when its address or a host name (or its first label) equals it. */
function sameHost(nmapHost: Resource, host: string): boolean {
  const h = host.toLowerCase();
  if (str(nmapHost.attributes.address)?.toLowerCase() === h) return true;
  const names = Array.isArray(nmapHost.attributes.hostnames) ? nmapHost.attributes.hostnames.filter((n): n is string => typeof n === 'string') : [];
  return names.some((n) => n.toLowerCase() === h || n.toLowerCase().split('.')[0] === h);
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-051',
    title: 'Redis or MongoDB without authentication answers on the network',
    pillar: 'ports',
    severity: 'critical',
    description:
      'Two facts from two sources joined: a host\'s Redis or MongoDB configuration (collected host files) lets clients in without a password, and an nmap scan of the same host (matched by address or host name) found the database port open. Either alone may be harmless — a passwordless Redis bound to loopback, an open port in front of an authenticating server — together they are a database anyone on that network can read, overwrite and, for Redis, turn into remote code execution (CONFIG SET / MODULE LOAD).',
    remediation:
      'Enable authentication (Redis `requirepass` or ACL users with passwords, `protected-mode yes`; MongoDB `security.authorization: enabled` with users), bind the service to the interfaces that need it, and filter the port at the host and network firewall.',
    references: ['https://redis.io/docs/latest/operate/oss_and_stack/management/security/', 'https://www.mongodb.com/docs/manual/administration/security-checklist/'],
    compliance: { 'nist-800-53': ['IA-2', 'SC-7', 'CM-7'] },
    sources: ['host'],
    resourceTypes: ['DatabaseConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const scanned = ctx.ofType('nmap-host');
    if (!scanned.length) return out;
    for (const db of ctx.ofType('DatabaseConfig')) {
      const engine = db.attributes.engine as Engine;
      if (engine !== 'redis' && engine !== 'mongodb') continue;
      const host = str(db.attributes.host);
      if (!host) continue;
      const judged = judge(db, engine);
      if (!judged.open) continue;
      for (const h of scanned.filter((s) => sameHost(s, host))) {
        const ports = Array.isArray(h.attributes.ports) ? h.attributes.ports : [];
        const hit = ports.find((p) => isObject(p) && p.state === 'open' && (p.port === judged.port || SERVICE_NAMES[engine].includes(str(getPath(p, 'service.name')) ?? '')));
        if (!isObject(hit)) continue;
        const where = h.attributes.public === true ? 'an internet-routable address' : 'the network it was scanned from';
        out.push({
          resource: db,
          attributePath: judged.path,
          key: `${h.id}:${String(hit.port)}`,
          message: `${engine === 'redis' ? 'Redis' : 'MongoDB'} on ${host} accepts clients without a password, and the nmap scan found tcp/${String(hit.port)} open on ${str(h.attributes.address)} (${where})`,
          evidence: `${engine} authentication off; ${h.id} tcp/${String(hit.port)} open`,
        });
      }
    }
    return out;
  },
});
