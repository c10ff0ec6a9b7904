import { credentialLeaves } from '../_lib/secret-scan.js';
import { awsKeyIds, maskSecret } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-006',
    affinity: 'secret-scan',
    title: 'AWS access key id written in configuration',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An attribute contains an AWS access key id (`AKIA...` for a long-term IAM user key, `ASIA...` for a temporary one). Where the id is, its secret access key is rarely far away, in the same file or the same commit; long-term keys never expire on their own and are the most common credential leaked from repositories.',
    remediation:
      'Delete the key in IAM (or deactivate it first), remove it from the configuration and its history, and give the workload a role instead: an instance profile, IRSA / EKS Pod Identity, an ECS task role, or OIDC federation for CI.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation', 'kubernetes'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { resource: r, leaves } of credentialLeaves(ctx)) {
      for (const leaf of leaves) {
        const ids = [...new Set(awsKeyIds(leaf.value))];
        ids.forEach((id, i) => {
          out.push({
            resource: r,
            attributePath: leaf.path,
            key: `${leaf.path}#${i}`,
            message: `${r.type} ${r.name} contains an AWS ${id.startsWith('ASIA') ? 'temporary' : 'long-term'} access key id in \`${leaf.key || leaf.path}\``,
            evidence: maskSecret(id, { strength: false }),
          });
        });
      }
    }
    return out;
  },
});
