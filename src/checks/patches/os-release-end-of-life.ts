import type { Resource, ValueObject } from '../../model/index.js';
import { getPath } from '../../model/index.js';
import { nodeOsRelease } from '../../inventory/services.js';
import { osReleaseVerdict } from '../_lib/eol.js';
import { versionFinding } from '../_lib/versioned-config.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/** OS package databases repeat the os-release of their root: the release is judged once, at the os-release file. */
const COPIES_OS = new Set(['dpkg', 'apk', 'rpm']);

function osOf(r: Resource): ValueObject | undefined {
  const os = r.attributes.os;
  if (typeof os !== 'object' || os === null || Array.isArray(os)) return undefined;
  if (r.type === 'PackageInventory' && COPIES_OS.has(String(r.attributes.kind))) return undefined;
  return os as ValueObject;
}

export default defineCheck({
  meta: {
    id: 'TET-PATCH-035',
    title: 'Operating system release past end of life',
    pillar: 'patches',
    severity: 'high',
    description:
      'The host, image or Kubernetes node runs an operating system release whose vendor no longer publishes security updates for it (from /etc/os-release, or a node\'s reported OS image). Every vulnerability found in its packages after that date stays open, and distribution advisories stop listing fixes for it. A release only in paid extended support (Ubuntu Pro ESM, RHEL ELS) is reported at medium severity.',
    remediation: 'Upgrade to a supported release of the distribution (for example Debian 12, Ubuntu 24.04 LTS, Alpine 3.22, RHEL/AlmaLinux/Rocky 9, Amazon Linux 2023), or rebuild the image from a supported base; where that cannot happen yet, subscribe to the vendor extended support programme.',
    references: ['https://wiki.debian.org/LTS', 'https://ubuntu.com/about/release-cycle', 'https://alpinelinux.org/releases/', 'https://access.redhat.com/support/policy/updates/errata'],
    compliance: { 'nist-800-53': ['SA-22', 'SI-2'], 'cis-docker': ['4.3'] },
    sources: ['inventory', 'kubernetes'],
    resourceTypes: ['PackageInventory', 'ContainerImage', 'Node'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of ctx.ofType('PackageInventory', 'ContainerImage')) {
      const os = osOf(r);
      if (!os || typeof os.id !== 'string') continue;
      const versionId = typeof os.versionId === 'string' ? os.versionId : undefined;
      const name = typeof os.prettyName === 'string' ? os.prettyName : undefined;
      const v = osReleaseVerdict(os.id, versionId, name);
      if (!v) continue;
      const what = name ? `${name} (${os.id} ${versionId})` : `${os.id} ${versionId}`;
      const f = versionFinding(r, 'os', 'operating system', what, v, 'medium', `ID=${os.id} VERSION_ID=${versionId}`);
      if (f) out.push(f);
    }
    // Kubernetes nodes report their OS as status.nodeInfo.osImage (the PRETTY_NAME)
    for (const r of ctx.ofType('Node')) {
      if (r.source !== 'kubernetes') continue;
      const image = getPath(r.attributes, 'status.nodeInfo.osImage');
      const os = typeof image === 'string' ? nodeOsRelease(image) : undefined;
      if (!os) continue;
      const v = osReleaseVerdict(os.id, os.versionId, os.prettyName);
      const f = v && versionFinding(r, 'status.nodeInfo.osImage', `node ${r.name} operating system`, os.prettyName, v, 'medium', `osImage: ${os.prettyName}`);
      if (f) out.push(f);
    }
    return out;
  },
});
