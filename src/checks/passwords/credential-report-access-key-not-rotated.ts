import { accessKeys, daysBeforeToday, KEY_MAX_AGE_DAYS, reportRows } from '../_lib/credential-report.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-036',
    title: 'Active IAM access key older than 90 days',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The IAM credential report shows an active access key whose `last_rotated` time (its creation, or its last rotation) is more than 90 days before today. A long-lived key has had time to be copied into laptops, CI settings and logs, and each copy stays valid until the key is rotated. Follows CIS AWS Foundations Benchmark 1.14 (rotate access keys every 90 days or less). "Today" is the UTC date, or TETRAD_TODAY=YYYY-MM-DD.',
    remediation: 'Create a second key, move every consumer to it, deactivate and then delete the old one; better, replace user keys with roles (IAM Identity Center for people, instance profiles / IRSA / OIDC federation for workloads and CI).',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
      'https://www.cisecurity.org/benchmark/amazon_web_services',
    ],
    compliance: { 'cis-aws': ['1.14'], 'nist-800-53': ['IA-5(1)'] },
    sources: ['aws-credential-report'],
    resourceTypes: ['aws-iam-credential-report-user'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of reportRows(ctx)) {
      for (const k of accessKeys(r)) {
        if (!k.active || k.lastRotated === undefined) continue;
        const age = daysBeforeToday(k.lastRotated);
        if (age <= KEY_MAX_AGE_DAYS) continue;
        out.push({ resource: r, attributePath: `${k.prefix}_last_rotated`, key: k.prefix, message: `access key ${k.slot} of ${r.name} was last rotated ${age} days ago (at most ${KEY_MAX_AGE_DAYS})`, evidence: `${k.prefix}_last_rotated = ${String(r.attributes[`${k.prefix}_last_rotated`])}` });
      }
    }
    return out;
  },
});
