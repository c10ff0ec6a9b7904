// A user-defined check in TypeScript: loaded with `tetrad scan --checks-dir examples/custom-checks/checks`.
// Outside this repository, import defineCheck from the installed tetrad package instead.
import { isUnknown, type ValueObject } from '../../../src/model/index.js';
import { defineCheck, type FindingDraft } from '../../../src/checks/engine/types.js';

const APPROVED = ['registry.acme.example', 'ghcr.io/acme'];

export default defineCheck({
  meta: {
    id: 'ACME-IMG-001',
    title: 'Base image comes from an unapproved registry',
    pillar: 'patches',
    severity: 'medium',
    description: 'Images outside the company registry are not scanned or rebuilt when a base layer gets a security fix, so they drift behind on patches.',
    remediation: 'Build FROM a mirror in registry.acme.example or ghcr.io/acme.',
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('Dockerfile')) {
      const stages = r.attributes.stages as ValueObject[];
      stages.forEach((stage, i) => {
        const from = stage.from as ValueObject;
        if (from.stage !== null || from.scratch === true) return; // a stage reference or an empty base is not pulled
        const image = from.image;
        const path = `stages[${i}].from`;
        if (isUnknown(image)) {
          out.push({ resource: r, attributePath: path, key: path, verdict: 'unknown', message: `stage ${i} base image is a build argument (${image.toString()})` });
          return;
        }
        const name = `${typeof from.registry === 'string' ? `${from.registry}/` : ''}${String(from.repository)}`;
        if (!APPROVED.some((prefix) => name.startsWith(`${prefix}/`))) {
          out.push({ resource: r, attributePath: path, key: path, message: `stage ${i} builds on ${String(image)}, outside the approved registries`, evidence: `FROM ${String(from.raw)}` });
        }
      });
    }
    return out;
  },
});
