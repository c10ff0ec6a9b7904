import { defineCheck } from '../engine/types.js';
import { weakAlgorithmFindings } from '../_lib/sshd.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-050',
    title: 'SSH server enables weak ciphers',
    pillar: 'passwords',
    severity: 'high',
    description:
      'The `Ciphers` directive enables ciphers that no longer protect the session: 64-bit block ciphers (3DES, Blowfish, CAST128: Sweet32), RC4 (`arcfour*`), `none`, or CBC modes, which leak plaintext and are exposed to the Terrapin prefix-truncation attack. Lists follow sshd syntax: a plain list replaces the default, `+` appends to it, `-` removes names (wildcards allowed) and `^` puts names first; only the algorithms a configuration names are judged (OpenSSH\'s own default list is accepted as shipped). The weak list and the reason for each entry are in `data/hosts/ssh-algorithms.yaml`; the severity is that of the weakest algorithm enabled.',
    remediation: 'Remove the weak names, e.g. `Ciphers -*-cbc,3des-*,arcfour*` or an explicit list such as `Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr`.',
    references: ['https://man.openbsd.org/sshd_config#Ciphers', 'https://www.openssh.com/releasenotes.html', 'https://terrapin-attack.com/'],
    compliance: { 'nist-800-53': ['SC-8', 'SC-13'] },
    sources: ['host'],
    resourceTypes: ['SshdConfig'],
  },
  run(ctx) {
    return weakAlgorithmFindings(ctx.ofType('SshdConfig'), 'ciphers', 'ciphers');
  },
});
