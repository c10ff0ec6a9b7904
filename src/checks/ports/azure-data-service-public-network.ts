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
    title: 'Azure database, cache or search service explicitly allows public network access',
    pillar: 'ports',
    severity: 'medium',
    description:
      'With `public_network_access_enabled = true` an Azure SQL, PostgreSQL, MySQL, MariaDB, Cosmos DB, Redis, Synapse or AI Search endpoint accepts connections from the internet, subject only to its firewall rules and credentials; a single broad firewall rule then exposes the data.',
    remediation: 'Set `public_network_access_enabled = false` and reach the service through private endpoints or VNet integration.',
    references: ['https://learn.microsoft.com/en-us/azure/azure-sql/database/connectivity-settings#deny-public-network-access', 'https://learn.microsoft.com/en-us/azure/private-link/private-endpoint-overview'],
    compliance: { 'nist-800-53': ['SC-7', 'AC-3'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TYPES,
  },
  run: (ctx) =>
    flagFindings(
      (t) => ctx.ofType(t),
      TYPES.map((type) => ({ type, path: 'public_network_access_enabled' })),
      (r) => `${r.type} ${r.name} accepts connections from public networks`,
    ),
});
