/**
 * The Kubernetes objects reachability reads: namespaces with their labels (the implicit
 * `kubernetes.io/metadata.name` included), workloads with their pod-template labels and container
 * ports, NetworkPolicies with their defaulted policyTypes, Services and Ingresses.
 *
 * They come from manifests and from the Terraform kubernetes provider (HCL and plan JSON), whose
 * resources are read through the manifest-shaped views of `checks/_lib/k8s-terraform.ts`, so the
 * semantics below apply to both. What differs is kept here: the provider's `metadata.namespace`
 * defaults to "default" and may be unresolved (an unknown namespace, never a guessed one), and its
 * `policy_types` is required (the provider never lets the API server default it).
 */
import { asNumber, asString, getPath, isObject, isUnknown, type Resource, type Unknown, type Value, type ValueObject } from '../../../model/index.js';
import { containersOf, podSpecOf, workloads } from '../../../checks/_lib/kubernetes.js';
import { terraformKubernetesView, terraformOrigin } from '../../../checks/_lib/k8s-terraform.js';
import { parseCidr } from '../common/addr.js';
import { labelsOf, type Labels, type Tri } from './selectors.js';

export const NAME_LABEL = 'kubernetes.io/metadata.name';

export interface K8sNamespace {
  name: string;
  labels: Labels;
  resource?: Resource;
}

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: string;
}

export interface K8sPod {
  workload: Resource;
  name: string;
  namespace: string;
  labels: Labels;
  ports: ContainerPort[];
  /** a container port list we could not read */
  portsUnknown: boolean;
  hostNetwork: boolean;
}

export type PolicyPeer =
  | { kind: 'pods'; podSelector: Value | undefined; namespaceSelector: Value | undefined; path: string }
  | { kind: 'ipBlock'; cidr: string; except: string[]; path: string }
  | { kind: 'unknown'; what: string; path: string };

export interface PolicyPort {
  protocol: string | Unknown;
  /** number, name, undefined (every port of the protocol) or unknown */
  port: number | string | undefined | Unknown;
  endPort?: number | Unknown;
}

export interface PolicyRule {
  /** undefined: every peer (the `from`/`to` list is absent or empty) */
  peers: PolicyPeer[] | undefined;
  /** undefined: every port of every protocol */
  ports: PolicyPort[] | undefined;
  path: string;
}

export interface K8sPolicy {
  resource: Resource;
  namespace: string;
  podSelector: Value | undefined;
  ingress: boolean | 'unknown';
  egress: boolean | 'unknown';
  ingressRules: PolicyRule[] | 'unknown';
  egressRules: PolicyRule[] | 'unknown';
  /** why the policy types are unknown, when they are */
  typeNotes?: string[];
}

export interface K8sModel {
  namespaces: Map<string, K8sNamespace>;
  pods: K8sPod[];
  policies: K8sPolicy[];
  services: Resource[];
  ingresses: Resource[];
}

/** Namespaces whose name Terraform could not resolve are named `?<expression>`. */
export function isUnknownNamespace(ns: string): boolean {
  return ns.startsWith('?');
}

/** Whether two objects share a namespace: unknown when either name is unresolved (even the same expression may differ between modules). */
export function sameNamespace(a: string, b: string): Tri {
  if (isUnknownNamespace(a) || isUnknownNamespace(b)) return 'unknown';
  return a === b ? 'yes' : 'no';
}

export function namespaceOf(r: Resource): string {
  const origin = terraformOrigin(r);
  if (origin) {
    const ns = getPath(r.attributes, 'metadata.namespace');
    if (isUnknown(ns)) return `?${ns.toString()}`;
    if (typeof ns === 'string' && ns !== '') return ns;
    // the typed resources default metadata.namespace to "default"; kubernetes_manifest refuses a
    // namespaced object without one ("Namespace required"), so where it would live is unknown
    return origin.type === 'kubernetes_manifest' ? '?metadata.namespace (required by kubernetes_manifest)' : 'default';
  }
  const ns = r.meta?.namespace;
  return typeof ns === 'string' && ns !== '' ? ns : 'default';
}

/** Manifests as they are, Terraform kubernetes provider resources as manifest-shaped views. */
export function kubernetesObjects(resources: readonly Resource[]): Resource[] {
  const out: Resource[] = [];
  for (const r of resources) {
    if (r.source === 'kubernetes') out.push(r);
    else if (r.source === 'terraform' || r.source === 'terraform-plan') {
      const view = terraformKubernetesView(r);
      if (view) out.push(view);
    }
  }
  return out;
}

