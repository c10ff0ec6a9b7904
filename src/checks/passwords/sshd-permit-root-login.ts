import { defineCheck, type FindingDraft } from '../engine/types.js';
import { scopeKey, scopeText, sshdAll } from '../_lib/sshd.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-047',
    title: 'SSH server lets root log in with a password',
    pillar: 'passwords',
    severity: 'high',
    description:
      '`PermitRootLogin yes` lets root authenticate with any method, passwords included, so the one account every attacker knows the name of can be guessed directly and a successful login needs no privilege escalation. The OpenSSH default (since 7.0) is `prohibit-password`: keys only. Kept in the passwords pillar because the weakness is authentication by password; a value inside a `Match` block is reported with its criteria.',
    remediation: 'Set `PermitRootLogin no` (log in as a named user and use sudo) or at least `prohibit-password`; remove any Match block that sets it back to yes.',
    references: ['https://man.openbsd.org/sshd_config#PermitRootLogin', 'https://www.cisecurity.org/benchmark/distribution_independent_linux'],
    compliance: { 'nist-800-53': ['AC-6(2)', 'IA-2'] },
    sources: ['host'],
    resourceTypes: ['SshdConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('SshdConfig')) {
      for (const s of sshdAll(r, 'permitrootlogin')) {
        if (s.value.trim().toLowerCase() !== 'yes') continue;
        out.push({ resource: r, attributePath: s.path, message: `${s.keyword} ${s.value}${scopeText(s)}: root can log in with a password`, evidence: `${s.keyword} ${s.value}`, key: scopeKey(s) });
      }
    }
    return out;
  },
});
