import { riskyRuleFindings } from '../_lib/k8s-rbac-permissions.js';
import { defineCheck } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-069',
    title: 'RBAC role can create pods or pod controllers',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'Whoever can create a pod, or a Deployment, DaemonSet, StatefulSet, Job or CronJob that makes pods, chooses what that pod runs and which service account, Secrets and volumes of the namespace it mounts, so the role is worth every credential in its scope (and, where admission control allows privileged pods or host paths, the node).',
    remediation: 'Keep pod and workload creation to deployment pipelines and operators; for people and applications, grant it only in namespaces whose service accounts hold no more than the role itself, and enforce the restricted Pod Security Standard there.',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation',
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
    ],
    compliance: { 'cis-kubernetes': ['5.1.4'], 'nist-800-53': ['AC-6'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Role', 'ClusterRole'],
  },
  run(ctx) {
    return riskyRuleFindings(ctx, 'workload');
  },
});
