import { getPath, isObject, isUnknown } from '../../model/index.js';
import { containersOf, podAnnotationsPath } from '../_lib/kubernetes.js';
import { effectiveSetting } from '../_lib/k8s-security-context.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Annotation keys of the pre-field era (seccomp before 1.19, AppArmor before 1.30). */
function annotationKeys(container: string): Array<[string, string]> {
  return [
    [`container.seccomp.security.alpha.kubernetes.io/${container}`, 'seccomp'],
    ['seccomp.security.alpha.kubernetes.io/pod', 'seccomp'],
    [`container.apparmor.security.beta.kubernetes.io/${container}`, 'AppArmor'],
  ];
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-031',
    title: 'Container runs without seccomp or AppArmor confinement',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'A seccomp or AppArmor profile of "Unconfined" removes the kernel filters that block most container-escape system calls (unshare, mount, keyctl, bpf...); kernel bugs reachable from the container become escapes.',
    remediation: 'Use `seccompProfile.type: RuntimeDefault` (or a Localhost profile) and `appArmorProfile.type: RuntimeDefault`; remove "unconfined" seccomp/AppArmor annotations.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://kubernetes.io/docs/tutorials/security/seccomp/', 'https://kubernetes.io/docs/tutorials/security/apparmor/'],
    compliance: { 'cis-kubernetes': ['5.7.2'], 'nist-800-53': ['CM-7', 'SC-39'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const annPath = podAnnotationsPath(r);
      const annotations = annPath ? getPath(r.attributes, annPath) : undefined;
      for (const c of containersOf(r)) {
        const label = `container "${c.name}" of ${r.type} ${r.name}`;
        for (const [field, what] of [['seccompProfile', 'seccomp'], ['appArmorProfile', 'AppArmor']] as const) {
          const s = effectiveSetting(r, c, field);
          if (!isObject(s.value)) continue;
          const type = s.value.type;
          const path = `${s.path}.type`;
          if (isUnknown(type)) out.push({ resource: r, key: `${c.path}:${field}`, attributePath: path, verdict: 'unknown', message: `${label}: ${what} profile type is unresolved (${type.toString()})` });
          else if (typeof type === 'string' && type.toLowerCase() === 'unconfined')
            out.push({ resource: r, key: `${c.path}:${field}`, attributePath: path, message: `${label} runs with the ${what} profile Unconfined (${s.level}-level)`, evidence: `${field}.type: Unconfined` });
        }
        if (!isObject(annotations)) continue;
        for (const [key, what] of annotationKeys(c.name)) {
          const v = annotations[key];
          if (typeof v === 'string' && v.trim().toLowerCase() === 'unconfined')
            out.push({ resource: r, key: `${c.path}:${key}`, attributePath: `${annPath}.${key}`, message: `${label} runs with ${what} unconfined (annotation ${key})`, evidence: `${key}: unconfined` });
        }
      }
    }
    return out.map(fromView);
  },
});
