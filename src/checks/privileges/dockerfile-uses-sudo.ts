import { asList, getPath, isObject } from '../../model/index.js';
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
    for (const r of ctx.ofType('Dockerfile')) {
      if (r.source !== 'dockerfile') continue;
      asList(getPath(r.attributes, 'stages')).forEach((stage, s) => {
        if (!isObject(stage)) return;
        asList(stage.runCommands).forEach((run, k) => {
          if (!isObject(run)) return;
          const exec = asList(run.exec).filter((x): x is string => typeof x === 'string');
          const command = typeof run.command === 'string' ? run.command : exec.join(' ');
          if (!(exec[0] === 'sudo' || SUDO.test(command))) return;
          const path = `stages[${s}].runCommands[${k}]`;
          out.push({ resource: r, key: path, attributePath: path, message: `${r.name} runs a RUN instruction through sudo`, evidence: command.length > 80 ? `${command.slice(0, 77)}...` : command });
        });
      });
    }
    return out;
  },
});
