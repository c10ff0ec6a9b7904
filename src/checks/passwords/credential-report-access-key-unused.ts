import { accessKeys, daysBeforeToday, KEY_MAX_AGE_DAYS, reportRows } from '../_lib/credential-report.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-037',
    title: 'Active IAM access key unused for 90 days',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The IAM credential report shows an active access key that was last used more than 90 days before today, or never used (`last_used_date = N/A`) although it was created or rotated more than 90 days ago. A key nobody uses is a standing secret with no owner to notice its misuse. Follows CIS AWS Foundations Benchmark 1.12 (disable credentials unused for 45 days or more; this check uses the 90 days of the issue and of common audit practice, so it reports a subset). "Today" is the UTC date, or TETRAD_TODAY=YYYY-MM-DD.',
    remediation: 'Deactivate the key, wait for anything that breaks, then delete it; give whatever still needs access a role instead of a key.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
      'https://www.cisecurity.org/benchmark/amazon_web_services',
    ],
    compliance: { 'cis-aws': ['1.12'], 'nist-800-53': ['AC-2(3)'] },
    sources: ['aws-credential-report'],
    resourceTypes: ['aws-iam-credential-report-user'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of reportRows(ctx)) {
      for (const k of accessKeys(r)) {
        if (!k.active) continue;
        if (k.lastUsed !== undefined) {
          const idle = daysBeforeToday(k.lastUsed);
          if (idle <= KEY_MAX_AGE_DAYS) continue;
          out.push({ resource: r, attributePath: `${k.prefix}_last_used_date`, key: k.prefix, message: `access key ${k.slot} of ${r.name} was last used ${idle} days ago`, evidence: `${k.prefix}_last_used_date = ${String(r.attributes[`${k.prefix}_last_used_date`])}` });
        } else if (k.neverUsed && k.lastRotated !== undefined) {
          const age = daysBeforeToday(k.lastRotated);
          if (age <= KEY_MAX_AGE_DAYS) continue;
          out.push({ resource: r, attributePath: `${k.prefix}_last_used_date`, key: k.prefix, message: `access key ${k.slot} of ${r.name} has never been used in the ${age} days since it was created or rotated`, evidence: `${k.prefix}_last_used_date = N/A, ${k.prefix}_last_rotated = ${String(r.attributes[`${k.prefix}_last_rotated`])}` });
        }
      }
    }
    return out;
  },
});
