import { defineCheck, type FindingDraft } from '../engine/types.js';
import { setting } from '../_lib/host-auth.js';

/** glibc's default number of SHA-crypt rounds; fewer makes each guess cheaper than the default. */
const SHA_DEFAULT_ROUNDS = 5000;

export default defineCheck({
  meta: {
    id: 'TET-PASS-054',
    title: 'login.defs hashes new passwords with DES or MD5, or with few rounds',
    pillar: 'passwords',
    severity: 'high',
    description:
      '`ENCRYPT_METHOD` in /etc/login.defs sets the hash that passwd, chpasswd and useradd write to /etc/shadow. DES (the fallback when neither ENCRYPT_METHOD nor MD5_CRYPT_ENAB is set) keeps only 8 characters and falls to brute force in hours; MD5-crypt is deprecated by its own author. `SHA_CRYPT_MIN_ROUNDS` below glibc\'s default of 5000 makes SHA-crypt cheaper to attack. NIST SP 800-63B asks for a salted, memory- or iteration-hard function with a cost "as high as practical": SHA-512, yescrypt or bcrypt.',
    remediation: 'Set `ENCRYPT_METHOD YESCRYPT` (or SHA512) and, for SHA-crypt, `SHA_CRYPT_MIN_ROUNDS 5000` or more; then have users with old hashes change their passwords.',
    references: ['https://man7.org/linux/man-pages/man5/login.defs.5.html', 'https://pages.nist.gov/800-63-4/sp800-63b.html', 'https://man7.org/linux/man-pages/man5/crypt.5.html'],
    compliance: { 'nist-800-53': ['IA-5(1)'] },
    sources: ['host'],
    resourceTypes: ['LoginDefs'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('LoginDefs')) {
      const method = setting(r, 'ENCRYPT_METHOD')?.toUpperCase();
      if (method === undefined) {
        const md5 = setting(r, 'MD5_CRYPT_ENAB')?.toLowerCase() === 'yes';
        out.push({
          resource: r,
          attributePath: md5 ? 'settings.MD5_CRYPT_ENAB' : undefined,
          message: md5 ? 'ENCRYPT_METHOD is not set and MD5_CRYPT_ENAB is yes: new passwords are hashed with MD5-crypt' : 'neither ENCRYPT_METHOD nor MD5_CRYPT_ENAB is set: new passwords are hashed with DES crypt',
          evidence: md5 ? 'MD5_CRYPT_ENAB yes' : 'ENCRYPT_METHOD not set',
          severity: md5 ? 'medium' : 'high',
          key: 'method',
        });
      } else if (method === 'DES' || method === 'MD5') {
        out.push({ resource: r, attributePath: 'settings.ENCRYPT_METHOD', message: `ENCRYPT_METHOD ${method}: new passwords are hashed with ${method === 'DES' ? 'DES crypt (8 significant characters)' : 'MD5-crypt'}`, evidence: `ENCRYPT_METHOD ${method}`, severity: method === 'DES' ? 'high' : 'medium', key: 'method' });
      }
      if (method === 'SHA256' || method === 'SHA512') {
        for (const name of ['SHA_CRYPT_MIN_ROUNDS', 'SHA_CRYPT_MAX_ROUNDS']) {
          const raw = setting(r, name);
          const n = raw == null ? NaN : Number(raw);
          if (Number.isInteger(n) && n < SHA_DEFAULT_ROUNDS) {
            out.push({ resource: r, attributePath: `settings.${name}`, message: `${name} ${n}: fewer SHA-crypt rounds than glibc's default of ${SHA_DEFAULT_ROUNDS}`, evidence: `${name} ${n}`, severity: 'medium', key: name });
            break;
          }
        }
      }
    }
    return out;
  },
});