function podLabelsPath(specPath: string): string {
  return specPath === 'spec' ? 'metadata.labels' : `${specPath.slice(0, -'spec'.length)}metadata.labels`;
}

function peersOf(list: Value | undefined, path: string): PolicyPeer[] | undefined {
  if (isUnknown(list)) return [{ kind: 'unknown', what: `${path} (${list.toString()})`, path }];
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const out: PolicyPeer[] = [];
  list.forEach((p, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(p)) {
      out.push({ kind: 'unknown', what: at, path: at });
      return;
    }
    if (p.ipBlock !== undefined) {
      const b = p.ipBlock;
      const cidr = isObject(b) ? b.cidr : undefined;
      const except = isObject(b) ? b.except : undefined;
      if (typeof cidr !== 'string' || isUnknown(except) || (Array.isArray(except) && except.some((e) => typeof e !== 'string'))) out.push({ kind: 'unknown', what: `${at}.ipBlock (${isUnknown(cidr) ? cidr.toString() : isUnknown(except) ? except.toString() : 'cidr or except unresolved or missing'})`, path: at });
      else if (parseCidr(cidr) === undefined || (Array.isArray(except) && (except as string[]).some((e) => parseCidr(e) === undefined))) out.push({ kind: 'unknown', what: `${at}.ipBlock: not a CIDR (${[cidr, ...(Array.isArray(except) ? (except as string[]) : [])].filter((x) => parseCidr(x) === undefined).join(', ')})`, path: at });
      else out.push({ kind: 'ipBlock', cidr, except: Array.isArray(except) ? (except as string[]) : [], path: at });
      return;
    }
    if (p.podSelector !== undefined || p.namespaceSelector !== undefined) {
      out.push({ kind: 'pods', podSelector: p.podSelector, namespaceSelector: p.namespaceSelector, path: at });
      return;
    }
    out.push({ kind: 'unknown', what: `${at}: no selector or ipBlock`, path: at });
  });
  return out;
}

function portsOf(list: Value | undefined): PolicyPort[] | undefined | 'unknown' {
  if (isUnknown(list)) return 'unknown';
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.flatMap((p): PolicyPort[] => {
    if (!isObject(p)) return [{ protocol: 'tcp', port: isUnknown(p) ? p : undefined }];
    const protocol = p.protocol === undefined || p.protocol === null ? 'tcp' : isUnknown(p.protocol) ? p.protocol : String(p.protocol).toLowerCase();
    const raw = p.port;
    // the provider writes an unset port as "" (every port of the protocol)
    const port = raw === undefined || raw === null || raw === '' ? undefined : isUnknown(raw) ? raw : typeof raw === 'number' ? raw : /^\d+$/.test(String(raw)) ? Number(raw) : String(raw);
    const out: PolicyPort = { protocol, port };
    const end = asNumber(p.endPort);
    if (end !== undefined) out.endPort = end;
    return [out];
  });
}

function rulesOf(spec: ValueObject, dir: 'ingress' | 'egress'): PolicyRule[] | 'unknown' {
  const list = spec[dir];
  if (isUnknown(list)) return 'unknown';
  if (!Array.isArray(list)) return [];
  const out: PolicyRule[] = [];
  for (const [i, r] of list.entries()) {
    const path = `spec.${dir}[${i}]`;
    if (!isObject(r)) return 'unknown';
    const ports = portsOf(r.ports);
    if (ports === 'unknown') return 'unknown';
    out.push({ peers: peersOf(r[dir === 'ingress' ? 'from' : 'to'], `${path}.${dir === 'ingress' ? 'from' : 'to'}`), ports, path });
  }
  return out;
}

