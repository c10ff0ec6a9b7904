import { isUnknown } from '../../model/index.js';
import { elementTarget, policyDocuments } from '../_lib/aws-policies.js';
import { conditionRestrictsCallers, coversAction, isAllow, principalIsAnyone, renderList } from '../_lib/iam-policy.js';
import { s3PublicAccessCatalogue } from '../_lib/s3-public-access.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-036',
    affinity: 'aws-policies',
    title: 'S3 bucket policy lets anyone read the bucket',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'A bucket policy statement that allows Principal "*" to get or list objects without a condition publishes the bucket to the internet; backups, exports and logs put there later become public too. (Statements that also allow writes are reported by TET-PRIV-008.)',
    remediation: 'Serve public content through CloudFront with origin access control, or restrict the statement with conditions (aws:SourceVpce, aws:PrincipalOrgID); enable S3 Block Public Access for buckets that must stay private.',
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html', 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html'],
    compliance: { 'cis-aws': ['2.1.4'], 'nist-800-53': ['AC-3', 'AC-21'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_s3_bucket_policy', 'aws_s3_bucket', 'data.aws_iam_policy_document', 'AWS::S3::BucketPolicy'],
  },
  run(ctx) {
    const { read_actions: reads, write_actions: writes } = s3PublicAccessCatalogue();
    const out: FindingDraft[] = [];
    for (const ref of policyDocuments(ctx, ['resource'])) {
      if (ref.input.kind !== 'document') continue;
      for (const st of ref.input.document.statements) {
        // a condition on the Referer or User-Agent header alone is written by the caller: no restriction
        if (isAllow(st) !== true || st.principal === undefined || conditionRestrictsCallers(st.condition)) continue;
        const hits = reads.filter((a) => coversAction(st, a) === true);
        if (hits.length === 0 || writes.some((a) => coversAction(st, a) === true)) continue;
        // a Terraform policy document counts only when it names S3 actions (it may be any kind of policy)
        if (ref.role === 'any' && (isUnknown(st.action) || !(st.action ?? []).some((a) => typeof a === 'string' && /^s3:/i.test(a)))) continue;
        const anyone = principalIsAnyone(st.principal);
        const key = `${ref.path}#${st.index}`;
        const target = elementTarget(ref, st, 'Principal');
        if (anyone === true) out.push({ resource: ref.resource, key, ...target, message: `${ref.resource.type} ${ref.resource.name} lets anyone ${hits.join(', ')}`, evidence: `Effect: Allow; Principal: "*"; Action: ${renderList(st.action)}; ${st.condition !== undefined ? 'only a caller-supplied (Referer / User-Agent) condition' : 'no Condition'}` });
        else if (isUnknown(anyone)) out.push({ resource: ref.resource, key, ...target, verdict: 'unknown', message: `${ref.resource.type} ${ref.resource.name}: the principal granted read access is unresolved (${anyone.toString()})` });
      }
    }
    return out;
  },
});
