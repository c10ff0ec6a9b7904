import { asBool, getPath, isUnknown } from '../../model/index.js';
import { componentFlagFindings, describe, kubeletConfigurations } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-066',
    title: 'Kubernetes API server or kubelet accepts anonymous requests',
    pillar: 'passwords',
    severity: 'high',
    description:
      'With anonymous authentication on, a request without credentials is served as `system:anonymous`. On the kubelet (port 10250) that is whatever its authorisation mode allows, up to running commands in every pod of the node; on the API server it is whatever RBAC grants `system:unauthenticated`. Both binaries default the flag to true; the kubelet configuration file defaults it to false.',
    remediation: 'Pass `--anonymous-auth=false` to kube-apiserver and kubelet, or set `authentication.anonymous.enabled: false` in the KubeletConfiguration.',
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests',
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
    ],
    compliance: { 'cis-kubernetes': ['1.2.1', '4.2.1'], 'nist-800-53': ['IA-2', 'AC-14'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'KubeletConfiguration'],
  },
  run(ctx) {
    const out = componentFlagFindings(ctx, {
      components: ['kube-apiserver', 'kubelet'],
      flag: 'anonymous-auth',
      judge: (v, inv) => (String(v).toLowerCase() === 'false' ? undefined : `${describe(inv)} sets --anonymous-auth=${String(v)}`),
      whenAbsent: (inv) => `${describe(inv)} does not pass --anonymous-auth=false (the default is true)`,
      // a kubelet with a configuration file takes the setting from the file (default false)
      deferredBy: { kubelet: ['config'] },
    });
    for (const r of kubeletConfigurations(ctx)) {
      const path = 'authentication.anonymous.enabled';
      const v = asBool(getPath(r.attributes, path));
      if (isUnknown(v)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `KubeletConfiguration ${r.name}: ${path} is unresolved` });
      else if (v === true) out.push({ resource: r, attributePath: path, message: `KubeletConfiguration ${r.name} enables anonymous requests to the kubelet`, evidence: `${path}: true` });
    }
    return out.map(fromView);
  },
});
