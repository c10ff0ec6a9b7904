import { asList, getPath, isObject, isUnknown } from '../../model/index.js';
import { fromView, kubernetesResources } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Bindings Kubernetes itself creates; binding system:masters to cluster-admin is the built-in default. */
const BUILT_IN_SUBJECTS = new Set(['Group/system:masters']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-016',
    title: 'Subject bound to cluster-admin',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A (Cluster)RoleBinding to the cluster-admin ClusterRole gives its service accounts, users or groups every permission on every resource: one stolen token from such a pod or user owns the whole cluster.',
    remediation: 'Bind a purpose-built Role or ClusterRole that lists only the verbs and resources the subject needs; keep cluster-admin for break-glass human access through system:masters.',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    compliance: { 'cis-kubernetes': ['5.1.1'], 'nist-800-53': ['AC-6', 'AC-2'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['ClusterRoleBinding', 'RoleBinding'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesResources(ctx).filter((r) => ['ClusterRoleBinding', 'RoleBinding'].includes(r.type))) {
      if (r.source !== 'kubernetes') continue;
      const roleName = getPath(r.attributes, 'roleRef.name');
      const roleKind = getPath(r.attributes, 'roleRef.kind');
      if (roleKind !== undefined && roleKind !== 'ClusterRole' && !isUnknown(roleKind)) continue;
      const subjects = asList(getPath(r.attributes, 'subjects'))
        .filter(isObject)
        .map((s) => `${String(s.kind ?? '?')}/${s.namespace ? `${String(s.namespace)}/` : ''}${String(s.name ?? '?')}`)
        .filter((s) => !BUILT_IN_SUBJECTS.has(s));
      if (subjects.length === 0) continue;
      if (isUnknown(roleName)) {
        out.push({ resource: r, attributePath: 'roleRef.name', verdict: 'unknown', message: `${r.type} ${r.name}: bound role is unresolved (${roleName.toString()})` });
        continue;
      }
      if (roleName !== 'cluster-admin') continue;
      out.push({
        resource: r,
        attributePath: 'roleRef.name',
        message: `${r.type} ${r.name} grants cluster-admin to ${subjects.join(', ')}`,
        evidence: `roleRef: ClusterRole/cluster-admin; subjects: ${subjects.join(', ')}`,
      });
    }
    return out.map(fromView);
  },
});
