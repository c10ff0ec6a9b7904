import { asBool, getPath, isObject, isUnknown, type Resource, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';

/** The four S3 Block Public Access settings: CloudFormation spelling, Terraform spelling, what turning it off allows. */
const SETTINGS = [
  ['BlockPublicAcls', 'block_public_acls', 'new public ACLs (canned public-read, AllUsers grants) are accepted'],
  ['IgnorePublicAcls', 'ignore_public_acls', 'existing public ACLs take effect'],
  ['BlockPublicPolicy', 'block_public_policy', 'a bucket policy granting public access is accepted'],
  ['RestrictPublicBuckets', 'restrict_public_buckets', 'a public bucket policy lets anyone in, not only AWS services and the account'],
] as const;

const TERRAFORM_TYPES = ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'];

/**
 * One finding per setting that is off. In a written configuration an omitted
 * setting is false (CloudFormation and the S3 API both default each field to
 * false). A bucket without any configuration is not judged: since April 2023
 * S3 turns all four settings on for new buckets, so its absence is no longer
 * an open door.
 */
function judge(r: Resource, base: string, config: Value | undefined, spelling: 0 | 1, out: FindingDraft[], coveredElsewhere?: (name: string) => boolean): void {
  for (const s of SETTINGS) {
    const name = s[spelling];
    if (coveredElsewhere?.(name)) continue;
    const path = base ? `${base}.${name}` : name;
    const raw = isObject(config) ? config[name] : undefined;
    const v = asBool(raw);
    if (isUnknown(v)) {
      out.push({ resource: r, key: name, attributePath: path, verdict: 'unknown', message: `${r.type} ${r.name}: ${name} is unresolved (${v.toString()})` });
    } else if (v !== true) {
      const explicit = raw !== undefined && raw !== null;
      out.push({
        resource: r,
        key: name,
        // an omitted setting points at the configuration (or the resource) that leaves it out
        attributePath: explicit ? path : base || undefined,
        message: `${r.type} ${r.name}: ${name} is ${explicit ? 'off' : 'not set (off)'}, so ${s[2]}`,
        evidence: `${name} = ${explicit ? String(raw) : 'absent (false)'}`,
      });
    }
  }
}

export default defineCheck({
  meta: {
    id: 'TET-PRIV-064',
    title: 'S3 Block Public Access setting turned off',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'S3 Block Public Access is the guard rail that keeps a bucket private even when someone later adds a public ACL or a bucket policy for "*". A public access block (bucket or account) with BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy or RestrictPublicBuckets off, or left out of a written configuration (each field defaults to false), removes that guard: one mistaken ACL or policy then publishes the data.',
    remediation:
      'Set all four settings to true (`PublicAccessBlockConfiguration` in CloudFormation, `aws_s3_bucket_public_access_block` / `aws_s3_account_public_access_block` in Terraform). Serve public content through CloudFront with origin access control instead of a public bucket.',
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-publicaccessblockconfiguration.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_public_access_block',
    ],
    compliance: { 'cis-aws': ['2.1.4'], 'nist-800-53': ['AC-3', 'AC-21'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['AWS::S3::Bucket', ...TERRAFORM_TYPES],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of resourcesOf(ctx, ['AWS::S3::Bucket'], ['cloudformation'])) {
      const config = getPath(r.attributes, 'PublicAccessBlockConfiguration');
      if (config === undefined || config === null) continue;
      if (isUnknown(config)) {
        out.push({ resource: r, attributePath: 'PublicAccessBlockConfiguration', verdict: 'unknown', message: `${r.type} ${r.name}: the public access block is unresolved (${config.toString()})` });
        continue;
      }
      judge(r, 'PublicAccessBlockConfiguration', config, 0, out);
    }
    // S3 applies the more restrictive of the account and bucket settings: a setting the account-level block
    // turns on is on for every bucket, whatever the bucket's own block says (one account per scan assumed)
    const accountBlocks = resourcesOf(ctx, ['aws_s3_account_public_access_block'], TERRAFORM_SOURCES);
    const onForAccount = (name: string) => accountBlocks.some((a) => asBool(getPath(a.attributes, name)) === true);
    for (const r of resourcesOf(ctx, TERRAFORM_TYPES, TERRAFORM_SOURCES)) {
      judge(r, '', r.attributes, 1, out, r.type === 'aws_s3_bucket_public_access_block' ? onForAccount : undefined);
    }
    // terraform-aws-modules/s3-bucket: the settings written as module inputs (the stand-in's public_access_block)
    for (const r of resourcesOf(ctx, ['aws_s3_bucket'], TERRAFORM_SOURCES)) {
      const block = getPath(r.attributes, 'public_access_block');
      if (r.meta?.registryModule !== 'terraform-aws-modules/s3-bucket/aws' || !isObject(block)) continue;
      judge(r, 'public_access_block', block, 1, out, (name) => block[name] === undefined || onForAccount(name));
    }
    return out;
  },
});
