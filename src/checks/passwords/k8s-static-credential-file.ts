import { componentFlagFindings, describe } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

const FLAGS: Record<string, string> = {
  'basic-auth-file': 'static user names and passwords (HTTP basic authentication, removed in Kubernetes 1.19)',
  'token-auth-file': 'static bearer tokens',
};

export default defineCheck({
  meta: {
    id: 'TET-PASS-067',
    title: 'Kubernetes API server authenticates with a static password or token file',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A `--basic-auth-file` or `--token-auth-file` holds long-lived credentials in clear text on the control-plane node. They never expire, cannot be revoked without restarting the API server, and are not tied to an identity provider, so a leaked line is cluster access for as long as the file stays.',
    remediation: 'Remove `--basic-auth-file` and `--token-auth-file`; authenticate people through OIDC or client certificates and workloads through service account tokens.',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/authentication/#static-token-file'],
    compliance: { 'cis-kubernetes': ['1.2.2'], 'nist-800-53': ['IA-5'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet'],
  },
  run(ctx) {
    return Object.entries(FLAGS)
      .flatMap(([flag, what]) =>
        componentFlagFindings(ctx, {
          components: ['kube-apiserver'],
          flag,
          judge: (v, inv) => (v === true || v === '' ? undefined : `${describe(inv)} accepts ${what} from ${v}`),
        }),
      )
      .map(fromView);
  },
});
