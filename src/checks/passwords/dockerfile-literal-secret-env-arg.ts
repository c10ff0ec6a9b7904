import { dockerfiles, globalArgs, stageList, stagesOf } from '../_lib/dockerfile-stages.js';
import { literalSecret, looksLikePath, looksSecretName, maskSecret, severityForPassword } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-018',
    title: 'Dockerfile ENV or ARG sets a secret to a literal value',
    pillar: 'passwords',
    severity: 'high',
    description:
      'An `ENV` or an `ARG` default whose name says it holds a secret (`DB_PASSWORD`, `API_KEY`, `NPM_TOKEN`...) is given a literal value. The value sits in the repository, and ENV values are also baked into the image configuration, readable with `docker inspect` by anyone who can pull the image. A weak or common password raises the severity to critical.',
    remediation:
      'Remove the value. Pass build-time secrets with BuildKit secret mounts (`RUN --mount=type=secret,id=npm_token ...`, `docker build --secret`), and run-time secrets through the orchestrator (Kubernetes Secrets, ECS secrets from Secrets Manager, Docker secrets).',
    references: [
      'https://docs.docker.com/build/building/secrets/',
      'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
    ],
    compliance: { 'cis-docker': ['4.10'], 'nist-800-53': ['IA-5(7)'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      const entries = [
        ...globalArgs(r).map((e) => ({ ...e, kind: 'ARG', value: e.entry.default })),
        ...stagesOf(r).flatMap((s) => [
          ...stageList(s, 'args').map((e) => ({ ...e, kind: 'ARG', value: e.entry.default })),
          ...stageList(s, 'env').map((e) => ({ ...e, kind: 'ENV', value: e.entry.value })),
        ]),
      ];
      for (const { entry, path, kind, value } of entries) {
        const name = typeof entry.key === 'string' ? entry.key : undefined;
        if (!name || !looksSecretName(name)) continue;
        const secret = literalSecret(value);
        if (secret === undefined || looksLikePath(secret)) continue;
        out.push({
          resource: r,
          attributePath: path,
          key: path,
          severity: severityForPassword(secret, 'high'),
          message: `${kind} ${name} is set to a literal secret${kind === 'ARG' ? ' (default value)' : ''}`,
          evidence: `${kind} ${name}=${maskSecret(secret)}`,
        });
      }
    }
    return out;
  },
});
