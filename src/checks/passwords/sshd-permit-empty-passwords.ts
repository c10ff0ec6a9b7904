import { defineCheck, type FindingDraft } from '../engine/types.js';
import { isYes, scopeKey, scopeText, sshdAll } from '../_lib/sshd.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-048',
    title: 'SSH server accepts accounts with empty passwords',
    pillar: 'passwords',
    severity: 'critical',
    description:
      '`PermitEmptyPasswords yes` lets an account whose password is empty log in over SSH with no secret at all (the default is no). Together with an empty field in /etc/shadow this is an open door; a value inside a `Match` block is reported with its criteria.',
    remediation: 'Set `PermitEmptyPasswords no` (the default) and give every account a password or lock it (`passwd -l`).',
    references: ['https://man.openbsd.org/sshd_config#PermitEmptyPasswords'],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['host'],
    resourceTypes: ['SshdConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('SshdConfig')) {
      for (const s of sshdAll(r, 'permitemptypasswords')) {
        if (!isYes(s.value)) continue;
        out.push({ resource: r, attributePath: s.path, message: `${s.keyword} ${s.value}${scopeText(s)}: accounts with an empty password can log in`, evidence: `${s.keyword} ${s.value}`, key: scopeKey(s) });
      }
    }
    return out;
  },
});
