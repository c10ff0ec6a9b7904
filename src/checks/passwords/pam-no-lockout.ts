import { defineCheck, type FindingDraft } from '../engine/types.js';
import { setting } from '../_lib/host-auth.js';
import { stackGaps, stackText } from '../_lib/pam-stack-findings.js';

const LOCKOUT = /^pam_(faillock|tally2|tally)$/;

export default defineCheck({
  meta: {
    id: 'TET-PASS-057',
    title: 'No lockout after failed password attempts',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A PAM service\'s auth stack (its file with `include`, `substack` and `@include` followed within the pam.d folder) checks passwords with pam_unix but has no pam_faillock (or the older pam_tally2) to lock an account after repeated failures, or faillock.conf sets `deny = 0`, which turns the lockout off. Without a limit an attacker can guess online for as long as the service answers; NIST SP 800-63B requires verifiers to limit failed attempts (at most 100 in a row).',
    remediation: 'Add pam_faillock to the auth stack (`auth required pam_faillock.so preauth` before pam_unix and `auth [default=die] pam_faillock.so authfail` after it, plus `account required pam_faillock.so`; `authselect enable-feature with-faillock` on RHEL) and set `deny = 5` and `unlock_time = 900` in /etc/security/faillock.conf.',
    references: ['https://man7.org/linux/man-pages/man8/pam_faillock.8.html', 'https://pages.nist.gov/800-63-4/sp800-63b.html'],
    compliance: { 'nist-800-53': ['AC-7'] },
    sources: ['host'],
    resourceTypes: ['PamConfig', 'FaillockConf'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { unix, services } of stackGaps(ctx, 'auth', LOCKOUT)) {
      const r = unix.resource;
      out.push({ resource: r, attributePath: `entries[${unix.index}]`, message: `${String(r.attributes.service)}: passwords are checked by ${unix.entry.module} with no pam_faillock or pam_tally2 ${stackText(r, services, 'auth')}, so failed attempts never lock the account`, evidence: `auth ${unix.entry.control} ${unix.entry.module}`, key: `entry${unix.index}` });
    }
    for (const r of ctx.ofType('FaillockConf')) {
      const deny = setting(r, 'deny');
      if (deny != null && Number(deny) === 0) out.push({ resource: r, attributePath: 'settings.deny', message: 'faillock.conf sets deny = 0: accounts are never locked after failed attempts', evidence: 'deny = 0' });
    }
    return out;
  },
});
