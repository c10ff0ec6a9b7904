import { asBool, getPath, isObject, isUnknown, type Value } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';

const SHAPES = [
  { type: 'AWS::MSK::Cluster', sources: ['cloudformation'] as readonly string[], block: 'ClientAuthentication', flag: 'ClientAuthentication.Unauthenticated.Enabled' },
  { type: 'aws_msk_cluster', sources: TERRAFORM_SOURCES, block: 'client_authentication[0]', flag: 'client_authentication[0].unauthenticated' },
];

const absent = (v: Value | undefined) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

export default defineCheck({
  meta: {
    id: 'TET-PASS-085',
    title: 'MSK cluster accepts clients without authentication',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An Amazon MSK (provisioned) cluster with unauthenticated access turned on, or with no client authentication configured at all (then unauthenticated access is what MSK gives), lets any client that reaches a broker produce and consume every topic and, without Kafka ACLs, change topics and consumer groups. Network reach becomes the only control.',
    remediation:
      'Turn on IAM, SASL/SCRAM or mutual-TLS client authentication (`ClientAuthentication.Sasl.Iam.Enabled: true` / `client_authentication { sasl { iam = true } }`) and set unauthenticated access to false.',
    references: ['https://docs.aws.amazon.com/msk/latest/developerguide/kafka_apis_iam.html', 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-authentication.html', 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-msk-cluster-unauthenticated.html'],
    compliance: { 'nist-800-53': ['IA-2', 'IA-3', 'AC-3'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation'],
    resourceTypes: SHAPES.map((s) => s.type),
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const s of SHAPES) {
      for (const r of resourcesOf(ctx, [s.type], s.sources)) {
        const block = getPath(r.attributes, s.block);
        if (isUnknown(block)) {
          out.push({ resource: r, attributePath: s.block, verdict: 'unknown', message: `${r.type} ${r.name}: the client authentication is unresolved (${block.toString()})` });
          continue;
        }
        if (absent(block) || (isObject(block) && Object.keys(block).length === 0)) {
          out.push({ resource: r, message: `${r.type} ${r.name} configures no client authentication: MSK then accepts unauthenticated clients`, evidence: `${s.block} not set` });
          continue;
        }
        const v = asBool(getPath(r.attributes, s.flag));
        if (isUnknown(v)) out.push({ resource: r, attributePath: s.flag, verdict: 'unknown', message: `${r.type} ${r.name}: unauthenticated access is unresolved (${v.toString()})` });
        else if (v === true) out.push({ resource: r, attributePath: s.flag, message: `${r.type} ${r.name} has unauthenticated client access turned on: any client that reaches a broker can read and write topics`, evidence: `${s.flag} = true` });
      }
    }
    return out;
  },
});
