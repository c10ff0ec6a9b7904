import { dockerfiles, redactCommand, runCommandsOf } from '../_lib/dockerfile-stages.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const DOWNLOADER = String.raw`(?:curl|wget|fetch)\b`;
const SHELL = String.raw`(?:sudo\s+(?:-\S+\s+)*)?(?:\S*/)?(?:ba|da|z|k|a)?sh\b`;
/** "curl ... | sh", "wget -O- ... | sudo bash -s --" */
const PIPE_TO_SHELL = new RegExp(String.raw`\b${DOWNLOADER}[^|;&\n]*\|\s*${SHELL}`, 'i');
/** sh -c "$(curl ...)", bash <(wget -O- ...) */
const SUBSTITUTED = new RegExp(String.raw`\b${SHELL}\s+(?:-\S+\s+)*(?:-c\s+)?["']?(?:\$\(|<\()\s*${DOWNLOADER}`, 'i');

/** True when a shell command runs a script straight from a download. */
export function pipesDownloadToShell(command: string): boolean {
  return PIPE_TO_SHELL.test(command) || SUBSTITUTED.test(command);
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-022',
    title: 'Dockerfile runs a downloaded script without verifying it',
    pillar: 'patches',
    severity: 'medium',
    description:
      '`curl ... | sh` (or `sh -c "$(wget ...)"`) executes whatever the server sends, as the build user, with no checksum or signature check. A compromised or changed installer puts unreviewed code, and unpinned, unpatched software, into the image.',
    remediation: 'Install from the distribution package manager or a pinned release; otherwise download to a file, verify its SHA-256 or signature, then run it.',
    references: [
      'https://docs.docker.com/build/building/best-practices/#run',
      'https://www.cisecurity.org/benchmark/docker',
    ],
    compliance: { 'cis-docker': ['4.11'], 'nist-800-53': ['SI-7', 'CM-14'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const { path, text } of runCommandsOf(r)) {
        if (!pipesDownloadToShell(text)) continue;
        out.push({ resource: r, attributePath: path, key: path, message: 'RUN pipes a downloaded script into a shell without verifying it', evidence: redactCommand(`RUN ${text}`) });
      }
    }
    return out;
  },
});
