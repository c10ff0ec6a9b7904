import { COMPOSE_SOURCES, COMPOSE_TYPES, composeEnv, composeServices, serviceLabel } from '../_lib/compose.js';
import { awsKeyIds, knownTokens, literalSecret, looksLikePath, looksSecretName, maskSecret, severityForPassword, urlCredentials } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-043',
    title: 'Docker Compose service environment holds a literal secret',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A Compose `environment` entry or `build.args` build argument whose name says it holds a secret (`POSTGRES_PASSWORD`, `API_KEY`, `NPM_TOKEN`...) is written with its value in the file (build arguments also end up in the image history), or any entry holds a token of a known format (GitHub, Slack, AWS key id...) or a URL with a password. The value is in the repository for everyone who can read it, and in `docker inspect` output on the host. A weak or common password (`postgres`, `example`, `changeme`) raises the severity to critical.',
    remediation: 'Use Compose `secrets:` (mounted as files; most official images read `*_FILE` variables such as `POSTGRES_PASSWORD_FILE`), or interpolate the value from an untracked `.env` file or the deployment environment (`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?}`), and rotate the exposed secret.',
    references: ['https://docs.docker.com/compose/how-tos/use-secrets/', 'https://docs.docker.com/reference/compose-file/services/#environment'],
    compliance: { 'cis-docker': ['4.10'], 'nist-800-53': ['IA-5(7)'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      for (const e of [...composeEnv(r), ...composeEnv(r, 'build.args')]) {
        const value = literalSecret(e.value);
        if (value === undefined) continue;
        const what = e.path.startsWith('build.args') ? `build argument ${e.name}` : e.name;
        if (looksSecretName(e.name)) {
          if (looksLikePath(value)) continue;
          out.push({ resource: r, attributePath: e.path, key: e.path, severity: severityForPassword(value, 'high'), message: `${serviceLabel(r)} sets ${what} to a literal value`, evidence: `${e.name}=${maskSecret(value)}` });
          continue;
        }
        const token = knownTokens(value)[0];
        const keyId = token ? undefined : awsKeyIds(value)[0];
        const url = token || keyId ? undefined : urlCredentials(value)[0];
        const found = token ? `a ${token.name}` : keyId ? 'an AWS access key id' : url ? `a ${url.scheme} URL with the password of user ${url.user}` : undefined;
        if (!found) continue;
        const secret = token?.token ?? keyId ?? url!.password;
        out.push({ resource: r, attributePath: e.path, key: e.path, message: `${serviceLabel(r)} sets ${e.name} to ${found}`, evidence: `${e.name}: ${maskSecret(secret, { strength: false })}` });
      }
    }
    return out;
  },
});
