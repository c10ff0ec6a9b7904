import { asBool, getPath, isUnknown } from '../../model/index.js';
import { componentInvocations, describe, flagList, isFalseFlag, kubeletConfigurations } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Feature gates that, turned off, stop a kubelet certificate's renewal (the client gate is GA and locked on since 1.19; older clusters still read it). */
const GATES: Record<string, string> = { RotateKubeletServerCertificate: 'serving', RotateKubeletClientCertificate: 'client' };

export default defineCheck({
  meta: {
    id: 'TET-PASS-087',
    title: 'Kubernetes kubelet certificate rotation turned off',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The kubelet authenticates to the API server with a client certificate and serves its own API (exec, logs, port-forward) with a serving certificate. With `--rotate-certificates=false` / `rotateCertificates: false` the client certificate is never renewed, (nor with the `RotateKubeletClientCertificate` feature gate off, on clusters older than 1.19), and with the `RotateKubeletServerCertificate` feature gate off (on the kubelet or on kube-controller-manager, which approves and signs the requests) the serving certificate is never renewed either: a stolen node credential stays valid until it expires, often a year, and when it does expire the node drops out of the cluster. Only explicit settings are reported; the absent setting follows the distribution (kubeadm turns rotation on).',
    remediation: 'Remove `--rotate-certificates=false` (or pass `--rotate-certificates=true`) and set `rotateCertificates: true` in the KubeletConfiguration; remove `RotateKubeletServerCertificate=false` from `--feature-gates` / `featureGates` of the kubelet and kube-controller-manager, and set `serverTLSBootstrap: true` so the kubelet requests its serving certificate from the cluster CA.',
    references: [
      'https://kubernetes.io/docs/tasks/tls/certificate-rotation/',
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation',
      'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
    ],
    compliance: { 'cis-kubernetes': ['1.3.6', '4.2.11', '4.2.12'], 'nist-800-53': ['IA-5', 'SC-12', 'SC-17'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'KubeletConfiguration'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const inv of componentInvocations(ctx)) {
      if (inv.component === 'kubelet') {
        const rotate = inv.flags.get('rotate-certificates');
        if (rotate && isFalseFlag(rotate.value)) {
          out.push({ resource: inv.resource, key: `${inv.container.path}:rotate-certificates`, attributePath: rotate.path, message: `${describe(inv)} never renews its client certificate (--rotate-certificates=${String(rotate.value)})`, evidence: `--rotate-certificates=${String(rotate.value)}` });
        }
      }
      if (inv.component !== 'kubelet' && inv.component !== 'kube-controller-manager') continue;
      const gates = inv.flags.get('feature-gates');
      for (const [gateName, which] of Object.entries(GATES)) {
        // `--feature-gates=A=true,B=false`: the last entry for a gate wins, as in the component's own parser
        const gate = flagList(gates).filter((g) => g.split('=')[0]!.trim() === gateName).pop();
        if (gates && gate && isFalseFlag(gate.slice(gate.indexOf('=') + 1))) {
          out.push({ resource: inv.resource, key: `${inv.container.path}:feature-gates:${gateName}`, attributePath: gates.path, message: `${describe(inv)} turns off the ${gateName} feature gate, so kubelet ${which} certificates are never renewed`, evidence: `--feature-gates=...${gate}` });
        }
      }
    }
    for (const r of kubeletConfigurations(ctx)) {
      const rotate = getPath(r.attributes, 'rotateCertificates');
      if (isUnknown(rotate)) out.push({ resource: r, attributePath: 'rotateCertificates', verdict: 'unknown', message: `KubeletConfiguration ${r.name}: rotateCertificates is unresolved` });
      else if (asBool(rotate) === false) out.push({ resource: r, attributePath: 'rotateCertificates', message: `KubeletConfiguration ${r.name} sets rotateCertificates: false, so the kubelet never renews its client certificate`, evidence: `rotateCertificates: ${String(rotate)}` });
      for (const [gateName, which] of Object.entries(GATES)) {
        const gate = getPath(r.attributes, ['featureGates', gateName]);
        if (isUnknown(gate)) out.push({ resource: r, attributePath: `featureGates.${gateName}`, verdict: 'unknown', message: `KubeletConfiguration ${r.name}: featureGates.${gateName} is unresolved` });
        else if (asBool(gate) === false) out.push({ resource: r, attributePath: `featureGates.${gateName}`, message: `KubeletConfiguration ${r.name} turns off the ${gateName} feature gate, so the kubelet ${which} certificate is never renewed`, evidence: `featureGates.${gateName}: ${String(gate)}` });
      }
    }
    return out.map(fromView);
  },
});
