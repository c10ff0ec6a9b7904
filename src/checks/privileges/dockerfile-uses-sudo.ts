import { dockerfiles, runCommandsOf } from '../_lib/dockerfile-stages.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** `sudo` as a command word: at the start, or after ; && || | ( or a newline. */
const SUDO = /(^|[;&|(\n]\s*|\s(?:exec|env)\s+)sudo(\s|$)/;

export default defineCheck({
  meta: {
    id: 'TET-PRIV-037',
    title: 'Dockerfile uses sudo',
    pillar: 'privileges',
    severity: 'low',
    description:
      'RUN instructions already run as the current USER; calling sudo means the image ships sudo and a sudoers rule, so a process in the container that runs as the unprivileged user can become root again.',
    remediation: 'Run the privileged build steps before switching to the unprivileged USER (or switch with `USER root` and back), and do not install sudo in the image.',
    references: ['https://docs.docker.com/build/building/best-practices/#user', 'https://github.com/hadolint/hadolint/wiki/DL3004'],
    compliance: { 'cis-docker': ['4.1'], 'nist-800-53': ['AC-6'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx.ofType('Dockerfile'))) {
      for (const { path, text, exec } of runCommandsOf(r)) {
        if (!(exec?.[0] === 'sudo' || SUDO.test(text))) continue;
        out.push({ resource: r, key: path, attributePath: path, message: `${r.name} runs a RUN instruction through sudo`, evidence: text.length > 80 ? `${text.slice(0, 77)}...` : text });
      }
    }
    return out;
  },
});
