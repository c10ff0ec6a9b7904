import { credentialLeaves } from '../_lib/secret-scan.js';
import { maskSecret, PRIVATE_KEY_HEADER } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-007',
    affinity: 'secret-scan',
    title: 'Private key embedded in configuration',
    pillar: 'passwords',
    severity: 'critical',
    description:
      'An attribute contains a PEM, OpenSSH or PGP private key (`-----BEGIN ... PRIVATE KEY-----`), for example a TLS key in `aws_iam_server_certificate`, a ConfigMap or a load balancer listener. Whoever reads the repository can impersonate the server or log in as the key\'s owner, and can decrypt recorded TLS traffic that used RSA key exchange.',
    remediation:
      'Revoke and replace the key. Keep private keys out of configuration: issue certificates with ACM / Key Vault / Certificate Manager, read keys at run time from a secret store, or mount them from a Kubernetes Secret that is created outside the repository (External Secrets, Sealed Secrets, CSI secret store).',
    references: [
      'https://docs.aws.amazon.com/acm/latest/userguide/import-certificate.html',
      'https://kubernetes.io/docs/concepts/configuration/secret/#information-security-for-secrets',
      'https://www.rfc-editor.org/rfc/rfc7468',
    ],
    compliance: { 'nist-800-53': ['IA-5(2)', 'SC-12'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation', 'kubernetes'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { resource: r, leaves } of credentialLeaves(ctx)) {
      for (const leaf of leaves) {
        const m = PRIVATE_KEY_HEADER.exec(leaf.value);
        if (!m) continue;
        const body = leaf.value.slice(m.index);
        // a header followed by a placeholder body ("...") is documentation, not a key
        if (!/[A-Za-z0-9+/=]{40,}/.test(body)) continue;
        out.push({
          resource: r,
          attributePath: leaf.path,
          key: leaf.path,
          message: `${r.type} ${r.name} embeds a ${m[1]!.toLowerCase()} in \`${leaf.key || leaf.path}\``,
          evidence: `-----BEGIN ${m[1]}----- ${maskSecret(body.slice(m[0].length).trim(), { strength: false })}`,
        });
      }
    }
    return out;
  },
});
