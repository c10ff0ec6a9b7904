import { asBool, getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const SHAPES = [
  { type: 'aws_neptune_cluster', path: 'iam_database_authentication_enabled' },
  { type: 'AWS::Neptune::DBCluster', path: 'IamAuthEnabled' },
];

export default defineCheck({
  meta: {
    id: 'TET-PASS-072',
    title: 'Neptune cluster accepts queries without authentication',
    pillar: 'passwords',
    severity: 'high',
    description:
      'Amazon Neptune has no database users or passwords: IAM database authentication is its only authentication. With it off (the default), anything that reaches the cluster endpoint on port 8182, such as a compromised instance or container in the VPC or a peered network, reads and rewrites the whole graph.',
    remediation: 'Set `iam_database_authentication_enabled = true` (CloudFormation `IamAuthEnabled: true`) and grant `neptune-db:*` actions only to the roles that need them; clients sign requests with SigV4.',
    references: ['https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html', 'https://docs.aws.amazon.com/securityhub/latest/userguide/neptune-controls.html#neptune-7'],
    compliance: { 'nist-800-53': ['IA-2', 'AC-3'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SHAPES.map((s) => s.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { type, path } of SHAPES) {
      for (const r of ctx.ofType(type)) {
        const v = asBool(getPath(r.attributes, path));
        if (v === true) continue;
        if (isUnknown(v)) out.push({ resource: r, attributePath: path, verdict: 'unknown', message: `${type} ${r.name}: ${path} is unresolved (${v.toString()})` });
        else if (v === false) out.push({ resource: r, attributePath: path, message: `Neptune cluster ${r.name} turns IAM database authentication off: its endpoint answers anyone who reaches it`, evidence: `${path} = false` });
        else out.push({ resource: r, message: `Neptune cluster ${r.name} does not enable IAM database authentication (off by default): its endpoint answers anyone who reaches it`, evidence: `${path} not set` });
      }
    }
    return out;
  },
});
