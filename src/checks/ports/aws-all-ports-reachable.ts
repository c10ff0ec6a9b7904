import { defineCheck, type FindingDraft } from '../engine/types.js';
import { pathEvidence } from '../_lib/reachability.js';
import { awsFlows, AWS_WORKLOAD_TYPES } from '../../graph/reachability/aws/index.js';
import type { Flow } from '../../graph/reachability/common/flow.js';

/** "Every port" allowing for a few carved out (a NACL deny of 22 does not make 65,000 open ports safe). */
const NEARLY_ALL = 60_000;

function count(flows: Flow[]): number {
  return flows.reduce((n, f) => n + f.ports.to - f.ports.from + 1, 0);
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-030',
    affinity: 'aws-reachability',
    title: 'AWS instance effectively reachable from the internet on every port',
    pillar: 'ports',
    severity: 'high',
    description:
      'An EC2 instance or network interface is reachable from any internet address on all, or nearly all (60,000 or more), TCP or UDP ports, following the real path: a public address, a route to an attached internet gateway, the subnet network ACL both ways and the security groups. Every service the host runs, including ones started later or by mistake (debug servers, databases, agents), is then on the internet. A rule that opens every port is reported by TET-PORTS-004 wherever it sits; this check reports only hosts the internet can actually reach through it.',
    remediation:
      'Open only the ports the service needs in the security group (and, as a second layer, in the subnet network ACL); put hosts that need no inbound internet traffic in a private subnet without a public address.',
    references: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html', 'https://docs.aws.amazon.com/vpc/latest/reachability/what-is-reachability-analyzer.html'],
    compliance: { 'cis-aws': ['5.2'], 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: AWS_WORKLOAD_TYPES,
  },
  run(ctx) {
    const flows = ctx.shared('reachability:aws', () => awsFlows(ctx.resources, {}, ctx));
    // direct exposures only: behind a load balancer the workload port is a single target-group port
    const byWorkload = new Map<string, Flow[]>();
    for (const f of flows) {
      if (f.from !== 'internet' || f.verdict === 'not-exposed' || f.workloadId) continue;
      const k = `${f.endpointId}|${f.protocol}`;
      const list = byWorkload.get(k);
      if (list) list.push(f);
      else byWorkload.set(k, [f]);
    }
    const out = new Map<string, FindingDraft>();
    for (const [k, list] of byWorkload) {
      const resource = ctx.byId(k.split('|')[0]!);
      if (!resource) continue;
      const protocol = k.split('|')[1]!;
      // ports open over IPv4 or IPv6 count once
      if (count(list) < NEARLY_ALL) continue;
      const merged = (verdicts: Array<Flow['verdict']>): number => {
        const ranges = list.filter((f) => verdicts.includes(f.verdict)).map((f) => ({ ...f.ports })).sort((a, b) => a.from - b.from);
        let n = 0;
        let end = -1;
        for (const r of ranges) {
          if (r.to <= end) continue;
          n += r.to - Math.max(r.from, end + 1) + 1;
          end = r.to;
        }
        return n;
      };
      const sure = merged(['exposed']);
      const maybe = sure >= NEARLY_ALL ? sure : merged(['exposed', 'unknown']);
      if (maybe < NEARLY_ALL) continue;
      const verdict = sure >= NEARLY_ALL ? 'fail' : 'unknown';
      const example = list.filter((f) => (verdict === 'fail' ? f.verdict === 'exposed' : true)).sort((a, b) => count([b]) - count([a]))[0]!;
      const prev = out.get(resource.id);
      // one finding per resource: tcp before udp, a sure verdict before an unknown one
      if (prev && (prev.verdict === 'fail' || verdict === 'unknown')) continue;
      const depends = verdict === 'unknown' && example.unknowns?.length ? ` Depends on: ${example.unknowns.slice(0, 3).join('; ')}.` : '';
      out.set(resource.id, {
        resource,
        key: verdict,
        verdict,
        message: `${resource.name} ${verdict === 'fail' ? 'is' : 'may be'} reachable from the internet on ${verdict === 'fail' ? sure : maybe} ${protocol} ports.${depends}`,
        evidence: pathEvidence(example),
      });
    }
    return [...out.values()];
  },
});
