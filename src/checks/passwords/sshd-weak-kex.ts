import { defineCheck } from '../engine/types.js';
import { weakAlgorithmFindings } from '../_lib/sshd.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-052',
    title: 'SSH server enables weak key exchange algorithms',
    pillar: 'passwords',
    severity: 'high',
    description:
      'The `KexAlgorithms` directive enables key exchanges that RFC 9142 forbids or discourages: 1024-bit `diffie-hellman-group1-sha1` (within reach of Logjam-style precomputation), and the SHA-1 exchanges `diffie-hellman-group14-sha1` and `diffie-hellman-group-exchange-sha1`. Lists follow sshd syntax: a plain list replaces the default, `+` appends to it, `-` removes names (wildcards allowed) and `^` puts names first; only the algorithms a configuration names are judged (OpenSSH\'s own default list is accepted as shipped). The weak list and the reason for each entry are in `data/hosts/ssh-algorithms.yaml`; the severity is that of the weakest algorithm enabled.',
    remediation: 'Offer only modern exchanges, e.g. `KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group-exchange-sha256`.',
    references: ['https://man.openbsd.org/sshd_config#KexAlgorithms', 'https://www.openssh.com/releasenotes.html', 'https://www.rfc-editor.org/rfc/rfc9142'],
    compliance: { 'nist-800-53': ['SC-8', 'SC-13'] },
    sources: ['host'],
    resourceTypes: ['SshdConfig'],
  },
  run(ctx) {
    return weakAlgorithmFindings(ctx.ofType('SshdConfig'), 'kexalgorithms', 'key exchange algorithms');
  },
});
