import { defineCheck, type FindingDraft } from '../engine/types.js';
import { pamEntries } from '../_lib/host-auth.js';

const QUALITY = /^pam_(pwquality|cracklib|passwdqc)$/;

export default defineCheck({
  meta: {
    id: 'TET-PASS-056',
    title: 'PAM password stack sets passwords without a quality check',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A PAM service file changes passwords through pam_unix (`password ... pam_unix.so`) with no pam_pwquality, pam_cracklib or pam_passwdqc before it, so nothing checks length, dictionary words or the commonly used passwords NIST SP 800-63B asks verifiers to refuse. Judged per file that holds the pam_unix password line (common-password, system-auth, password-auth); files that only include those are covered through them.',
    remediation: 'Add `password requisite pam_pwquality.so retry=3` before pam_unix in the password stack (authselect/pam-auth-update do this), and set `minlen = 15` and `dictcheck = 1` in /etc/security/pwquality.conf.',
    references: ['https://man7.org/linux/man-pages/man8/pam_pwquality.8.html', 'https://pages.nist.gov/800-63-4/sp800-63b.html'],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['host'],
    resourceTypes: ['PamConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('PamConfig')) {
      const pw = pamEntries(r).filter(({ entry }) => entry.type === 'password');
      const unix = pw.find(({ entry }) => entry.module === 'pam_unix' || entry.module === 'pam_unix2');
      if (!unix || pw.some(({ entry }) => QUALITY.test(entry.module))) continue;
      out.push({ resource: r, attributePath: `entries[${unix.index}]`, message: `${String(r.attributes.service)}: passwords are set through ${unix.entry.module} with no pam_pwquality, pam_cracklib or pam_passwdqc in the password stack`, evidence: `password ${unix.entry.control} ${unix.entry.module}` });
    }
    return out;
  },
});
