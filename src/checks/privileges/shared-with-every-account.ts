import { asList, getPath, isUnknown, type Resource, type Unknown, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** `value` names every AWS account (`all`, `All`, `*`), in a list or a comma-separated string; Unknown when an unresolved entry could. */
function namesEveryone(value: Value | undefined, spellings: readonly string[]): boolean | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  const entries = typeof value === 'string' ? value.split(',') : asList(value);
  let unknown: Unknown | undefined;
  for (const e of entries) {
    if (isUnknown(e)) unknown ??= e;
    else if (typeof e === 'string' && spellings.includes(e.trim().toLowerCase())) return true;
  }
  return unknown ?? false;
}

interface ShareSpec {
  type: string;
  /** attribute holding the accounts or principal */
  path: string;
  /** lower-case spellings that mean every account */
  everyone: readonly string[];
  what: string;
  /** an attribute that narrows the share to an organization (Lambda layers) */
  narrowedBy?: string;
}

const SPECS: readonly ShareSpec[] = [
  { type: 'aws_ami_launch_permission', path: 'group', everyone: ['all'], what: 'AMI launch permission' },
  { type: 'aws_db_snapshot', path: 'shared_accounts', everyone: ['all'], what: 'RDS snapshot' },
  { type: 'aws_db_cluster_snapshot', path: 'shared_accounts', everyone: ['all'], what: 'RDS cluster snapshot' },
  // permissions = { type = "Share", account_ids = "All" } (a comma-separated string)
  { type: 'aws_ssm_document', path: 'permissions.account_ids', everyone: ['all'], what: 'SSM document' },
  { type: 'aws_lambda_layer_version_permission', path: 'principal', everyone: ['*'], what: 'Lambda layer version', narrowedBy: 'organization_id' },
  { type: 'AWS::Lambda::LayerVersionPermission', path: 'Principal', everyone: ['*'], what: 'Lambda layer version', narrowedBy: 'OrganizationId' },
];

function judge(r: Resource, spec: ShareSpec): FindingDraft | undefined {
  const verdict = namesEveryone(getPath(r.attributes, spec.path), spec.everyone);
  if (verdict === undefined || verdict === false) return undefined;
  if (spec.narrowedBy !== undefined) {
    const org = getPath(r.attributes, spec.narrowedBy);
    if (isUnknown(org)) return { resource: r, attributePath: spec.path, verdict: 'unknown', message: `${r.type} ${r.name}: shared with "*" unless ${spec.narrowedBy} (unresolved: ${org.toString()}) limits it` };
    if (typeof org === 'string' && org.trim() !== '') return undefined;
  }
  if (isUnknown(verdict)) return { resource: r, attributePath: spec.path, verdict: 'unknown', message: `${r.type} ${r.name}: ${spec.path} is unresolved (${verdict.toString()})` };
  return { resource: r, attributePath: spec.path, message: `${spec.what} ${r.name} is shared with every AWS account`, evidence: `${spec.path} names every account` };
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-055',
    title: 'Image, snapshot, document or layer shared with every AWS account',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A launch permission with group `all`, a DB snapshot shared with `all`, an SSM document shared with `All` or a Lambda layer version granted to `*` is public: any AWS account can launch the image, restore the database, run or read the document, or pull the layer. Public images and snapshots are routinely mined for embedded keys, passwords and customer data.',
    remediation:
      'Share with named account ids (or an organization / organizational unit ARN) instead: `account_id` / `organization_arn` on `aws_ami_launch_permission`, account ids in `shared_accounts`, account ids in the SSM document `permissions`, an account principal or `organization_id` on the layer permission. Turn on EC2 and EBS block public access at the account level.',
    references: [
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
      'https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html',
      'https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-1',
    ],
    compliance: { 'nist-800-53': ['AC-3', 'AC-21'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SPECS.map((s) => s.type),
  },
  run: (ctx) => SPECS.flatMap((spec) => ctx.ofType(spec.type).flatMap((r) => judge(r, spec) ?? [])),
});
