import { asString, isObject } from '../../model/index.js';
import { expandAttribute } from '../_lib/password-attributes.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const FLAG = 'contained database authentication';

export default defineCheck({
  meta: {
    id: 'TET-PASS-030',
    title: 'Cloud SQL for SQL Server allows contained database users with passwords',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The SQL Server instance sets the `contained database authentication` flag to `on`. Contained databases can hold their own `USER WITH PASSWORD` accounts that authenticate at the database instead of the server, outside the instance\'s login policy (password policy, lockout, auditing of logins), and a database owner can create such users at will.',
    remediation: 'Remove the flag or set it to `off` in `settings.database_flags`, and manage logins at the instance level, preferably with Cloud SQL IAM or Active Directory authentication.',
    references: [
      'https://cloud.google.com/sql/docs/sqlserver/flags',
      'https://learn.microsoft.com/en-us/sql/relational-databases/databases/security-best-practices-with-contained-databases',
    ],
    compliance: { 'cis-gcp': ['6.3.7'], 'nist-800-53': ['IA-2', 'IA-5'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_sql_database_instance'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('google_sql_database_instance')) {
      const version = asString(r.attributes.database_version);
      if (version !== undefined && !/^SQLSERVER/i.test(version)) continue;
      for (const m of expandAttribute(r.attributes, 'settings[*].database_flags[*]')) {
        if (!isObject(m.value) || asString(m.value.name)?.toLowerCase() !== FLAG) continue;
        if (asString(m.value.value)?.toLowerCase() !== 'on') continue;
        out.push({ resource: r, attributePath: `${m.path}.value`, key: m.path, message: `Cloud SQL instance ${r.name} turns on contained database authentication`, evidence: `${FLAG} = on` });
      }
    }
    return out;
  },
});
