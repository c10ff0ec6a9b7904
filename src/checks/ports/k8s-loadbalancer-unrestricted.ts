import { asList, getPath, isUnknown, severityRank, type Severity } from '../../model/index.js';
import { isInternalLoadBalancer, services, servicePorts, serviceType } from '../_lib/k8s-services.js';
import { sensitivePort } from '../_lib/sensitive-ports.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

function isAnywhere(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-017',
    title: 'Kubernetes LoadBalancer Service open to the internet',
    pillar: 'ports',
    severity: 'medium',
    description:
      'A Service of type LoadBalancer without `loadBalancerSourceRanges` (or with 0.0.0.0/0 in it) and without an internal-load-balancer annotation gets a public cloud load balancer that accepts traffic from any address. Severity rises with the catalogued service behind it (e.g. Redis, PostgreSQL).',
    remediation:
      'Set `spec.loadBalancerSourceRanges` to the client ranges that need access, mark the load balancer internal with the cloud provider annotation, or publish HTTP services through an Ingress with authentication.',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer',
      'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/',
    ],
    compliance: { 'nist-800-53': ['SC-7', 'AC-3'] },
    sources: ['kubernetes', 'terraform', 'terraform-plan'],
    resourceTypes: ['Service', 'kubernetes_service', 'kubernetes_service_v1'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of services(ctx)) {
      if (serviceType(r) !== 'LoadBalancer' || isInternalLoadBalancer(r)) continue;
      const ranges = getPath(r.attributes, 'spec.loadBalancerSourceRanges');
      const annotation = getPath(r.attributes, ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION]);
      if (isUnknown(ranges) || isUnknown(annotation)) {
        out.push({ resource: r, attributePath: 'spec.loadBalancerSourceRanges', verdict: 'unknown', message: `Service ${r.name}: loadBalancerSourceRanges are unresolved` });
        continue;
      }
      const list = asList(ranges).filter((v): v is string => typeof v === 'string');
      const fromAnnotation = typeof annotation === 'string' ? annotation.split(',').map((s) => s.trim()).filter(Boolean) : [];
      const effective = list.length ? list : fromAnnotation;
      const open = effective.length === 0 || effective.some(isAnywhere);
      if (!open) continue;
      let severity: Severity = 'medium';
      const sensitive = servicePorts(r).flatMap((p) => sensitivePort(p.port, p.protocol) ?? []);
      for (const s of sensitive) if (severityRank(s.severity) > severityRank(severity)) severity = s.severity;
      const names = sensitive.map((s) => `${s.service} (${s.port})`).join(', ');
      const idx = list.findIndex(isAnywhere);
      out.push({
        resource: r,
        attributePath: idx >= 0 ? `spec.loadBalancerSourceRanges[${idx}]` : 'spec.type',
        severity,
        message: `LoadBalancer Service ${r.name} accepts traffic from any address${names ? `, on ${names}` : ''}`,
        evidence: effective.length ? `loadBalancerSourceRanges: ${effective.join(', ')}` : 'no loadBalancerSourceRanges',
      });
    }
    return out.map(fromView);
  },
});
