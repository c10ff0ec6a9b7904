import { asBool, isUnknown } from '../../model/index.js';
import { podSpecOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PORTS-018',
    title: 'Pod uses the host network',
    pillar: 'ports',
    severity: 'high',
    description:
      'With `hostNetwork: true` the pod shares the node\'s network namespace: every port it listens on is opened on the node\'s addresses, NetworkPolicies no longer apply to it, and it can reach node-local services (kubelet, metadata endpoints, loopback-only daemons) and sniff host traffic.',
    remediation: 'Remove `hostNetwork: true`; expose the workload through a Service, and reserve host networking for audited node agents (CNI, kube-proxy) in system namespaces.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    compliance: { 'cis-kubernetes': ['5.2.5'], 'nist-800-53': ['SC-7', 'AC-6'] },
    sources: ['kubernetes', 'terraform', 'terraform-plan'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'kubernetes_pod', 'kubernetes_deployment', 'kubernetes_daemonset', 'kubernetes_stateful_set', 'kubernetes_job', 'kubernetes_cron_job'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const pod = podSpecOf(r);
      if (!pod) continue;
      const path = `${pod.path}.hostNetwork`;
      const v = asBool(pod.spec.hostNetwork);
      if (v === true) out.push({ resource: r, attributePath: path, message: `${r.type} ${r.name} runs in the node's network namespace (hostNetwork: true)`, evidence: 'hostNetwork: true' });
      else if (isUnknown(v)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: hostNetwork is unresolved (${v.toString()})` });
    }
    return out.map(fromView);
  },
});
