import { describeVerdict } from '../_lib/eol.js';
import { imageEol } from '../_lib/images.js';
import { SERVICE_IMAGE_TYPES, serviceImages } from '../_lib/service-images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-028',
    title: 'Container service (managed or Docker Compose) runs an image from an end-of-life release',
    pillar: 'patches',
    severity: 'high',
    description:
      'An ECS task definition, Lambda container function, Cloud Run service, Azure container group / Container App, App Runner service or Docker Compose service runs an official image whose release line (for example node 16, python 3.8, debian buster, centos) no longer receives security fixes.',
    remediation: 'Move the service to a supported release of the image (see data/eol.yaml for the dates used), rebuild and redeploy.',
    references: ['https://endoflife.date/', 'https://nodejs.org/en/about/previous-releases', 'https://devguide.python.org/versions/', 'https://wiki.debian.org/LTS'],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['terraform', 'terraform-plan', 'cloudformation', 'docker-compose'],
    resourceTypes: SERVICE_IMAGE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const si of serviceImages(ctx)) {
      const ends = imageEol(si.image);
      if (ends.length === 0) continue;
      const why = ends.map((e) => `${e.subject} ${describeVerdict(e.verdict)}`).join('; ');
      const who = si.container ? `container "${si.container}" of ${si.resource.type} ${si.resource.name}` : `${si.resource.type} ${si.resource.name}`;
      out.push({ resource: si.resource, attributePath: si.path, key: si.key, message: `${who}: image ${si.image.raw}: ${why}`, evidence: `image: ${si.image.raw}` });
    }
    return out;
  },
});
