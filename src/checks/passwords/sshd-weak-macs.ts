import { defineCheck, type FindingDraft } from '../engine/types.js';
import { sshdGlobal, weakAlgorithms, worst } from '../_lib/sshd.js';

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
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('SshdConfig')) {
      const s = sshdGlobal(r, 'macs');
      if (!s || s.defaulted) continue;
      const weak = weakAlgorithms('macs', s.value);
      if (weak.length === 0) continue;
      out.push({
        resource: r,
        attributePath: s.path,
        message: `${s.keyword} enables weak MACs: ${weak.map((w) => `${w.name} (${w.reason})`).join('; ')}`,
        evidence: `${s.keyword} ${s.value}`,
        severity: worst(weak.map((w) => w.severity)),
      });
    }
    return out;
  },
});
