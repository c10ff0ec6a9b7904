import { componentFlagFindings, describe, flagList } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-068',
    title: 'Kubernetes API server authorization mode leaves out Node or RBAC',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'Without the Node authorizer a kubelet\'s credential is judged by RBAC alone, so nodes need broad read access (every Secret, ConfigMap and pod of the cluster) and one compromised node reads them all; Node restricts each kubelet to the objects of the pods scheduled on it. Without RBAC, Roles and bindings are not consulted: access is whatever the remaining modes (ABAC files, a webhook) grant, outside the audited RBAC objects. An API server that authorizes everything (AlwaysAllow, or no --authorization-mode at all) is reported by TET-PRIV-045.',
    remediation: 'Run kube-apiserver with `--authorization-mode=Node,RBAC` (add Webhook after them if an external authorizer is needed), together with the NodeRestriction admission plugin.',
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/node/',
      'https://kubernetes.io/docs/reference/access-authn-authz/authorization/#authorization-modules',
    ],
    compliance: { 'cis-kubernetes': ['1.2.7', '1.2.8'], 'nist-800-53': ['AC-3', 'AC-6'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet'],
  },
  run(ctx) {
    return componentFlagFindings(ctx, {
      components: ['kube-apiserver'],
      flag: 'authorization-mode',
      judge: (v, inv) => {
        const modes = flagList({ value: v, path: '' }).map((m) => m.toLowerCase());
        // AlwaysAllow (alone or beside others) is TET-PRIV-045's finding; an empty list defaults to it too
        if (!modes.length || modes.includes('alwaysallow')) return undefined;
        const missing = ['Node', 'RBAC'].filter((m) => !modes.includes(m.toLowerCase()));
        return missing.length ? `${describe(inv)} runs --authorization-mode=${String(v)} without ${missing.join(' and ')}` : undefined;
      },
      // absent: the default AlwaysAllow is TET-PRIV-045's; with --authorization-config the modes live in that file
    }).map(fromView);
  },
});
