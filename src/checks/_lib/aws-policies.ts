/**
 * Finds the AWS policy documents held by Terraform, plan and CloudFormation
 * resources, and says where each statement element sits (for file:line).
 */
import type { Location, Resource, Value } from '../../model/index.js';
import { getPath, locate } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { parsePolicy, policyFromDocumentBlocks, type PolicyElement, type PolicyInput, type PolicyStatement } from './iam-policy.js';
import { lineOfJsonKey } from './json-text-lines.js';

/**
 * identity: attached to a principal; trust: a role's assume-role policy;
 * resource: an S3 bucket policy; service: another service's resource policy
 * (SQS, SNS, KMS, ECR, Secrets Manager, OpenSearch, EFS, Glacier);
 * any: a Terraform policy document, which may be used for any of these.
 */
export type PolicyRole = 'identity' | 'trust' | 'resource' | 'service' | 'any';

export interface PolicyRef {
  resource: Resource;
  /** attribute path of the document inside the resource ("" for an aws_iam_policy_document) */
  path: string;
  role: PolicyRole;
  input: PolicyInput;
}

const TF_SOURCES = new Set(['terraform', 'terraform-plan']);
export const TF_POLICY_DOCUMENT = 'data.aws_iam_policy_document';

interface Holder {
  types: string[];
  terraform: boolean;
  /** attribute paths of documents; a "[]" segment fans out over a list */
  paths: Array<[string, PolicyRole]>;
}

