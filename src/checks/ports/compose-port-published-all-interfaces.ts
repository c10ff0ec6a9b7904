import { isUnknown } from '../../model/index.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, allInterfaces, composePorts, composeServices, serviceLabel } from '../_lib/compose.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { DOCKER_BYPASSES_FIREWALL, sensitiveServicesOf } from './compose-sensitive-port-published.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-033',
    title: 'Docker Compose service publishes a port on all interfaces',
    pillar: 'ports',
    severity: 'low',
    description:
      'A Compose service publishes a port without a host address (`"8080:80"`, `- 3000`) or on 0.0.0.0 / ::, so it listens on every interface of the host. Docker inserts its own iptables rules for published ports ahead of host firewalls such as ufw, so the port is reachable from every network the host is on even when the host firewall denies it. Catalogued sensitive ports are reported by TET-PORTS-032 instead.',
    remediation: 'Bind the port to the interface that should receive the traffic (`"127.0.0.1:8080:80"` behind a local reverse proxy, or a private address), or do not publish it when only other services use it.',
    references: ['https://docs.docker.com/reference/compose-file/services/#ports', 'https://docs.docker.com/engine/network/packet-filtering-firewalls/#docker-and-ufw'],
    compliance: { 'cis-docker': ['5.14'], 'nist-800-53': ['SC-7'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      for (const p of composePorts(r)) {
        if (sensitiveServicesOf(p).length > 0) continue;
        if (isUnknown(p.hostIp)) continue; // unknown address of an ordinary port: too weak to report
        if (!allInterfaces(p.hostIp)) continue;
        const port = isUnknown(p.target) ? 'a port' : p.target.start === p.target.end ? `port ${p.target.start}/${p.protocol}` : `ports ${p.target.start}-${p.target.end}/${p.protocol}`;
        out.push({
          resource: r,
          key: p.path,
          attributePath: p.path,
          message: `${serviceLabel(r)} publishes ${port} on all interfaces${p.published !== null ? ` as host port ${p.published}` : ' on an ephemeral host port'}. ${DOCKER_BYPASSES_FIREWALL}.`,
          evidence: `ports: ${p.raw}`,
        });
      }
    }
    return out;
  },
});
