import { isUnknown } from '../../model/index.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, composeServices, serviceLabel } from '../_lib/compose.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';
import { isRootUser } from './dockerfile-runs-as-root.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-062',
    title: 'Docker Compose service explicitly runs as root',
    pillar: 'privileges',
    severity: 'medium',
    description:
      'A Compose service with `user: root`, `user: "0"` or `user: "0:0"` runs its process as root in the container, overriding a non-root USER the image may set. A compromise of the application then starts with root inside the container, one kernel or runtime bug (or one loose mount or capability) away from the host. Services without a `user` key keep the image\'s own user and are judged on the Dockerfile (TET-PRIV-020).',
    remediation: 'Remove `user: root` or set an unprivileged user (`user: "10001:10001"`); give the files the service must write to that user instead of running it as root.',
    references: ['https://docs.docker.com/reference/compose-file/services/#user', 'https://docs.docker.com/engine/security/#linux-kernel-capabilities'],
    compliance: { 'cis-docker': ['4.1'], 'nist-800-53': ['AC-6'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      const v = r.attributes.user;
      if (isUnknown(v)) {
        out.push({ resource: r, attributePath: 'user', key: 'user', verdict: 'unknown', message: `${serviceLabel(r)}: user is unresolved (${v.toString()})` });
        continue;
      }
      // `user` is "USER[:GROUP]"; YAML may give a bare number (user: 0).
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      const name = String(v).split(':')[0]!;
      if (isRootUser(name)) out.push({ resource: r, attributePath: 'user', key: 'user', message: `${serviceLabel(r)} runs as root (user: ${String(v)})`, evidence: `user: ${String(v)}` });
    }
    return out;
  },
});
