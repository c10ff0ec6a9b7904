import { isObject, isUnknown, type Resource, type Value, type ValueObject } from '../../model/index.js';
import { expandAttribute } from '../_lib/password-attributes.js';
import { literalSecret, looksLikePath, looksSecretName, maskSecret, severityForPassword } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const TF = ['terraform', 'terraform-plan'];

/** Environment maps (name -> value) per type. */
const ENV_MAPS: Array<{ types: string[]; path: string; sources: string[] }> = [
  { types: ['aws_lambda_function'], path: 'environment[*].variables', sources: TF },
  { types: ['AWS::Lambda::Function'], path: 'Environment.Variables', sources: ['cloudformation'] },
  { types: ['AWS::Serverless::Function'], path: 'Environment.Variables', sources: ['cloudformation'] },
  {
    types: ['azurerm_linux_function_app', 'azurerm_windows_function_app', 'azurerm_function_app', 'azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_app_service'],
    path: 'app_settings',
    sources: TF,
  },
  { types: ['google_cloudfunctions_function'], path: 'environment_variables', sources: TF },
  { types: ['azurerm_container_group'], path: 'container[*].environment_variables', sources: TF },
  { types: ['azurerm_container_group'], path: 'container[*].secure_environment_variables', sources: TF },
  { types: ['google_cloudfunctions2_function'], path: 'service_config[*].environment_variables', sources: TF },
];

/** A CodeBuild variable of type PARAMETER_STORE or SECRETS_MANAGER holds the name of a secret, not the secret. */
const plaintextBuildVariable = (key: string) => (e: ValueObject) => {
  const t = e[key];
  return t === undefined || t === null || (typeof t === 'string' && /^plaintext$/i.test(t));
};
/** Elastic Beanstalk option settings: only the application environment namespace holds environment variables. */
const beanstalkEnvironment = (key: string) => (e: ValueObject) => e[key] === 'aws:elasticbeanstalk:application:environment';

/** Environment lists of {name, value} entries per type (`when` keeps only the entries that are environment variables with literal values). */
const ENV_LISTS: Array<{ types: string[]; path: string; name: string; value: string; sources: string[]; when?: (entry: ValueObject) => boolean }> = [
  { types: ['AWS::ECS::TaskDefinition'], path: 'ContainerDefinitions[*].Environment[*]', name: 'Name', value: 'Value', sources: ['cloudformation'] },
  { types: ['AWS::Batch::JobDefinition'], path: 'ContainerProperties.Environment[*]', name: 'Name', value: 'Value', sources: ['cloudformation'] },
  { types: ['AWS::CodeBuild::Project'], path: 'Environment.EnvironmentVariables[*]', name: 'Name', value: 'Value', sources: ['cloudformation'], when: plaintextBuildVariable('Type') },
  { types: ['aws_codebuild_project'], path: 'environment[*].environment_variable[*]', name: 'name', value: 'value', sources: TF, when: plaintextBuildVariable('type') },
  { types: ['AWS::ElasticBeanstalk::Environment', 'AWS::ElasticBeanstalk::ConfigurationTemplate'], path: 'OptionSettings[*]', name: 'OptionName', value: 'Value', sources: ['cloudformation'], when: beanstalkEnvironment('Namespace') },
  { types: ['aws_elastic_beanstalk_environment', 'aws_elastic_beanstalk_configuration_template'], path: 'setting[*]', name: 'name', value: 'value', sources: TF, when: beanstalkEnvironment('namespace') },
  { types: ['google_cloud_run_v2_service', 'google_cloud_run_v2_job'], path: 'template[*].containers[*].env[*]', name: 'name', value: 'value', sources: TF },
  { types: ['azurerm_container_app'], path: 'template[*].container[*].env[*]', name: 'name', value: 'value', sources: TF },
  { types: ['google_cloud_run_service'], path: 'template[*].spec[*].containers[*].env[*]', name: 'name', value: 'value', sources: TF },
];

interface EnvHit {
  path: string;
  name: string;
  secret: string;
}

