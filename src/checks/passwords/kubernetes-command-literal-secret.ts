import { getPath } from '../../model/index.js';
import { commandSecrets } from '../_lib/command-secrets.js';
import { fromView, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { containersOf } from '../_lib/kubernetes.js';
import { maskSecret, passwordStrength } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-025',
    title: 'Container command line holds a literal credential',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A container\'s `command` or `args` passes a password, token or key on the command line (`--db-password=...`, `--token abc`, `mysql -pX`, a URL with a password, an AWS key id). It is in the repository, in the workload object for anyone who can read it, and in the process list of the node (`ps`, `/proc/<pid>/cmdline`) for every user and container sharing the PID namespace. A weak password raises the severity to critical.',
    remediation: 'Put the value in a Secret and pass it as an environment variable (`valueFrom.secretKeyRef`, referenced in args as `$(VAR)`) or better as a mounted file that the program reads.',
    references: ['https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/', 'https://kubernetes.io/docs/concepts/configuration/secret/'],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      for (const c of containersOf(r)) {
        for (const field of ['command', 'args'] as const) {
          const list = getPath(r.attributes, `${c.path}.${field}`);
          if (!Array.isArray(list)) continue;
          const text = list.filter((x): x is string => typeof x === 'string').join(' ');
          const hits = commandSecrets(text);
          if (hits.length === 0) continue;
          const path = `${c.path}.${field}`;
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            severity: hits.some((h) => !h.what.startsWith('AWS') && passwordStrength(h.secret).weak) ? 'critical' : 'high',
            message: `container "${c.name}" of ${r.type} ${r.name} passes ${hits.map((h) => h.what).join(', ')} in \`${field}\``,
            evidence: hits.map((h) => `${h.what}: ${maskSecret(h.secret, { strength: !h.what.startsWith('AWS') })}`).join('; '),
          });
        }
      }
    }
    return out.map(fromView);
  },
});
