import { defineCheck, type FindingDraft } from '../engine/types.js';
import { isYes, passwordAloneSuffices, scopeKey, scopeText, sshdAll, sshdGlobal } from '../_lib/sshd.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-046',
    title: 'SSH server accepts password logins',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'sshd accepts passwords (`PasswordAuthentication yes`, which is also the OpenSSH default when the directive is absent) or keyboard-interactive logins that PAM answers with a password (`KbdInteractiveAuthentication`, formerly `ChallengeResponseAuthentication`, defaulting to yes, with `UsePAM yes`). A server that takes passwords can be brute-forced and sprayed with leaked credentials from anywhere that reaches port 22. A value inside a `Match` block applies to the connections the block matches and is reported with its criteria. Not reported when `AuthenticationMethods` (global or of the Match block) requires another method with the password, e.g. `publickey,password`.',
    remediation:
      'Use public keys or certificates: set `PasswordAuthentication no` and `KbdInteractiveAuthentication no` in the global section (and in no Match block set them back to yes), or require a second factor with `AuthenticationMethods publickey,keyboard-interactive`.',
    references: ['https://man.openbsd.org/sshd_config', 'https://www.cisecurity.org/benchmark/distribution_independent_linux'],
    compliance: { 'nist-800-53': ['IA-2', 'IA-5'] },
    sources: ['host'],
    resourceTypes: ['SshdConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('SshdConfig')) {
      for (const s of sshdAll(r, 'passwordauthentication')) {
        if (!isYes(s.value) || !passwordAloneSuffices(r, s)) continue;
        const message = s.defaulted
          ? 'PasswordAuthentication is not set, and OpenSSH defaults to yes: the server accepts password logins'
          : `${s.keyword} ${s.value}${scopeText(s)}: the server accepts password logins`;
        out.push({ resource: r, attributePath: s.path, message, evidence: s.defaulted ? 'PasswordAuthentication (default yes)' : `${s.keyword} ${s.value}`, key: scopeKey(s, 'password:') });
      }
      // keyboard-interactive carries passwords only through PAM (UsePAM is global-only; default no)
      const pam = sshdGlobal(r, 'usepam');
      if (!pam || !isYes(pam.value)) continue;
      for (const s of sshdAll(r, 'kbdinteractiveauthentication')) {
        if (!isYes(s.value) || !passwordAloneSuffices(r, s)) continue;
        const message = s.defaulted
          ? 'KbdInteractiveAuthentication is not set (OpenSSH defaults to yes) and UsePAM is yes: PAM can ask for the password over keyboard-interactive'
          : `${s.keyword} ${s.value}${scopeText(s)} with UsePAM yes: PAM can ask for the password over keyboard-interactive`;
        out.push({ resource: r, attributePath: s.path, message, evidence: s.defaulted ? 'KbdInteractiveAuthentication (default yes), UsePAM yes' : `${s.keyword} ${s.value}`, key: scopeKey(s, 'kbd:') });
      }
    }
    return out;
  },
});
