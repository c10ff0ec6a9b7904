import { isObject, isUnknown, type Value } from '../../model/index.js';
import { COMPOSE_SOURCES, COMPOSE_TYPES, composeServices, composeTrue, serviceLabel } from '../_lib/compose.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PRIV-044',
    title: 'Docker Compose service runs privileged',
    pillar: 'privileges',
    severity: 'critical',
    description:
      'A Compose service with `privileged: true` gets every Linux capability, every host device and no seccomp or AppArmor confinement: root in the container is root on the Docker host (mount the host disk, load kernel modules). `build.privileged: true` gives the same power to every RUN step of the image build.',
    remediation: 'Remove `privileged: true`; add back only the capabilities (`cap_add`) or devices (`devices`) the service needs, after `cap_drop: [ALL]`.',
    references: ['https://docs.docker.com/reference/compose-file/services/#privileged', 'https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities'],
    compliance: { 'cis-docker': ['5.5'], 'nist-800-53': ['AC-6', 'CM-7'] },
    sources: COMPOSE_SOURCES,
    resourceTypes: COMPOSE_TYPES,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of composeServices(ctx)) {
      const build = r.attributes.build;
      const spots: Array<[string, Value | undefined, string]> = [['privileged', r.attributes.privileged, 'runs privileged']];
      if (isObject(build)) spots.push(['build.privileged', build.privileged, 'builds its image with privileged RUN steps']);
      for (const [path, v, what] of spots) {
        if (composeTrue(v)) out.push({ resource: r, attributePath: path, key: path, message: `${serviceLabel(r)} ${what}`, evidence: `${path}: true` });
        else if (isUnknown(v)) out.push({ resource: r, attributePath: path, key: path, verdict: 'unknown', message: `${serviceLabel(r)}: ${path} is unresolved (${v.toString()})` });
      }
    }
    return out;
  },
});
