import { defineCheck, type FindingDraft } from '../engine/types.js';
import { INTENT_TYPE, intentsOf } from '../../config/intent.js';
import { allFlows, auditIntent } from '../../graph/reachability/matrix/index.js';
import { formatRange } from '../../graph/reachability/common/ports.js';
import { pathEvidence } from '../_lib/reachability.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-039',
    title: 'Allowed network flow outside the declared intent (zero trust)',
    pillar: 'ports',
    severity: 'medium',
    description:
      'The intended flows are declared under `intent:` in .tetrad.yaml (for example `internet -> web:443`, `web -> db:5432`); everything else is meant to be denied. Tetrad computes every flow the configuration actually allows, internet → workload and workload → workload (Kubernetes NetworkPolicies, Azure NSGs, GCP firewalls, AWS security groups, NACLs and routes), and reports each one that no intent covers, with the ports left over. Flows that depend on unresolved values are reported as unknown. Without an `intent:` list the check stays silent.',
    remediation:
      'Deny the flow (a NetworkPolicy, NSG or firewall rule narrower than the one that admits it), or, when it is needed, add it to `intent:` in .tetrad.yaml so the intent stays the reviewed description of the network.',
    references: ['https://www.nist.gov/publications/zero-trust-architecture', 'https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    compliance: { 'nist-800-53': ['AC-4', 'SC-7', 'SC-7(5)'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: [INTENT_TYPE, 'NetworkPolicy', 'Service', 'Ingress', 'azurerm_network_security_group', 'google_compute_firewall'],
  },
  run(ctx) {
    const intents = ctx.ofType(INTENT_TYPE).flatMap(intentsOf);
    if (intents.length === 0) return [];
    const flows = ctx.shared('reachability:all', () => allFlows(ctx.resources).flows);
    const groups = new Map<string, { draft: FindingDraft; parts: string[] }>();
    for (const v of auditIntent(flows, intents)) {
      const to = v.flow.workloadId ?? v.flow.endpointId;
      const resource = ctx.byId(to);
      if (!resource) continue;
      const verdict = v.flow.verdict === 'exposed' ? 'fail' : 'unknown';
      const key = `${v.flow.from}|${verdict}`;
      const part = `${v.flow.protocol} ${v.ports.map(formatRange).join(',')}`;
      const id = `${to}|${key}`;
      const hit = groups.get(id);
      if (hit) {
        if (!hit.parts.includes(part)) hit.parts.push(part);
        continue;
      }
      const source = v.flow.from === 'internet' ? 'the internet' : `${v.flow.from} (${v.flow.fromZone})`;
      groups.set(id, {
        parts: [part],
        draft: {
          resource,
          key,
          verdict,
          message: `${source} ${verdict === 'fail' ? 'can reach' : 'may reach'} ${to} (${v.flow.toZone}) on PORTS, which no intent declares${verdict === 'unknown' && v.flow.unknowns?.length ? `; depends on ${v.flow.unknowns.slice(0, 2).join('; ')}` : ''}`,
          evidence: pathEvidence(v.flow),
        },
      });
    }
    return [...groups.values()].map(({ draft, parts }) => ({ ...draft, message: draft.message.replace('PORTS', parts.join('; ')) }));
  },
});
