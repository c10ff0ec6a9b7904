import { asNumber, getPath, type Severity, type Value } from '../../model/index.js';
import { sensitivePort, type SensitivePort } from '../_lib/sensitive-ports.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * nmap service names (from nmap's service probes) of catalogued services, so a service moved to
 * another port (SSH on 2222, Redis on 6380) is still recognised; the value is the catalogue port.
 */
const SERVICE_PORTS: Record<string, number> = {
  ftp: 21,
  ssh: 22,
  telnet: 23,
  'ms-wbt-server': 3389,
  'microsoft-ds': 445,
  'netbios-ssn': 139,
  mysql: 3306,
  postgresql: 5432,
  redis: 6379,
  mongodb: 27017,
  mongod: 27017,
  vnc: 5900,
  'vnc-http': 5800,
  docker: 2375,
  'ms-sql-s': 1433,
  'oracle-tns': 1521,
  memcached: 11211,
  rsync: 873,
  ldap: 389,
  snmp: 161,
  x11: 6000,
  'wsman': 5985,
  'wsmans': 5986,
  'ipmi-rmcp': 623,
  'zookeeper': 2181,
  'etcd-client': 2379,
  'etcd-server': 2380,
  'couchdb': 5984,
  'elasticsearch': 9200,
  'kibana': 5601,
  'amqp': 5672,
  'kafka': 9092,
  'cassandra': 9042,
  'modbus': 502,
  'iso-tsap': 102,
};

const LOWER: Record<Severity, Severity> = { critical: 'high', high: 'medium', medium: 'low', low: 'low', info: 'info' };

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-050',
    title: 'Scanned host answers on a sensitive port',
    pillar: 'ports',
    severity: 'high',
    description:
      'An nmap scan (imported from `nmap -oX` or run by `tetrad discover`) found a catalogued sensitive service open on a host: remote shells, databases, caches, file sharing, container and cluster APIs, industrial protocols. Unlike a configuration check this is observed exposure: the service answered from where the scan ran. The severity is the catalogue\'s for an internet-routable address and one step lower for a private, loopback or link-local one, which only hosts inside the network reach.',
    remediation:
      'Stop the service if it is not needed; otherwise bind it to the interfaces that need it and filter the port at the host firewall and the network edge so only named administration or application hosts reach it; require authentication and encryption on the service itself.',
    references: ['https://nmap.org/book/output-formats-xml-output.html', 'https://csrc.nist.gov/pubs/sp/800/41/r1/final'],
    compliance: { 'nist-800-53': ['CM-7', 'SC-7'] },
    sources: ['nmap'],
    resourceTypes: ['nmap-host'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const host of ctx.ofType('nmap-host')) {
      const isPublic = host.attributes.public === true;
      const address = String(host.attributes.address ?? host.name);
      list(host.attributes.ports).forEach((_p, i) => {
        const path = `ports[${i}]`;
        if (getPath(host.attributes, `${path}.state`) !== 'open') return;
        const port = asNumber(getPath(host.attributes, `${path}.port`));
        if (typeof port !== 'number') return;
        const protocol = getPath(host.attributes, `${path}.protocol`) === 'udp' ? 'udp' : 'tcp';
        const name = getPath(host.attributes, `${path}.service.name`);
        const byName = typeof name === 'string' ? SERVICE_PORTS[name] : undefined;
        const entry: SensitivePort | undefined = sensitivePort(port, protocol) ?? (byName !== undefined ? sensitivePort(byName, protocol) : undefined);
        if (!entry) return;
        const product = [getPath(host.attributes, `${path}.service.product`), getPath(host.attributes, `${path}.service.version`)].filter((x) => typeof x === 'string').join(' ');
        const where = isPublic ? 'an internet-routable address' : 'a private address (reachable inside the network)';
        out.push({
          resource: host,
          attributePath: path,
          key: path,
          severity: isPublic ? entry.severity : LOWER[entry.severity],
          message: `${address} answers on ${protocol}/${port}: ${entry.service}${product ? ` (${product})` : ''} on ${where}. ${entry.why}`,
          evidence: `${protocol}/${port} open${typeof name === 'string' ? ` service=${name}` : ''}${product ? ` ${product}` : ''}`,
        });
      });
    }
    return out;
  },
});
