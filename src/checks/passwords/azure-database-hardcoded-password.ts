import { hardcodedPasswordFindings, type PasswordAttributeSpec } from '../_lib/password-attributes.js';
import { defineCheck } from '../engine/types.js';

const SPECS: PasswordAttributeSpec[] = [
  {
    types: [
      'azurerm_mssql_server',
      'azurerm_sql_server',
      'azurerm_postgresql_server',
      'azurerm_mysql_server',
      'azurerm_mariadb_server',
      'azurerm_mssql_managed_instance',
      'azurerm_sql_managed_instance',
    ],
    paths: ['administrator_login_password'],
    sources: ['terraform', 'terraform-plan'],
  },
  // the flexible servers name the attribute differently
  { types: ['azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server'], paths: ['administrator_password'], sources: ['terraform', 'terraform-plan'] },
  { types: ['azurerm_synapse_workspace'], paths: ['sql_administrator_login_password'], sources: ['terraform', 'terraform-plan'] },
  { types: ['azurerm_cosmosdb_postgresql_cluster'], paths: ['administrator_login_password'], sources: ['terraform', 'terraform-plan'] },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-002',
    title: 'Azure database administrator password is hard-coded',
    pillar: 'passwords',
    severity: 'high',
    description:
      'The administrator password of an Azure SQL, PostgreSQL, MySQL, MariaDB or Synapse server is written in the configuration. It is readable in version control and in the Terraform state, and the server administrator owns every database on the server. A weak or common password raises the severity to critical.',
    remediation:
      'Use Microsoft Entra ID (Azure AD) authentication only (`azuread_authentication_only = true` / `azuread_administrator`), or pass the password from a `sensitive` variable without a default or from Key Vault (`azurerm_key_vault_secret` data source, `random_password`), and rotate the exposed password.',
    references: [
      'https://learn.microsoft.com/en-us/azure/azure-sql/database/authentication-aad-overview',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: [...new Set(SPECS.flatMap((s) => s.types))],
  },
  run(ctx) {
    return hardcodedPasswordFindings(ctx, SPECS, 'high', 'administrator password');
  },
});
