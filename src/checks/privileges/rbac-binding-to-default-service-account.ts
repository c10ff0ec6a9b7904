import { asList, getPath, isObject } from '../../model/index.js';
import { fromView, kubernetesResources } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-035',
    title: 'RBAC role bound to a default service account',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'Every pod that does not name a service account runs as its namespace\'s "default" one; a role bound to it is silently granted to every such pod, so one compromised workload gets permissions that were meant for another.',
    remediation: 'Create a dedicated ServiceAccount for the workload that needs the role, bind the role to it, and set `serviceAccountName` on that workload only.',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    compliance: { 'cis-kubernetes': ['5.1.5'], 'nist-800-53': ['AC-6'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['ClusterRoleBinding', 'RoleBinding'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'ClusterRoleBinding' || x.type === 'RoleBinding')) {
      const role = getPath(r.attributes, 'roleRef.name');
      // cluster-admin bound to anyone is TET-PRIV-016 (high): one finding for one binding
      if (role === 'cluster-admin' && getPath(r.attributes, 'roleRef.kind') !== 'Role') continue;
      asList(getPath(r.attributes, 'subjects')).forEach((s, i) => {
        if (!isObject(s) || s.kind !== 'ServiceAccount' || s.name !== 'default') return;
        const ns = typeof s.namespace === 'string' ? s.namespace : getPath(r.attributes, 'metadata.namespace');
        const path = `subjects[${i}]`;
        out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} binds ${typeof role === 'string' ? role : 'a role'} to the default service account${typeof ns === 'string' ? ` of namespace ${ns}` : ''}, so every pod there without its own service account gets it`, evidence: `subject: ServiceAccount/${typeof ns === 'string' ? `${ns}/` : ''}default` });
      });
    }
    return out.map(fromView);
  },
});
