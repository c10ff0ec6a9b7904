import { componentFlagFindings, describe, type FlagRule } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

const isFalse = (v: string | true): boolean => v !== true && /^(false|0|f)$/i.test(v);

/**
 * The API server's connection to kubelets (exec, attach, logs, port-forward):
 * encrypted, and the kubelet verified. Its own client certificate is
 * TET-PASS-075.
 */
const KUBELET_VERIFY_RULES: FlagRule[] = [
  {
    components: ['kube-apiserver'],
    flag: 'kubelet-https',
    judge: (v, inv) => (isFalse(v) ? `${describe(inv)} talks to kubelets over plain HTTP (--kubelet-https=false)` : undefined),
  },
  {
    components: ['kube-apiserver'],
    flag: 'kubelet-certificate-authority',
    judge: (v, inv) => (v === true || v.trim() === '' ? `${describe(inv)} names no CA file for --kubelet-certificate-authority, so it does not verify kubelet serving certificates` : undefined),
    whenAbsent: (inv) => `${describe(inv)} sets no --kubelet-certificate-authority, so it does not verify the kubelet it sends exec, logs and port-forward traffic to`,
  },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-073',
    title: 'Kubernetes API server does not verify the kubelets it connects to',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'The API server connects to every kubelet for `kubectl exec`, `attach`, `logs` and `port-forward`. Without `--kubelet-certificate-authority` it accepts any certificate the other end shows, so whoever can intercept node traffic reads and injects into those sessions (and the credentials they carry); `--kubelet-https=false` (before 1.22) sends the traffic in clear text.',
    remediation: 'Pass `--kubelet-certificate-authority=<CA that signs kubelet serving certificates>` to kube-apiserver (kubelets then need CA-signed serving certificates: serverTLSBootstrap) and leave `--kubelet-https` at its default.',
    references: [
      'https://kubernetes.io/docs/concepts/architecture/control-plane-node-communication/#api-server-to-kubelet',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
    ],
    compliance: { 'cis-kubernetes': ['1.2.5'], 'nist-800-53': ['IA-3', 'SC-8', 'SC-23'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet'],
  },
  run(ctx) {
    return KUBELET_VERIFY_RULES.flatMap((rule) => componentFlagFindings(ctx, rule)).map(fromView);
  },
});
