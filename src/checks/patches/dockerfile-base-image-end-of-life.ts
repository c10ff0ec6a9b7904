import { baseImageOf, dockerfiles, shippedStages, stagesOf } from '../_lib/dockerfile-stages.js';
import { describeVerdict } from '../_lib/eol.js';
import { imageEol } from '../_lib/images.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PATCH-020',
    title: 'Dockerfile builds the shipped image on an end-of-life release',
    pillar: 'patches',
    severity: 'high',
    description:
      'The final image (or a stage it is built FROM) starts from an official image whose release line no longer receives security fixes, e.g. node 14, python 2.7, ubuntu 18.04, debian buster, alpine 3.16 or any centos. Vulnerabilities found after its end stay in every container started from it. Build-only stages whose files are merely copied are not judged.',
    remediation: 'Move FROM to a supported release of the image (see data/eol.yaml for the dates used) and rebuild.',
    references: [
      'https://endoflife.date/',
      'https://nodejs.org/en/about/previous-releases',
      'https://devguide.python.org/versions/',
      'https://ubuntu.com/about/release-cycle',
      'https://wiki.debian.org/LTS',
      'https://alpinelinux.org/releases/',
    ],
    compliance: { 'cis-docker': ['4.2'], 'nist-800-53': ['SA-22', 'SI-2'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      const stages = stagesOf(r);
      const shipped = shippedStages(r, stages);
      for (const st of stages) {
        if (!shipped.has(st.index)) continue;
        const base = baseImageOf(st);
        if (!base || base.unknownTag) continue;
        const ends = imageEol(base.image);
        if (ends.length === 0) continue;
        const why = ends.map((e) => `${e.subject} ${describeVerdict(e.verdict)}`).join('; ');
        out.push({ resource: r, attributePath: `${st.path}.from`, key: st.path, message: `stage ${st.index} base image ${base.image.raw}: ${why}`, evidence: `FROM ${String(st.from.raw)}` });
      }
    }
    return out;
  },
});
