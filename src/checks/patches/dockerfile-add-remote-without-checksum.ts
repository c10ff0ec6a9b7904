import { isObject } from '../../model/index.js';
import { dockerfiles, redactCommand, stagesOf } from '../_lib/dockerfile-stages.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Sources of an ADD instruction: every argument but the destination, from the JSON or the shell form. */
export function addSources(args: string, exec: unknown): string[] {
  let tokens: string[] | undefined;
  if (Array.isArray(exec) && exec.every((t) => typeof t === 'string')) tokens = exec as string[];
  else if (args.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((t) => typeof t === 'string')) tokens = parsed as string[];
    } catch {
      tokens = undefined;
    }
  }
  tokens ??= args.trim().split(/\s+/);
  return tokens.slice(0, -1);
}

/** An HTTP(S) download; git sources (".git", "#ref") are pinned by their ref and cannot take --checksum. */
function isHttpDownload(src: string): boolean {
  return /^https?:\/\//i.test(src) && !/\.git(#.*)?$/i.test(src) && !/\.git#/i.test(src);
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-021',
    title: 'Dockerfile ADD downloads a remote file without a checksum',
    pillar: 'patches',
    severity: 'medium',
    description:
      '`ADD https://...` fetches whatever the server returns at build time and puts it in the image unchecked. A compromised or changed download (a new, unreviewed or tampered release) is shipped silently, and builds cannot be reproduced.',
    remediation: 'Add `--checksum=sha256:<hash>` to the ADD instruction (Dockerfile syntax 1.6+), or download with curl in a RUN step and verify the hash (`sha256sum -c`) before use.',
    references: [
      'https://docs.docker.com/reference/dockerfile/#add---checksum',
      'https://docs.docker.com/build/building/best-practices/#add-or-copy',
    ],
    compliance: { 'cis-docker': ['4.9'], 'nist-800-53': ['SI-7', 'CM-14'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const st of stagesOf(r)) {
        const list = st.stage.instructions;
        if (!Array.isArray(list)) continue;
        list.forEach((ins, j) => {
          if (!isObject(ins) || String(ins.keyword).toUpperCase() !== 'ADD' || typeof ins.args !== 'string') return;
          const flags = isObject(ins.flags) ? ins.flags : {};
          if (typeof flags.checksum === 'string' && flags.checksum !== '') return;
          const remote = addSources(ins.args, ins.exec).filter(isHttpDownload);
          if (remote.length === 0) return;
          out.push({ resource: r, attributePath: `${st.path}.instructions[${j}]`, key: `${st.path}.instructions[${j}]`, message: redactCommand(`ADD downloads ${remote.join(', ')} without --checksum`), evidence: redactCommand(`ADD ${ins.args}`) });
        });
      }
    }
    return out;
  },
});
