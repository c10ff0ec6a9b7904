import { dockerfiles, stageList, stagesOf } from '../_lib/dockerfile-stages.js';
import { commandSecrets } from '../_lib/command-secrets.js';
import { isObject } from '../../model/index.js';
import { maskSecret, passwordStrength, urlCredentials } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-020',
    title: 'Dockerfile RUN, ADD, CMD or ENTRYPOINT contains a credential',
    pillar: 'passwords',
    severity: 'high',
    description:
      'A `RUN` instruction writes a password, token or access key on its command line (`curl -u user:pass`, `mysql -pSecret`, `echo "root:pw" | chpasswd`, `--password=...`, a URL with a password, an AWS key id, a GitHub/npm/Slack token), or an `ADD` downloads from a URL with a password in it, or `CMD` / `ENTRYPOINT` / `HEALTHCHECK` start the service with one (`redis-server --requirepass ...`). The command is stored in the repository and verbatim in the image history (`docker history --no-trunc`), so every holder of the image has the credential. A weak password raises the severity to critical.',
    remediation:
      'Use a BuildKit secret mount (`RUN --mount=type=secret,id=creds ...`) or an SSH mount (`--mount=type=ssh`) so the credential is only present while the step runs; set account passwords at run time, not at build time.',
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/cli/docker/image/history/', 'https://cwe.mitre.org/data/definitions/798.html'],
    compliance: { 'cis-docker': ['4.10'], 'nist-800-53': ['IA-5(7)'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const s of stagesOf(r)) {
        for (const { entry, path } of stageList(s, 'instructions')) {
          if (entry.keyword !== 'ADD' || typeof entry.args !== 'string') continue;
          const creds = urlCredentials(entry.args);
          if (creds.length === 0) continue;
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            severity: creds.some((c) => passwordStrength(c.password).weak) ? 'critical' : 'high',
            message: `ADD downloads from ${creds.map((c) => `${c.scheme}://${c.user}@${c.host}`).join(', ')} with the password in the URL`,
            evidence: creds.map((c) => `${c.scheme}://${c.user}:${maskSecret(c.password)}@${c.host}`).join('; '),
          });
        }
        // CMD, ENTRYPOINT and HEALTHCHECK are stored in the image configuration as written
        for (const field of ['cmd', 'entrypoint', 'healthcheck'] as const) {
          const v = s.stage[field];
          if (!isObject(v)) continue;
          const text = typeof v.command === 'string' ? v.command : typeof v.shell === 'string' ? v.shell : Array.isArray(v.exec) ? v.exec.filter((x) => typeof x === 'string').join(' ') : Array.isArray(v.command) ? v.command.filter((x) => typeof x === 'string').join(' ') : '';
          const hits = commandSecrets(text);
          if (hits.length === 0) continue;
          const path = `${s.path}.${field}`;
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            severity: hits.some((h) => !h.what.startsWith('AWS') && passwordStrength(h.secret).weak) ? 'critical' : 'high',
            message: `${field.toUpperCase()} contains ${hits.length === 1 ? 'a credential' : `${hits.length} credentials`}: ${hits.map((h) => h.what).join(', ')}`,
            evidence: hits.map((h) => `${h.what}: ${maskSecret(h.secret, { strength: !h.what.startsWith('AWS') })}`).join('; '),
          });
        }
        for (const { entry, path } of stageList(s, 'runCommands')) {
          const command = typeof entry.command === 'string' ? entry.command : Array.isArray(entry.exec) ? entry.exec.filter((x) => typeof x === 'string').join(' ') : '';
          const hits = commandSecrets(command);
          if (hits.length === 0) continue;
          const weak = hits.some((h) => !h.what.startsWith('AWS') && passwordStrength(h.secret).weak);
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            severity: weak ? 'critical' : 'high',
            message: `RUN command contains ${hits.length === 1 ? 'a credential' : `${hits.length} credentials`}: ${hits.map((h) => h.what).join(', ')}`,
            evidence: hits.map((h) => `${h.what}: ${maskSecret(h.secret, { strength: !h.what.startsWith('AWS') })}`).join('; '),
          });
        }
      }
    }
    return out;
  },
});
