import { asBool, getPath, isUnknown } from '../../model/index.js';
import { podSpecOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesResources, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const FIELDS: Array<[string, string]> = [
  ['hostPID', 'sees and signals every process on the node, and can read their environment and memory through /proc'],
  ['hostIPC', 'shares the node\'s System V IPC and POSIX shared memory with host processes'],
];

export default defineCheck({
  meta: {
    id: 'TET-PRIV-015',
    title: 'Pod shares the host PID or IPC namespace',
    pillar: 'privileges',
    severity: 'high',
    description:
      'With hostPID a pod sees every process on the node (including other pods), can read their environment variables and, with ptrace, inject into them; with hostIPC it reads and writes the shared memory of host processes.',
    remediation: 'Remove `hostPID: true` and `hostIPC: true` from the pod spec; run node-level debugging through a dedicated, audited tool instead.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    compliance: { 'cis-kubernetes': ['5.2.3', '5.2.4'], 'nist-800-53': ['AC-6', 'SC-39'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'PodSecurityPolicy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const pod = podSpecOf(r);
      if (!pod) continue;
      for (const [field, why] of FIELDS) {
        const path = `${pod.path}.${field}`;
        const v = asBool(pod.spec[field]);
        if (v === true) out.push({ resource: r, key: field, attributePath: path, message: `${r.type} ${r.name} sets ${field}: true and ${why}`, evidence: `${field}: true` });
        else if (isUnknown(v)) out.push({ resource: r, key: field, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${field} is unresolved (${v.toString()})` });
      }
    }
    // PodSecurityPolicy (policy/v1beta1, removed in 1.25) admitting such pods
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'PodSecurityPolicy')) {
      for (const [field] of FIELDS) {
        const path = `spec.${field}`;
        if (asBool(getPath(r.attributes, path)) === true) out.push({ resource: r, key: field, attributePath: path, message: `PodSecurityPolicy ${r.name} admits pods with ${field}: true`, evidence: `${field}: true` });
      }
    }
    return out.map(fromView);
  },
});
