import { usesLatest } from '../_lib/images.js';
import { SERVICE_IMAGE_TYPES, serviceImages } from '../_lib/service-images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-027',
    title: 'Container service (managed or Docker Compose) runs an image by the latest tag or no tag',
    pillar: 'patches',
    severity: 'medium',
    description:
      'An ECS task definition, Lambda container function, Cloud Run service, Azure container group / Container App, App Runner service or Docker Compose service names its image without a tag or as `latest`. Each deployment or scale-out may pull a different build, so nobody can tell which patches are running or roll back to a known one.',
    remediation: 'Reference an explicit version tag, ideally pinned by digest (`repo/app:1.4.2@sha256:...`), and update it through your deployment pipeline.',
    references: [
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-considerations.html',
      'https://cloud.google.com/run/docs/deploying#images',
      'https://learn.microsoft.com/azure/container-registry/container-registry-image-tag-version',
    ],
    compliance: { 'nist-800-53': ['CM-2', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation', 'docker-compose'],
    resourceTypes: SERVICE_IMAGE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const si of serviceImages(ctx)) {
      if (!usesLatest(si.image)) continue;
      const how = si.image.tag === null ? 'has no tag (pulls "latest")' : 'uses the "latest" tag';
      const who = si.container ? `container "${si.container}" of ${si.resource.type} ${si.resource.name}` : `${si.resource.type} ${si.resource.name}`;
      out.push({ resource: si.resource, attributePath: si.path, key: si.key, message: `${who}: image ${si.image.raw} ${how}`, evidence: `image: ${si.image.raw}` });
    }
    return out;
  },
});
