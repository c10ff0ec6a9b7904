import { componentFlagFindings, describe } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

const FLAGS: Record<string, string> = {
  'client-cert-auth': 'clients',
  'peer-client-cert-auth': 'cluster peers',
};

export default defineCheck({
  meta: {
    id: 'TET-PASS-071',
    title: 'etcd accepts clients or peers without a certificate',
    pillar: 'passwords',
    severity: 'high',
    description:
      'etcd holds every Kubernetes object, Secrets included, and has no other authentication in a Kubernetes control plane than TLS client certificates. With `--client-cert-auth` (or `--peer-client-cert-auth`) false, which is the default, anyone who reaches port 2379 (or 2380) reads and rewrites the cluster state, bypassing the API server, its authentication, RBAC and audit log.',
    remediation: 'Start etcd with `--client-cert-auth=true --trusted-ca-file=...` and `--peer-client-cert-auth=true --peer-trusted-ca-file=...` (kubeadm does), or set `client-transport-security.client-cert-auth: true` and `peer-transport-security.client-cert-auth: true` in its configuration file.',
    references: ['https://etcd.io/docs/v3.5/op-guide/security/', 'https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/#securing-etcd-clusters'],
    compliance: { 'cis-kubernetes': ['2.2', '2.5'], 'nist-800-53': ['IA-3', 'IA-5', 'SC-8'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet'],
  },
  run(ctx) {
    return Object.entries(FLAGS)
      .flatMap(([flag, who]) =>
        componentFlagFindings(ctx, {
          components: ['etcd'],
          flag,
          judge: (v, inv) => (String(v).toLowerCase() === 'true' ? undefined : `${describe(inv)} accepts ${who} without a certificate (--${flag}=${String(v)})`),
          whenAbsent: (inv) => `${describe(inv)} does not pass --${flag}=true, so it accepts ${who} without a certificate (the default is false)`,
          // a configuration file sets transport security for the whole server
          deferredBy: { etcd: ['config-file'] },
        }),
      )
      .map(fromView);
  },
});
