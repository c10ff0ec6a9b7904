import { componentFlagFindings, describe, type FlagRule } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

/** The certificate and key the API server presents to kubelets: both are needed. */
const RULES: FlagRule[] = ['kubelet-client-certificate', 'kubelet-client-key'].map((flag) => ({
  components: ['kube-apiserver'],
  flag,
  judge: (v, inv) => (v === true || v.trim() === '' ? `${describe(inv)} names no file for --${flag}` : undefined),
  whenAbsent: (inv) => `${describe(inv)} sets no --${flag}, so it presents no client certificate to the kubelets it calls`,
}));

export default defineCheck({
  meta: {
    id: 'TET-PASS-075',
    title: 'Kubernetes API server presents no client certificate to kubelets',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'Kubelets authenticate the API server\'s exec, attach, logs and port-forward requests by its client certificate (`--kubelet-client-certificate` and `--kubelet-client-key`). Without one the API server calls kubelets anonymously, so those calls work only when kubelets accept anonymous requests, which lets anyone who reaches a kubelet do the same.',
    remediation: 'Pass `--kubelet-client-certificate` and `--kubelet-client-key` (kubeadm: /etc/kubernetes/pki/apiserver-kubelet-client.crt and .key, a certificate in group system:masters or bound to the kubelet-api-admin role) to kube-apiserver, and turn anonymous authentication off on kubelets.',
    references: [
      'https://kubernetes.io/docs/concepts/architecture/control-plane-node-communication/#api-server-to-kubelet',
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
    ],
    compliance: { 'cis-kubernetes': ['1.2.4'], 'nist-800-53': ['IA-3', 'IA-5(2)'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet'],
  },
  run(ctx) {
    return RULES.flatMap((rule) => componentFlagFindings(ctx, rule)).map(fromView);
  },
});
