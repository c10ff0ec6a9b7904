import { getPath, isUnknown } from '../../model/index.js';
import { componentFlagFindings, componentInvocations, describe, kubeletConfigurations } from '../_lib/k8s-component-flags.js';
import { fromView } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Port number of a flag, or undefined when it is not a plain number. */
function portOf(value: string | true): number | undefined {
  return value !== true && /^\d+$/.test(value) ? Number(value) : undefined;
}

export default defineCheck({
  meta: {
    id: 'TET-PORTS-041',
    title: 'Kubernetes component serves a port without authentication',
    pillar: 'ports',
    severity: 'high',
    description:
      'The API server\'s insecure port (`--insecure-port`, removed in 1.24) serves the whole API over plain HTTP with no authentication or authorisation: whoever reaches it is cluster-admin. The kubelet\'s read-only port (`--read-only-port`, default 10255 when no configuration file is given) serves pod specs, environment and node metrics to anyone who can reach the node.',
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
        if (!flag) continue; // default 8080 on 127.0.0.1 before 1.20, 0 since
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
