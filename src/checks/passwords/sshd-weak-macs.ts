import { defineCheck } from '../engine/types.js';
import { weakAlgorithmFindings } from '../_lib/sshd.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-051',
    title: 'SSH server enables weak MACs',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The `MACs` directive enables message authentication codes that are broken or below current guidance: MD5 and RIPEMD-160 HMACs, 96-bit truncated tags and 64-bit UMAC tags, SHA-1 HMACs, and encrypt-and-MAC variants where an -etm@openssh.com (encrypt-then-MAC) one exists. Lists follow sshd syntax: a plain list replaces the default, `+` appends to it, `-` removes names (wildcards allowed) and `^` puts names first; only the algorithms a configuration names are judged (OpenSSH\'s own default list is accepted as shipped). The weak list and the reason for each entry are in `data/hosts/ssh-algorithms.yaml`; the severity is that of the weakest algorithm enabled.',
    remediation: 'Use encrypt-then-MAC SHA-2 MACs, e.g. `MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com`.',
    references: ['https://man.openbsd.org/sshd_config#MACs', 'https://www.openssh.com/releasenotes.html', 'https://csrc.nist.gov/pubs/sp/800/107/r1/final'],
    compliance: { 'nist-800-53': ['SC-8', 'SC-13'] },
    sources: ['host'],
    resourceTypes: ['SshdConfig'],
  },
  run(ctx) {
    return weakAlgorithmFindings(ctx.ofType('SshdConfig'), 'macs', 'MACs');
  },
});
