import { posix } from 'node:path';
import { z } from 'zod';
import { SEVERITIES, getPath, isObject, isUnknown } from '../../model/index.js';
import { loadCatalogue } from '../_lib/catalogue.js';
import { podSpecOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesResources, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const catalogueSchema = z.object({
  paths: z.array(z.object({ path: z.string(), subtree: z.boolean(), severity: z.enum(SEVERITIES), why: z.string() })),
});
type Entry = z.infer<typeof catalogueSchema>['paths'][number];

/** The most specific catalogue entry covering a host path, if any. */
export function sensitiveEntry(hostPath: string, entries: Entry[]): Entry | undefined {
  const p = posix.normalize(hostPath.trim()).replace(/(.)\/+$/, '$1');
  let best: Entry | undefined;
  for (const e of entries) {
    const hit = p === e.path || (e.subtree && p.startsWith(`${e.path}/`));
    if (hit && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-014',
    title: 'Pod mounts a sensitive host path',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A hostPath volume of the host root, /etc, /proc, the container runtime socket (/var/run/docker.sock, containerd, CRI-O) or kubelet/etcd state lets the pod read node credentials or start privileged containers: a direct path from one pod to the whole node.',
    remediation: 'Replace hostPath volumes with ConfigMaps, Secrets, emptyDir or persistent volumes; if a node agent truly needs one, mount the narrowest path read-only and isolate the workload.',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
    compliance: { 'cis-kubernetes': ['5.2.12'], 'nist-800-53': ['AC-6', 'SC-39'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'PersistentVolume'],
  },
  run(ctx) {
    const entries = loadCatalogue('kubernetes-sensitive-host-paths.yaml', catalogueSchema).paths;
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const pod = podSpecOf(r);
      if (!pod || !Array.isArray(pod.spec.volumes)) continue;
      pod.spec.volumes.forEach((v, i) => {
        if (!isObject(v) || v.hostPath === undefined) return;
        const path = `${pod.path}.volumes[${i}].hostPath.path`;
        const hostPath = getPath(r.attributes, path);
        const name = typeof v.name === 'string' ? v.name : `#${i}`;
        if (isUnknown(hostPath)) {
          out.push({ resource: r, key: path, attributePath: path, verdict: 'unknown', message: `hostPath volume "${name}" of ${r.type} ${r.name} has an unresolved path (${hostPath.toString()})` });
          return;
        }
        if (typeof hostPath !== 'string') return;
        const entry = sensitiveEntry(hostPath, entries);
        if (!entry) return;
        out.push({ resource: r, key: path, attributePath: path, severity: entry.severity, message: `hostPath volume "${name}" of ${r.type} ${r.name} mounts ${hostPath} (${entry.why})`, evidence: `hostPath.path: ${hostPath}` });
      });
    }
    // a PersistentVolume backed by a host path hands it to any pod that claims the volume
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'PersistentVolume')) {
      // the Terraform provider nests the source: spec.persistent_volume_source.host_path
      const path = getPath(r.attributes, 'spec.persistentVolumeSource') !== undefined ? 'spec.persistentVolumeSource.hostPath.path' : 'spec.hostPath.path';
      const hostPath = getPath(r.attributes, path);
      if (typeof hostPath !== 'string') continue;
      const entry = sensitiveEntry(hostPath, entries);
      if (entry) out.push({ resource: r, key: path, attributePath: path, severity: entry.severity, message: `PersistentVolume ${r.name} exposes host path ${hostPath} (${entry.why}) to whichever pod claims it`, evidence: `hostPath.path: ${hostPath}` });
    }
    return out.map(fromView);
  },
});
