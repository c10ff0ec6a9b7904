import { asString, getPath, isUnknown } from '../../model/index.js';
import { componentFlagFindings, describe, flagList, kubeletConfigurations } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

const isAlwaysAllow = (mode: string): boolean => mode.toLowerCase() === 'alwaysallow';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-045',
    title: 'Kubernetes API server or kubelet authorizes every request (AlwaysAllow)',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'The AlwaysAllow authorizer grants every authenticated (and, with anonymous authentication, every anonymous) request: RBAC is not consulted, so any service account token or node credential is cluster-admin on the API server, and anyone who reaches the kubelet can run commands in its pods. Both kube-apiserver (without --authorization-config) and the kubelet (without a configuration file) default to AlwaysAllow; the KubeletConfiguration file defaults to Webhook.',
    remediation: 'Run kube-apiserver with `--authorization-mode=Node,RBAC` and the kubelet with `--authorization-mode=Webhook` (or `authorization.mode: Webhook` in its KubeletConfiguration).',
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/authorization/#authorization-modules',
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/#kubelet-authorization',
    ],
    compliance: { 'cis-kubernetes': ['1.2.6', '1.2.7', '4.2.2'], 'nist-800-53': ['AC-3', 'AC-6'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'KubeletConfiguration'],
  },
  run(ctx) {
    const out = componentFlagFindings(ctx, {
      components: ['kube-apiserver', 'kubelet'],
      flag: 'authorization-mode',
      judge: (v, inv) => (flagList({ value: v, path: '' }).some(isAlwaysAllow) ? `${describe(inv)} authorizes every request: --authorization-mode=${String(v)}` : undefined),
      whenAbsent: (inv) => `${describe(inv)} sets no --authorization-mode, so it authorizes every request (the default is AlwaysAllow)`,
      // the mode comes from elsewhere: a structured authorization config, or the kubelet's config file
      deferredBy: { 'kube-apiserver': ['authorization-config'], kubelet: ['config'] },
    });
    for (const r of kubeletConfigurations(ctx)) {
      const raw = getPath(r.attributes, 'authorization.mode');
      if (isUnknown(raw)) {
        out.push({ resource: r, attributePath: 'authorization.mode', verdict: 'unknown', message: `KubeletConfiguration ${r.name}: authorization.mode is unresolved` });
        continue;
      }
      const mode = asString(raw);
      if (mode !== undefined && isAlwaysAllow(mode)) out.push({ resource: r, attributePath: 'authorization.mode', message: `KubeletConfiguration ${r.name} authorizes every request to the kubelet (authorization.mode: ${mode})`, evidence: `authorization.mode: ${mode}` });
    }
    return out.map(fromView);
  },
});
