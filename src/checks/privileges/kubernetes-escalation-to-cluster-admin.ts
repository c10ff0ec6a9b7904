import { analyseRbac } from '../../graph/kubernetes-rbac/escalation.js';
import { buildRbacModel, subjectLabel } from '../../graph/kubernetes-rbac/model.js';
import { fromView, kubernetesResources } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-053',
    title: 'Kubernetes subject can become cluster-admin through other permissions',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'RBAC permissions that look narrow chain into cluster-admin: creating pods or patching workloads in a namespace runs code as any of its service accounts, exec reaches the identities of running pods, a readable token Secret or `serviceaccounts/token` mints another account\'s credentials, impersonation, `bind`/`escalate` and `nodes/proxy` skip the rest. Tetrad follows these edges across bindings and reports every user or service account with a path to cluster-admin, with the shortest path. (A direct cluster-admin binding is TET-PRIV-016.)',
    remediation:
      'Break the first step of the path: grant pod creation, exec, secret reads and token requests only in namespaces without privileged service accounts, restrict them with resourceNames, move privileged service accounts (operators, CI) to their own namespaces, and never grant bind, escalate, impersonate or nodes/proxy to workloads.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/', 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping'],
    compliance: { 'cis-kubernetes': ['5.1.1', '5.1.2', '5.1.4', '5.1.8'], 'nist-800-53': ['AC-6', 'AC-6(10)'] },
    sources: ['kubernetes', 'terraform'],
  },
  run(ctx) {
    const model = buildRbacModel(kubernetesResources(ctx));
    const analysis = analyseRbac(model);
    const out: FindingDraft[] = [];
    for (const [id, path] of analysis.toAdmin) {
      const first = path[0]!;
      if (first.technique === 'cluster-admin') continue;
      const subject = analysis.subjects.get(id)!;
      const grant = first.grants[0]!;
      const steps = path.map((e) => `${e.technique} → ${e.to === 'admin:kubernetes' ? 'cluster-admin' : e.to.replace(/^k8s:(sa|user):/, '')}`).join(', ');
      const sa = subject.kind === 'ServiceAccount' ? model.serviceAccounts.get(`${subject.namespace}/${subject.name}`) : undefined;
      const runs = sa?.workloads.length ? ` It is the identity of ${sa.workloads.map((w) => `${w.type} ${w.name}`).join(', ')}.` : '';
      out.push(
        fromView({
          resource: grant.binding.resource,
          attributePath: 'roleRef',
          key: id,
          verdict: path.some((e) => e.certainty === 'unknown') ? 'unknown' : 'fail',
          message: `${subjectLabel(subject)} can become cluster-admin in ${path.length} step(s): ${steps}. First step: ${first.explanation}.${runs}`,
          evidence: `${grant.binding.kind} ${grant.binding.name} → ${grant.role.kind} ${grant.role.name}`,
        }),
      );
    }
    return out;
  },
});
