import { defineCheck, type FindingDraft } from '../engine/types.js';
import { engineFlows, sensitiveDraft, sensitiveReach } from '../_lib/reachability.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-036',
    title: 'Kubernetes pod with a sensitive port reachable from the internet',
    pillar: 'ports',
    severity: 'high',
    description:
      'A workload listens on a port of the sensitive ports catalogue (a database, cache, the kubelet, SSH...) and traffic from the internet reaches it: through a public LoadBalancer Service (within its loadBalancerSourceRanges) or an internet-facing Ingress, to the pods the Service selects, on the container port the Service targets, and past every NetworkPolicy that isolates those pods. A NodePort Service is reported as unknown, since node addresses are not in the manifests. Severity follows the catalogue entry of the port that listens.',
    remediation:
      'Make the Service ClusterIP (or an internal load balancer), set loadBalancerSourceRanges, or add a NetworkPolicy that admits the port only from the pods that need it.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/', 'https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer'],
    compliance: { 'cis-kubernetes': ['5.3.2'], 'nist-800-53': ['SC-7', 'AC-4'] },
    sources: ['kubernetes', 'terraform', 'terraform-plan'],
    resourceTypes: ['Service', 'Ingress', 'NetworkPolicy', 'Deployment', 'StatefulSet', 'DaemonSet', 'Pod', 'kubernetes_service', 'kubernetes_service_v1', 'kubernetes_ingress', 'kubernetes_ingress_v1', 'kubernetes_network_policy', 'kubernetes_network_policy_v1', 'kubernetes_deployment', 'kubernetes_deployment_v1', 'kubernetes_stateful_set', 'kubernetes_stateful_set_v1', 'kubernetes_daemonset', 'kubernetes_daemon_set_v1', 'kubernetes_pod', 'kubernetes_pod_v1'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of sensitiveReach(ctx, engineFlows(ctx, 'kubernetes'))) out.push(sensitiveDraft(r, `${r.workload.type} ${r.workload.name}`));
    return out;
  },
});