const HOLDERS: Holder[] = [
  { types: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'], terraform: true, paths: [['policy', 'identity']] },
  { types: ['aws_iam_role'], terraform: true, paths: [['inline_policy[].policy', 'identity'], ['assume_role_policy', 'trust']] },
  { types: ['aws_s3_bucket_policy', 'aws_s3_bucket'], terraform: true, paths: [['policy', 'resource']] },
  { types: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'], terraform: false, paths: [['PolicyDocument', 'identity']] },
  { types: ['AWS::IAM::Role'], terraform: false, paths: [['Policies[].PolicyDocument', 'identity'], ['AssumeRolePolicyDocument', 'trust']] },
  { types: ['AWS::IAM::User', 'AWS::IAM::Group'], terraform: false, paths: [['Policies[].PolicyDocument', 'identity']] },
  { types: ['AWS::S3::BucketPolicy'], terraform: false, paths: [['PolicyDocument', 'resource']] },
  ...serviceHolders(),
];

/** Resource policies of services other than S3. */
function serviceHolders(): Holder[] {
  return [
    { types: ['aws_sqs_queue_policy', 'aws_sqs_queue', 'aws_sns_topic_policy', 'aws_sns_topic', 'aws_kms_key', 'aws_ecr_repository_policy', 'aws_secretsmanager_secret_policy', 'aws_secretsmanager_secret', 'aws_efs_file_system_policy', 'aws_ecr_registry_policy', 'aws_kms_key_policy', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key'], terraform: true, paths: [['policy', 'service']] },
    { types: ['aws_elasticsearch_domain_policy', 'aws_elasticsearch_domain', 'aws_opensearch_domain_policy', 'aws_opensearch_domain'], terraform: true, paths: [['access_policies', 'service']] },
    { types: ['aws_glacier_vault'], terraform: true, paths: [['access_policy', 'service']] },
    // Glue Data Catalog, EventBridge bus, DynamoDB table/stream and Kinesis stream resource policies
    { types: ['aws_glue_resource_policy', 'aws_cloudwatch_event_bus_policy', 'aws_dynamodb_resource_policy', 'aws_kinesis_resource_policy'], terraform: true, paths: [['policy', 'service']] },
    { types: ['aws_codeartifact_domain_permissions_policy', 'aws_codeartifact_repository_permissions_policy'], terraform: true, paths: [['policy_document', 'service']] },
    { types: ['AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'], terraform: false, paths: [['PolicyDocument', 'service']] },
    { types: ['AWS::KMS::Key', 'AWS::KMS::ReplicaKey'], terraform: false, paths: [['KeyPolicy', 'service']] },
    { types: ['AWS::ECR::RegistryPolicy'], terraform: false, paths: [['PolicyText', 'service']] },
    { types: ['AWS::ECR::Repository'], terraform: false, paths: [['RepositoryPolicyText', 'service']] },
    { types: ['AWS::SecretsManager::ResourcePolicy'], terraform: false, paths: [['ResourcePolicy', 'service']] },
    { types: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'], terraform: false, paths: [['AccessPolicies', 'service']] },
    { types: ['AWS::EFS::FileSystem'], terraform: false, paths: [['FileSystemPolicy', 'service']] },
  ];
}

/** Native types whose policy is a non-S3 service resource policy. */
export const SERVICE_POLICY_TYPES = new Set(serviceHolders().flatMap((h) => h.types));

function expand(resource: Resource, path: string): string[] {
  const at = path.indexOf('[]');
  if (at < 0) return [path];
  const listPath = path.slice(0, at);
  const rest = path.slice(at + 2);
  const list = getPath(resource.attributes, listPath);
  if (!Array.isArray(list)) return [];
  return list.flatMap((_, i) => expand(resource, `${listPath}[${i}]${rest}`));
}

/** True when the attribute is set from a Terraform aws_iam_policy_document, which is examined on its own. */
function fromPolicyDocument(ctx: CheckContext, resource: Resource, path: string): boolean {
  return ctx.referencedBy(resource, path).some((t) => t.type === TF_POLICY_DOCUMENT);
}

const CACHE = new WeakMap<CheckContext, PolicyRef[]>();

/**
 * Every policy document in the model, optionally only those of some roles
 * (Terraform policy documents, role "any", are always included). Parsed once
 * per check context and shared by every policy check.
 */
export function policyDocuments(ctx: CheckContext, roles?: PolicyRole[]): PolicyRef[] {
  let all = CACHE.get(ctx);
  if (!all) {
    all = findPolicyDocuments(ctx);
    CACHE.set(ctx, all);
  }
  return roles ? all.filter((ref) => ref.role === 'any' || roles.includes(ref.role)) : all;
}

function findPolicyDocuments(ctx: CheckContext): PolicyRef[] {
  const out: PolicyRef[] = [];
  for (const holder of HOLDERS) {
    for (const resource of ctx.ofType(...holder.types)) {
      if (holder.terraform !== TF_SOURCES.has(resource.source)) continue;
      for (const [pattern, role] of holder.paths) {
        // a plain attribute that is not set holds no document (most buckets have no inline policy)
        if (resource.attributes[pattern] === undefined && !pattern.includes('[') && !pattern.includes('.')) continue;
        for (const path of expand(resource, pattern)) {
          if (holder.terraform && fromPolicyDocument(ctx, resource, path)) continue;
          const input = parsePolicy(getPath(resource.attributes, path));
          if (input.kind !== 'absent') out.push({ resource, path, role, input });
        }
      }
    }
  }
  for (const resource of ctx.ofType(TF_POLICY_DOCUMENT)) {
    if (!TF_SOURCES.has(resource.source)) continue;
    let input = policyFromDocumentBlocks(resource.attributes);
    let path = '';
    if (input.kind === 'absent') {
      input = parsePolicy(resource.attributes.json as Value | undefined);
      path = 'json';
    }
    if (input.kind !== 'absent') out.push({ resource, path, role: 'any', input });
  }
  return out;
}

/** Attribute path of a statement element (falls back to the statement, then the document). */
export function elementPath(ref: PolicyRef, st: PolicyStatement, element?: PolicyElement): string {
  if (ref.input.kind !== 'document' || ref.input.fromString) return ref.path;
  const inner = (element && st.elementPaths[element]) || st.path;
  return ref.path ? `${ref.path}.${inner}` : inner;
}

/**
 * Where a finding on a statement element points: its attribute path (also the
 * finding key), plus, for a policy written as a multi-line JSON string (a
 * Terraform heredoc, a CloudFormation `!Sub |` block), the line of the element
 * inside that string, which no attribute location covers.
 */
export function elementTarget(ref: PolicyRef, st: PolicyStatement, element?: PolicyElement): { attributePath: string; location?: Location } {
  const attributePath = elementPath(ref, st, element);
  if (ref.input.kind !== 'document' || !ref.input.fromString || ref.input.text === undefined || !ref.path) return { attributePath };
  const holder = ref.resource.attributeLocations[ref.path] ? locate(ref.resource, ref.path) : undefined;
  if (!holder) return { attributePath };
  const inner = (element && st.elementPaths[element]) || st.path;
  const location = lineOfJsonKey(holder, ref.input.text, inner);
  return location ? { attributePath, location } : { attributePath };
}

/** Statements of a document that are identity-style (no Principal), i.e. grant permissions to whoever holds the policy. */
export function permissionStatements(ref: PolicyRef): PolicyStatement[] {
  if (ref.input.kind !== 'document') return [];
  if (ref.role === 'trust' || ref.role === 'resource') return [];
  return ref.input.document.statements.filter((s) => s.principal === undefined && s.notPrincipal === undefined);
}

/** A readable label of a policy holder for messages. */
export function describeRef(ref: PolicyRef): string {
  return ref.path && ref.path !== 'json' ? `${ref.resource.type} ${ref.resource.name} (${ref.path})` : `${ref.resource.type} ${ref.resource.name}`;
}
