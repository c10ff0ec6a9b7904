import { isUnknown } from '../../model/index.js';
import { readText, resourcesOf, TERRAFORM_SOURCES } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-009',
    title: 'GKE cluster is taken out of release channels',
    pillar: 'patches',
    severity: 'low',
    description:
      '`release_channel { channel = "UNSPECIFIED" }` opts the cluster out of GKE release channels. Upgrades then follow the static "no channel" schedule, node auto-upgrade can be switched off, and the cluster tends to lag behind patched versions.',
    remediation: 'Enrol the cluster in the `REGULAR` or `STABLE` channel (or `RAPID`/`EXTENDED` where suitable).',
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#channel-1',
    ],
    compliance: { 'nist-800-53': ['SI-2'] },
    sources: ['terraform', 'terraform-plan'],
    resourceTypes: ['google_container_cluster'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of resourcesOf(ctx, ['google_container_cluster'], TERRAFORM_SOURCES)) {
      const path = 'release_channel[0].channel';
      const channel = readText(r, path);
      if (channel === undefined || isUnknown(channel) || channel.toUpperCase() !== 'UNSPECIFIED') continue;
      out.push({ resource: r, attributePath: path, message: `GKE cluster ${r.name} is not enrolled in a release channel`, evidence: 'release_channel.channel = UNSPECIFIED' });
    }
    return out;
  },
});
