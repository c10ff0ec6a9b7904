import { baseImageOf, dockerfiles, stagesOf } from '../_lib/dockerfile-stages.js';
import { usesLatest } from '../_lib/images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-018',
    title: 'Dockerfile base image uses the latest tag or no tag',
    pillar: 'patches',
    severity: 'medium',
    description:
      '`FROM image` without a tag, or with `:latest`, builds on whatever was pushed last. Two builds of the same commit can ship different operating-system packages, and you cannot say which patches an image contains or rebuild a known one.',
    remediation: 'Name an explicit version tag in FROM (for example `FROM python:3.13-slim`), ideally with its digest, and bump it deliberately.',
    references: [
      'https://docs.docker.com/reference/dockerfile/#from',
      'https://docs.docker.com/build/building/best-practices/#from',
    ],
    compliance: { 'cis-docker': ['4.2'], 'nist-800-53': ['CM-2', 'SI-2'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const st of stagesOf(r)) {
        const base = baseImageOf(st);
        if (!base || base.unknownTag || base.unknownDigest) continue;
        if (!usesLatest(base.image)) continue;
        const how = base.image.tag === null ? 'has no tag (pulls "latest")' : 'uses the "latest" tag';
        out.push({ resource: r, attributePath: `${st.path}.from`, key: st.path, message: `stage ${st.index} base image ${base.image.raw} ${how}`, evidence: `FROM ${String(st.from.raw)}` });
      }
    }
    return out;
  },
});
