import { getPath, isObject, parsePath, type Resource } from '../../model/index.js';
import { credentialLeaves } from '../_lib/secret-scan.js';
import { knownTokens, looksSecretName, maskSecret } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * True when a name-based check already reports this string: the attribute
 * key itself is secret-named (TET-PASS-022/023/024), or it is the `value` of
 * an `env` entry whose `name` is (TET-PASS-017), or a container command
 * line (TET-PASS-025).
 */
function reportedByName(r: Resource, path: string, key: string): boolean {
  if (key && looksSecretName(key)) return true;
  // container command lines are TET-PASS-025's
  if (r.source === 'kubernetes' && /\.(command|args)\[\d+\]$/.test(path)) return true;
  if (key === 'value' || key === 'Value') {
    const segs = parsePath(path);
    const entry = getPath(r.attributes, segs.slice(0, -1));
    const name = isObject(entry) ? (entry.name ?? entry.Name) : undefined;
    return typeof name === 'string' && looksSecretName(name);
  }
  return false;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-027',
    affinity: 'secret-scan',
    title: 'Service access token written in configuration',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An attribute contains an access token in a documented vendor format: a GitHub, GitLab, npm, PyPI or Docker Hub token, a Slack token or webhook, a Stripe secret key, a Google API key or a Vault token (data/passwords/token-patterns.yaml). These prefixes exist so that leaked tokens can be recognised, and automated scanners of public repositories use them within minutes of a push. The token grants whatever its owner granted it, often write access to source code or packages.',
    remediation: 'Revoke the token at the vendor, remove it from the configuration and its history, and deliver it at run time from a secret store (Secrets Manager, Key Vault, Secret Manager, a Kubernetes Secret created outside the repository).',
    references: [
      'https://docs.github.com/en/code-security/secret-scanning/introduction/about-secret-scanning',
      'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/',
      'https://cwe.mitre.org/data/definitions/798.html',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation', 'kubernetes'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { resource: r, leaves } of credentialLeaves(ctx)) {
      for (const leaf of leaves) {
        const tokens = knownTokens(leaf.value);
        if (tokens.length === 0 || reportedByName(r, leaf.path, leaf.key)) continue;
        tokens.forEach((t, i) => {
          out.push({
            resource: r,
            attributePath: leaf.path,
            key: `${leaf.path}#${i}`,
            message: `${r.type} ${r.name} contains a ${t.name} in \`${leaf.key || leaf.path}\``,
            evidence: `${t.name}: ${maskSecret(t.token, { strength: false })}`,
          });
        });
      }
    }
    return out;
  },
});
