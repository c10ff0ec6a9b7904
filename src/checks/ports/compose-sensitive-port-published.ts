import { isUnknown } from '../../model/index.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, allInterfaces, composePorts, composeServices, serviceLabel, type ComposePort } from '../_lib/compose.js';
import { sensitivePort, type SensitivePort } from '../_lib/sensitive-ports.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Catalogued services a published port maps to: the container port names the service, the host port what is open. */
export function sensitiveServicesOf(p: ComposePort): SensitivePort[] {
  const found = new Map<number, SensitivePort>();
  if (!isUnknown(p.target)) {
    // a range is read port by port, up to a sane width
    for (let port = p.target.start; port <= Math.min(p.target.end, p.target.start + 1024); port++) {
      const e = sensitivePort(port, p.protocol);
      if (e) found.set(e.port, e);
    }
  }
  const host = p.published !== null ? Number(/^\d+/.exec(p.published)?.[0]) : NaN;
  if (found.size === 0 && Number.isInteger(host)) {
    const e = sensitivePort(host, p.protocol);
    if (e) found.set(e.port, e);
  }
  return [...found.values()];
}

export const DOCKER_BYPASSES_FIREWALL =
  'Docker publishes ports through its own iptables rules (the DOCKER chain), ahead of host firewalls such as ufw or firewalld, so a host firewall does not close it';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-032',
    title: 'Docker Compose service publishes a sensitive port on all interfaces',
    pillar: 'ports',
    severity: 'high',
    description:
      'A Compose service publishes the port of SSH, a database, the Docker API, a cache or another catalogued service without a host address (`"5432:5432"`) or on 0.0.0.0 / ::, so it listens on every interface of the host, including public ones. Docker inserts its own iptables rules for published ports ahead of host firewalls such as ufw, so a firewall rule on the host does not close it. Severity follows the service (data/sensitive-ports.yaml).',
    remediation: 'Do not publish the port at all when only other services need it (they reach it over the Compose network by service name), or bind it to the loopback address (`"127.0.0.1:5432:5432"`) and reach it through SSH or a VPN.',
    references: [
      'https://docs.docker.com/reference/compose-file/services/#ports',
      'https://docs.docker.com/engine/network/packet-filtering-firewalls/#docker-and-ufw',
      'https://docs.docker.com/engine/network/#published-ports',
    ],
    compliance: { 'cis-docker': ['5.14'], 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      for (const p of composePorts(r)) {
        const services = sensitiveServicesOf(p);
        if (services.length === 0) continue;
        const worst = services.reduce((a, b) => (rank(b.severity) > rank(a.severity) ? b : a));
        const names = services.map((s) => `${s.service} (${s.port}/${p.protocol})`).join(', ');
        if (isUnknown(p.hostIp)) {
          out.push({ resource: r, key: p.path, attributePath: p.path, verdict: 'unknown', severity: worst.severity, message: `${serviceLabel(r)} publishes ${names} on an unresolved host address (${p.hostIp.toString()})` });
          continue;
        }
        if (!allInterfaces(p.hostIp)) continue;
        const where = p.hostIp === null ? 'all interfaces (no host address)' : `all interfaces (${p.hostIp})`;
        out.push({
          resource: r,
          key: p.path,
          attributePath: p.path,
          severity: worst.severity,
          message: `${serviceLabel(r)} publishes ${names} on ${where}${p.published !== null ? ` as host port ${p.published}` : ''}: ${worst.why} ${DOCKER_BYPASSES_FIREWALL}.`,
          evidence: `ports: ${p.raw}`,
        });
      }
    }
    return out;
  },
});

function rank(s: string): number {
  return ['info', 'low', 'medium', 'high', 'critical'].indexOf(s);
}
