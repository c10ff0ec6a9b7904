import { asString, getPath, isUnknown, type Value } from '../../model/index.js';
import { componentFlagFindings, describe, flagList, kubeletConfigurations } from '../_lib/k8s-component-flags.js';
import { podSpecOf } from '../_lib/kubernetes.js';
import { fromView, kubernetesResources, kubernetesWorkloads } from '../_lib/k8s-terraform.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

/**
 * The sysctls Kubernetes calls safe (namespaced, isolated between pods on the
 * same node, enabled by default), from the "Using sysctls in a Kubernetes
 * Cluster" page: every other sysctl is unsafe and the kubelet refuses it
 * unless it is allowed with --allowed-unsafe-sysctls.
 */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** `net/ipv4/tcp_syncookies` is the same sysctl as `net.ipv4.tcp_syncookies` (the kubelet converts slashes). */
const canonical = (name: string): string => (name.includes('/') ? name.replace(/\//g, '.') : name);
export const isSafeSysctl = (name: string): boolean => SAFE.has(canonical(name.trim()));

/** Elements of a list-valued attribute, or [] when it is absent or not a list. */
const listOf = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : []);

export default defineCheck({
  meta: {
    id: 'TET-PRIV-067',
    title: 'Pod sets an unsafe sysctl, or the cluster allows unsafe sysctls',
    pillar: 'privileges',
    severity: 'high',
    description:
      'Kubernetes calls a sysctl unsafe when it is not isolated between the pods of a node (kernel.msg*, kernel.sem, net.core.*, vm.*, ...): a pod that sets one changes the kernel for every other pod and the node, can exhaust shared kernel resources, or weakens protections the node relies on. The kubelet refuses them unless it is started with --allowed-unsafe-sysctls (or allowedUnsafeSysctls in its configuration file); a PodSecurityPolicy listing allowedUnsafeSysctls lets pods request them.',
    remediation: 'Set only the safe sysctls in `securityContext.sysctls`; tune node-wide kernel settings on the node itself, and leave `allowedUnsafeSysctls` / `--allowed-unsafe-sysctls` unset.',
    references: [
      'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    ],
    compliance: { 'nist-800-53': ['AC-6', 'SC-39', 'CM-7'] },
    sources: ['kubernetes', 'terraform'],
    resourceTypes: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'PodSecurityPolicy', 'KubeletConfiguration'],
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const r of kubernetesWorkloads(ctx)) {
      const pod = podSpecOf(r);
      if (!pod) continue;
      const base = `${pod.path}.securityContext.sysctls`;
      listOf(getPath(pod.spec, 'securityContext.sysctls')).forEach((entry, i) => {
        const raw = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, Value>)['name'] : undefined;
        const path = `${base}[${i}]`;
        if (isUnknown(raw)) {
          out.push({ resource: r, key: path, attributePath: `${path}.name`, verdict: 'unknown', message: `${r.type} ${r.name}: the name of sysctl #${i + 1} is unresolved` });
          return;
        }
        const name = asString(raw);
        if (name === undefined || isSafeSysctl(name)) return;
        out.push({ resource: r, key: path, attributePath: `${path}.name`, message: `${r.type} ${r.name} sets the unsafe sysctl ${name}, which is not isolated from the node and the other pods on it`, evidence: `sysctls: ${name}` });
      });
    }
    for (const r of kubernetesResources(ctx).filter((x) => x.type === 'PodSecurityPolicy')) {
      const allowed = listOf(getPath(r.attributes, 'spec.allowedUnsafeSysctls')).map(asString).filter((s): s is string => s !== undefined && s !== '');
      if (allowed.length) out.push({ resource: r, attributePath: 'spec.allowedUnsafeSysctls', message: `PodSecurityPolicy ${r.name} lets pods set unsafe sysctls: ${allowed.join(', ')}`, evidence: `allowedUnsafeSysctls: ${allowed.join(',')}` });
    }
    out.push(
      ...componentFlagFindings(ctx, {
        components: ['kubelet'],
        flag: 'allowed-unsafe-sysctls',
        judge: (v, inv) => {
          const names = flagList({ value: v, path: '' });
          return names.length ? `${describe(inv)} lets pods set unsafe sysctls: ${names.join(', ')}` : undefined;
        },
      }),
    );
    for (const r of kubeletConfigurations(ctx)) {
      const raw = getPath(r.attributes, 'allowedUnsafeSysctls');
      if (isUnknown(raw)) out.push({ resource: r, attributePath: 'allowedUnsafeSysctls', verdict: 'unknown', message: `KubeletConfiguration ${r.name}: allowedUnsafeSysctls is unresolved` });
      const names = listOf(raw).map(asString).filter((s): s is string => s !== undefined && s !== '');
      if (names.length) out.push({ resource: r, attributePath: 'allowedUnsafeSysctls', message: `KubeletConfiguration ${r.name} lets pods set unsafe sysctls: ${names.join(', ')}`, evidence: `allowedUnsafeSysctls: ${names.join(',')}` });
    }
    return out.map(fromView);
  },
});
