import { getPath, isUnknown } from '../../model/index.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const PATH = 'status.nodeInfo.containerRuntimeVersion';

/**
 * Docker Engine releases carrying the runc fix for CVE-2019-5736 (Docker's
 * release notes: 18.09.2 and 18.06.2, both 2019-02-11). The node reports
 * only the Docker version, and OSV records CVE-2019-5736 against runc, not
 * against Docker, so no advisory can match the node: hence this check.
 * containerd and CRI-O nodes run a runc installed beside them, whose version
 * the node does not report: they are left to the image and host inventories.
 */
function dockerVerdict(version: string): 'vulnerable' | 'fixed' | 'enterprise' | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(.*)$/.exec(version);
  if (!m) return undefined;
  // Docker EE backported the fix into older lines (e.g. 18.03.1-ee-6, 17.06.2-ee-19): its own numbering decides
  if (/-ee/i.test(m[4]!)) return 'enterprise';
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const key = major * 10_000 + minor * 100 + patch;
  if (key >= 180_902) return 'fixed';
  if (major === 18 && minor === 6 && patch >= 2) return 'fixed';
  return 'vulnerable';
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-045',
    title: 'Kubernetes node runs a Docker Engine older than the CVE-2019-5736 runc fix',
    pillar: 'patches',
    severity: 'high',
    description:
      'The node reports Docker Engine as its container runtime at a version that ships runc 1.0.0-rc6 or older. With CVE-2019-5736, a process running as root in a container (a malicious image, or `docker exec` into a compromised container) overwrites the host runc binary through /proc/self/exe and gains root on the node.',
    remediation: 'Upgrade Docker Engine on the node to 18.09.2 or later (18.06.2 or later on the 18.06 line), or better, move the node to a supported containerd with a current runc; drain and replace nodes built from old images.',
    references: [
      'https://nvd.nist.gov/vuln/detail/CVE-2019-5736',
      'https://github.com/opencontainers/runc/security/advisories/GHSA-gxmr-w5mj-v8hh',
      'https://docs.docker.com/engine/release-notes/18.09/#1892',
      'https://kubernetes.io/blog/2019/02/11/runc-and-cve-2019-5736/',
    ],
    compliance: { 'nist-800-53': ['SI-2', 'RA-5'] },
    sources: ['kubernetes'],
    resourceTypes: ['Node'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('Node')) {
      if (r.source !== 'kubernetes') continue;
      const v = getPath(r.attributes, PATH);
      if (isUnknown(v) || typeof v !== 'string') continue;
      const m = /^docker:\/\/(.+)$/.exec(v.trim());
      if (!m) continue;
      const verdict = dockerVerdict(m[1]!);
      if (verdict === 'vulnerable') {
        out.push({ resource: r, attributePath: PATH, message: `node ${r.name} runs Docker ${m[1]}, which ships a runc vulnerable to CVE-2019-5736 (container breakout to host root); fixed in Docker 18.09.2 and 18.06.2`, evidence: `containerRuntimeVersion: ${v}` });
      } else if (verdict === 'enterprise') {
        out.push({ resource: r, attributePath: PATH, verdict: 'unknown', message: `node ${r.name} runs Docker Enterprise ${m[1]}: whether its runc has the CVE-2019-5736 fix depends on the EE patch release; check \`runc --version\` on the node`, evidence: `containerRuntimeVersion: ${v}` });
      }
    }
    return out;
  },
});
