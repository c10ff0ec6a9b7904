import { getPath, isUnknown } from '../../model/index.js';
import { componentFlagFindings, componentInvocations, describe, kubeletConfigurations, type ComponentInvocation } from '../_lib/k8s-component-flags.js';
import { parseImage } from '../_lib/images.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Port number of a flag, or undefined when it is not a plain number. */
function portOf(value: string | true): number | undefined {
  return value !== true && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Before 1.20 an absent --insecure-port meant 8080 on --insecure-bind-address
 * (127.0.0.1 unless set); since 1.20 it defaults to 0. A written bind address
 * is judged on the API server version its image tag names; without a version
 * only a written bind address is reported (as unknown).
 */
function defaultInsecurePort(inv: ComponentInvocation): FindingDraft[] {
  const bind = inv.flags.get('insecure-bind-address');
  if (bind?.value === true) return [];
  const key = `${inv.container.path}:insecure-port`;
  const raw = inv.container.container['image'];
  const tag = typeof raw === 'string' ? parseImage(raw).tag : null;
  const version = tag ? /^v?(\d+)\.(\d+)(?:\.|$|-)/.exec(tag) : null;
  if (!version) {
    if (!bind) return []; // no version and nothing written: most API servers in use are 1.20 or later
    return [{ resource: inv.resource, key, attributePath: bind.path, verdict: 'unknown', message: `${describe(inv)} sets --insecure-bind-address=${bind.value} without --insecure-port; before Kubernetes 1.20 that serves the API without authentication on port 8080, and the image names no version` }];
  }
  const [major, minor] = [Number(version[1]), Number(version[2])];
  if (major > 1 || minor >= 20) return [];
  const addr = bind ? bind.value : '127.0.0.1';
  const local = LOOPBACK.test(addr);
  return [{
    resource: inv.resource,
    key,
    attributePath: bind ? bind.path : inv.commandPath,
    severity: local ? 'medium' : 'critical',
    message: `${describe(inv)} (${tag}) serves the API without authentication on ${addr}:8080: --insecure-port is not set and keeps its pre-1.20 default${local ? ' (loopback: any process on the node, including hostNetwork pods)' : ''}`,
    evidence: bind ? `--insecure-bind-address=${bind.value}` : '--insecure-port not set',
  }];
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-041',
    title: 'Kubernetes component serves a port without authentication',
    pillar: 'ports',
    severity: 'high',
    description:
      'The API server\'s insecure port (`--insecure-port`, removed in 1.24) serves the whole API over plain HTTP with no authentication or authorisation: whoever reaches it is cluster-admin. Before 1.20 it was on by default (port 8080 on `--insecure-bind-address`, 127.0.0.1 unless set), so an API server of such a version (its image tag) without `--insecure-port=0` serves it too. The kubelet\'s read-only port (`--read-only-port`, default 10255 when no configuration file is given) serves pod specs, environment and node metrics to anyone who can reach the node.',
    remediation: 'Pass `--insecure-port=0` to kube-apiserver (or upgrade past 1.24) and `--read-only-port=0` to the kubelet, or set `readOnlyPort: 0` in its KubeletConfiguration.',
    references: [
      'https://kubernetes.io/docs/concepts/security/controlling-access/#api-server-ports-and-ips',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/',
    ],
    compliance: { 'cis-kubernetes': ['1.2.19', '4.2.4'], 'nist-800-53': ['SC-7', 'CM-7', 'IA-2'] },
    sources: ['kubernetes'],
    resourceTypes: ['Pod', 'Deployment', 'DaemonSet', 'StatefulSet', 'KubeletConfiguration'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const inv of componentInvocations(ctx)) {
      if (inv.component === 'kube-apiserver') {
        const flag = inv.flags.get('insecure-port');
        if (!flag) {
          out.push(...defaultInsecurePort(inv)); // default 8080 before 1.20, 0 since
          continue;
        }
        const port = portOf(flag.value);
        if (port === 0) continue;
        const bind = inv.flags.get('insecure-bind-address');
        const bindAddr = bind && bind.value !== true ? bind.value : '127.0.0.1';
        const local = LOOPBACK.test(bindAddr);
        out.push({
          resource: inv.resource,
          key: `${inv.container.path}:insecure-port`,
          attributePath: flag.path,
          severity: local ? 'medium' : 'critical',
          message: `${describe(inv)} serves the API without authentication on ${bindAddr}:${String(flag.value)}${local ? ' (loopback: any process on the node, including hostNetwork pods)' : ''}`,
          evidence: `--insecure-port=${String(flag.value)}`,
        });
      }
    }
    out.push(
      ...componentFlagFindings(ctx, {
        components: ['kubelet'],
        flag: 'read-only-port',
        judge: (v, inv) => (portOf(v) === 0 ? undefined : `${describe(inv)} serves its read-only API without authentication on port ${String(v)}`),
        whenAbsent: (inv) => `${describe(inv)} sets neither --read-only-port=0 nor a configuration file, so it serves its read-only API on port 10255`,
        deferredBy: { kubelet: ['config'] },
      }),
    );
    for (const r of kubeletConfigurations(ctx)) {
      const raw = getPath(r.attributes, 'readOnlyPort');
      if (raw === undefined || raw === null || raw === 0 || raw === '0') continue;
      if (isUnknown(raw)) out.push({ resource: r, attributePath: 'readOnlyPort', verdict: 'unknown', message: `KubeletConfiguration ${r.name}: readOnlyPort is unresolved` });
      else out.push({ resource: r, attributePath: 'readOnlyPort', message: `KubeletConfiguration ${r.name} serves the kubelet's read-only API without authentication on port ${String(raw)}`, evidence: `readOnlyPort: ${String(raw)}` });
    }
    return out.map(fromView);
  },
});
