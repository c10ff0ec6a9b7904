import type { Resource } from '../../model/index.js';
import { parameterDefault } from '../_lib/password-attributes.js';
import { secretNamedLeaves, USER_DATA_KEYS } from '../_lib/secret-scan.js';
import { awsKeyIds, literalSecret, looksLikePath, looksSecretName, maskSecret, PRIVATE_KEY_HEADER, severityForPassword, stringLeaves, urlCredentials } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * Attribute keys other password checks already report for these types
 * (TET-PASS-001, 002, 003, 010), so one literal is reported once.
 */
const COVERED_KEYS = new Set([
  'password', 'master_password', 'admin_user_password', 'master_user_password', 'administrator_login_password', 'administrator_password',
  'sql_administrator_login_password', 'admin_password', 'root_password', 'MasterUserPassword', 'AdminUserPassword', 'Password',
]);
const COVERED_TYPES = /^(aws_db_instance|aws_rds_cluster|aws_redshift_cluster|aws_docdb_cluster|aws_docdb_elastic_cluster|aws_redshiftserverless_namespace|aws_mq_broker|aws_opensearch_domain|aws_elasticsearch_domain|aws_directory_service_directory|azurerm_.*(server|instance|workspace|cluster|virtual_machine.*|virtual_machine_scale_set)|google_sql_user|google_sql_database_instance|google_container_cluster|AWS::(RDS::DBInstance|RDS::DBCluster|Redshift::Cluster|DocDB::DBCluster|DocDBElastic::Cluster|RedshiftServerless::Namespace|AmazonMQ::Broker|OpenSearchService::Domain|Elasticsearch::Domain|DirectoryService::MicrosoftAD|DirectoryService::SimpleAD))$/;

/** Path segments under which TET-PASS-022 reads environment variables. */
const ENVIRONMENT_SEGMENTS = new Set(['secure_environment_variables', 'environment', 'variables', 'Environment', 'Variables', 'app_settings', 'environment_variables', 'env', 'container_definitions', 'ContainerDefinitions']);

/** Keys that name a secret kept elsewhere (google `secret = "slack-token"` in secret_environment_variables). */
const NAMES_A_SECRET = new Set(['secret', 'secrets', 'Secret', 'Secrets']);

function covered(r: Resource, path: string, key: string): boolean {
  if (NAMES_A_SECRET.has(key)) return true;
  const segments = path.split(/[.[\]]/).filter(Boolean);
  if (segments.some((s) => USER_DATA_KEYS.has(s) || ENVIRONMENT_SEGMENTS.has(s))) return true;
  // a block that describes secrets (token_validity_units, password_policy) holds settings, not secrets
  if (segments.slice(0, -1).some((s) => !/^\d+$/.test(s) && !looksSecretName(s) && /pass|secret|token|key|credential/i.test(s))) return true;
  return COVERED_TYPES.test(r.type) && COVERED_KEYS.has(key);
}

/** Values that name or point at a secret, or configure something, rather than being one. */
function notASecretValue(value: string): boolean {
  // URLs with passwords, private keys and AWS key ids have their own checks (TET-PASS-008, 007, 006);
  // vendor tokens under a secret-looking name stay here (TET-PASS-027 leaves those to the name-based checks)
  if (urlCredentials(value).length > 0 || PRIVATE_KEY_HEADER.test(value) || awsKeyIds(value).length > 0) return true;
  return looksLikePath(value) || /^arn:/i.test(value) || /^(true|false|yes|no|on|off|enabled?|disabled?|required|optional|none|seconds|minutes|hours|days)$/i.test(value) || /^https?:\/\/[^@]*$/i.test(value);
}

/**
 * Resources whose whole purpose is to hold a secret: their value attribute is
 * a secret whatever it is called. `when` restricts to a configuration (SSM
 * parameters only when SecureString).
 */
