import { z } from 'zod';
import { asString } from '../../model/index.js';
import { loadCatalogue } from '../_lib/catalogue.js';
import { expandAttribute } from '../_lib/password-attributes.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = ['terraform', 'terraform-plan'];
const CFN = ['cloudformation'];

/** type -> attribute holding the administrator's login name */
const USERNAME_ATTRIBUTES: Array<{ types: string[]; path: string; sources: string[] }> = [
  { types: ['aws_db_instance'], path: 'username', sources: TF },
  { types: ['aws_rds_cluster', 'aws_redshift_cluster', 'aws_docdb_cluster'], path: 'master_username', sources: TF },
  {
    types: ['azurerm_mssql_server', 'azurerm_sql_server', 'azurerm_postgresql_server', 'azurerm_postgresql_flexible_server', 'azurerm_mysql_server', 'azurerm_mysql_flexible_server', 'azurerm_mariadb_server', 'azurerm_mssql_managed_instance'],
    path: 'administrator_login',
    sources: TF,
  },
  { types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::Redshift::Cluster', 'AWS::DocDB::DBCluster'], path: 'MasterUsername', sources: CFN },
];

const catalogueSchema = z.object({ names: z.array(z.string()) });

export default defineCheck({
  meta: {
    id: 'TET-PASS-004',
    title: 'Database administrator has a default, guessable user name',
    pillar: 'passwords',
    severity: 'low',
    description:
      'The database administrator is called `admin`, `root`, `sa`, `postgres`, `administrator` or another name from data/passwords/default-admin-usernames.yaml. Password-spraying tools try these names first, so an attacker who reaches the endpoint has to guess only the password. Azure SQL refuses several of them outright; AWS uses some as console defaults.',
    remediation: 'Choose a non-default administrator name (for example one derived from the application), and prefer IAM / Entra ID database authentication for people and applications.',
    references: [
      'https://learn.microsoft.com/en-us/sql/relational-databases/security/authentication-access/principals-database-engine',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.MasterAccounts.html',
    ],
    compliance: { 'nist-800-53': ['IA-5', 'AC-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: USERNAME_ATTRIBUTES.flatMap((u) => u.types),
  },
  run(ctx) {
    const names = new Set(loadCatalogue('passwords/default-admin-usernames.yaml', catalogueSchema).names.map((n) => n.toLowerCase()));
    const out: FindingDraft[] = [];
    for (const spec of USERNAME_ATTRIBUTES) {
      for (const r of ctx.ofType(...spec.types)) {
        if (!spec.sources.includes(r.source)) continue;
        for (const m of expandAttribute(r.attributes, spec.path)) {
          const user = asString(m.value);
          if (user === undefined || !names.has(user.trim().toLowerCase())) continue;
          out.push({ resource: r, attributePath: m.path, message: `${r.type} ${r.name} uses the default administrator name "${user}"`, evidence: `${m.path} = "${user}"` });
        }
      }
    }
    return out;
  },
});
