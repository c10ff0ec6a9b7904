import { defineCheck, type FindingDraft } from '../engine/types.js';
import { setting } from '../_lib/host-auth.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-059',
    title: 'login.defs forces periodic password changes (NIST SP 800-63B advises against)',
    pillar: 'passwords',
    severity: 'info',
    description:
      'This check follows NIST SP 800-63B, which says verifiers SHALL NOT require passwords to be changed periodically, only on evidence of compromise: forced expiry (`PASS_MAX_DAYS` below 99999 in /etc/login.defs) leads to predictable successors (Spring2025!, Summer2025!) and written-down passwords. CIS Linux benchmarks still ask for `PASS_MAX_DAYS 365` or less; where an audit follows CIS, suppress this check with that reason. Reported as information, not as a weakness.',
    remediation: 'Set `PASS_MAX_DAYS 99999` (no expiry) and force a change only when a password may be compromised; check new passwords against breached-password lists instead (pam_pwquality `dictcheck`).',
    references: ['https://pages.nist.gov/800-63-4/sp800-63b.html', 'https://man7.org/linux/man-pages/man5/login.defs.5.html'],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['host'],
    resourceTypes: ['LoginDefs'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('LoginDefs')) {
      const raw = setting(r, 'PASS_MAX_DAYS');
      const n = raw == null ? NaN : Number(raw);
      // -1 disables the check; 99999 is the shadow-utils spelling of "never"
      if (!Number.isInteger(n) || n < 0 || n >= 99999) continue;
      out.push({ resource: r, attributePath: 'settings.PASS_MAX_DAYS', message: `PASS_MAX_DAYS ${n}: new accounts must change their password every ${n} days`, evidence: `PASS_MAX_DAYS ${n}` });
    }
    return out;
  },
});
