import { componentFlagFindings, describe } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;
const PORTS: Record<string, number> = { 'kube-controller-manager': 10257, 'kube-scheduler': 10259 };

export default defineCheck({
  meta: {
    id: 'TET-PORTS-064',
    title: 'Kubernetes controller manager or scheduler listens on every interface',
    pillar: 'ports',
    severity: 'medium',
    description:
      'kube-controller-manager (port 10257) and kube-scheduler (port 10259) serve health, metrics and, unless `--profiling=false`, pprof endpoints. With `--bind-address` unset (0.0.0.0) or set to a routable address, they answer every host that reaches the control-plane node, which only needs to reach the local kubelet and API server; their flaws and debug endpoints become reachable from the node network.',
    remediation: 'Run kube-controller-manager and kube-scheduler with `--bind-address=127.0.0.1` (kubeadm does), and scrape their metrics through the API server or a local agent.',
    references: [
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/',
    ],
    compliance: { 'cis-kubernetes': ['1.3.7', '1.4.2'], 'nist-800-53': ['SC-7', 'CM-7'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet'],
  },
  run(ctx) {
    return componentFlagFindings(ctx, {
      components: ['kube-controller-manager', 'kube-scheduler'],
      flag: 'bind-address',
      judge: (v, inv) => (v !== true && LOOPBACK.test(v.trim()) ? undefined : `${describe(inv)} listens on ${v === true ? 'every interface' : String(v)}:${PORTS[inv.component] ?? ''} instead of the loopback address`),
      whenAbsent: (inv) => `${describe(inv)} sets no --bind-address, so it listens on every interface (0.0.0.0:${PORTS[inv.component] ?? ''})`,
    }).map(fromView);
  },
});
