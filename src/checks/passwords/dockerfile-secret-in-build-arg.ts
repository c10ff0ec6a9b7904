import { isUnknown, type Value } from '../../model/index.js';
import { dockerfiles, globalArgs, stageList, stagesOf } from '../_lib/dockerfile-stages.js';
import { looksSecretName } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** `ARG X` and `ARG X=""` both leave the value to --build-arg. */
function noDefault(v: Value | undefined): boolean {
  return v === null || v === undefined || v === '';
}

export default defineCheck({
  meta: {
    id: 'TET-PASS-019',
    title: 'Secret passed to the build through ARG or persisted with ENV',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A build argument named like a secret (`ARG NPM_TOKEN`) has no value in the Dockerfile, so none is committed, but whatever `--build-arg` supplies is recorded in the image history and build provenance, readable by anyone who can pull the image. The same holds for an `ENV` that copies such an argument (`ENV TOKEN=$NPM_TOKEN`): the value is written into the image configuration. Literal values are reported by TET-PASS-018 instead.',
    remediation: 'Use a BuildKit secret mount (`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci`, `docker build --secret id=npm_token,env=NPM_TOKEN`) so the secret is available to one RUN step and never stored in a layer, history or configuration.',
    references: [
      'https://docs.docker.com/build/building/secrets/',
      'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
      'https://docs.docker.com/reference/dockerfile/#arg',
    ],
    compliance: { 'cis-docker': ['4.10'], 'nist-800-53': ['IA-5(7)'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      const args = [...globalArgs(r), ...stagesOf(r).flatMap((s) => stageList(s, 'args'))];
      for (const { entry, path } of args) {
        const name = typeof entry.key === 'string' ? entry.key : undefined;
        if (!name || !looksSecretName(name) || !noDefault(entry.default)) continue;
        out.push({ resource: r, attributePath: path, key: path, message: `build argument ${name} carries a secret that will be recorded in the image history`, evidence: `ARG ${name}` });
      }
      for (const s of stagesOf(r)) {
        // only build arguments declared in the stage without a default can fill an ENV from --build-arg
        const open = new Set(stageList(s, 'args').filter((a) => noDefault(a.entry.default)).map((a) => String(a.entry.key)));
        for (const { entry, path } of stageList(s, 'env')) {
          const name = typeof entry.key === 'string' ? entry.key : undefined;
          if (!name || !looksSecretName(name) || !isUnknown(entry.value)) continue;
          const refs = [...(entry.value.expression ?? '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
          if (!refs.some((ref) => open.has(ref))) continue;
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            message: `ENV ${name} copies a build-time value into the image configuration`,
            evidence: `ENV ${name}=${entry.value.expression ?? '<build argument>'}`,
          });
        }
      }
    }
    return out;
  },
});
