/**
 * Kubernetes RBAC as the API server authorises it: Roles and ClusterRoles (with aggregation),
 * RoleBindings and ClusterRoleBindings, subjects (ServiceAccount, User, Group) and the groups every
 * service account belongs to (`system:serviceaccounts`, `system:serviceaccounts:<ns>`,
 * `system:authenticated`). RBAC only grants: a request is allowed when any rule of any role bound
 * to the subject (or one of its groups) covers it, in the binding's namespace for a RoleBinding and
 * everywhere for a ClusterRoleBinding.
 *
 * Roles the manifests reference but do not define are the built-in ones (cluster-admin, admin,
 * edit, view, from `data/kubernetes-builtin-roles.yaml`); any other missing role grants nothing and
 * is reported as missing, never assumed.
 *
 * Reads manifests and Terraform kubernetes provider resources through their manifest-shaped views.
 */
import type { Location, Resource, Value } from '../../model/index.js';
import { getPath, isObject, locate } from '../../model/index.js';
import { loadCatalogue } from '../../checks/_lib/catalogue.js';
import { podSpecOf } from '../../checks/_lib/kubernetes.js';
import { z } from 'zod';

export interface RbacRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

export interface RbacRole {
  /** `ClusterRole/name` or `Role/namespace/name` */
  key: string;
  kind: 'Role' | 'ClusterRole';
  name: string;
  namespace?: string;
  rules: RbacRule[];
  /** the model resource, absent for built-in roles */
  resource?: Resource;
  builtin?: boolean;
  labels: Record<string, string>;
}

export interface RbacSubject {
  kind: 'ServiceAccount' | 'User' | 'Group';
  name: string;
  namespace?: string;
}

export interface RbacBinding {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  namespace?: string;
  roleKey: string;
  subjects: RbacSubject[];
  resource: Resource;
  location: Location;
}

export interface ServiceAccountInfo {
  namespace: string;
  name: string;
  resource?: Resource;
  /** `eks.amazonaws.com/role-arn`, `iam.gke.io/gcp-service-account`, `azure.workload.identity/client-id` */
  annotations: Record<string, string>;
  /** workloads that run as this service account */
  workloads: Resource[];
  /** legacy token Secrets of this account */
  tokenSecrets: Resource[];
}

export interface RbacModel {
  roles: Map<string, RbacRole>;
  bindings: RbacBinding[];
  serviceAccounts: Map<string, ServiceAccountInfo>;
  namespaces: Set<string>;
  /** role references no manifest defines and no built-in role covers */
  missingRoles: Array<{ binding: RbacBinding; roleKey: string }>;
}

const ruleSchema = z.object({
  apiGroups: z.array(z.string()).default([]),
  resources: z.array(z.string()).default([]),
  verbs: z.array(z.string()),
  resourceNames: z.array(z.string()).default([]),
  nonResourceURLs: z.array(z.string()).default([]),
});
const builtinSchema = z.object({ roles: z.array(z.object({ name: z.string(), why: z.string(), rules: z.array(ruleSchema) })) });

let builtins: Map<string, RbacRule[]> | undefined;
function builtinRoles(): Map<string, RbacRule[]> {
  builtins ??= new Map(loadCatalogue('kubernetes-builtin-roles.yaml', builtinSchema).roles.map((r) => [r.name, r.rules]));
  return builtins;
}

