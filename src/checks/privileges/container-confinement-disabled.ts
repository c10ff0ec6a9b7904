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

/** SELinux types the Pod Security Standards (baseline) allow a container. */
const SELINUX_CONTAINER_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-031',
    title: 'Container runs without seccomp, AppArmor or SELinux confinement',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'A seccomp or AppArmor profile of "Unconfined" removes the kernel filters that block most container-escape system calls (unshare, mount, keyctl, bpf...); kernel bugs reachable from the container become escapes. An SELinux type other than the container types (spc_t, the "super privileged container", or a host type) lifts the SELinux policy that keeps the process away from host files, and `procMount: Unmasked` shows it the /proc paths the runtime masks (kcore, sysrq-trigger, timer lists). The Pod Security Standards (baseline) forbid all of them.',
    remediation: 'Use `seccompProfile.type: RuntimeDefault` (or a Localhost profile) and `appArmorProfile.type: RuntimeDefault`; remove "unconfined" seccomp/AppArmor annotations; leave `seLinuxOptions.type` unset or a container type (container_t) and `procMount` at Default.',
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
        // SELinux: the Pod Security Standards (baseline) allow only the container types; spc_t is the unconfined "super privileged container"
        const se = effectiveSetting(r, c, 'seLinuxOptions');
        if (isObject(se.value)) {
          const type = se.value.type;
          const path = `${se.path}.type`;
          if (isUnknown(type)) out.push({ resource: r, key: `${c.path}:seLinuxOptions`, attributePath: path, verdict: 'unknown', message: `${label}: SELinux type is unresolved (${type.toString()})` });
          else if (typeof type === 'string' && type.trim() !== '' && !SELINUX_CONTAINER_TYPES.has(type.trim()))
            out.push({ resource: r, key: `${c.path}:seLinuxOptions`, attributePath: path, message: `${label} runs with the SELinux type ${type} instead of a container type (${se.level}-level)`, evidence: `seLinuxOptions.type: ${type}` });
        }
        // procMount: Unmasked shows the container the host's /proc paths the runtime normally masks
        const proc = effectiveSetting(r, c, 'procMount');
        if (typeof proc.value === 'string' && proc.value.toLowerCase() === 'unmasked')
          out.push({ resource: r, key: `${c.path}:procMount`, attributePath: proc.path, message: `${label} mounts /proc unmasked (procMount: Unmasked)`, evidence: 'procMount: Unmasked' });
        else if (isUnknown(proc.value)) out.push({ resource: r, key: `${c.path}:procMount`, attributePath: proc.path, verdict: 'unknown', message: `${label}: procMount is unresolved` });
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
