import { baseImageOf, dockerfiles, stagesOf } from '../_lib/dockerfile-stages.js';
import { isDigestPinned } from '../_lib/images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-019',
    title: 'Dockerfile base image is not pinned by digest',
    pillar: 'patches',
    severity: 'low',
    description:
      'A tag in FROM can be moved to another build at any time, by the publisher or by anyone who can push to the repository. Without `@sha256:` the build cannot prove which base, and so which patch level, it used.',
    remediation: 'Pin FROM by digest (`FROM node:22.11-alpine@sha256:<digest>`) and let update tooling (Renovate, Dependabot) bump tag and digest together.',
    references: [
      'https://docs.docker.com/reference/dockerfile/#from',
      'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions',
    ],
    compliance: { 'cis-docker': ['4.2'], 'nist-800-53': ['CM-2', 'SI-7'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const st of stagesOf(r)) {
        const base = baseImageOf(st);
        if (!base || base.unknownDigest) continue;
        if (isDigestPinned(base.image)) continue;
        out.push({ resource: r, attributePath: `${st.path}.from`, key: st.path, message: `stage ${st.index} base image ${base.image.raw} is not pinned by digest`, evidence: `FROM ${String(st.from.raw)}` });
      }
    }
    return out;
  },
});
