import { riskyRuleFindings } from '../_lib/k8s-rbac-permissions.js';
import { defineCheck } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-018',
    title: 'RBAC role grants an escalation-prone permission',
    pillar: 'privileges',
    severity: 'high',
    description:
      'Some RBAC permissions are as good as more privileges: reading secrets yields service account tokens, pods/exec and pods/attach run code as other identities, and bind/escalate/impersonate grant rights the subject does not hold. Creating pods and workloads is TET-PRIV-069.',
    remediation: 'Remove the permission, or restrict it with `resourceNames` to the specific objects the workload needs; give humans exec and secret access through short-lived, audited roles.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping'],
    compliance: { 'cis-kubernetes': ['5.1.2', '5.1.8'], 'nist-800-53': ['AC-6'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Role', 'ClusterRole'],
  },
  run(ctx) {
    return riskyRuleFindings(ctx, 'escalation');
  },
});
