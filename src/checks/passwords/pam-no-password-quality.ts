import { defineCheck, type FindingDraft } from '../engine/types.js';
import { stackGaps, stackText } from '../_lib/pam-stack-findings.js';

const QUALITY = /^pam_(pwquality|cracklib|passwdqc)$/;

export default defineCheck({
  meta: {
    id: 'TET-PASS-056',
    title: 'PAM password stack sets passwords without a quality check',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A PAM service file changes passwords through pam_unix (`password ... pam_unix.so`) with no pam_pwquality, pam_cracklib or pam_passwdqc before it, so nothing checks length, dictionary words or the commonly used passwords NIST SP 800-63B asks verifiers to refuse. Judged per service: each pam.d file that no other collected file includes, with `include`, `substack` and `@include` followed within its folder; the finding sits on the pam_unix line (often in common-password, system-auth or password-auth) and names the services whose stack lacks the check.',
    remediation: 'Add `password requisite pam_pwquality.so retry=3` before pam_unix in the password stack (authselect/pam-auth-update do this), and set `minlen = 15` and `dictcheck = 1` in /etc/security/pwquality.conf.',
    references: ['https://man7.org/linux/man-pages/man8/pam_pwquality.8.html', 'https://pages.nist.gov/800-63-4/sp800-63b.html'],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['host'],
    resourceTypes: ['PamConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { unix, services } of stackGaps(ctx, 'password', QUALITY)) {
      const r = unix.resource;
      out.push({ resource: r, attributePath: `entries[${unix.index}]`, message: `${String(r.attributes.service)}: passwords are set through ${unix.entry.module} with no pam_pwquality, pam_cracklib or pam_passwdqc ${stackText(r, services, 'password')}`, evidence: `password ${unix.entry.control} ${unix.entry.module}`, key: `entry${unix.index}` });
    }
    return out;
  },
});
