import { credentialLeaves } from '../_lib/secret-scan.js';
import { maskSecret, severityForPassword, urlCredentials } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-008',
    affinity: 'secret-scan',
    title: 'Password embedded in a URL',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An attribute holds a URL with a password in its user-info part (`scheme://user:password@host`), such as a database connection string, a registry or a Git remote. The password is readable in the repository and tends to spread further: into process listings, logs, error messages and HTTP Referer headers. RFC 3986 deprecates the `user:password` form for this reason.',
    remediation: 'Drop the password from the URL and supply it separately from a secret store (Secrets Manager, Key Vault, Secret Manager, a Kubernetes Secret via `secretKeyRef`), then rotate it.',
    references: ['https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1', 'https://cwe.mitre.org/data/definitions/798.html'],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation', 'kubernetes'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { resource: r, leaves } of credentialLeaves(ctx)) {
      for (const leaf of leaves) {
        urlCredentials(leaf.value).forEach((c, i) => {
          out.push({
            resource: r,
            attributePath: leaf.path,
            key: `${leaf.path}#${i}`,
            severity: severityForPassword(c.password, 'high'),
            message: `${r.type} ${r.name} has a ${c.scheme} URL with an embedded password for user "${c.user}" in \`${leaf.key || leaf.path}\``,
            evidence: `${c.scheme}://${c.user}:${maskSecret(c.password)}@${c.host}`,
          });
        });
      }
    }
    return out;
  },
});
