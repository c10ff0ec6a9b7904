import { asBool, getPath, isUnknown } from '../../model/index.js';
import { linuxContainers } from '../_lib/kubernetes.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** A capability name as Kubernetes and container runtimes accept it: any case, with or without CAP_. */
const norm = (c: string): string => c.trim().toUpperCase().replace(/^CAP_/, '');

export default defineCheck({
  meta: {
    id: 'TET-PRIV-048',
    title: 'Container keeps the NET_RAW capability',
    pillar: 'privileges',
    severity: 'low',
    description:
      'Container runtimes grant NET_RAW by default. With it a process in the container crafts raw packets: ARP and DNS spoofing of its neighbours on the node\'s pod network, ICMP tricks, and the attack surface of several kernel escapes (CVE-2020-14386 needed it). Few applications need it; `ping` works without it on current kernels.',
    remediation: 'Drop it: `securityContext.capabilities.drop: ["ALL"]` (add back only what the process needs), or at least `drop: ["NET_RAW"]`.',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted', 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
    compliance: { 'cis-kubernetes': ['5.2.7', '5.2.9'], 'nist-800-53': ['AC-6', 'CM-7'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      for (const c of linuxContainers(r)) {
        // a privileged container has every capability: TET-PRIV-001 says so
        if (asBool(getPath(c.container, 'securityContext.privileged')) === true) continue;
        const capsPath = `${c.path}.securityContext.capabilities`;
        const drop = getPath(r.attributes, `${capsPath}.drop`);
        const label = `container "${c.name}" of ${r.type} ${r.name}`;
        if (isUnknown(drop) || (Array.isArray(drop) && drop.some(isUnknown))) {
          out.push({ resource: r, key: c.path, attributePath: `${capsPath}.drop`, verdict: 'unknown', message: `${label}: the dropped capabilities are unresolved` });
          continue;
        }
        const dropped = Array.isArray(drop) ? drop.filter((d): d is string => typeof d === 'string').map(norm) : [];
        if (dropped.includes('ALL') || dropped.includes('NET_RAW')) continue;
        // point at the deepest part of the security context that is written
        const at = getPath(r.attributes, capsPath) !== undefined ? capsPath : getPath(r.attributes, `${c.path}.securityContext`) !== undefined ? `${c.path}.securityContext` : c.path;
        out.push({ resource: r, key: c.path, attributePath: at, message: `${label} keeps NET_RAW (capabilities.drop names neither ALL nor NET_RAW)`, evidence: dropped.length ? `drop: [${dropped.join(', ')}]` : 'no capabilities dropped' });
      }
    }
    return out.map(fromView);
  },
});
