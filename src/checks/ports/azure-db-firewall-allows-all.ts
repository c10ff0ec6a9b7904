import { asString, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Azure database firewall rule types and their start/end attribute names. */
const TYPES: Array<[string, string, string]> = [
  ['azurerm_sql_firewall_rule', 'start_ip_address', 'end_ip_address'],
  ['azurerm_mssql_firewall_rule', 'start_ip_address', 'end_ip_address'],
  ['azurerm_postgresql_firewall_rule', 'start_ip_address', 'end_ip_address'],
  ['azurerm_postgresql_flexible_server_firewall_rule', 'start_ip_address', 'end_ip_address'],
  ['azurerm_mysql_firewall_rule', 'start_ip_address', 'end_ip_address'],
  ['azurerm_mysql_flexible_server_firewall_rule', 'start_ip_address', 'end_ip_address'],
  ['azurerm_mariadb_firewall_rule', 'start_ip_address', 'end_ip_address'],
  ['azurerm_synapse_firewall_rule', 'start_ip_address', 'end_ip_address'],
  ['azurerm_redis_firewall_rule', 'start_ip', 'end_ip'],
];

export default defineCheck({
  meta: {
    id: 'TET-PORTS-013',
    title: 'Azure database firewall rule admits every IPv4 address',
    pillar: 'ports',
    severity: 'critical',
    description:
      'A server-level firewall rule from 0.0.0.0 to 255.255.255.255 on an Azure SQL, PostgreSQL, MySQL, MariaDB, Synapse or Redis server lets any host on the internet reach the database endpoint, leaving only authentication between attackers and the data.',
    remediation: 'Delete the rule; admit only the client ranges that need access, or use private endpoints / VNet rules and turn off public network access.',
    references: ['https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure', 'https://learn.microsoft.com/en-us/azure/azure-sql/database/private-endpoint-overview'],
    compliance: { 'cis-azure': ['4.1.2'], 'nist-800-53': ['SC-7', 'AC-3'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: TYPES.map(([t]) => t),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const [type, startKey, endKey] of TYPES) {
      for (const r of ctx.ofType(type)) {
        const start = getPath(r.attributes, startKey);
        const end = getPath(r.attributes, endKey);
        const s = asString(start)?.trim();
        const e = asString(end)?.trim();
        if (s === '0.0.0.0' && e === '255.255.255.255') {
          out.push({ resource: r, attributePath: endKey, message: `firewall rule ${r.name} admits every IPv4 address (0.0.0.0–255.255.255.255)`, evidence: `${startKey} = 0.0.0.0, ${endKey} = 255.255.255.255` });
        } else if ((isUnknown(start) && (e === undefined || e === '255.255.255.255')) || (isUnknown(end) && (s === undefined || s === '0.0.0.0'))) {
          out.push({ resource: r, attributePath: isUnknown(end) ? endKey : startKey, verdict: 'unknown', message: `firewall rule ${r.name}: its address range is unresolved` });
        }
      }
    }
    return out;
  },
});
