import { isUnknown, getPath, severityRank, type Severity } from '../../model/index.js';
import { services, servicePorts } from '../_lib/k8s-services.js';
import { sensitivePort } from '../_lib/sensitive-ports.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-016',
    title: 'Kubernetes Service of type NodePort',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A NodePort Service opens a port (30000–32767 by default) on every node of the cluster, on every node address, bypassing ingress controllers, their TLS and their authentication. Nodes with public addresses expose the service to the internet. Severity rises with the catalogued service behind it (e.g. a database port).',
    remediation: 'Use type ClusterIP behind an Ingress or Gateway, or a LoadBalancer restricted with loadBalancerSourceRanges; keep nodes on private subnets.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport', 'https://kubernetes.io/docs/concepts/services-networking/ingress/'],
    compliance: { 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['kubernetes', 'terraform', 'terraform-plan'],
    resourceTypes: ['Service', 'kubernetes_service', 'kubernetes_service_v1'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of services(ctx)) {
      const type = getPath(r.attributes, 'spec.type');
      if (isUnknown(type)) {
        out.push({ resource: r, attributePath: 'spec.type', verdict: 'unknown', message: `Service ${r.name}: type is unresolved (${type.toString()})` });
        continue;
      }
      if (type !== 'NodePort') continue;
      let severity: Severity = 'medium';
      const sensitive = servicePorts(r).flatMap((p) => sensitivePort(p.port, p.protocol) ?? []);
      for (const s of sensitive) if (severityRank(s.severity) > severityRank(severity)) severity = s.severity;
      const services = sensitive.map((s) => `${s.service} (${s.port})`).join(', ');
      out.push({
        resource: r,
        attributePath: 'spec.type',
        severity,
        message: `Service ${r.name} is of type NodePort and opens its ports on every node${services ? `, including ${services}` : ''}`,
        evidence: 'spec.type: NodePort',
      });
    }
    return out.map(fromView);
  },
});
