import { getPath, isObject } from '../../model/index.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { containersOf } from '../_lib/kubernetes.js';
import { literalSecret, looksLikePath, looksSecretName, maskSecret, severityForPassword } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-017',
    title: 'Container environment variable holds a literal secret',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A container `env` entry whose name says it holds a secret (`DB_PASSWORD`, `API_KEY`, `JWT_SECRET`...) has its value written in the manifest instead of coming from a Secret. The value is readable in the repository and by anyone allowed to `get` the workload object, where a Secret would be guarded by its own RBAC. A weak or common password raises the severity to critical.',
    remediation: 'Store the value in a Secret and reference it with `valueFrom.secretKeyRef` (or mount it as a file), created from a secret manager rather than from the repository.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      for (const c of containersOf(r)) {
        const env = getPath(r.attributes, `${c.path}.env`);
        if (!Array.isArray(env)) continue;
        env.forEach((entry, i) => {
          if (!isObject(entry) || typeof entry.name !== 'string' || !looksSecretName(entry.name)) return;
          const secret = literalSecret(entry.value);
          if (secret === undefined || looksLikePath(secret)) return;
          const path = `${c.path}.env[${i}].value`;
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            severity: severityForPassword(secret, 'high'),
            message: `container "${c.name}" of ${r.type} ${r.name} sets ${entry.name} to a literal value`,
            evidence: `${entry.name}=${maskSecret(secret)}`,
          });
        });
      }
    }
    return out.map(fromView);
  },
});
