import { asNumber, asString, isObject, isUnknown, severityRank, type Severity } from '../../model/index.js';
import { containersOf } from '../_lib/kubernetes.js';
import { sensitivePort } from '../_lib/sensitive-ports.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-019',
    title: 'Container binds a host port',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A container port with `hostPort` is published on the node\'s own addresses, outside Services and often outside NetworkPolicy enforcement; on nodes with public addresses it is reachable from the internet, and it pins the pod to nodes where the port is free. Severity rises with the catalogued service on that port.',
    remediation: 'Remove `hostPort` and expose the container through a Service (ClusterIP behind an Ingress, or a restricted LoadBalancer).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://kubernetes.io/docs/concepts/configuration/overview/#services'],
    compliance: { 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['kubernetes', 'terraform', 'terraform-plan'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'kubernetes_pod', 'kubernetes_deployment', 'kubernetes_daemonset', 'kubernetes_stateful_set', 'kubernetes_job', 'kubernetes_cron_job'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      for (const c of containersOf(r)) {
        const ports = c.container.ports;
        if (!Array.isArray(ports)) continue;
        ports.forEach((p, i) => {
          if (!isObject(p) || p.hostPort === undefined || p.hostPort === null) return;
          const path = `${c.path}.ports[${i}].hostPort`;
          const hostPort = asNumber(p.hostPort);
          if (isUnknown(hostPort)) {
            out.push({ resource: r, attributePath: path, key: path, verdict: 'unknown', message: `container "${c.name}" hostPort is unresolved (${hostPort.toString()})` });
            return;
          }
          if (hostPort === undefined || hostPort === 0) return;
          const protocol = asString(p.protocol)?.toLowerCase() === 'udp' ? 'udp' : 'tcp';
          const entry = sensitivePort(hostPort, protocol);
          let severity: Severity = 'medium';
          if (entry && severityRank(entry.severity) > severityRank(severity)) severity = entry.severity;
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            severity,
            message: `container "${c.name}" of ${r.type} ${r.name} publishes ${protocol} port ${hostPort} on the node${entry ? ` (${entry.service})` : ''}`,
            evidence: `hostPort: ${hostPort}`,
          });
        });
      }
    }
    return out.map(fromView);
  },
});
