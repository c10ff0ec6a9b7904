import { asBool, asString, isUnknown } from '../../model/index.js';
import { expandAttribute } from '../_lib/password-attributes.js';
import { literalSecret, maskSecret } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-029',
    title: 'GKE cluster uses static basic-auth or client-certificate credentials',
    pillar: 'passwords',
    severity: 'high',
    description:
      'The cluster\'s `master_auth` sets a user name and password (HTTP basic authentication to the Kubernetes API) or asks for a client certificate to be issued. Both are static credentials for a cluster-admin identity: they do not expire, cannot be revoked short of rotating the cluster credentials, bypass IAM and its audit trail, and land in the Terraform state. GKE has removed basic authentication from current versions; client certificates remain supported but are discouraged.',
    remediation: 'Remove `username`/`password` from `master_auth` and set `client_certificate_config { issue_client_certificate = false }`; authenticate with Google identities (`gcloud container clusters get-credentials`, Workload Identity) and IAM/RBAC.',
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication#legacy-auth',
      'https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#restrict_authn_methods',
    ],
    compliance: { 'nist-800-53': ['IA-2', 'IA-5(7)'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_container_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('google_container_cluster')) {
      for (const m of expandAttribute(r.attributes, 'master_auth[*].password')) {
        const secret = literalSecret(m.value);
        if (secret !== undefined) {
          const user = expandAttribute(r.attributes, m.path.replace(/\.password$/, '.username'))[0];
          out.push({
            resource: r,
            attributePath: m.path,
            key: m.path,
            message: `GKE cluster ${r.name} enables basic authentication${user && asString(user.value) ? ` for user "${asString(user.value)}"` : ''}`,
            evidence: `master_auth.password = ${maskSecret(secret)}`,
          });
        } else if (isUnknown(m.value)) {
          out.push({ resource: r, attributePath: m.path, key: m.path, verdict: 'unknown', message: `GKE cluster ${r.name}: the basic-auth password is unresolved (${m.value.toString()})` });
        }
      }
      for (const m of expandAttribute(r.attributes, 'master_auth[*].client_certificate_config[*].issue_client_certificate')) {
        const v = asBool(m.value);
        if (v === true) out.push({ resource: r, attributePath: m.path, key: m.path, message: `GKE cluster ${r.name} issues a static client certificate for the API server`, evidence: 'issue_client_certificate = true' });
      }
    }
    return out;
  },
});
