import { isUnknown } from '../../model/index.js';
import { elementTarget, policyDocuments } from '../_lib/aws-policies.js';
import { conditionRestrictsCallers, coversAction, isAllow, principalIsAnyone, renderList } from '../_lib/iam-policy.js';
import { s3PublicAccessCatalogue } from '../_lib/s3-public-access.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-008',
    affinity: 'aws-policies',
    title: 'S3 bucket policy lets anyone write or administer the bucket',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'A bucket policy statement that allows Principal "*" to put or delete objects, or to change the bucket policy or ACL, without a condition lets anyone on the internet plant malware, wipe data or take over the bucket\'s access rules.',
    remediation: 'Grant write access only to named principals; if public access is needed, restrict it to s3:GetObject, and enable S3 Block Public Access on the bucket and account.',
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html'],
    compliance: { 'cis-aws': ['2.1.4'], 'nist-800-53': ['AC-3', 'AC-6', 'AC-21'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: ['aws_s3_bucket_policy', 'aws_s3_bucket', 'data.aws_iam_policy_document', 'AWS::S3::BucketPolicy'],
  },
  run(ctx) {
    const writes = s3PublicAccessCatalogue().write_actions;
    const out: FindingDraft[] = [];
    for (const ref of policyDocuments(ctx, ['resource'])) {
      if (ref.input.kind !== 'document') continue;
      for (const st of ref.input.document.statements) {
        // a condition on the Referer or User-Agent header alone is written by the caller: no restriction
        if (isAllow(st) !== true || st.principal === undefined || conditionRestrictsCallers(st.condition)) continue;
        const hits = writes.filter((a) => coversAction(st, a) === true);
        if (hits.length === 0) continue;
        const anyone = principalIsAnyone(st.principal);
        const key = `${ref.path}#${st.index}`;
        const target = elementTarget(ref, st, 'Principal');
        if (anyone === true)
          out.push({ resource: ref.resource, key, ...target, message: `${ref.resource.type} ${ref.resource.name} lets anyone ${hits.length > 3 ? `${hits.slice(0, 3).join(', ')} and ${hits.length - 3} more` : hits.join(', ')}`, evidence: `Effect: Allow; Principal: "*"; ${st.action !== undefined ? `Action: ${renderList(st.action)}` : `NotAction: ${renderList(st.notAction)}`}; ${st.condition !== undefined ? 'only a caller-supplied (Referer / User-Agent) condition' : 'no Condition'}` });
        else if (isUnknown(anyone)) out.push({ resource: ref.resource, key, ...target, verdict: 'unknown', message: `${ref.resource.type} ${ref.resource.name}: the principal granted write access is unresolved (${anyone.toString()})` });
      }
    }
    return out;
  },
});
