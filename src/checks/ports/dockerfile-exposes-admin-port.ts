import { asNumber, getPath, isUnknown, type Value } from '../../model/index.js';
import { sensitivePorts } from '../_lib/sensitive-ports.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-020',
    title: 'Dockerfile exposes a remote administration port',
    pillar: 'ports',
    severity: 'high',
    description:
      'The image declares (EXPOSE) a remote administration port from the catalogue: SSH 22, Telnet 23, RDP 3389, VNC 5900, WinRM 5985/5986, the Docker API 2375/2376, the Kubernetes API 6443 or SaltStack 4505/4506. Containers should not run shell or management daemons; they widen the attack surface and are published by `docker run -P` and many orchestrators. Severity follows the catalogue.',
    remediation: 'Remove the EXPOSE and the daemon behind it; use `docker exec` / `kubectl exec` (or an ephemeral debug container) for interactive access.',
    references: ['https://docs.docker.com/reference/dockerfile/#expose', 'https://docs.docker.com/build/building/best-practices/'],
    compliance: { 'cis-docker': ['5.6'], 'nist-800-53': ['CM-7', 'AC-17'] },
    sources: ['dockerfile'],
    resourceTypes: ['Dockerfile'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const admin = sensitivePorts().filter((p) => p.admin);
    for (const r of ctx.fromSource('dockerfile')) {
      list(r.attributes.stages).forEach((_, s) => {
        list(getPath(r.attributes, `stages[${s}].expose`)).forEach((_e, k) => {
          const path = `stages[${s}].expose[${k}]`;
          const from = asNumber(getPath(r.attributes, `${path}.port`));
          const to = asNumber(getPath(r.attributes, `${path}.endPort`));
          // An unresolved EXPOSE ($PORT without a default) is left alone: most are application ports.
          if (from === undefined || isUnknown(from)) return;
          const hi = to === undefined || isUnknown(to) ? from : to;
          const protocol = getPath(r.attributes, `${path}.protocol`) === 'udp' ? 'udp' : 'tcp';
          const hits = admin.filter((p) => p.port >= from && p.port <= hi && (p.protocol === 'both' || p.protocol === protocol));
          if (!hits.length) return;
          const worst = hits.find((h) => h.severity === 'critical') ?? hits[0]!;
          const raw = getPath(r.attributes, `${path}.raw`);
          out.push({
            resource: r,
            attributePath: path,
            key: path,
            severity: worst.severity,
            message: `EXPOSE ${typeof raw === 'string' ? raw : from} declares ${hits.map((h) => `${h.service} (${h.port})`).join(', ')}`,
            evidence: `EXPOSE ${typeof raw === 'string' ? raw : from}`,
          });
        });
      });
    }
    return out;
  },
});
