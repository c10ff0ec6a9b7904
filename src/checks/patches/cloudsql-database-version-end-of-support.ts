import { isUnknown } from '../../model/index.js';
import { eolCatalogue, statusOf, type EolVerdict } from '../_lib/eol.js';
import { readText, resourcesOf, TERRAFORM_SOURCES, versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-012',
    title: 'Cloud SQL instance runs a database version past end of standard support',
    pillar: 'patches',
    severity: 'high',
    description:
      'Cloud SQL moved MySQL 5.6/5.7 and PostgreSQL 9.6–12 out of standard support on 2025-02-01; they only receive fixes under paid extended support (MySQL 5.5 gets none). The engine keeps known vulnerabilities that newer major versions fix.',
    remediation: 'Upgrade the instance to a major version in standard support (for example `MYSQL_8_4` or `POSTGRES_17`) with an in-place major version upgrade.',
    references: [
      'https://cloud.google.com/sql/docs/db-versions',
      'https://cloud.google.com/sql/docs/mysql/extended-support',
      'https://cloud.google.com/sql/docs/postgres/extended-support',
    ],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_sql_database_instance'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const versions = eolCatalogue().cloudsql.versions;
    for (const r of resourcesOf(ctx, ['google_sql_database_instance'], TERRAFORM_SOURCES)) {
      const value = readText(r, 'database_version');
      if (value === undefined || isUnknown(value)) continue;
      const lc = versions[value.toUpperCase()];
      if (!lc) continue;
      const v: EolVerdict = { status: statusOf(lc), cycle: value.toUpperCase(), eol: lc.eol, ...(lc.extended !== undefined ? { extended: lc.extended } : {}) };
      const f = versionFinding(r, 'database_version', 'database_version', value, v);
      if (f) out.push(f);
    }
    return out;
  },
});