function policyOf(r: Resource): K8sPolicy {
  const spec = isObject(r.attributes.spec) ? r.attributes.spec : {};
  const types = spec.policyTypes;
  let ingress: boolean | 'unknown';
  let egress: boolean | 'unknown';
  const typeNotes: string[] = [];
  const noTypes = types === undefined || types === null || (Array.isArray(types) && types.length === 0);
  if (isUnknown(types)) {
    ingress = egress = 'unknown';
    typeNotes.push(`${r.id}: policy types unresolved (${types.toString()})`);
  } else if (noTypes && terraformOrigin(r) && terraformOrigin(r)!.type !== 'kubernetes_manifest') {
    // the typed resources require policy_types and never let the API server default them: a
    // configuration without them does not apply, so what it would isolate is unknown
    // (kubernetes_manifest sends the manifest as written, and the server defaults as usual)
    ingress = egress = 'unknown';
    typeNotes.push(`${r.id}: spec.policy_types is missing (the kubernetes provider requires it)`);
  } else if (Array.isArray(types) && types.length > 0) {
    const t = types.map((x) => (isUnknown(x) ? '?' : asString(x)));
    // an unresolved entry, or one the API server would reject (the object is then not applied)
    const odd = types.filter((x, i) => t[i] !== 'Ingress' && t[i] !== 'Egress');
    if (odd.length) typeNotes.push(`${r.id}: policy types ${odd.map((x) => (isUnknown(x) ? x.toString() : JSON.stringify(x))).join(', ')} unresolved or invalid (Ingress, Egress)`);
    ingress = t.includes('Ingress') ? true : odd.length ? 'unknown' : false;
    egress = t.includes('Egress') ? true : odd.length ? 'unknown' : false;
  } else if (!Array.isArray(types) && !noTypes) {
    ingress = egress = 'unknown';
    typeNotes.push(`${r.id}: policy types are not a list (${JSON.stringify(types)})`);
  } else {
    // policyTypes defaulted by the API server: Ingress always, Egress when egress rules are given
    ingress = true;
    egress = isUnknown(spec.egress) ? 'unknown' : Array.isArray(spec.egress) && spec.egress.length > 0;
  }
  const policy: K8sPolicy = { resource: r, namespace: namespaceOf(r), podSelector: isObject(r.attributes.spec) ? (spec.podSelector ?? {}) : undefined, ingress, egress, ingressRules: rulesOf(spec, 'ingress'), egressRules: rulesOf(spec, 'egress') };
  if (typeNotes.length) policy.typeNotes = typeNotes;
  return policy;
}

export const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export function buildK8sModel(resources: readonly Resource[]): K8sModel {
  const k8s = kubernetesObjects(resources);
  const namespaces = new Map<string, K8sNamespace>();
  for (const r of k8s) {
    if (r.type !== 'Namespace') continue;
    const raw = getPath(r.attributes, 'metadata.name');
    if (isUnknown(raw)) {
      // a namespace whose name is unresolved: none of its labels can be matched for sure
      const name = `?${raw.toString()}`;
      namespaces.set(name, { name, labels: { map: new Map(), open: true }, resource: r });
      continue;
    }
    const name = asString(raw);
    if (name === undefined) continue;
    namespaces.set(name, { name, labels: labelsOf(getPath(r.attributes, 'metadata.labels'), { [NAME_LABEL]: name }), resource: r });
  }
  const ensure = (name: string) => {
    if (namespaces.has(name)) return;
    namespaces.set(name, { name, labels: isUnknownNamespace(name) ? { map: new Map(), open: true } : { ...labelsOf(undefined, { [NAME_LABEL]: name }), open: true } });
  };
  const pods: K8sPod[] = [];
  for (const w of workloads(k8s)) {
    const spec = podSpecOf(w);
    if (!spec) continue;
    const ns = namespaceOf(w);
    ensure(ns);
    const ports: ContainerPort[] = [];
    let portsUnknown = false;
    for (const c of containersOf(w)) {
      if (c.kind !== 'containers') continue;
      const list = c.container.ports;
      if (isUnknown(list)) portsUnknown = true;
      if (!Array.isArray(list)) continue;
      for (const p of list) {
        if (!isObject(p)) continue;
        const n = asNumber(p.containerPort);
        if (typeof n !== 'number') {
          portsUnknown = true;
          continue;
        }
        const cp: ContainerPort = { port: n, protocol: (asString(p.protocol) ?? 'TCP').toLowerCase() };
        const name = asString(p.name);
        if (name !== undefined) cp.name = name;
        ports.push(cp);
      }
    }
    pods.push({ workload: w, name: asString(getPath(w.attributes, 'metadata.name')) ?? w.name, namespace: ns, labels: labelsOf(getPath(w.attributes, podLabelsPath(spec.path))), ports, portsUnknown, hostNetwork: spec.spec.hostNetwork === true });
  }
  const policies = k8s.filter((r) => r.type === 'NetworkPolicy').map(policyOf);
  for (const p of policies) ensure(p.namespace);
  const services = k8s.filter((r) => r.type === 'Service' && !String(r.attributes.apiVersion ?? '').includes('knative'));
  const ingresses = k8s.filter((r) => r.type === 'Ingress');
  return { namespaces, pods, policies, services, ingresses };
}
