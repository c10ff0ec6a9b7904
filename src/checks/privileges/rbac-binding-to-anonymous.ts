import { asList, getPath, isObject } from '../../model/index.js';
import { fromView, kubernetesResources } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Subjects meaning "anyone who can reach the API server", with or without credentials. */
const PUBLIC_SUBJECTS: Record<string, string> = {
  'Group/system:unauthenticated': 'every unauthenticated request',
  'User/system:anonymous': 'every unauthenticated request',
  'Group/system:authenticated': 'every authenticated identity (on GKE: any Google account)',
};
/** Roles Kubernetes itself binds to these groups. */
const DEFAULT_PUBLIC_ROLES = new Set(['system:basic-user', 'system:discovery', 'system:public-info-viewer']);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-032',
    title: 'RBAC binding grants a role to anonymous or all authenticated users',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'Binding a role to system:anonymous, system:unauthenticated or system:authenticated gives it to everyone who can reach the API server; on managed clusters "authenticated" can mean any account of the cloud provider.',
    remediation: 'Bind roles to named users, groups or service accounts; leave the built-in discovery bindings as the only ones for these groups.',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#discovery-roles', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    compliance: { 'cis-kubernetes': ['5.1.1'], 'nist-800-53': ['AC-3', 'AC-14'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['ClusterRoleBinding', 'RoleBinding'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'ClusterRoleBinding' || x.type === 'RoleBinding')) {
      const role = getPath(r.attributes, 'roleRef.name');
      if (typeof role === 'string' && DEFAULT_PUBLIC_ROLES.has(role)) continue;
      asList(getPath(r.attributes, 'subjects')).forEach((s, i) => {
        if (!isObject(s)) return;
        const who = PUBLIC_SUBJECTS[`${String(s.kind)}/${String(s.name)}`];
        if (!who) return;
        const path = `subjects[${i}]`;
        out.push({ resource: r, key: path, attributePath: path, message: `${r.type} ${r.name} grants ${typeof role === 'string' ? role : 'a role'} to ${String(s.name)}: ${who}`, evidence: `subject: ${String(s.kind)}/${String(s.name)}; roleRef: ${typeof role === 'string' ? role : '?'}` });
      });
    }
    return out.map(fromView);
  },
});
