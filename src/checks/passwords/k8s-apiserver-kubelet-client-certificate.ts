import { componentInvocations, describe } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const FLAGS = ['kubelet-client-certificate', 'kubelet-client-key'] as const;

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
    const out: FindingDraft[] = [];
    // one finding per API server: the certificate and its key work only together
    for (const inv of componentInvocations(ctx)) {
      if (inv.component !== 'kube-apiserver') continue;
      const missing = FLAGS.filter((f) => {
        const v = inv.flags.get(f)?.value;
        return v === undefined || v === true || v.trim() === '';
      });
      if (!missing.length) continue;
      const emptyWritten = missing.map((f) => inv.flags.get(f)).find((flag) => flag !== undefined);
      const key = `${inv.container.path}:kubelet-client-certificate`;
      if (!emptyWritten && inv.hasUnknown) {
        out.push({ resource: inv.resource, key, attributePath: inv.commandPath, verdict: 'unknown', message: `${describe(inv)}: part of the command line is unresolved, --${missing.join(' and --')} may be set there` });
        continue;
      }
      out.push({
        resource: inv.resource,
        key,
        attributePath: emptyWritten ? emptyWritten.path : inv.commandPath,
        message: `${describe(inv)} ${missing.length === 2 ? 'sets neither --kubelet-client-certificate nor --kubelet-client-key' : `sets no file for --${missing[0]}`}, so it presents no client certificate to the kubelets it calls`,
        evidence: missing.map((f) => `--${f} not set`).join('; '),
      });
    }
    return out.map(fromView);
  },
});
