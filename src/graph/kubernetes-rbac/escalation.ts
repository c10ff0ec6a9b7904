/**
 * Kubernetes RBAC escalation: edges "subject A can become B" (a service account, a user) or
 * "A can become cluster-admin", each with the technique and the grants that justify it, and the
 * shortest path from every subject to cluster-admin.
 *
 * Techniques (public facts from the Kubernetes RBAC good-practice guide):
 * - `cluster-admin`: every verb on every resource cluster-wide;
 * - `impersonate-group`: impersonating groups (system:masters is cluster-admin);
 * - `impersonate-user` / `impersonate-serviceaccount`: acting as a named user or service account;
 * - `bind-cluster-admin`: creating ClusterRoleBindings while allowed to `bind` (or `escalate`) the
 *   cluster-admin role;
 * - `create-workload`: creating pods (or controllers that create them) in a namespace runs code as
 *   any service account of that namespace;
 * - `patch-workload`: changing a running workload's pod template does the same;
 * - `exec-into-pod`: exec/attach into a namespace's pods takes the service accounts they run as;
 * - `read-token-secret`: reading a service account's legacy token Secret;
 * - `request-token`: creating `serviceaccounts/token` for an account;
 * - `kubelet-proxy`: `nodes/proxy` reaches every kubelet, which runs commands in any pod;
 * - `approve-csr` and `mutating-webhook`: approving client certificates, or rewriting every pod
 *   through a webhook; admin-equivalent but dependent on what else exists (signer permission, a
 *   webhook server), so these edges are `unknown`.
 */
import type { Location } from '../../model/index.js';
import { clusterAdminGrants, grantsFor, type Grant, type RbacRequest } from './authorize.js';
import type { RbacModel, RbacSubject } from './model.js';
import { subjectId, subjectLabel } from './model.js';

export const K8S_ADMIN = 'admin:kubernetes';

export interface RbacEdge {
  from: string;
  to: string;
  technique: string;
  explanation: string;
  grants: Grant[];
  certainty: 'proven' | 'unknown';
}

export interface RbacEscalation {
  subjects: Map<string, RbacSubject>;
  edges: RbacEdge[];
  /** subject id → shortest path to cluster-admin (empty for direct admins' single edge) */
  toAdmin: Map<string, RbacEdge[]>;
}

const WORKLOAD_CREATORS: Array<[string, string]> = [
  ['', 'pods'],
  ['apps', 'deployments'],
  ['apps', 'daemonsets'],
  ['apps', 'statefulsets'],
  ['apps', 'replicasets'],
  ['batch', 'jobs'],
  ['batch', 'cronjobs'],
  ['', 'replicationcontrollers'],
];

/** Where a grant is declared: the binding's roleRef. */
export function grantLocation(g: Grant): Location {
  return g.binding.location;
}

function describeGrant(g: Grant): string {
  return `${g.binding.kind} ${g.binding.namespace ? `${g.binding.namespace}/` : ''}${g.binding.name} → ${g.role.kind} ${g.role.name}${g.role.builtin ? ' (built-in)' : ''}`;
}

