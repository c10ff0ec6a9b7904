import { asString } from '../../model/index.js';
import { literalsAt } from '../_lib/password-attributes.js';
import { maskSecret, PRIVATE_KEY_HEADER } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * Provider blocks reach the model as resources of type `provider.<name>`
 * (`provider.aws`, `provider.azurerm`...). Attributes that authenticate the
 * provider, per provider.
 */
const CREDENTIAL_ATTRIBUTES: Record<string, string[]> = {
  'provider.aws': ['access_key', 'secret_key', 'token'],
  'provider.azurerm': ['client_secret', 'client_certificate_password'],
  'provider.azuread': ['client_secret', 'client_certificate_password'],
  'provider.google': ['access_token'],
  'provider.google-beta': ['access_token'],
  'provider.github': ['token'],
  'provider.gitlab': ['token'],
  'provider.kubernetes': ['token', 'password', 'client_key'],
  'provider.vault': ['token'],
  'provider.datadog': ['api_key', 'app_key'],
  'provider.cloudflare': ['api_token', 'api_key'],
  'provider.digitalocean': ['token'],
  'provider.postgresql': ['password'],
  'provider.mysql': ['password'],
};

export default defineCheck({
  meta: {
    id: 'TET-PASS-005',
    title: 'Provider block holds hard-coded credentials',
    pillar: 'passwords',
    severity: 'critical',
    description:
      'A Terraform provider block carries an access key, secret key, client secret, token or service-account key as a literal. Anyone who can read the repository can act with the provider\'s identity, usually a highly privileged deployment principal. An AWS secret key is among the first things automated scrapers of public repositories look for.',
    remediation:
      'Remove the credentials from the configuration and rotate them. Authenticate through the environment instead: AWS profiles, SSO or OIDC-federated roles (`assume_role_with_web_identity`), Azure managed identity or OIDC (`use_oidc = true`), Google Application Default Credentials / workload identity federation.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration',
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/service_principal_oidc',
      'https://cloud.google.com/docs/authentication/provide-credentials-adc',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)', 'AC-2'] },
    sources: ['terraform'],
    resourceTypes: Object.keys(CREDENTIAL_ATTRIBUTES),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.fromSource('terraform')) {
      if (!r.type.startsWith('provider.')) continue;
      for (const attribute of CREDENTIAL_ATTRIBUTES[r.type] ?? []) {
        for (const { path, secret } of literalsAt(r, attribute)) {
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            message: `provider "${r.type.slice('provider.'.length)}" has a hard-coded \`${attribute}\``,
            evidence: `${attribute} = ${maskSecret(secret, { strength: false })}`,
          });
        }
      }
      // google / google-beta: `credentials` holds a path or the JSON key itself; only the key is a finding
      if (r.type === 'provider.google' || r.type === 'provider.google-beta') {
        const credentials = asString(r.attributes.credentials);
        if (credentials !== undefined && (/"private_key"\s*:/.test(credentials) || PRIVATE_KEY_HEADER.test(credentials))) {
          out.push({ resource: r, attributePath: 'credentials', key: 'credentials', message: 'provider "google" has a service-account key embedded in `credentials`', evidence: `credentials = ${maskSecret(credentials, { strength: false })}` });
        }
      }
    }
    return out;
  },
});
