import { isExampleValue, isReference, textSecrets } from '../_lib/text-secrets.js';
import { maskSecret, severityForPassword } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** What each detector found, in words (secretlint message ids and our own kinds). */
const DESCRIBED: Record<string, string> = {
  AWSSecretAccessKey: 'an AWS secret access key',
  AKIA: 'an AWS long-term access key id',
  ASIA: 'an AWS temporary access key id',
  PrivateKeyJSON: 'a GCP service account key file',
  PrivateKeyP12: 'a GCP service account key (p12)',
  GITHUB_TOKEN: 'a GitHub token',
  GITLAB_PERSONAL_ACCESS_TOKEN: 'a GitLab personal access token',
  SLACK_TOKEN: 'a Slack token',
  IncomingWebhooks: 'a Slack incoming webhook URL',
  NPM_ACCESS_TOKEN: 'an npm access token',
};

/** Detectors whose secret is a password a person chose (the user-info of a URL): rated for strength. */
const URL_RULES = new Set(['basicauth', 'database-connection-string']);

export default defineCheck({
  meta: {
    id: 'TET-PASS-031',
    title: 'Credential in a scanned text file',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A scanned file (any text file: `.env`, `.properties`, `.ini`, JSON, scripts, source code, `.pem`, configuration, comments in IaC) holds a cloud access key, a vendor token, a private key, a database connection string or a URL with a password in it. Whoever can read the repository, the image or the artifact can use it. Detection uses the secretlint recommended rules plus AWS access key ids; documentation example values (`AKIAIOSFODNN7EXAMPLE`), placeholders and `${var}` references are not reported. A secret that a resource check already reports at the same line is reported once, by that check.',
    remediation:
      'Revoke or rotate the credential first (it must be considered leaked, including from history), then remove it from the file and its history and load it at run time from a secret store (AWS Secrets Manager or SSM SecureString, Azure Key Vault, GCP Secret Manager, Vault, Kubernetes Secrets from an external store) or use workload identity instead of a key.',
    references: [
      'https://github.com/secretlint/secretlint/tree/master/packages/@secretlint/secretlint-rule-preset-recommend',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
      'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)', 'SC-28'] },
    sources: ['text'],
    resourceTypes: ['TextFile'],
    defersToCoveringFindings: true,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { resource: r, secret: s, path } of textSecrets(ctx)) {
      if (s.detector === 'assignment') continue;
      if (isExampleValue(s.value)) continue;
      const url = URL_RULES.has(s.rule);
      if (url && isReference(s.value)) continue;
      const what = DESCRIBED[s.kind] ?? (url ? 'a URL with an embedded password' : s.rule === 'privatekey' ? 'a private key' : `a secret (${s.rule} rule ${s.kind})`);
      out.push({
        resource: r,
        attributePath: path,
        key: `${s.line}:${s.column}:${s.rule}`,
        message: `${r.name} line ${s.line} holds ${what}`,
        evidence: maskSecret(s.value, { strength: url }),
        severity: url ? severityForPassword(s.value, 'high') : undefined,
      });
    }
    return out;
  },
});
