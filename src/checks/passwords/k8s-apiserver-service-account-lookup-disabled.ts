import { componentFlagFindings, describe, isFalseFlag } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-088',
    title: 'Kubernetes API server accepts service account tokens without checking they still exist',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'With `--service-account-lookup=false` kube-apiserver validates a service account token by its signature only and does not look up whether the service account (and, for a secret-based token, its Secret) still exists. Deleting the account or the Secret, the usual way to revoke a leaked token, then leaves the token working until the signing key changes. The default is true; only an explicit false is reported.',
    remediation: 'Remove `--service-account-lookup=false` from kube-apiserver (or pass `--service-account-lookup=true`).',
    references: [
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
      'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/',
    ],
    compliance: { 'cis-kubernetes': ['1.2.24'], 'nist-800-53': ['IA-5', 'AC-2'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet'],
  },
  run(ctx) {
    return componentFlagFindings(ctx, {
      components: ['kube-apiserver'],
      flag: 'service-account-lookup',
      judge: (v, inv) => (isFalseFlag(v) ? `${describe(inv)} accepts service account tokens of deleted accounts (--service-account-lookup=${v})` : undefined),
    }).map(fromView);
  },
});
