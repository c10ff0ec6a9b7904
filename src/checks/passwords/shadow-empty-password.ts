import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-061',
    title: 'Account without a password in /etc/shadow',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An account in /etc/shadow has an empty password field: wherever PAM accepts it (`nullok` on pam_unix, the default on several distributions for local logins) or sshd allows it (`PermitEmptyPasswords yes`), the account logs in with no secret at all. A locked account (`!`, `*`) is not empty and is not reported.',
    remediation: 'Lock the account (`passwd -l USER`, or `usermod -L`) or give it a password; remove `nullok` from pam_unix.',
    references: ['https://man7.org/linux/man-pages/man5/shadow.5.html', 'https://man7.org/linux/man-pages/man8/pam_unix.8.html'],
    compliance: { 'nist-800-53': ['IA-5(1)', 'IA-2'] },
    sources: ['host'],
    resourceTypes: ['ShadowFile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('ShadowFile')) {
      const accounts = (Array.isArray(r.attributes.accounts) ? r.attributes.accounts : []) as { account: string; status: string }[];
      accounts.forEach((a, i) => {
        if (a.status !== 'empty') return;
        out.push({ resource: r, attributePath: `accounts[${i}]`, message: `account "${a.account}" has an empty password field: it can log in without a password where PAM's nullok or sshd's PermitEmptyPasswords allow it`, evidence: `${a.account}: empty password field`, severity: a.account === 'root' ? 'critical' : undefined, key: a.account });
      });
    }
    return out;
  },
});