function strings(v: Value | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function labelsOf(r: Resource): Record<string, string> {
  const l = getPath(r.attributes, 'metadata.labels');
  const out: Record<string, string> = {};
  if (isObject(l)) for (const [k, v] of Object.entries(l)) if (typeof v === 'string') out[k] = v;
  return out;
}

function rulesOf(r: Resource): RbacRule[] {
  const rules = getPath(r.attributes, 'rules');
  if (!Array.isArray(rules)) return [];
  return rules.filter(isObject).map((x) => ({
    apiGroups: strings(x.apiGroups),
    resources: strings(x.resources),
    verbs: strings(x.verbs),
    resourceNames: strings(x.resourceNames),
    nonResourceURLs: strings(x.nonResourceURLs),
  }));
}

function annotation(r: Resource, key: string): Value | undefined {
  const ann = getPath(r.attributes, 'metadata.annotations');
  return isObject(ann) ? ann[key] : undefined;
}

export function saKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function namespaceOf(r: Resource): string {
  const ns = getPath(r.attributes, 'metadata.namespace');
  return typeof ns === 'string' && ns ? ns : 'default';
}

/** The pod spec path of a workload (manifests and Terraform views share the shape), as the checks find it. */
export function podSpecPathOf(r: Resource): string | undefined {
  return podSpecOf(r)?.path;
}

export function buildRbacModel(resources: readonly Resource[]): RbacModel {
  const roles = new Map<string, RbacRole>();
  const bindings: RbacBinding[] = [];
  const serviceAccounts = new Map<string, ServiceAccountInfo>();
  const namespaces = new Set<string>(['default', 'kube-system']);
  const sa = (ns: string, name: string): ServiceAccountInfo => {
    const key = saKey(ns, name);
    let info = serviceAccounts.get(key);
    if (!info) serviceAccounts.set(key, (info = { namespace: ns, name, annotations: {}, workloads: [], tokenSecrets: [] }));
    namespaces.add(ns);
    return info;
  };

  for (const r of resources) {
    const name = getPath(r.attributes, 'metadata.name');
    if (typeof name !== 'string') continue;
    if (r.type === 'Namespace') namespaces.add(name);
    else if (r.type === 'ClusterRole') roles.set(`ClusterRole/${name}`, { key: `ClusterRole/${name}`, kind: 'ClusterRole', name, rules: rulesOf(r), resource: r, labels: labelsOf(r) });
    else if (r.type === 'Role') {
      const ns = namespaceOf(r);
      roles.set(`Role/${ns}/${name}`, { key: `Role/${ns}/${name}`, kind: 'Role', name, namespace: ns, rules: rulesOf(r), resource: r, labels: labelsOf(r) });
    } else if (r.type === 'ServiceAccount') {
      const info = sa(namespaceOf(r), name);
      info.resource = r;
      const ann = getPath(r.attributes, 'metadata.annotations');
      if (isObject(ann)) for (const [k, v] of Object.entries(ann)) if (typeof v === 'string') info.annotations[k] = v;
    } else if (r.type === 'Secret' && getPath(r.attributes, 'type') === 'kubernetes.io/service-account-token') {
      const saName = annotation(r, 'kubernetes.io/service-account.name');
      if (typeof saName === 'string') sa(namespaceOf(r), saName).tokenSecrets.push(r);
    } else if (podSpecPathOf(r)) {
      const spec = podSpecPathOf(r)!;
      const account = getPath(r.attributes, `${spec}.serviceAccountName`) ?? getPath(r.attributes, `${spec}.serviceAccount`);
      sa(namespaceOf(r), typeof account === 'string' && account ? account : 'default').workloads.push(r);
    }
  }

  // aggregated cluster roles take the rules of every cluster role their selectors match
  for (const role of roles.values()) {
    const selectors = role.resource ? getPath(role.resource.attributes, 'aggregationRule.clusterRoleSelectors') : undefined;
    if (!Array.isArray(selectors)) continue;
    for (const sel of selectors) {
      const match = isObject(sel) && isObject(sel.matchLabels) ? (sel.matchLabels as Record<string, Value>) : undefined;
      if (!match) continue;
      for (const other of roles.values()) {
        if (other === role || other.kind !== 'ClusterRole') continue;
        if (Object.entries(match).every(([k, v]) => other.labels[k] === v)) role.rules.push(...other.rules);
      }
    }
  }

  const missingRoles: RbacModel['missingRoles'] = [];
  for (const r of resources) {
    if (r.type !== 'RoleBinding' && r.type !== 'ClusterRoleBinding') continue;
    const name = getPath(r.attributes, 'metadata.name');
    const refKind = getPath(r.attributes, 'roleRef.kind');
    const refName = getPath(r.attributes, 'roleRef.name');
    if (typeof name !== 'string' || typeof refName !== 'string') continue;
    const ns = r.type === 'RoleBinding' ? namespaceOf(r) : undefined;
    const roleKey = refKind === 'Role' && ns ? `Role/${ns}/${refName}` : `ClusterRole/${refName}`;
    const subjects: RbacSubject[] = [];
    const list = getPath(r.attributes, 'subjects');
    if (Array.isArray(list)) {
      for (const s of list) {
        if (!isObject(s) || typeof s.name !== 'string') continue;
        if (s.kind === 'ServiceAccount') {
          const sns = typeof s.namespace === 'string' && s.namespace ? s.namespace : (ns ?? 'default');
          subjects.push({ kind: 'ServiceAccount', name: s.name, namespace: sns });
          sa(sns, s.name);
        } else if (s.kind === 'User' || s.kind === 'Group') subjects.push({ kind: s.kind, name: s.name });
      }
    }
    const binding: RbacBinding = { kind: r.type, name, namespace: ns, roleKey, subjects, resource: r, location: locate(r, 'roleRef') };
    bindings.push(binding);
    if (!roles.has(roleKey)) {
      const builtin = roleKey.startsWith('ClusterRole/') ? builtinRoles().get(refName) : undefined;
      if (builtin) roles.set(roleKey, { key: roleKey, kind: 'ClusterRole', name: refName, rules: builtin, builtin: true, labels: {} });
      else missingRoles.push({ binding, roleKey });
    }
  }
  return { roles, bindings, serviceAccounts, namespaces, missingRoles };
}

/** The groups a subject belongs to besides the ones bindings name it in. */
export function implicitGroups(s: RbacSubject): string[] {
  if (s.kind === 'ServiceAccount') return ['system:serviceaccounts', `system:serviceaccounts:${s.namespace}`, 'system:authenticated'];
  if (s.kind === 'User') return s.name === 'system:anonymous' ? ['system:unauthenticated'] : ['system:authenticated'];
  return [];
}

export function subjectId(s: RbacSubject): string {
  return s.kind === 'ServiceAccount' ? `k8s:sa:${s.namespace}/${s.name}` : `k8s:${s.kind.toLowerCase()}:${s.name}`;
}

export function subjectLabel(s: RbacSubject): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
}
