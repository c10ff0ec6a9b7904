/**
 * Container → node escape edges (`escapes-to`), the runc CVE-2019-5736 pattern and its cousins.
 * A workload escapes to the node it runs on when one of these holds for a container:
 * - `privileged: true` (every device, every capability: mount the host disk);
 * - a hostPath mount of the host root, the container runtime socket (`/var/run/docker.sock`,
 *   containerd, CRI-O), `/proc`, `/etc`, `/root`, `/var/lib/kubelet` or `/dev`;
 * - an added SYS_ADMIN, SYS_MODULE or (with hostPID) SYS_PTRACE capability;
 * - it runs as root and the node's container runtime is known vulnerable (runc before 1.0.0-rc6,
 *   CVE-2019-5736), which the patches pillar reports on Node objects and images.
 *
 * Which node a pod lands on is not in the manifests, so the node is one synthetic node per scan,
 * `k8s-node` ("a node of the cluster"). From the node, the kubelet's credentials and every pod on it
 * are reachable: node → service accounts of workloads (proven for DaemonSets, which run on every
 * node; unknown for the others, which may be scheduled elsewhere).
 */
import type { Location, Resource, Value } from '../model/index.js';
import { getPath, isObject, isUnknown, locate } from '../model/index.js';
import { containersOf, podSpecOf } from '../checks/_lib/kubernetes.js';
import { effectiveSetting } from '../checks/_lib/k8s-security-context.js';
import type { RbacModel } from './kubernetes-rbac/model.js';
import type { SecurityEdge, SecurityNode } from './security-graph.js';
import { serviceAccountNode } from './workload-identity.js';

export const K8S_NODE = 'k8s-node';

const ESCAPE_PATHS = ['/', '/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock', '/proc', '/etc', '/root', '/var/lib/kubelet', '/dev', '/var/run', '/run'];
const ESCAPE_CAPS = new Set(['SYS_ADMIN', 'SYS_MODULE', 'ALL']);

export interface EscapeOptions {
  /** the node's runtime is known vulnerable to a container escape (e.g. runc < 1.0.0-rc6) */
  vulnerableRuntime?: { reason: string; evidence: Location[] };
}

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}

export function containerEscapeEdges(resources: readonly Resource[], rbac: RbacModel, opts: EscapeOptions = {}): { nodes: SecurityNode[]; edges: SecurityEdge[] } {
  const nodes: SecurityNode[] = [];
  const edges: SecurityEdge[] = [];
  const escaping = new Set<string>();
  for (const w of resources) {
    const pod = podSpecOf(w);
    if (!pod) continue;
    const reasons: Array<{ why: string; at: Location; certainty: 'proven' | 'unknown' }> = [];
    const hostPID = getPath(w.attributes, `${pod.path}.hostPID`) === true;
    const volumes = new Map<string, { path: string; index: number }>();
    list(getPath(w.attributes, `${pod.path}.volumes`)).forEach((v, index) => {
      if (isObject(v) && typeof v.name === 'string' && isObject(v.hostPath) && typeof v.hostPath.path === 'string') volumes.set(v.name, { path: v.hostPath.path.replace(/\/+$/, '') || '/', index });
    });
    for (const c of containersOf(w)) {
      const privileged = effectiveSetting(w, c, 'privileged').value;
      if (privileged === true) reasons.push({ why: `container ${c.name} is privileged`, at: locate(w, `${c.path}.securityContext.privileged`), certainty: 'proven' });
      else if (isUnknown(privileged)) reasons.push({ why: `container ${c.name} may be privileged (unresolved value)`, at: locate(w, `${c.path}.securityContext.privileged`), certainty: 'unknown' });
      for (const cap of list(getPath(w.attributes, `${c.path}.securityContext.capabilities.add`))) {
        if (typeof cap !== 'string') continue;
        const name = cap.toUpperCase().replace(/^CAP_/, '');
        if (ESCAPE_CAPS.has(name) || (name === 'SYS_PTRACE' && hostPID)) reasons.push({ why: `container ${c.name} adds ${name}${name === 'SYS_PTRACE' ? ' with hostPID' : ''}`, at: locate(w, `${c.path}.securityContext.capabilities.add`), certainty: 'proven' });
      }
      list(c.container.volumeMounts).forEach((m, i) => {
        if (!isObject(m) || typeof m.name !== 'string') return;
        const host = volumes.get(m.name);
        if (!host || !ESCAPE_PATHS.includes(host.path)) return;
        const readOnly = m.readOnly === true;
        const socket = host.path.endsWith('.sock');
        // a read-only mount of a socket still lets the container talk to the runtime
        if (readOnly && !socket && host.path !== '/') return;
        reasons.push({ why: `container ${c.name} mounts the host's ${host.path}${readOnly ? ' (read-only)' : ''}`, at: locate(w, `${c.path}.volumeMounts[${i}]`), certainty: 'proven' });
      });
      if (opts.vulnerableRuntime) {
        const nonRoot = effectiveSetting(w, c, 'runAsNonRoot').value === true;
        const uid = effectiveSetting(w, c, 'runAsUser').value;
        const root = !nonRoot && (uid === undefined || uid === 0);
        if (root) reasons.push({ why: `container ${c.name} runs as root on a node whose runtime is vulnerable (${opts.vulnerableRuntime.reason})`, at: locate(w, c.path), certainty: 'proven' });
      }
    }
    if (!reasons.length) continue;
    escaping.add(w.id);
    nodes.push({ id: w.id, kind: 'workload', label: `${w.type} ${w.name}`, resourceId: w.id });
    const proven = reasons.filter((r) => r.certainty === 'proven');
    const used = proven.length ? proven : reasons;
    edges.push({
      from: w.id,
      to: K8S_NODE,
      kind: 'escapes-to',
      explanation: `${w.type} ${w.name} can break out to its node: ${used.map((r) => r.why).join('; ')}`,
      detail: { reasons: used.length, ...(opts.vulnerableRuntime ? { vulnerableRuntime: true } : {}) },
      evidence: [...used.map((r) => r.at), ...(opts.vulnerableRuntime?.evidence ?? [])],
      certainty: proven.length ? 'proven' : 'unknown',
    });
  }
  if (!edges.length) return { nodes, edges };
  nodes.push({ id: K8S_NODE, kind: 'host', label: 'a node of the cluster' });
  for (const sa of rbac.serviceAccounts.values()) {
    if (!sa.workloads.length) continue;
    const daemon = sa.workloads.find((w) => w.type === 'DaemonSet');
    const id = serviceAccountNode(sa.namespace, sa.name);
    nodes.push({ id, kind: 'principal', label: `ServiceAccount ${sa.namespace}/${sa.name}` });
    edges.push({
      from: K8S_NODE,
      to: id,
      kind: 'can-become',
      explanation: `from the node, the tokens of pods running as ServiceAccount ${sa.namespace}/${sa.name} can be read${daemon ? ` (DaemonSet ${daemon.name} runs on every node)` : ' (if one is scheduled there)'}`,
      evidence: [(daemon ?? sa.workloads[0]!).location],
      certainty: daemon ? 'proven' : 'unknown',
    });
  }
  return { nodes, edges };
}
