import { asBool, getPath, isUnknown } from '../../model/index.js';
import { containersOf, podSpecOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesResources, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-012',
    title: 'Container allows privilege escalation',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'Unless `allowPrivilegeEscalation` is false, a process in the container can gain more privileges than its parent (setuid binaries, file capabilities): the no_new_privs flag is not set. The field exists only on the container, and defaults to true.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container (and init container).',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted', 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    compliance: { 'cis-kubernetes': ['5.2.5'], 'nist-800-53': ['AC-6'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'PodSecurityPolicy'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const pod = podSpecOf(r);
      // Windows containers have no no_new_privs
      if (pod && getPath(pod.spec, 'os.name') === 'windows') continue;
      for (const c of containersOf(r)) {
        const path = `${c.path}.securityContext.allowPrivilegeEscalation`;
        const raw = getPath(r.attributes, path);
        const v = asBool(raw);
        const label = `container "${c.name}" of ${r.type} ${r.name}`;
        if (v === false) continue;
        if (isUnknown(v)) out.push({ resource: r, key: c.path, attributePath: path, verdict: 'unknown', message: `${label}: allowPrivilegeEscalation is unresolved (${v.toString()})` });
        else if (v === true) out.push({ resource: r, key: c.path, attributePath: path, message: `${label} sets allowPrivilegeEscalation: true`, evidence: 'allowPrivilegeEscalation: true' });
        else out.push({ resource: r, key: c.path, attributePath: c.path, message: `${label} does not set allowPrivilegeEscalation: false (the default is true)` });
      }
    }
    // PodSecurityPolicy: allowPrivilegeEscalation defaults to true
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'PodSecurityPolicy')) {
      const path = 'spec.allowPrivilegeEscalation';
      const v = asBool(getPath(r.attributes, path));
      if (v === false || isUnknown(v)) continue;
      out.push({ resource: r, attributePath: v === true ? path : 'spec', message: `PodSecurityPolicy ${r.name} admits containers that allow privilege escalation${v === true ? '' : ' (allowPrivilegeEscalation defaults to true)'}`, evidence: `allowPrivilegeEscalation: ${v === true ? 'true' : '(unset)'}` });
    }
    return out.map(fromView);
  },
});
