import { defineCheck, type FindingDraft } from '../engine/types.js';
import { pamArg, pamEntries } from '../_lib/host-auth.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-058',
    title: 'PAM accepts empty passwords (nullok)',
    pillar: 'passwords',
    severity: 'medium',
    description:
      '`nullok` (or `nullok_secure`) on a pam_unix line lets an account whose password field is empty authenticate with no password (auth) or keep an empty password (password). Any account left without a password, by mistake or by an image build, becomes a login without a secret; sshd refuses empty passwords only while `PermitEmptyPasswords` stays no.',
    remediation: 'Remove `nullok` from every pam_unix line (on Debian/Ubuntu in common-auth and common-password, on RHEL with `authselect select ... without-nullok`), and lock accounts that have no password.',
    references: ['https://man7.org/linux/man-pages/man8/pam_unix.8.html'],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['host'],
    resourceTypes: ['PamConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('PamConfig')) {
      for (const { entry, index } of pamEntries(r)) {
        if (entry.module !== 'pam_unix' && entry.module !== 'pam_unix2') continue;
        const arg = pamArg(entry, 'nullok') !== undefined ? 'nullok' : pamArg(entry, 'nullok_secure') !== undefined ? 'nullok_secure' : undefined;
        if (!arg) continue;
        out.push({ resource: r, attributePath: `entries[${index}]`, message: `${String(r.attributes.service)}: ${entry.type} ${entry.module} ${arg} accepts accounts with an empty password`, evidence: `${entry.type} ${entry.control} ${entry.module} ${arg}`, key: `entry${index}` });
      }
    }
    return out;
  },
});
