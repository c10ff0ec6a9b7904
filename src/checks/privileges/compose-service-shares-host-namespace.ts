import { isUnknown, type Severity } from '../../model/index.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, composeServices, serviceLabel } from '../_lib/compose.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Namespace settings whose value "host" joins the Docker host's namespace. */
const NAMESPACES: Array<{ attr: string; severity: Severity; why: string }> = [
  { attr: 'network_mode', severity: 'high', why: "the host's network stack: it binds host ports directly, reaches services listening on localhost and sniffs host traffic" },
  { attr: 'pid', severity: 'high', why: "the host's process table: it sees every host process and their command lines and environment, and with ptrace can inject into them" },
  { attr: 'ipc', severity: 'medium', why: "the host's IPC namespace: shared memory and semaphores of host processes" },
  { attr: 'userns_mode', severity: 'medium', why: "the host's user namespace, opting out of the daemon's user-namespace remapping: root in the container is root on the host" },
  { attr: 'uts', severity: 'low', why: "the host's UTS namespace: it can change the host name" },
  { attr: 'cgroup', severity: 'low', why: "the host's cgroup namespace: it sees the host's cgroup hierarchy" },
];

export default defineCheck({
  meta: {
    id: 'TET-PRIV-051',
    title: 'Docker Compose service shares a host namespace (network, PID, IPC, user)',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A Compose service with `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host`, `uts: host` or `cgroup: host` joins that namespace of the Docker host instead of getting its own, removing the isolation between the service and the host\'s processes, network and users.',
    remediation: 'Remove the `host` setting: publish the ports the service needs with `ports:` instead of host networking, share a namespace with one named container (`pid: "service:other"`) when two services must cooperate, and keep user-namespace remapping on.',
    references: [
      'https://docs.docker.com/reference/compose-file/services/#network_mode',
      'https://docs.docker.com/reference/compose-file/services/#pid',
      'https://docs.docker.com/engine/security/userns-remap/',
    ],
    compliance: { 'cis-docker': ['5.9', '5.15', '5.16', '5.20', '5.30'], 'nist-800-53': ['AC-6', 'SC-39'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      for (const ns of NAMESPACES) {
        const v = r.attributes[ns.attr];
        if (isUnknown(v)) out.push({ resource: r, key: ns.attr, attributePath: ns.attr, verdict: 'unknown', message: `${serviceLabel(r)}: ${ns.attr} is unresolved (${v.toString()})` });
        else if (typeof v === 'string' && v.trim().toLowerCase() === 'host')
          out.push({ resource: r, key: ns.attr, attributePath: ns.attr, severity: ns.severity, message: `${serviceLabel(r)} shares ${ns.why} (${ns.attr}: host)`, evidence: `${ns.attr}: host` });
      }
    }
    return out;
  },
});
