import { getPath, isObject } from '../../model/index.js';
import { containersOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-068',
    title: 'Container receives a Secret through environment variables',
    pillar: 'passwords',
    severity: 'low',
    description:
      'A Secret handed to a container as environment variables (`env[].valueFrom.secretKeyRef`, `envFrom[].secretRef`) is copied into every child process, shows in `/proc/<pid>/environ` to anything that can read the process, ends up in crash reports and debug dumps that print the environment, and is fixed for the life of the container: a rotated Secret is not picked up. A Secret mounted as a volume is a file with its own permissions and is refreshed when it changes.',
    remediation: 'Mount the Secret as a volume (`volumes[].secret` with `defaultMode: 0400`) and have the application read the file; keep environment variables for non-secret settings.',
    references: ['https://kubernetes.io/docs/concepts/security/secrets-good-practices/', 'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod'],
    compliance: { 'cis-kubernetes': ['5.4.1'], 'nist-800-53': ['IA-5', 'SC-28'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      for (const c of containersOf(r)) {
        const label = `container "${c.name}" of ${r.type} ${r.name}`;
        const env = c.container.env;
        if (Array.isArray(env)) {
          env.forEach((e, i) => {
            const ref = isObject(e) ? getPath(e, 'valueFrom.secretKeyRef') : undefined;
            if (!isObject(ref)) return;
            const path = `${c.path}.env[${i}].valueFrom.secretKeyRef`;
            const name = isObject(e) && typeof e.name === 'string' ? e.name : `#${i}`;
            const secret = typeof ref.name === 'string' ? ref.name : '?';
            const key = typeof ref.key === 'string' ? ref.key : '?';
            out.push({ resource: r, key: path, attributePath: path, message: `${label} reads Secret ${secret} (key ${key}) into environment variable ${name}`, evidence: `${name} <- secretKeyRef ${secret}/${key}` });
          });
        }
        const envFrom = c.container.envFrom;
        if (Array.isArray(envFrom)) {
          envFrom.forEach((e, i) => {
            const ref = isObject(e) ? e.secretRef : undefined;
            if (!isObject(ref)) return;
            const path = `${c.path}.envFrom[${i}].secretRef`;
            const secret = typeof ref.name === 'string' ? ref.name : '?';
            out.push({ resource: r, key: path, attributePath: path, message: `${label} loads every key of Secret ${secret} as environment variables`, evidence: `envFrom secretRef ${secret}` });
          });
        }
      }
    }
    return out.map(fromView);
  },
});
