/**
 * RBAC authorisation of one request for one subject: the grants (binding, role, rule) that allow
 * it. Matching follows the API server: a rule covers a request when its apiGroups, resources and
 * verbs each contain the requested value or `*`, and its resourceNames are empty or name the
 * object; a RoleBinding grants only in its own namespace, a ClusterRoleBinding everywhere.
 */
import type { RbacBinding, RbacModel, RbacRole, RbacRule, RbacSubject } from './model.js';
import { implicitGroups } from './model.js';

export interface RbacRequest {
  verb: string;
  /** API group, "" for the core group */
  group: string;
  /** resource, with its subresource after a slash: `pods/exec` */
  resource: string;
  /** the namespace of a namespaced request; undefined for cluster-scoped resources */
  namespace?: string;
  /** the object's name, for rules restricted by resourceNames */
  name?: string;
}

export interface Grant {
  binding: RbacBinding;
  role: RbacRole;
  ruleIndex: number;
}

function resourceMatches(ruleResource: string, resource: string): boolean {
  if (ruleResource === '*' || ruleResource === resource) return true;
  const [base, sub] = resource.split('/');
  // `pods/*` covers every subresource of pods, `*/scale` the scale subresource of everything
  if (sub !== undefined && (ruleResource === `${base}/*` || ruleResource === `*/${sub}`)) return true;
  return false;
}

export function ruleCovers(rule: RbacRule, req: RbacRequest): boolean {
  if (rule.nonResourceURLs.length && !rule.resources.length) return false;
  if (!rule.apiGroups.some((g) => g === '*' || g === req.group)) return false;
  if (!rule.resources.some((r) => resourceMatches(r, req.resource))) return false;
  if (!rule.verbs.some((v) => v === '*' || v === req.verb)) return false;
  if (rule.resourceNames.length) return req.name !== undefined && rule.resourceNames.includes(req.name);
  return true;
}

/** True when the binding names the subject, directly or through one of its groups. */
export function bindingNames(binding: RbacBinding, subject: RbacSubject): boolean {
  const groups = subject.kind === 'Group' ? [subject.name] : implicitGroups(subject);
  return binding.subjects.some((s) => {
    if (s.kind === 'Group') return groups.includes(s.name);
    if (s.kind !== subject.kind) {
      // a service account may also be named as the user system:serviceaccount:<ns>:<name>
      return subject.kind === 'ServiceAccount' && s.kind === 'User' && s.name === `system:serviceaccount:${subject.namespace}:${subject.name}`;
    }
    return s.name === subject.name && (s.kind !== 'ServiceAccount' || s.namespace === subject.namespace);
  });
}

/** The bindings that apply to a subject (memoised per model). */
const BOUND = new WeakMap<RbacModel, Map<string, RbacBinding[]>>();
export function bindingsOf(model: RbacModel, subject: RbacSubject): RbacBinding[] {
  let memo = BOUND.get(model);
  if (!memo) BOUND.set(model, (memo = new Map()));
  const key = `${subject.kind}|${subject.namespace ?? ''}|${subject.name}`;
  let list = memo.get(key);
  if (!list) memo.set(key, (list = model.bindings.filter((b) => bindingNames(b, subject))));
  return list;
}

export function grantsFor(model: RbacModel, subject: RbacSubject, req: RbacRequest): Grant[] {
  const out: Grant[] = [];
  for (const binding of bindingsOf(model, subject)) {
    if (binding.kind === 'RoleBinding' && (req.namespace === undefined || binding.namespace !== req.namespace)) continue;
    const role = model.roles.get(binding.roleKey);
    if (!role) continue;
    role.rules.forEach((rule, ruleIndex) => {
      if (ruleCovers(rule, req)) out.push({ binding, role, ruleIndex });
    });
  }
  return out;
}

/** Cluster-admin equivalent: every verb on every resource of every group, cluster-wide. */
export function clusterAdminGrants(model: RbacModel, subject: RbacSubject): Grant[] {
  const out: Grant[] = [];
  for (const binding of bindingsOf(model, subject)) {
    if (binding.kind !== 'ClusterRoleBinding') continue;
    const role = model.roles.get(binding.roleKey);
    role?.rules.forEach((rule, ruleIndex) => {
      if (rule.apiGroups.includes('*') && rule.resources.includes('*') && rule.verbs.includes('*') && !rule.resourceNames.length) out.push({ binding, role, ruleIndex });
    });
  }
  return out;
}