export function analyseRbac(model: RbacModel): RbacEscalation {
  const subjects = new Map<string, RbacSubject>();
  const add = (s: RbacSubject) => subjects.set(subjectId(s), s);
  for (const b of model.bindings) for (const s of b.subjects) if (s.kind !== 'Group') add(s);
  for (const sa of model.serviceAccounts.values()) add({ kind: 'ServiceAccount', namespace: sa.namespace, name: sa.name });
  const namespaces = [...model.namespaces].sort();
  const accountsIn = (ns: string) => [...model.serviceAccounts.values()].filter((a) => a.namespace === ns);
  const edges: RbacEdge[] = [];

  for (const [id, s] of subjects) {
    const push = (to: string, technique: string, explanation: string, grants: Grant[], certainty: 'proven' | 'unknown' = 'proven') => {
      if (to !== id && grants.length) edges.push({ from: id, to, technique, explanation, grants, certainty });
    };
    const can = (req: RbacRequest) => grantsFor(model, s, req);

    const admin = clusterAdminGrants(model, s);
    if (admin.length) {
      push(K8S_ADMIN, 'cluster-admin', `${subjectLabel(s)} holds every permission cluster-wide (${describeGrant(admin[0]!)})`, admin);
      continue;
    }
    const masters = can({ verb: 'impersonate', group: '', resource: 'groups', name: 'system:masters' });
    push(K8S_ADMIN, 'impersonate-group', `${subjectLabel(s)} can impersonate the group system:masters`, masters);
    const bindCrb = can({ verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings' });
    if (bindCrb.length) {
      const bind = [...can({ verb: 'bind', group: 'rbac.authorization.k8s.io', resource: 'clusterroles', name: 'cluster-admin' }), ...can({ verb: 'escalate', group: 'rbac.authorization.k8s.io', resource: 'clusterroles', name: 'cluster-admin' })];
      if (bind.length) push(K8S_ADMIN, 'bind-cluster-admin', `${subjectLabel(s)} can create ClusterRoleBindings and bind cluster-admin`, [...bindCrb, ...bind]);
    }
    const csr = can({ verb: 'update', group: 'certificates.k8s.io', resource: 'certificatesigningrequests/approval' });
    const csrCreate = can({ verb: 'create', group: 'certificates.k8s.io', resource: 'certificatesigningrequests' });
    if (csr.length && csrCreate.length) push(K8S_ADMIN, 'approve-csr', `${subjectLabel(s)} can request and approve client certificates (cluster-admin if it may also approve for the kube-apiserver-client signer)`, [...csrCreate, ...csr], 'unknown');
    const webhook = can({ verb: 'create', group: 'admissionregistration.k8s.io', resource: 'mutatingwebhookconfigurations' });
    push(K8S_ADMIN, 'mutating-webhook', `${subjectLabel(s)} can register a mutating webhook that rewrites every pod (admin-equivalent with a webhook server it controls)`, webhook, 'unknown');

    for (const other of subjects.values()) {
      if (other.kind === 'User') {
        push(subjectId(other), 'impersonate-user', `${subjectLabel(s)} can impersonate ${subjectLabel(other)}`, can({ verb: 'impersonate', group: '', resource: 'users', name: other.name }));
      }
    }
    const proxy = [...can({ verb: 'get', group: '', resource: 'nodes/proxy' }), ...can({ verb: 'create', group: '', resource: 'nodes/proxy' })];
    if (proxy.length) {
      for (const a of model.serviceAccounts.values()) {
        if (a.workloads.length) push(subjectId({ kind: 'ServiceAccount', namespace: a.namespace, name: a.name }), 'kubelet-proxy', `${subjectLabel(s)} reaches the kubelet API (nodes/proxy) and runs commands in pods of ServiceAccount ${a.namespace}/${a.name}`, proxy);
      }
    }
    for (const ns of namespaces) {
      const creators = WORKLOAD_CREATORS.flatMap(([group, resource]) => can({ verb: 'create', group, resource, namespace: ns }));
      const patchers = WORKLOAD_CREATORS.filter(([, r]) => r !== 'pods').flatMap(([group, resource]) => [...can({ verb: 'patch', group, resource, namespace: ns }), ...can({ verb: 'update', group, resource, namespace: ns })]);
      const exec = [...can({ verb: 'create', group: '', resource: 'pods/exec', namespace: ns }), ...can({ verb: 'get', group: '', resource: 'pods/exec', namespace: ns }), ...can({ verb: 'create', group: '', resource: 'pods/attach', namespace: ns })];
      for (const a of accountsIn(ns)) {
        const target = subjectId({ kind: 'ServiceAccount', namespace: ns, name: a.name });
        const label = `ServiceAccount ${ns}/${a.name}`;
        push(target, 'create-workload', `${subjectLabel(s)} can create pods in ${ns} that run as ${label}`, creators);
        if (a.workloads.length) {
          push(target, 'patch-workload', `${subjectLabel(s)} can change the pod template of workloads in ${ns} to run as ${label}`, patchers);
          push(target, 'exec-into-pod', `${subjectLabel(s)} can exec into pods in ${ns} that run as ${label}`, exec);
        }
        push(target, 'impersonate-serviceaccount', `${subjectLabel(s)} can impersonate ${label}`, can({ verb: 'impersonate', group: '', resource: 'serviceaccounts', namespace: ns, name: a.name }));
        push(target, 'request-token', `${subjectLabel(s)} can mint tokens for ${label}`, can({ verb: 'create', group: '', resource: 'serviceaccounts/token', namespace: ns, name: a.name }));
        for (const secret of a.tokenSecrets) {
          const name = String((secret.attributes.metadata as Record<string, unknown> | undefined)?.name ?? '');
          push(target, 'read-token-secret', `${subjectLabel(s)} can read the token Secret ${ns}/${name} of ${label}`, can({ verb: 'get', group: '', resource: 'secrets', namespace: ns, name }));
        }
      }
    }
  }

  // breadth-first from every subject to cluster-admin: the first path found is a shortest one
  const out = new Map<string, RbacEdge[]>();
  const from = new Map<string, RbacEdge[]>();
  for (const e of edges) from.set(e.from, [...(from.get(e.from) ?? []), e]);
  for (const id of subjects.keys()) {
    const via = new Map<string, RbacEdge | null>([[id, null]]);
    let frontier = [id];
    let found: string | undefined;
    while (frontier.length && !found) {
      const next: string[] = [];
      for (const at of frontier) {
        for (const e of from.get(at) ?? []) {
          if (via.has(e.to)) continue;
          via.set(e.to, e);
          if (e.to === K8S_ADMIN) {
            found = e.to;
            break;
          }
          next.push(e.to);
        }
        if (found) break;
      }
      frontier = next;
    }
    if (!found) continue;
    const path: RbacEdge[] = [];
    for (let at = found; at !== id; ) {
      const e = via.get(at)!;
      path.unshift(e);
      at = e.from;
    }
    out.set(id, path);
  }
  return { subjects, edges, toAdmin: out };
}
