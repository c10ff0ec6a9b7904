import { defineCheck, type FindingDraft } from '../engine/types.js';
import { NACL_TYPES, carriesPort, describeRule, internetIngress, siblingRules, type Exposure } from '../_lib/exposure.js';

/** CIS AWS "remote server administration ports" (22, 3389), and FTP control/data (20, 21). */
const ADMIN_PORTS = [20, 21, 22, 3389];

export default defineCheck({
  meta: {
    id: 'TET-PORTS-005',
    affinity: 'firewall-rules',
    title: 'Network ACL admits the internet on SSH, RDP or FTP',
    pillar: 'ports',
    severity: 'high',
    description:
      'A network ACL entry allows inbound traffic from 0.0.0.0/0 or ::/0 to port 22 (SSH), 3389 (RDP), 20 or 21 (FTP) (directly, through a port range, or with all protocols), with no lower-numbered deny entry in the same ACL. The subnet-level filter then leaves remote administration and clear-text file transfer ports to security groups alone.',
    remediation: 'Add deny entries for 20, 21, 22 and 3389 from 0.0.0.0/0 and ::/0 ahead of broad allow entries, or narrow the allow entries to the ports and ranges the subnet serves.',
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21'],
    compliance: { 'cis-aws': ['5.1'], 'nist-800-53': ['SC-7', 'AC-17'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: NACL_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const resource of ctx.ofType(...NACL_TYPES)) {
      const siblings = siblingRules(ctx, resource);
      // one port at a time, so a deny entry for 22 does not hide an allow for 3389
      const byRule = new Map<string, Exposure>();
      for (const port of ADMIN_PORTS) {
        for (const e of internetIngress(resource, carriesPort(port, ['tcp']), siblings)) {
          const seen = byRule.get(e.key);
          if (!seen || (seen.verdict === 'unknown' && e.verdict === 'fail')) byRule.set(e.key, e);
        }
      }
      for (const e of byRule.values()) {
        const draft: FindingDraft = {
          resource,
          key: e.key,
          verdict: e.verdict,
          message: `network ACL ${resource.name} ${e.verdict === 'fail' ? 'allows' : 'may allow'} SSH/RDP/FTP from the internet: ${describeRule(e.rule)}`,
          evidence: describeRule(e.rule),
        };
        if (e.attributePath !== undefined) draft.attributePath = e.attributePath;
        out.push(draft);
      }
    }
    return out;
  },
});
