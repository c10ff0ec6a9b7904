import { dockerfiles, redactCommand, runCommandsOf } from '../_lib/dockerfile-stages.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** Refreshes the package index without installing anything by itself. */
const INDEX_UPDATE = /\b(?:apt-get|apt)\s+(?:-\S+\s+)*update\b|\bapk\s+(?:-\S+\s+)*update\b|\b(?:yum|dnf|microdnf)\s+(?:-\S+\s+)*makecache\b|\bzypper\s+(?:-\S+\s+)*(?:refresh|ref)\b/i;
/** Installs or upgrades packages, using the index refreshed in the same layer. */
const INSTALL = /\b(?:apt-get|apt|aptitude)\s+(?:-\S+\s+)*(?:install|upgrade|dist-upgrade|full-upgrade)\b|\bapk\s+(?:-\S+\s+)*(?:add|upgrade)\b|\b(?:yum|dnf|microdnf)\s+(?:-\S+\s+)*(?:install|update|upgrade)\b|\bzypper\s+(?:-\S+\s+)*(?:install|in|update|up|patch|dup)\b/i;

/** True when a RUN command refreshes a package index and installs nothing with it. */
export function updatesIndexAlone(command: string): boolean {
  return INDEX_UPDATE.test(command) && !INSTALL.test(command);
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-023',
    title: 'Dockerfile refreshes the package index in a RUN of its own',
    pillar: 'patches',
    severity: 'low',
    description:
      '`RUN apt-get update` (or `apk update`, `yum makecache`) on its own line is cached as a layer. Later builds reuse that stale index, so a following `apt-get install` keeps installing the package versions of the day the layer was built, without their security fixes.',
    remediation: 'Refresh the index and install in the same RUN: `RUN apt-get update && apt-get install -y --no-install-recommends pkg && rm -rf /var/lib/apt/lists/*` (or `apk add --no-cache pkg`).',
    references: [
      'https://docs.docker.com/build/building/best-practices/#apt-get',
      'https://www.cisecurity.org/benchmark/docker',
    ],
    compliance: { 'cis-docker': ['4.7'], 'nist-800-53': ['SI-2'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of dockerfiles(ctx)) {
      for (const { path, text } of runCommandsOf(r)) {
        if (!updatesIndexAlone(text)) continue;
        out.push({ resource: r, attributePath: path, key: path, message: 'RUN refreshes the package index without installing in the same layer; later installs reuse a stale index', evidence: redactCommand(`RUN ${text}`) });
      }
    }
    return out;
  },
});
