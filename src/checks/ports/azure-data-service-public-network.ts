import { getPath } from '../../model/index.js';
import { defineCheck } from '../engine/types.js';
import { flagFindings } from '../_lib/flags.js';

const TYPES = [
  'azurerm_mssql_server',
  'azurerm_sql_server',
  'azurerm_postgresql_server',
  'azurerm_postgresql_flexible_server',
  'azurerm_mysql_server',
  'azurerm_mysql_flexible_server',
  'azurerm_mariadb_server',
  'azurerm_cosmosdb_account',
  'azurerm_redis_cache',
  'azurerm_synapse_workspace',
  'azurerm_search_service',
];

export default defineCheck({
  meta: {
    id: 'TET-PORTS-026',
    title: 'Azure database, cache or search service allows public network access',
    pillar: 'ports',
    severity: 'medium',
    description:
      'With `public_network_access_enabled = true` an Azure SQL, PostgreSQL, MySQL, MariaDB, Cosmos DB, Redis, Synapse or AI Search endpoint accepts connections from the internet, subject only to its firewall rules and credentials; a single broad firewall rule then exposes the data. An AI Search service is open to every address by default (public access on, no `allowed_ips`).',
    remediation: 'Set `public_network_access_enabled = false` and reach the service through private endpoints or VNet integration (for AI Search at least list the client ranges in `allowed_ips`).',
    references: ['https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#deny-public-network-access', 'https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview'],
    compliance: { 'nist-800-53': ['SC-7', 'AC-3'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TYPES,
  },
  run(ctx) {
    const out = flagFindings(
      (t) => ctx.ofType(t),
      TYPES.map((type) => ({ type, path: 'public_network_access_enabled' })),
      (r) => `${r.type} ${r.name} accepts connections from public networks`,
    );
    // AI Search has no deny-all firewall to fall back on: with public access at its default (on) and
    // no `allowed_ips`, every address on the internet reaches the query and admin endpoints
    for (const r of ctx.ofType('azurerm_search_service')) {
      if (getPath(r.attributes, 'public_network_access_enabled') !== undefined) continue;
      const ips = getPath(r.attributes, 'allowed_ips');
      if (ips === undefined || ips === null || (Array.isArray(ips) && ips.length === 0))
        out.push({ resource: r, message: `${r.type} ${r.name} accepts connections from every network (public access is on by default and allowed_ips is empty)`, evidence: 'public_network_access_enabled not set (defaults to true); allowed_ips not set' });
    }
    return out;
  },
});
