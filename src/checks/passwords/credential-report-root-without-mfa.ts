import { isRoot, isTrue, reportRows } from '../_lib/credential-report.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-033',
    title: 'AWS root user has no MFA',
    pillar: 'passwords',
    severity: 'critical',
    description:
      'The IAM credential report shows `mfa_active = false` for `<root_account>`, or `aws iam get-account-summary` shows `AccountMFAEnabled: 0`. The root user can do anything in the account, including closing it and changing its contact details, and no policy can restrict it; with only a password, a phished or reused password is the whole account. Follows CIS AWS Foundations Benchmark 1.5 (MFA for the root user) and NIST SP 800-63B (AAL2 needs two factors).',
    remediation:
      'Sign in as root and register an MFA device (a FIDO2 security key, or a virtual or hardware TOTP device; CIS 1.6 asks for hardware MFA on root), then stop using root for daily work. In AWS Organizations, centralised root access management can remove member-account root credentials entirely.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html',
      'https://www.cisecurity.org/benchmark/amazon_web_services',
    ],
    compliance: { 'cis-aws': ['1.5'], 'nist-800-53': ['IA-2(1)'] },
    sources: ['aws-credential-report', 'aws-account-snapshot'],
    resourceTypes: ['aws-iam-credential-report-user', 'aws-iam-account-summary'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of reportRows(ctx)) {
      if (!isRoot(r) || isTrue(r, 'mfa_active')) continue;
      out.push({ resource: r, attributePath: 'mfa_active', message: 'the root user of the account has no MFA device', evidence: `mfa_active = ${String(r.attributes.mfa_active)}` });
    }
    // `aws iam get-account-summary`: AccountMFAEnabled is 1 when the root user has MFA
    for (const r of ctx.ofType('aws-iam-account-summary')) {
      if (r.attributes.AccountMFAEnabled !== 0) continue;
      out.push({ resource: r, attributePath: 'AccountMFAEnabled', message: 'the root user of the account has no MFA device', evidence: 'AccountMFAEnabled = 0' });
    }
    return out;
  },
});