const SECRET_VALUE_ATTRIBUTES: Array<{ types: string[]; path: string; when?: (r: Resource) => boolean }> = [
  { types: ['azurerm_key_vault_secret'], path: 'value' },
  { types: ['aws_ssm_parameter'], path: 'value', when: (r) => r.attributes.type === 'SecureString' },
  { types: ['aws_ssm_parameter'], path: 'insecure_value', when: (r) => r.attributes.type === 'SecureString' },
  { types: ['github_actions_secret', 'github_actions_environment_secret', 'github_dependabot_secret', 'github_codespaces_secret'], path: 'plaintext_value' },
  { types: ['vault_generic_secret', 'vault_kv_secret_v2', 'vault_kv_secret'], path: 'data_json' },
  { types: ['kubernetes_secret', 'kubernetes_secret_v1'], path: 'data' },
  { types: ['kubernetes_secret', 'kubernetes_secret_v1'], path: 'binary_data' },
];

/** `api_key { key = "x-api-key", value = "..." }`: the value of a block named like a secret is the secret. */
function valueOfSecretBlock(path: string, key: string): boolean {
  if (key !== 'value' && key !== 'Value') return false;
  const parent = path.split(/[.[\]]/).filter((seg) => seg !== '' && !/^\d+$/.test(seg)).slice(-2, -1)[0];
  return parent !== undefined && looksSecretName(parent);
}

function secretValueLeaves(r: Resource): Array<{ path: string; key: string; value: string }> {
  const out: Array<{ path: string; key: string; value: string }> = [];
  for (const spec of SECRET_VALUE_ATTRIBUTES) {
    if (!spec.types.includes(r.type) || (spec.when && !spec.when(r))) continue;
    out.push(...stringLeaves(r.attributes[spec.path], spec.path).map((l) => ({ ...l, key: l.key || spec.path })));
  }
  return out;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-023',
    affinity: 'secret-scan',
    title: 'Secret-named attribute holds a literal value',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A resource attribute or map entry whose name says it holds a secret (`client_secret`, `auth_token`, `secret_string`, `api_key`, `token`, `credentials`...), or the value of a resource that exists to hold one (Key Vault secret, SecureString SSM parameter, GitHub Actions secret, Vault secret, Terraform-managed Kubernetes Secret), is set to a literal in the template. The value is committed with the code and copied into the Terraform state and CloudFormation template history; anyone with read access to either has the credential. Attributes owned by a more specific password check are left to it. A weak or common password raises the severity to critical.',
    remediation: 'Take the value from a secret store at deploy time (Secrets Manager / SSM `{{resolve:...}}` dynamic references, a `sensitive` Terraform variable without a default, `random_password`, Key Vault or Secret Manager data sources) and rotate the exposed one.',
    references: ['https://cwe.mitre.org/data/definitions/798.html', 'https://developer.hashicorp.com/terraform/language/state/sensitive-data', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html'],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.fromSource('terraform', 'terraform-plan', 'cloudformation')) {
      if (r.type.startsWith('provider.') || r.type.startsWith('data.') || r.type === 'random_password' || r.type === 'random_string') continue;
      const valueLeaves = secretValueLeaves(r);
      const valuePaths = new Set(valueLeaves.map((l) => l.path));
      // the memoised name test first: it rules out nearly every leaf before any path is hashed
      // from the walk shared with the credential-value checks (same leaves, same order as walking here)
      const named = secretNamedLeaves(ctx, r).filter(
        (leaf) => (looksSecretName(leaf.key) || valueOfSecretBlock(leaf.path, leaf.key)) && !valuePaths.has(leaf.path) && !covered(r, leaf.path, leaf.key),
      );
      for (const leaf of [...valueLeaves, ...named]) {
        const secret = literalSecret(leaf.value);
        if (secret === undefined || notASecretValue(secret)) continue;
        // a CloudFormation parameter Default is where such a secret is written
        const fromDefault = parameterDefault(r, leaf.path);
        out.push({
          resource: r,
          attributePath: leaf.path,
          ...(fromDefault ? { location: fromDefault.location } : {}),
          key: leaf.path,
          severity: severityForPassword(secret, 'high'),
          message: `${r.type} ${r.name} sets \`${leaf.key}\` to a literal secret${fromDefault ? ` (the Default of template parameter ${fromDefault.parameter})` : ''}`,
          evidence: `${leaf.key} = ${maskSecret(secret)}`,
        });
      }
    }
    return out;
  },
});
