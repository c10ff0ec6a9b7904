import { asBool, asList, asNumber, getPath, isUnknown, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { flagFindings } from '../_lib/flags.js';
import { settingFindings, type SettingRule } from '../_lib/setting-values.js';
import { readText } from '../_lib/versioned-config.js';

/** Azure single servers: `ssl_enforcement_enabled` (azurerm ≥ 2; absent means enforced since 3.0) or `ssl_enforcement` (azurerm 1.x). */
const AZURE_SERVERS = ['azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_mariadb_server'];
/** Flexible servers switch TLS off through a server parameter resource. */
const FLEX_CONFIGS = ['azurerm_postgresql_flexible_server_configuration', 'azurerm_mysql_flexible_server_configuration'];
/**
 * Parameter groups and the parameters that switch TLS off, judged only when written: RDS `rds.force_ssl`
 * (PostgreSQL, SQL Server) and `require_secure_transport` (MySQL, MariaDB), DocumentDB `tls`, Redshift `require_ssl`.
 */
const RDS_TLS = new Set(['rds.force_ssl', 'require_secure_transport']);
const PARAMETER_GROUPS: Record<string, ReadonlySet<string>> = {
  aws_db_parameter_group: RDS_TLS,
  aws_rds_cluster_parameter_group: RDS_TLS,
  aws_docdb_cluster_parameter_group: new Set(['tls']),
  aws_redshift_parameter_group: new Set(['require_ssl']),
};
const CLOUD_SQL = 'google_sql_database_instance';
const OFF = /^(off|0|false|disabled)$/i;

/** Settings read the same way on every source: ElastiCache for Redis replication groups encrypt in transit only when asked; MSK brokers default to TLS only. */
const SETTINGS: SettingRule[] = [
  { type: 'aws_elasticache_replication_group', path: 'transit_encryption_enabled', weak: (v) => /^false$/i.test(v), weakDefault: 'false' },
  { type: 'AWS::ElastiCache::ReplicationGroup', path: 'TransitEncryptionEnabled', weak: (v) => /^false$/i.test(v), weakDefault: 'false' },
  { type: 'aws_msk_cluster', path: 'encryption_info[*].encryption_in_transit[*].client_broker', weak: (v) => /PLAINTEXT/i.test(v) },
  { type: 'AWS::MSK::Cluster', path: 'EncryptionInfo.EncryptionInTransit.ClientBroker', weak: (v) => /PLAINTEXT/i.test(v) },
  // Memorystore for Redis: TLS only with transit_encryption_mode = SERVER_AUTHENTICATION (default DISABLED)
  { type: 'google_redis_instance', path: 'transit_encryption_mode', weak: (v) => /^(DISABLED|TRANSIT_ENCRYPTION_MODE_UNSPECIFIED)$/i.test(v), weakDefault: 'DISABLED' },
];

/** MSK brokers replicate to each other over TLS unless `in_cluster` is false. */
const BROKER_TO_BROKER: SettingRule[] = [
  { type: 'aws_msk_cluster', path: 'encryption_info[*].encryption_in_transit[*].in_cluster', weak: (v) => /^false$/i.test(v) },
  { type: 'AWS::MSK::Cluster', path: 'EncryptionInfo.EncryptionInTransit.InCluster', weak: (v) => /^false$/i.test(v) },
];

/** Search domains: traffic between data nodes is clear unless node-to-node encryption is on (off by default); a one-node domain has none. */
const SEARCH_DOMAINS = [
  { types: ['aws_elasticsearch_domain', 'aws_opensearch_domain'], count: ['cluster_config[0].instance_count', 'cluster_config.instance_count'], flag: ['node_to_node_encryption[0].enabled', 'node_to_node_encryption.enabled'] },
  { types: ['AWS::OpenSearchService::Domain'], count: ['ClusterConfig.InstanceCount'], flag: ['NodeToNodeEncryptionOptions.Enabled'] },
  { types: ['AWS::Elasticsearch::Domain'], count: ['ElasticsearchClusterConfig.InstanceCount'], flag: ['NodeToNodeEncryptionOptions.Enabled'] },
];

/** The first of several spellings (a block, or the attribute-map syntax of old HCL) that holds a value. */
function firstOf(r: Resource, paths: string[]): { path: string; value: Value | undefined } {
  for (const path of paths) {
    const value = getPath(r.attributes, path);
    if (value !== undefined) return { path, value };
  }
  return { path: paths[0], value: undefined };
}

function searchNodeToNode(ofType: (t: string) => Resource[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const d of SEARCH_DOMAINS) {
    for (const r of d.types.flatMap(ofType)) {
      const flag = firstOf(r, d.flag);
      const on = asBool(flag.value);
      if (on === true) continue;
      const count = firstOf(r, d.count);
      const n = count.value === undefined ? 1 : asNumber(count.value);
      if (!isUnknown(n) && n !== undefined && n <= 1) continue;
      if (isUnknown(on)) { out.push(unresolved(r, flag.path, on)); continue; }
      const message = `${r.type} ${r.name} sends traffic between its ${isUnknown(n) || n === undefined ? 'data' : n} nodes without TLS (node-to-node encryption ${on === false ? 'turned off' : 'is off by default'})`;
      if (isUnknown(n) || n === undefined) out.push({ resource: r, key: 'node-to-node', attributePath: count.path, verdict: 'unknown', message: `${message}, if the unresolved instance count is above 1` });
      else out.push({ resource: r, key: 'node-to-node', attributePath: on === false ? flag.path : undefined, message, evidence: on === false ? `${flag.path} = false` : 'node-to-node encryption not set' });
    }
  }
  return out;
}

const clear = (r: Resource) => `${r.type} ${r.name} accepts connections without TLS: passwords and data can cross the network in clear`;

function unresolved(r: Resource, path: string, v: { toString(): string }): FindingDraft {
  return { resource: r, key: path, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${path} is unresolved (${v.toString()})` };
}

function azureServers(ofType: (t: string) => Resource[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const type of AZURE_SERVERS) {
    for (const r of ofType(type)) {
      const v = asBool(getPath(r.attributes, 'ssl_enforcement_enabled'));
      if (isUnknown(v)) out.push(unresolved(r, 'ssl_enforcement_enabled', v));
      else if (v === false) out.push({ resource: r, attributePath: 'ssl_enforcement_enabled', message: clear(r), evidence: 'ssl_enforcement_enabled = false' });
      const legacy = readText(r, 'ssl_enforcement');
      if (isUnknown(legacy)) out.push(unresolved(r, 'ssl_enforcement', legacy));
      else if (legacy !== undefined && /^disabled$/i.test(legacy)) out.push({ resource: r, attributePath: 'ssl_enforcement', message: clear(r), evidence: `ssl_enforcement = ${legacy}` });
    }
  }
  return out;
}

function flexibleServerParameters(ofType: (t: string) => Resource[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const type of FLEX_CONFIGS) {
    for (const r of ofType(type)) {
      const name = readText(r, 'name');
      if (typeof name !== 'string' || name.toLowerCase() !== 'require_secure_transport') continue;
      const v = readText(r, 'value');
      if (isUnknown(v)) out.push(unresolved(r, 'value', v));
      else if (v !== undefined && OFF.test(v)) out.push({ resource: r, attributePath: 'value', message: `${type} ${r.name} turns require_secure_transport off: the server accepts connections without TLS`, evidence: `require_secure_transport = ${v}` });
    }
  }
  return out;
}

function parameterGroups(ofType: (t: string) => Resource[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const [type, names] of Object.entries(PARAMETER_GROUPS)) {
    for (const r of ofType(type)) {
      asList(getPath(r.attributes, 'parameter')).forEach((_, i) => {
        const name = readText(r, `parameter[${i}].name`);
        if (typeof name !== 'string' || !names.has(name.toLowerCase())) return;
        const path = `parameter[${i}].value`;
        const v = readText(r, path);
        if (isUnknown(v)) out.push(unresolved(r, path, v));
        else if (v !== undefined && OFF.test(v)) out.push({ resource: r, key: path, attributePath: path, message: `${type} ${r.name} sets ${name} = ${v}: databases using it accept connections without TLS`, evidence: `${name} = ${v}` });
      });
    }
  }
  return out;
}

/**
 * Cloud SQL: `ssl_mode` (provider ≥ 5) wins when set to a definite mode; otherwise `require_ssl`,
 * which defaults to false: an instance without either accepts unencrypted connections.
 */
function cloudSql(ofType: (t: string) => Resource[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const r of ofType(CLOUD_SQL)) {
    const settings = asList(getPath(r.attributes, 'settings'));
    const sIdx = settings.length ? settings.map((_, i) => i) : [0];
    for (const s of sIdx) {
      const ipcs = asList(getPath(r.attributes, `settings[${s}].ip_configuration`));
      for (const c of ipcs.length ? ipcs.map((_, i) => i) : [0]) {
        const base = `settings[${s}].ip_configuration[${c}]`;
        const mode = readText(r, `${base}.ssl_mode`);
        if (isUnknown(mode)) { out.push(unresolved(r, `${base}.ssl_mode`, mode)); continue; }
        if (mode !== undefined && /^ALLOW_UNENCRYPTED_AND_ENCRYPTED$/i.test(mode)) {
          out.push({ resource: r, key: base, attributePath: `${base}.ssl_mode`, message: clear(r), evidence: `ssl_mode = ${mode}` });
          continue;
        }
        if (mode !== undefined && /^(ENCRYPTED_ONLY|TRUSTED_CLIENT_CERTIFICATE_REQUIRED)$/i.test(mode)) continue;
        const path = `${base}.require_ssl`;
        const raw = getPath(r.attributes, path);
        const req = asBool(raw);
        if (isUnknown(req)) out.push(unresolved(r, path, req));
        else if (req === false) out.push({ resource: r, key: base, attributePath: path, message: clear(r), evidence: 'require_ssl = false' });
        else if (req === undefined) out.push({ resource: r, key: base, attributePath: path, message: `${clear(r)} (neither ssl_mode nor require_ssl is set; unencrypted connections are allowed by default)`, evidence: 'ssl_mode and require_ssl not set' });
      }
    }
  }
  return out;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-076',
    title: 'Database, cache or broker accepts connections without TLS',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A database, cache or message broker that accepts unencrypted connections lets clients send their password (or Redis AUTH token, access key, SASL credentials) and every result in clear: anyone on the path (a compromised host in the VNet or VPC, a mirrored port, a misrouted peering) reads the credentials and replays them. Covered: Azure PostgreSQL / MySQL / MariaDB servers with SSL enforcement off, flexible servers with require_secure_transport off, Azure Cache for Redis with the non-TLS port 6379 open, RDS / DocumentDB / Redshift parameter groups switching TLS off, ElastiCache for Redis replication groups without in-transit encryption (off by default), Memorystore for Redis instances without transit encryption (off by default), MSK clusters accepting PLAINTEXT clients or replicating between brokers without TLS, OpenSearch / Elasticsearch domains of several nodes without node-to-node encryption (off by default), and Cloud SQL instances without ssl_mode ENCRYPTED_ONLY (or require_ssl), which allow unencrypted connections by default.',
    remediation:
      'Require TLS: `ssl_enforcement_enabled = true`, `require_secure_transport = ON`, `enable_non_ssl_port = false` / `non_ssl_port_enabled = false` (Redis), `rds.force_ssl = 1` (DocumentDB `tls = enabled`, Redshift `require_ssl = true`), `transit_encryption_enabled = true` (ElastiCache), `transit_encryption_mode = "SERVER_AUTHENTICATION"` (Memorystore), `client_broker = "TLS"` and `in_cluster = true` (MSK), `node_to_node_encryption { enabled = true }` (OpenSearch), and for Cloud SQL `ip_configuration { ssl_mode = "ENCRYPTED_ONLY" }` (or `TRUSTED_CLIENT_CERTIFICATE_REQUIRED`).',
    references: [
      'https://learn.microsoft.com/en-us/azure/postgresql/single-server/concepts-ssl-connection-security',
      'https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-ports',
      'https://cloud.google.com/sql/docs/postgres/configure-ssl-instance',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html',
    ],
    compliance: { 'cis-azure': ['4.3.1', '4.4.1'], 'cis-gcp': ['6.4'], 'nist-800-53': ['SC-8', 'IA-5(1)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...AZURE_SERVERS, 'azurerm_redis_cache', ...FLEX_CONFIGS, ...Object.keys(PARAMETER_GROUPS), CLOUD_SQL, ...SETTINGS.map((s) => s.type), ...SEARCH_DOMAINS.flatMap((d) => d.types)],
  },
  run(ctx) {
    const ofType = (t: string) => ctx.ofType(t);
    return [
      ...azureServers(ofType),
      ...flagFindings(
        ofType,
        [
          { type: 'azurerm_redis_cache', path: 'enable_non_ssl_port' },
          { type: 'azurerm_redis_cache', path: 'non_ssl_port_enabled' },
        ],
        (r) => `${r.type} ${r.name} opens the non-TLS port 6379: clients send the access key and data in clear`,
      ),
      ...flexibleServerParameters(ofType),
      ...parameterGroups(ofType),
      ...cloudSql(ofType),
      ...settingFindings(ofType, SETTINGS, (r, v, explicit) => `${clear(r)} (${explicit ? `set to ${v}` : 'in-transit encryption is off by default'})`),
      ...searchNodeToNode(ofType),
      ...settingFindings(ofType, BROKER_TO_BROKER, (r) => `${r.type} ${r.name} replicates between brokers without TLS (in_cluster = false): SASL credentials and data cross the network in clear`),
    ];
  },
});
