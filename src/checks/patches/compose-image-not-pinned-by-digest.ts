import { isUnknown } from '../../model/index.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, composeServices, serviceLabel } from '../_lib/compose.js';
import { isDigestPinned, parseImage, usesLatest } from '../_lib/images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-041',
    title: 'Docker Compose service image is not pinned by digest',
    pillar: 'patches',
    severity: 'low',
    description:
      'A tag is a movable pointer: the registry owner (or an attacker with push rights) can point `1.4` at a different build, and `docker compose pull` then runs it. Without a `@sha256:` digest nobody can prove which build, and so which patch level, a service runs. Images with no tag or `latest` are reported by TET-PATCH-027 instead.',
    remediation: 'Append the image digest (`image: postgres:16.4@sha256:<digest>`) and let update tooling (Renovate, Dependabot) bump tag and digest together.',
    references: ['https://docs.docker.com/reference/compose-file/services/#image', 'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier'],
    compliance: { 'cis-docker': ['5.27'], 'nist-800-53': ['CM-2', 'SI-7'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      const raw = r.attributes.image;
      if (isUnknown(raw) || typeof raw !== 'string' || raw.trim() === '') continue;
      const img = parseImage(raw.trim());
      if (isDigestPinned(img) || usesLatest(img)) continue;
      out.push({ resource: r, attributePath: 'image', message: `${serviceLabel(r)} image ${img.raw} is not pinned by digest`, evidence: `image: ${img.raw}` });
    }
    return out;
  },
});
