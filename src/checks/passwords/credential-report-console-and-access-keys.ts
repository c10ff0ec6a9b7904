import { accessKeys, isRoot, isTrue, reportRows } from '../_lib/credential-report.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-038',
    title: 'IAM user has both a console password and an active access key',
    pillar: 'passwords',
    severity: 'low',
    description:
      'The IAM credential report shows a user with `password_enabled = true` and an active access key. One identity used both by a person (console) and by a program (key) mixes two life cycles: the key outlives the person\'s role changes, and whoever obtains either credential acts as both. Follows CIS AWS Foundations Benchmark 1.11 (no access keys created with a console user) and the separation of human and workload identities in AWS\'s IAM best practices. The root user is left to TET-PASS-034.',
    remediation: 'Split the identity: people sign in through IAM Identity Center (or a console-only IAM user with MFA); programs use a role, or a separate key-only user while a role is not possible.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
      'https://www.cisecurity.org/benchmark/amazon_web_services',
    ],
    compliance: { 'cis-aws': ['1.11'], 'nist-800-53': ['AC-5', 'IA-2'] },
    sources: ['aws-credential-report'],
    resourceTypes: ['aws-iam-credential-report-user'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of reportRows(ctx)) {
      if (isRoot(r) || !isTrue(r, 'password_enabled')) continue;
      const active = accessKeys(r).filter((k) => k.active).map((k) => k.slot);
      if (active.length === 0) continue;
      out.push({ resource: r, attributePath: 'password_enabled', message: `IAM user ${r.name} has a console password and ${active.length === 1 ? `an active access key (key ${active[0]})` : 'two active access keys'}`, evidence: `password_enabled = true, active keys: ${active.join(', ')}` });
    }
    return out;
  },
});
