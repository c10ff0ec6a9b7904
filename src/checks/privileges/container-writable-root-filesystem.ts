import { asBool, getPath, isUnknown } from '../../model/index.js';
import { linuxContainers } from '../_lib/kubernetes.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-046',
    title: 'Container root filesystem is writable',
    pillar: 'privileges',
    severity: 'low',
    description:
      'Unless `readOnlyRootFilesystem` is true, a process in the container can change the image\'s own files: replace binaries and libraries, drop tools and persistence for as long as the container lives, or edit configuration the application trusts. The field exists only on the container and defaults to false.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true` on every container and mount an `emptyDir` volume where the application must write (`/tmp`, caches).',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/', 'https://www.cisecurity.org/benchmark/kubernetes'],
    compliance: { 'nist-800-53': ['CM-5', 'SI-7'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      // Windows containers have no read-only root filesystem; ephemeral debug containers are attached by hand
      for (const c of linuxContainers(r)) {
        const path = `${c.path}.securityContext.readOnlyRootFilesystem`;
        const v = asBool(getPath(r.attributes, path));
        const label = `container "${c.name}" of ${r.type} ${r.name}`;
        if (v === true) continue;
        if (isUnknown(v)) out.push({ resource: r, key: c.path, attributePath: path, verdict: 'unknown', message: `${label}: readOnlyRootFilesystem is unresolved (${v.toString()})` });
        else if (v === false) out.push({ resource: r, key: c.path, attributePath: path, message: `${label} sets readOnlyRootFilesystem: false`, evidence: 'readOnlyRootFilesystem: false' });
        else out.push({ resource: r, key: c.path, attributePath: c.path, message: `${label} does not set readOnlyRootFilesystem: true (the default is a writable root filesystem)` });
      }
    }
    return out.map(fromView);
  },
});
