/**
 * Whether a collected Redis or MongoDB configuration (`DatabaseConfig` resources of the host source)
 * lets clients in without a password. Shared by TET-PASS-065 (the configuration alone) and
 * TET-PORTS-051 (the configuration joined with an nmap scan of the same host).
 */
import type { Resource } from '../../model/index.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** Redis without a password: no ACL file, no `requirepass`, and a default user neither off nor holding a password. */
export function redisWithoutPassword(r: Resource): boolean {
  const settings = obj(r.attributes.settings);
  const users = (Array.isArray(r.attributes.users) ? r.attributes.users : []) as { name: string; rules: string[] }[];
  if (str(settings['aclfile'])) return false; // users are defined in another file
  const requirepass = str(settings['requirepass']);
  const def = users.find((u) => u.name === 'default');
  const defaultHasPassword = def ? !def.rules.includes('nopass') && def.rules.some((x) => x.startsWith('>') || x.startsWith('#')) : false;
  const defaultOff = def ? def.rules.includes('off') : false;
  return !((requirepass && requirepass !== '""') || defaultHasPassword || defaultOff);
}

export interface MongoAccess {
  /** access control on (`security.authorization: enabled`, legacy `auth = true`) */
  authOn: boolean;
  binds: string[];
  bindAll: boolean;
  /** authorization written explicitly (off), rather than left out */
  explicitOff: boolean;
  paths: { auth: string; bind: string };
}

/** MongoDB's access control and bind settings, from the YAML or the legacy INI format. */
export function mongoAccess(r: Resource): MongoAccess {
  const config = obj(r.attributes.config);
  if (r.attributes.format === 'legacy') {
    return {
      authOn: /^(true|1|yes)$/i.test(str(config['auth']) ?? ''),
      binds: (str(config['bind_ip']) ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      bindAll: /^(true|1|yes)$/i.test(str(config['bind_ip_all']) ?? '') || config['bind_ip_all'] === null,
      explicitOff: config['auth'] !== undefined,
      paths: { auth: 'config.auth', bind: config['bind_ip_all'] !== undefined ? 'config.bind_ip_all' : 'config.bind_ip' },
    };
  }
  const security = obj(config['security']);
  const net = obj(config['net']);
  return {
    authOn: str(security['authorization'])?.toLowerCase() === 'enabled',
    binds: (str(net['bindIp']) ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    bindAll: net['bindIpAll'] === true || str(net['bindIpAll']) === 'true',
    explicitOff: security['authorization'] !== undefined,
    paths: { auth: 'config.security.authorization', bind: net['bindIpAll'] !== undefined ? 'config.net.bindIpAll' : 'config.net.bindIp' },
  };
}
