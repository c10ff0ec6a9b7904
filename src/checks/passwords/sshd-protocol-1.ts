import { defineCheck, type FindingDraft } from '../engine/types.js';
import { sshdGlobal } from '../_lib/sshd.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-053',
    title: 'SSH server configured for protocol version 1',
    pillar: 'passwords',
    severity: 'high',
    description:
      '`Protocol 1` (or `1,2`, `2,1`) asks for SSH-1, whose CRC-32 integrity check and session-key handling are broken (passwords can be recovered from captured sessions). OpenSSH removed SSH-1 from the server in 7.4 and ignores `Protocol` since 7.6, so the line is either dead or a sign of an old, unpatched sshd that still speaks it.',
    remediation: 'Delete the `Protocol` line (or set `Protocol 2` on a legacy sshd) and upgrade OpenSSH.',
    references: ['https://www.openssh.com/txt/release-7.4', 'https://www.kb.cert.org/vuls/id/13877'],
    compliance: { 'nist-800-53': ['SC-8', 'SC-13'] },
    sources: ['host'],
    resourceTypes: ['SshdConfig'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('SshdConfig')) {
      const s = sshdGlobal(r, 'protocol');
      if (!s || s.defaulted) continue;
      if (!s.value.split(',').map((v) => v.trim()).includes('1')) continue;
      out.push({ resource: r, attributePath: s.path, message: `${s.keyword} ${s.value}: SSH protocol 1 is requested`, evidence: `${s.keyword} ${s.value}` });
    }
    return out;
  },
});