function fromEntry(path: string, name: string, value: Value | undefined): EnvHit | undefined {
  if (!looksSecretName(name)) return undefined;
  const secret = literalSecret(value);
  if (secret === undefined || looksLikePath(secret) || /^(true|false)$/i.test(secret)) return undefined;
  return { path, name, secret };
}

/** aws_ecs_task_definition.container_definitions is a JSON string; its environment entries are reported at the attribute. */
function ecsContainerDefinitions(r: Resource): EnvHit[] {
  const raw = r.attributes.container_definitions;
  if (typeof raw !== 'string' || isUnknown(raw)) return [];
  let defs: unknown;
  try {
    defs = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(defs)) return [];
  const out: EnvHit[] = [];
  for (const def of defs as Value[]) {
    if (!isObject(def) || !Array.isArray(def.environment)) continue;
    for (const e of def.environment) {
      if (!isObject(e) || typeof e.name !== 'string') continue;
      const hit = fromEntry('container_definitions', e.name, e.value);
      if (hit) out.push(hit);
    }
  }
  return out;
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-022',
    title: 'Function or container environment holds a hard-coded secret',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An environment variable of a Lambda function, ECS task, Batch job, CodeBuild project (plaintext variables), Elastic Beanstalk environment, App Service / Function App, Container Instance / Container App, Cloud Function or Cloud Run service is named like a secret (`DB_PASSWORD`, `API_KEY`, `CLIENT_SECRET`...) and set to a literal. The value is in the repository and the Terraform state, and is shown to anyone who can read the function configuration (`lambda:GetFunctionConfiguration`, the portal, `gcloud functions describe`). A weak or common password raises the severity to critical.',
    remediation:
      'Reference a secret store instead of a literal: Secrets Manager / Parameter Store (ECS `secrets`, CodeBuild `PARAMETER_STORE` / `SECRETS_MANAGER` variables, Lambda extension or SDK at start-up), Key Vault references (`@Microsoft.KeyVault(...)`) in App Service settings, Secret Manager (`secret_environment_variables`, Cloud Run `value_source.secret_key_ref`). Rotate the exposed values.',
    references: [
      'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption',
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data-secrets.html',
      'https://learn.microsoft.com/en-us/azure/app-service/app-service-key-vault-references',
      'https://cloud.google.com/functions/docs/configuring/secrets',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)', 'SC-28'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: [...new Set([...ENV_MAPS, ...ENV_LISTS].flatMap((s) => s.types)), 'aws_ecs_task_definition'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const push = (r: Resource, hit: EnvHit): void => {
      out.push({
        resource: r,
        attributePath: hit.path,
        key: `${hit.path}#${hit.name}`,
        severity: severityForPassword(hit.secret, 'high'),
        message: `${r.type} ${r.name} sets environment variable ${hit.name} to a literal secret`,
        evidence: `${hit.name}=${maskSecret(hit.secret)}`,
      });
    };
    for (const spec of ENV_MAPS) {
      for (const r of ctx.ofType(...spec.types)) {
        if (!spec.sources.includes(r.source)) continue;
        for (const m of expandAttribute(r.attributes, spec.path)) {
          if (!isObject(m.value)) continue;
          for (const [name, value] of Object.entries(m.value)) {
            const hit = fromEntry(`${m.path}.${name}`, name, value);
            if (hit) push(r, hit);
          }
        }
      }
    }
    for (const spec of ENV_LISTS) {
      for (const r of ctx.ofType(...spec.types)) {
        if (!spec.sources.includes(r.source)) continue;
        for (const m of expandAttribute(r.attributes, spec.path)) {
          if (!isObject(m.value) || (spec.when && !spec.when(m.value))) continue;
          const name = m.value[spec.name];
          if (typeof name !== 'string') continue;
          const hit = fromEntry(`${m.path}.${spec.value}`, name, m.value[spec.value]);
          if (hit) push(r, hit);
        }
      }
    }
    for (const r of ctx.ofType('aws_ecs_task_definition')) {
      if (!TF.includes(r.source)) continue;
      for (const hit of ecsContainerDefinitions(r)) push(r, hit);
    }
    return out;
  },
});
