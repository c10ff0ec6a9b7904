import type { Severity } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Hash algorithms of crypt(5) that no longer resist offline guessing, with why. */
const WEAK: Record<string, { label: string; why: string; severity: Severity }> = {
  des: { label: 'traditional DES crypt', why: 'only the first 8 characters count and a 12-bit salt; exhaustively searchable', severity: 'high' },
  'bsdi-des': { label: 'BSDi extended DES', why: 'DES-based, 24-bit salt, cheap to compute', severity: 'high' },
  nthash: { label: 'NTHASH', why: 'unsalted MD4', severity: 'high' },
  md5: { label: 'MD5-crypt', why: 'fixed 1000 MD5 rounds, deprecated by its author in 2012; GPUs test billions of guesses per second', severity: 'high' },
  sunmd5: { label: 'SunMD5', why: 'MD5-based', severity: 'medium' },
};

export default defineCheck({
  meta: {
    id: 'TET-PASS-060',
    title: 'Account password hashed with DES or MD5 in /etc/shadow',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An account in /etc/shadow has a password hash made with traditional DES crypt (13 characters, no `$id$` prefix), MD5-crypt (`$1$`) or another obsolete scheme (BSDi DES, NTHASH, SunMD5). Anyone who obtains the file (a backup, an image layer, a path traversal) recovers such passwords quickly. Only the account name and the algorithm are read: Tetrad never keeps, shows or stores the hash. Locked accounts (`!` before the hash) are not reported.',
    remediation: 'Set `ENCRYPT_METHOD YESCRYPT` (or SHA512) in /etc/login.defs and the matching option on pam_unix, then make the account choose a new password (`passwd -e USER`) or lock it (`usermod -L USER`).',
    references: ['https://man7.org/linux/man-pages/man5/crypt.5.html', 'https://man7.org/linux/man-pages/man5/shadow.5.html', 'https://pages.nist.gov/800-63-4/sp800-63b.html'],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['host'],
    resourceTypes: ['ShadowFile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('ShadowFile')) {
      const accounts = (Array.isArray(r.attributes.accounts) ? r.attributes.accounts : []) as { account: string; algorithm: string | null; algorithmId: string | null; status: string }[];
      accounts.forEach((a, i) => {
        const weak = a.algorithm ? WEAK[a.algorithm] : undefined;
        if (!weak || a.status !== 'password') return;
        const id = a.algorithmId === 'des' ? 'no $id$ prefix, 13 characters' : `$${a.algorithmId}$`;
        out.push({ resource: r, attributePath: `accounts[${i}]`, message: `account "${a.account}": password hashed with ${weak.label} (${id}): ${weak.why}`, evidence: `${a.account}: ${weak.label}`, severity: weak.severity, key: a.account });
      });
    }
    return out;
  },
});
