import { asBool, asString, getPath, isUnknown, type Resource, type Value } from '../../model/index.js';
import { expandAttribute } from '../_lib/password-attributes.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Set when an access control is configured; Unknown when it depends on an unresolved value. */
function configured(v: Value | undefined): boolean | 'unknown' {
  if (isUnknown(v)) return 'unknown';
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.some((x) => isUnknown(x)) ? 'unknown' : v.length > 0;
  return true;
}

/** A Redis ACL rule string whose last on/off keyword is `off` disables the user. */
function userSwitchedOff(access: Value | undefined): boolean {
  if (typeof access !== 'string') return false;
  const states = access.split(/\s+/).filter((t) => /^(on|off)$/i.test(t));
  return states.length > 0 && states[states.length - 1]!.toLowerCase() === 'off';
}

function redisEngine(r: Resource, attribute: string): boolean {
  const engine = asString(r.attributes[attribute]);
  return engine === undefined || /^(redis|valkey)$/i.test(engine);
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-014',
    title: 'Redis-compatible cache accepts connections without authentication',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An ElastiCache (Redis OSS / Valkey) replication group has neither an AUTH token nor an RBAC user group, an ElastiCache RBAC user is enabled without a password (`NoPasswordRequired` / `no-password-required`), a MemoryDB cluster uses the built-in `open-access` ACL, an Azure Cache for Redis turns authentication off (`authentication_enabled = false`), or a Memorystore for Redis instance leaves AUTH off (`auth_enabled`, default false). Any client that can reach the endpoint can read and overwrite every key, and Redis commands such as `CONFIG` and `EVAL` have repeatedly been abused for code execution (e.g. CVE-2022-0543). Network isolation is then the only control.',
    remediation:
      'Enable in-transit encryption and authentication: set `transit_encryption_enabled = true` with an `auth_token` taken from a secret store, or better, `user_group_ids` with RBAC users (ElastiCache); give every enabled ElastiCache user a password or IAM authentication; give MemoryDB clusters an ACL with named users (`acl_name`); keep `authentication_enabled` on for Azure Cache for Redis (with Entra ID authentication where available); set `auth_enabled = true` on Memorystore for Redis.',
    references: [
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html',
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html',
      'https://docs.aws.amazon.com/memorydb/latest/devguide/clusters.acls.html',
      'https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-keys',
      'https://nvd.nist.gov/vuln/detail/CVE-2022-0543',
    ],
    compliance: { 'nist-800-53': ['IA-2', 'AC-3'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_elasticache_replication_group', 'aws_elasticache_user', 'aws_memorydb_cluster', 'azurerm_redis_cache', 'google_redis_instance', 'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::User', 'AWS::MemoryDB::Cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const groups: Array<{ r: Resource; token: string; users: string; engine: string }> = [
      ...ctx.ofType('aws_elasticache_replication_group').filter((r) => r.source !== 'cloudformation').map((r) => ({ r, token: 'auth_token', users: 'user_group_ids', engine: 'engine' })),
      ...ctx.ofType('AWS::ElastiCache::ReplicationGroup').map((r) => ({ r, token: 'AuthToken', users: 'UserGroupIds', engine: 'Engine' })),
    ];
    for (const { r, token, users, engine } of groups) {
      if (!redisEngine(r, engine)) continue;
      const tokenValue = r.attributes[token];
      const hasToken = isUnknown(tokenValue) ? 'unknown' : typeof tokenValue === 'string' && tokenValue.trim() !== '';
      const hasUsers = configured(r.attributes[users]);
      // an unresolved token or user group (a variable, a generated secret) is configured at apply time: stay silent
      if (hasToken !== false || hasUsers !== false) continue;
      out.push({ resource: r, message: `${r.type} ${r.name} has no AUTH token and no RBAC user group: any client that reaches it is in`, evidence: `${token} and ${users} not set` });
    }
    const memorydb: Array<{ r: Resource; acl: string }> = [
      ...ctx.ofType('aws_memorydb_cluster').map((r) => ({ r, acl: 'acl_name' })),
      ...ctx.ofType('AWS::MemoryDB::Cluster').map((r) => ({ r, acl: 'ACLName' })),
    ];
    for (const { r, acl } of memorydb) {
      const name = r.attributes[acl];
      if (isUnknown(name)) continue;
      if (asString(name)?.toLowerCase() === 'open-access') out.push({ resource: r, attributePath: acl, message: `${r.type} ${r.name} uses the open-access ACL: no user or password is required`, evidence: `${acl} = "open-access"` });
    }
    // ElastiCache RBAC users that log in without a password (a user group holding one opens the cache to it)
    const users: Array<{ r: Resource; flag: string; mode: string; access: string }> = [
      ...ctx.ofType('aws_elasticache_user').filter((r) => r.source !== 'cloudformation').map((r) => ({ r, flag: 'no_password_required', mode: 'authentication_mode[0].type', access: 'access_string' })),
      ...ctx.ofType('AWS::ElastiCache::User').map((r) => ({ r, flag: 'NoPasswordRequired', mode: 'AuthenticationMode.Type', access: 'AccessString' })),
    ];
    for (const { r, flag, mode, access } of users) {
      if (userSwitchedOff(getPath(r.attributes, access))) continue;
      const noPassword = asBool(r.attributes[flag]) === true ? flag : asString(getPath(r.attributes, mode))?.toLowerCase() === 'no-password-required' ? mode : undefined;
      if (noPassword) out.push({ resource: r, attributePath: noPassword, key: noPassword, message: `${r.type} ${r.name} logs in without a password: any client that reaches a cache using its user group can act as this user`, evidence: `${noPassword} = ${String(getPath(r.attributes, noPassword))}` });
    }
    // Memorystore for Redis: AUTH is off unless auth_enabled = true
    for (const r of ctx.ofType('google_redis_instance')) {
      const v = asBool(getPath(r.attributes, 'auth_enabled'));
      if (v === false) out.push({ resource: r, attributePath: 'auth_enabled', message: `${r.type} ${r.name} has AUTH turned off: any client that reaches it is in`, evidence: 'auth_enabled = false' });
      else if (v === undefined) out.push({ resource: r, message: `${r.type} ${r.name} does not enable AUTH (auth_enabled is off by default): any client that reaches it is in`, evidence: 'auth_enabled not set (defaults to false)' });
    }
    // Azure Cache for Redis: authentication can only be switched off explicitly
    for (const r of ctx.ofType('azurerm_redis_cache')) {
      for (const m of expandAttribute(r.attributes, 'redis_configuration[*].authentication_enabled')) {
        if (asBool(m.value) === false) out.push({ resource: r, attributePath: m.path, key: m.path, message: `azurerm_redis_cache ${r.name} has authentication turned off`, evidence: 'redis_configuration.authentication_enabled = false' });
      }
    }
    return out;
  },
});
