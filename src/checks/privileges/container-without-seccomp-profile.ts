import { getPath, isObject, isUnknown } from '../../model/index.js';
import { linuxContainers, podAnnotationsPath } from '../_lib/kubernetes.js';
import { effectiveSetting } from '../_lib/k8s-security-context.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-047',
    title: 'Container sets no seccomp profile',
    pillar: 'privileges',
    severity: 'low',
    description:
      'A container whose pod and container `securityContext` name no `seccompProfile` runs Unconfined on every kubelet that does not turn on `--seccomp-default` (off by default): all system calls reach the kernel, including the rarely needed ones (unshare, keyctl, bpf, userfaultfd...) through which most kernel container escapes go. The restricted Pod Security Standard requires RuntimeDefault or a Localhost profile. A profile set explicitly to Unconfined is TET-PRIV-031.',
    remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (it applies to every container) or on each container; use a Localhost profile where the default filter is too strict.',
    references: ['https://kubernetes.io/docs/tutorials/security/seccomp/', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted'],
    compliance: { 'cis-kubernetes': ['5.7.2'], 'nist-800-53': ['CM-7', 'SC-39'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const annPath = podAnnotationsPath(r);
      const annotations = annPath ? getPath(r.attributes, annPath) : undefined;
      // seccomp is a Linux feature
      for (const c of linuxContainers(r)) {
        const label = `container "${c.name}" of ${r.type} ${r.name}`;
        const s = effectiveSetting(r, c, 'seccompProfile');
        if (s.value !== undefined) {
          const type = isObject(s.value) ? s.value.type : s.value;
          if (isUnknown(type)) out.push({ resource: r, key: c.path, attributePath: s.path, verdict: 'unknown', message: `${label}: seccomp profile is unresolved (${type.toString()})` });
          // Unconfined is TET-PRIV-031's; a confining type, or a malformed value, is not this check's
          continue;
        }
        if (isUnknown(annotations)) {
          out.push({ resource: r, key: c.path, attributePath: annPath, verdict: 'unknown', message: `${label}: pod annotations are unresolved, a seccomp annotation may be there` });
          continue;
        }
        if (isObject(annotations)) {
          const ann = annotations[`container.seccomp.security.alpha.kubernetes.io/${c.name}`] ?? annotations['seccomp.security.alpha.kubernetes.io/pod'];
          // an annotation decides (unconfined ones are TET-PRIV-031's)
          if (typeof ann === 'string' || isUnknown(ann)) continue;
        }
        // at the container's securityContext when it has one (where the profile belongs), else at the container
        const at = getPath(r.attributes, `${c.path}.securityContext`) !== undefined ? `${c.path}.securityContext` : c.path;
        out.push({ resource: r, key: c.path, attributePath: at, message: `${label} sets no seccomp profile, so it runs Unconfined unless the kubelet defaults to RuntimeDefault`, evidence: 'seccompProfile not set' });
      }
    }
    return out.map(fromView);
  },
});
