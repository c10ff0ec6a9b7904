import { isUnknown, severityRank, type NetworkRule } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { FIREWALL_TYPES, admitsInternet, carriesPort, coversEveryPort, describeRule, exposurePath, shadowedByDeny, siblingRules } from '../_lib/exposure.js';
import { sensitivePorts, transports } from '../_lib/sensitive-ports.js';

/** SSH and RDP have checks of their own (TET-PORTS-001/002); a rule opening every port is TET-PORTS-004. */
const OWN_CHECKS = new Set([22, 3389]);

/** Rules with known protocol and ports that do not open everything (TET-PORTS-004 reports those). */
function eligible(rule: NetworkRule): boolean {
  return !isUnknown(rule.ports) && !isUnknown(rule.protocol) && coversEveryPort(rule) === 'no';
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-003',
    affinity: 'firewall-rules',
    title: 'Sensitive service port open to the internet',
    pillar: 'ports',
    severity: 'high',
    description:
      'A firewall rule admits 0.0.0.0/0 or ::/0 on a port of a database, cache, message broker, cluster control plane or legacy clear-text service from the sensitive ports catalogue (data/sensitive-ports.yaml): MySQL, PostgreSQL, MongoDB, Redis, Elasticsearch, the Docker API, etcd, the kubelet, SMB, Telnet and others. These services are found by internet-wide scanners within hours and are often unauthenticated by default. Severity follows the catalogue.',
    remediation:
      'Admit the port only from the networks or security groups that need it (application tier, VPN, peered VPC); keep data stores and control planes on private subnets without an internet route.',
    references: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      'https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview',
      'https://cloud.google.com/firewall/docs/firewalls',
      'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml',
    ],
    compliance: { 'cis-aws': ['5.2', '5.3'], 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: FIREWALL_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const catalogue = sensitivePorts()
      .filter((p) => !OWN_CHECKS.has(p.port))
      .map((p) => ({ p, carries: carriesPort(p.port, transports(p)) }));
    for (const resource of ctx.ofType(...FIREWALL_TYPES)) {
      const siblings = siblingRules(ctx, resource);
      const hasDeny = [...(resource.network ?? []), ...siblings].some((r) => r.action === 'deny');
      (resource.network ?? []).forEach((rule, i) => {
        if (rule.direction !== 'ingress' || rule.action !== 'allow' || !eligible(rule)) return;
        const internet = admitsInternet(rule);
        if (internet === 'no') return;
        // port by port, so deny rules ordered before this rule shadow exactly the ports they cover
        const entries = catalogue.filter(({ carries }) => carries(rule) === 'yes' && !(hasDeny && shadowedByDeny(resource, rule, carries, siblings))).map(({ p }) => p);
        if (!entries.length) return;
        const verdict = internet === 'yes' && rule.disabled === undefined ? 'fail' : 'unknown';
        const worst = entries.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
        const listed = entries.slice(0, 8).map((p) => `${p.service} (${p.port})`);
        const services = entries.length > 8 ? `${listed.join(', ')} and ${entries.length - 8} more` : listed.join(', ');
        const draft: FindingDraft = {
          resource,
          key: rule.attributePath ?? `rule-${i}`,
          severity: worst.severity,
          verdict,
          message: `${verdict === 'fail' ? 'open' : 'possibly open'} to the internet: ${services}. ${worst.why}`,
          evidence: describeRule(rule),
        };
        const path = exposurePath(rule);
        if (path !== undefined) draft.attributePath = path;
        out.push(draft);
      });
    }
    return out;
  },
});
