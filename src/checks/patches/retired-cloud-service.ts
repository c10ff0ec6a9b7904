import { eolCatalogue, eolToday } from '../_lib/eol.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-030',
    title: 'Resource uses a retired cloud service',
    pillar: 'patches',
    severity: 'high',
    description:
      'The resource belongs to a managed service its provider has retired (for example Azure Database for MySQL/PostgreSQL Single Server, Azure Database for MariaDB, App Service Environment v1/v2, AWS OpsWorks Stacks). Retired services get no security updates and may be shut down or force-migrated at any time.',
    remediation: 'Migrate to the successor service (Azure Database flexible server, App Service Environment v3, AWS Systems Manager or another configuration tool) and remove the retired resource.',
    references: [
      'https://learn.microsoft.com/azure/mysql/migrate/whats-happening-to-mysql-single-server',
      'https://learn.microsoft.com/azure/postgresql/migrate/whats-happening-to-postgresql-single-server',
      'https://learn.microsoft.com/azure/mariadb/whats-happening-to-mariadb',
      'https://docs.aws.amazon.com/opsworks/latest/userguide/stacks-eol-faqs.html',
    ],
    compliance: { 'nist-800-53': ['SA-22'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['azurerm_mysql_server', 'azurerm_postgresql_server', 'azurerm_mariadb_server', 'azurerm_app_service_environment', 'aws_opsworks_stack', 'AWS::OpsWorks::Stack'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const retired = eolCatalogue().retiredServices.types;
    const today = eolToday();
    for (const r of ctx.ofType(...Object.keys(retired))) {
      if (!['terraform', 'terraform-plan', 'cloudformation'].includes(r.source)) continue;
      const entry = retired[r.type];
      if (today < entry.eol) continue;
      out.push({ resource: r, message: `${r.type} ${r.name} uses ${entry.service}, retired on ${entry.eol}`, evidence: `${r.type} (${entry.service})` });
    }
    return out;
  },
});
