import { z } from 'zod';
import { SEVERITIES, isUnknown } from '../../model/index.js';
import { loadCatalogue } from '../_lib/catalogue.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, composeBindMounts, composeServices, serviceLabel } from '../_lib/compose.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { sensitiveEntry } from './sensitive-host-path-mount.js';

const catalogueSchema = z.object({
  paths: z.array(z.object({ path: z.string(), subtree: z.boolean(), severity: z.enum(SEVERITIES), why: z.string() })),
});

export default defineCheck({
  meta: {
    id: 'TET-PRIV-052',
    title: 'Docker Compose service mounts a sensitive host path (docker.sock, /, /etc, /proc...)',
    pillar: 'privileges',
    severity: 'high',
    description:
      'A bind mount of the Docker socket gives the service the Docker API: it can start a privileged container that mounts the host root, so it is root on the host, even when mounted read-only. Bind mounts of the host root, /etc, /proc, /var/lib/docker or other runtime state expose host credentials and every other container.',
    remediation: 'Remove the bind mount; use named volumes for data. A tool that truly needs the Docker API should go through an authorising proxy that allows only the calls it needs, and a host-path mount should be the narrowest path, read-only.',
    references: [
      'https://docs.docker.com/reference/compose-file/services/#volumes',
      'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
      'https://owasp.org/www-project-docker-top-10/',
    ],
    compliance: { 'cis-docker': ['5.5', '5.31'], 'nist-800-53': ['AC-6', 'SC-39'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const entries = loadCatalogue('kubernetes-sensitive-host-paths.yaml', catalogueSchema).paths;
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      const vols = r.attributes.volumes;
      if (Array.isArray(vols)) {
        vols.forEach((v, i) => {
          // `"${DOCKER_SOCK}:/var/run/docker.sock"` with the variable unset: the host side is unknown
          if (isUnknown(v) && /^\s*\$/.test(v.expression ?? '')) {
            const target = (v.expression ?? '').split(':')[1] ?? '';
            if (sensitiveEntry(target, entries)) out.push({ resource: r, key: `volumes[${i}]`, attributePath: `volumes[${i}]`, verdict: 'unknown', message: `${serviceLabel(r)} mounts an unresolved host path at ${target} (${v.toString()})` });
          }
        });
      }
      for (const m of composeBindMounts(r)) {
        const entry = sensitiveEntry(m.source, entries);
        if (!entry) continue;
        const ro = m.readOnly ? ' read-only' : '';
        out.push({ resource: r, key: m.path, attributePath: m.path, severity: entry.severity, message: `${serviceLabel(r)} mounts host path ${m.source}${ro} (${entry.why})`, evidence: `volumes: ${m.source}:${m.target ?? ''}${m.readOnly ? ':ro' : ''}` });
      }
    }
    return out;
  },
});
