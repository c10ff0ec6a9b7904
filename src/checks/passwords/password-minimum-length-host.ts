import type { Resource, Severity } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { pamArg, pamEntries, setting } from '../_lib/host-auth.js';

/** NIST SP 800-63B: at least 8 characters; revision 4: at least 15 when the password is the only factor. */
const NIST_MIN = 8;
const NIST_SINGLE_FACTOR = 15;
/** libpwquality's built-in minlen when pwquality.conf does not set one. */
const PWQUALITY_DEFAULT = 8;

function judge(n: number): { severity: Severity; why: string } | undefined {
  if (n < NIST_MIN) return { severity: 'medium', why: `below NIST SP 800-63B's minimum of ${NIST_MIN}` };
  if (n < NIST_SINGLE_FACTOR) return { severity: 'low', why: `below the ${NIST_SINGLE_FACTOR} NIST SP 800-63B rev. 4 asks for when the password is the only factor` };
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-055',
    title: 'Host password policy allows short passwords',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The minimum password length on the host is below current NIST SP 800-63B guidance: under 8 characters (medium) or under 15, which revision 4 requires when the password is the only authentication factor, as for a console or SSH password login (low). Read from `minlen` in /etc/security/pwquality.conf (libpwquality defaults to 8 when it is absent), `minlen=` on pam_pwquality/pam_cracklib lines, and `PASS_MIN_LEN` in /etc/login.defs (used only by tools that do not go through PAM). Length is what NIST keeps; composition rules and credits are not counted here.',
    remediation: 'Set `minlen = 15` (or more) in /etc/security/pwquality.conf and remove lower `minlen=` arguments from the PAM stack; offer MFA where passwords stay in use.',
    references: ['https://pages.nist.gov/800-63-4/sp800-63b.html', 'https://man7.org/linux/man-pages/man5/pwquality.conf.5.html', 'https://man7.org/linux/man-pages/man5/login.defs.5.html'],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['host'],
    resourceTypes: ['PwqualityConf', 'PamConfig', 'LoginDefs'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const push = (r: Resource, n: number, path: string | undefined, what: string, key: string) => {
      const j = judge(n);
      if (j) out.push({ resource: r, attributePath: path, message: `${what}: minimum password length ${n}, ${j.why}`, evidence: what, severity: j.severity, key });
    };
    for (const r of ctx.ofType('PwqualityConf')) {
      const raw = setting(r, 'minlen');
      const n = raw == null ? PWQUALITY_DEFAULT : Number(raw);
      if (Number.isInteger(n)) push(r, n, raw == null ? undefined : 'settings.minlen', raw == null ? `minlen not set (libpwquality default ${PWQUALITY_DEFAULT})` : `minlen = ${raw}`, 'minlen');
    }
    for (const r of ctx.ofType('PamConfig')) {
      for (const { entry, index } of pamEntries(r)) {
        if (entry.type !== 'password' || !/^pam_(pwquality|cracklib)$/.test(entry.module)) continue;
        const raw = pamArg(entry, 'minlen');
        if (raw === undefined || !/^\d+$/.test(raw)) continue;
        push(r, Number(raw), `entries[${index}]`, `${entry.module} minlen=${raw}`, `entry${index}`);
      }
    }
    for (const r of ctx.ofType('LoginDefs')) {
      const raw = setting(r, 'PASS_MIN_LEN');
      if (raw == null || !/^\d+$/.test(raw.trim())) continue;
      push(r, Number(raw), 'settings.PASS_MIN_LEN', `PASS_MIN_LEN ${raw}`, 'PASS_MIN_LEN');
    }
    return out;
  },
});
