import { defineCheck, type FindingDraft } from '../engine/types.js';
import { scopeKey, scopeText, sshdAll } from '../_lib/sshd.js';

/** CIS Linux benchmarks: MaxAuthTries 4 or less. */
const LIMIT = 4;

export default defineCheck({
  meta: {
    id: 'TET-PASS-049',
    title: 'SSH server allows more than 4 authentication attempts per connection',
    pillar: 'passwords',
    severity: 'low',
    description:
      'MaxAuthTries bounds the authentication attempts on one connection; above 4 (the OpenSSH default is 6, which applies when the directive is absent) each connection of a guessing attack tries more passwords before sshd drops it and logs the failure. The limit of 4 follows the CIS Linux benchmarks.',
    remediation: 'Set `MaxAuthTries 4` (or lower) in the global section, and do not raise it in Match blocks; pair it with a lockout (pam_faillock) or fail2ban.',
    references: ['https://man.openbsd.org/sshd_config#MaxAuthTries', 'https://www.cisecurity.org/benchmark/distribution_independent_linux'],
    compliance: { 'nist-800-53': ['AC-7'] },
    sources: ['host'],
    resourceTypes: ['SshdConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('SshdConfig')) {
      for (const s of sshdAll(r, 'maxauthtries')) {
        const n = Number(s.value.trim());
        if (!Number.isInteger(n) || n <= LIMIT) continue;
        const message = s.defaulted ? `MaxAuthTries is not set: OpenSSH allows ${n} attempts per connection (CIS: at most ${LIMIT})` : `${s.keyword} ${s.value}${scopeText(s)}: more than ${LIMIT} attempts per connection`;
        out.push({ resource: r, attributePath: s.path, message, evidence: s.defaulted ? `MaxAuthTries (default ${n})` : `${s.keyword} ${s.value}`, key: scopeKey(s) });
      }
    }
    return out;
  },
});
