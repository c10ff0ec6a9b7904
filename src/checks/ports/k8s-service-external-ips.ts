import { asString, getPath, isUnknown, type Value } from '../../model/index.js';
import { services } from '../_lib/k8s-services.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-066',
    title: 'Kubernetes Service claims external IP addresses',
    pillar: 'ports',
    severity: 'medium',
    description:
      '`spec.externalIPs` makes every node accept traffic for the listed addresses on the Service ports and send it to the Service, bypassing the load balancer and its source ranges. Kubernetes does not check that the addresses belong to the cluster: a Service that names someone else\'s address (a DNS server, an internal API) captures the cluster\'s own traffic to it (CVE-2020-8554, which has no fix in Kubernetes itself).',
    remediation: 'Remove `spec.externalIPs`; publish Services through a LoadBalancer or an Ingress/Gateway, and block the field for everyone but administrators (the DenyServiceExternalIPs admission plugin, or a policy engine).',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
      'https://github.com/kubernetes/kubernetes/issues/97076',
    ],
    compliance: { 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Service', 'kubernetes_service', 'kubernetes_service_v1'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of services(ctx)) {
      const raw: Value | undefined = getPath(r.attributes, 'spec.externalIPs');
      if (isUnknown(raw)) {
        out.push({ resource: r, attributePath: 'spec.externalIPs', verdict: 'unknown', message: `Service ${r.name}: externalIPs is unresolved` });
        continue;
      }
      const ips = (Array.isArray(raw) ? raw : []).map(asString).filter((s): s is string => s !== undefined && s.trim() !== '');
      if (!ips.length) continue;
      out.push({ resource: r, attributePath: 'spec.externalIPs', message: `Service ${r.name} makes every node accept traffic for ${ips.join(', ')} and forwards it to the Service`, evidence: `externalIPs: ${ips.join(', ')}` });
    }
    return out.map(fromView);
  },
});
