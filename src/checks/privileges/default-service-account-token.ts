import { asBool, getPath, isUnknown, type Resource } from '../../model/index.js';
import { podSpecOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesResources, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-019',
    title: 'Workload mounts the default service account token',
    pillar: 'privileges',
    severity: 'low',
    description:
      'A pod that runs as the namespace\'s default service account and does not disable token automounting carries a Kubernetes API token it usually does not need; anyone who compromises the pod gets every permission granted to "default", which other workloads in the namespace share.',
    remediation: 'Give the workload its own ServiceAccount, and set `automountServiceAccountToken: false` on the pod (or on the default ServiceAccount) unless it calls the Kubernetes API.',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting', 'https://kubernetes.io/docs/concepts/security/service-accounts/'],
    compliance: { 'cis-kubernetes': ['5.1.5', '5.1.6'], 'nist-800-53': ['AC-6', 'IA-5'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ServiceAccount'],
  },
  run(ctx) {
    // namespaces (in this scan) whose default ServiceAccount opts out of automounting
    const optedOut = new Set<string>();
    for (const sa of kubernetesResources(ctx).filter((r) => ['ServiceAccount'].includes(r.type))) {
      if (sa.source !== 'kubernetes' || getPath(sa.attributes, 'metadata.name') !== 'default') continue;
      if (asBool(getPath(sa.attributes, 'automountServiceAccountToken')) === false) optedOut.add(namespaceOf(sa));
    }
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const pod = podSpecOf(r);
      if (!pod) continue;
      const saField = pod.spec.serviceAccountName !== undefined ? 'serviceAccountName' : 'serviceAccount';
      const sa = pod.spec[saField];
      if (isUnknown(sa)) continue;
      if (sa !== undefined && sa !== null && sa !== '' && sa !== 'default') continue;
      const mount = asBool(pod.spec.automountServiceAccountToken);
      if (mount === false) continue;
      const mountPath = `${pod.path}.automountServiceAccountToken`;
      if (isUnknown(mount)) {
        out.push({ resource: r, attributePath: mountPath, verdict: 'unknown', message: `${r.type} ${r.name}: automountServiceAccountToken is unresolved (${mount.toString()})` });
        continue;
      }
      if (mount === undefined && optedOut.has(namespaceOf(r))) continue;
      out.push({
        resource: r,
        attributePath: mount === true ? mountPath : sa === 'default' ? `${pod.path}.${saField}` : undefined,
        message: `${r.type} ${r.name} runs as the default service account with its API token mounted`,
        evidence: `${saField}: ${typeof sa === 'string' && sa ? sa : '(unset)'}; automountServiceAccountToken: ${mount === true ? 'true' : '(unset)'}`,
      });
    }
    return out.map(fromView);
  },
});

function namespaceOf(r: Resource): string {
  const ns = getPath(r.attributes, 'metadata.namespace');
  return typeof ns === 'string' && ns ? ns : 'default';
}
