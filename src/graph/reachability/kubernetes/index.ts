/**
 * Kubernetes reachability: internet → pod through Services of type LoadBalancer / NodePort and
 * Ingresses, and pod → pod flows within and across namespaces, over manifests and the Terraform
 * kubernetes provider alike (`model.ts` reads both into one model), under NetworkPolicy semantics:
 *
 * - a pod is isolated for ingress (egress) only when some policy of its namespace selects it and
 *   has Ingress (Egress) among its policyTypes (defaulted: Ingress always, Egress when the policy
 *   has egress rules); a pod that is not isolated admits (sends) everything;
 * - what an isolated pod admits is the union of the rules of the policies selecting it; a rule
 *   without `from`/`to` admits every peer, without `ports` every port of every protocol;
 * - peers: `podSelector` alone selects pods of the policy's namespace, `namespaceSelector` alone
 *   every pod of the selected namespaces, both together the selected pods of the selected
 *   namespaces (labels of namespaces from Namespace objects plus `kubernetes.io/metadata.name`);
 *   `ipBlock` CIDRs minus `except` match addresses outside the cluster;
 * - ports: number or named container port of the destination pod, `endPort` ranges;
 * - a flow needs the source's egress and the destination's ingress to allow it.
 *
 * Pod and node addresses are not in manifests: an ipBlock that covers private ranges may or may
 * not match a pod or node address, so it makes the verdict unknown, never safe. Traffic through a
 * Service with `externalTrafficPolicy: Cluster` (the default) reaches the pod from a node address
 * (kube-proxy SNAT), with `Local` from the client's address. Traffic through an Ingress reaches the
 * pod from the ingress controller's pods, which the manifests rarely show: only a rule admitting
 * every pod of every namespace (or every peer) admits them for sure.
 */
import { asNumber, asString, getPath, isObject, isUnknown, type Resource, type Value } from '../../../model/index.js';
import { isInternalLoadBalancer, servicePorts } from '../../../checks/_lib/k8s-services.js';
import type { Hop, RuleRef } from '../types.js';
import { EMPTY, PRIVATE, PUBLIC, equals, fromCidrs, intersect, isEmpty, subtract, toCidrs, union, type AddrSet } from '../common/addr.js';
import { INTERNET_HOP, hop, ruleRef, type Flow, type FlowEngine } from '../common/flow.js';
import { ALL_TRANSPORT_PORTS, TRANSPORTS, formatRange, portSetIntersect, portSetIsEmpty, portSetSubtract, portSetUnion, type PortSet, type Transport } from '../common/ports.js';
import { buildK8sModel, namespaceOf, sameNamespace, type K8sModel, type K8sPod, type K8sPolicy, type PolicyPeer, type PolicyRule } from './model.js';
import { and, matchSelector, matchServiceSelector, or, type Tri } from './selectors.js';

export { buildK8sModel } from './model.js';

type Source =
  | { kind: 'pod'; pod: K8sPod }
  /** clients of a LoadBalancer / NodePort Service: `space` the internet addresses let in, `snat` when the pod sees a node address */
  | { kind: 'external'; space: AddrSet; snat: boolean }
  /** the ingress controller's pods (not in the manifests) */
  | { kind: 'controller' };

export interface Allowance {
  /** ports certainly allowed */
  yes: PortSet;
  /** ports possibly allowed (a superset of yes) */
  maybe: PortSet;
  isolated: Tri;
  /** the rules that allowed some traffic */
  allowedBy: RuleRef[];
  /** the policies that isolate the pod (for a blocked verdict) */
  isolatedBy: RuleRef[];
  unknowns: string[];
  /** internet addresses let in by ipBlocks, for an external source */
  ranges?: AddrSet;
}

function isEmptySelector(v: Value | undefined): boolean {
  if (!isObject(v)) return false;
  const ml = v.matchLabels;
  const me = v.matchExpressions;
  return (ml === undefined || ml === null || (isObject(ml) && Object.keys(ml).length === 0)) && (me === undefined || me === null || (Array.isArray(me) && me.length === 0));
}

function peerMatch(model: K8sModel, policy: K8sPolicy, peer: PolicyPeer, src: Source): { tri: Tri; ranges?: AddrSet } {
  if (peer.kind === 'unknown') return { tri: 'unknown' };
  if (peer.kind === 'ipBlock') {
    const set = subtract(fromCidrs([peer.cidr]), fromCidrs(peer.except));
    if (src.kind === 'external' && !src.snat) {
      const hit = intersect(set, src.space);
      return isEmpty(hit) ? { tri: 'no' } : { tri: 'yes', ranges: hit };
    }
    // pod, node and controller addresses are private and not in the manifests
    return { tri: isEmpty(intersect(set, PRIVATE)) ? 'no' : 'unknown' };
  }
  if (src.kind === 'external') return { tri: 'no' };
  if (src.kind === 'controller') {
    if (peer.namespaceSelector !== undefined && isEmptySelector(peer.namespaceSelector) && (peer.podSelector === undefined || isEmptySelector(peer.podSelector))) return { tri: 'yes' };
    return { tri: 'unknown' };
  }
  const pod = src.pod;
  const ns = model.namespaces.get(pod.namespace)!;
  const nsTri: Tri = peer.namespaceSelector === undefined ? sameNamespace(pod.namespace, policy.namespace) : matchSelector(peer.namespaceSelector, ns.labels);
  const podTri: Tri = peer.podSelector === undefined ? 'yes' : matchSelector(peer.podSelector, pod.labels);
  return { tri: and(nsTri, podTri) };
}

/** The ports a rule opens on the destination pod, named ports resolved against its containers. */
function rulePorts(rule: PolicyRule, dest: K8sPod | undefined): { yes: PortSet; maybe: PortSet; unknowns: string[] } {
  if (rule.ports === undefined) return { yes: ALL_TRANSPORT_PORTS, maybe: ALL_TRANSPORT_PORTS, unknowns: [] };
  let yes: PortSet = {};
  let maybe: PortSet = {};
  const unknowns: string[] = [];
  for (const [i, p] of rule.ports.entries()) {
    if (isUnknown(p.protocol)) {
      maybe = portSetUnion(maybe, ALL_TRANSPORT_PORTS);
      unknowns.push(`${rule.path}.ports[${i}].protocol (${p.protocol.toString()})`);
      continue;
    }
    const t = p.protocol as Transport;
    if (!TRANSPORTS.includes(t)) continue;
    const all: PortSet = { [t]: [{ from: 0, to: 65535 }] };
    if (p.port === undefined) {
      yes = portSetUnion(yes, all);
      maybe = portSetUnion(maybe, all);
    } else if (isUnknown(p.port) || isUnknown(p.endPort)) {
      maybe = portSetUnion(maybe, all);
      unknowns.push(`${rule.path}.ports[${i}].${isUnknown(p.port) ? `port (${p.port.toString()})` : `endPort (${String(p.endPort)})`}`);
    } else if (typeof p.port === 'number') {
      const end = typeof p.endPort === 'number' && p.endPort >= p.port ? p.endPort : p.port;
      const set: PortSet = { [t]: [{ from: p.port, to: end }] };
      yes = portSetUnion(yes, set);
      maybe = portSetUnion(maybe, set);
    } else {
      const named = dest?.ports.filter((c) => c.name === p.port && c.protocol === t) ?? [];
      if (named.length) {
        const set: PortSet = { [t]: named.map((c) => ({ from: c.port, to: c.port })) };
        yes = portSetUnion(yes, set);
        maybe = portSetUnion(maybe, set);
      } else if (!dest || dest.portsUnknown) {
        maybe = portSetUnion(maybe, all);
        unknowns.push(`${rule.path}.ports[${i}]: named port ${p.port} on ${dest ? `${dest.workload.id}, whose container ports are unresolved` : 'the destination'}`);
      }
    }
  }
  return { yes, maybe, unknowns };
}

function policyTri(v: boolean | 'unknown'): Tri {
  return v === 'unknown' ? 'unknown' : v ? 'yes' : 'no';
}

const selecting = new WeakMap<K8sModel, Map<K8sPod, Array<{ policy: K8sPolicy; sel: Tri }>>>();

/** The policies of the pod's namespace whose podSelector may select it (computed once per pod). */
function selectingPolicies(model: K8sModel, pod: K8sPod): Array<{ policy: K8sPolicy; sel: Tri }> {
  let byPod = selecting.get(model);
  if (!byPod) selecting.set(model, (byPod = new Map()));
  let hit = byPod.get(pod);
  if (!hit) {
    hit = [];
    for (const policy of model.policies) {
      const same = sameNamespace(policy.namespace, pod.namespace);
      if (same === 'no') continue;
      const sel: Tri = and(same, policy.podSelector === undefined ? 'unknown' : matchSelector(policy.podSelector, pod.labels));
      if (sel !== 'no') hit.push({ policy, sel });
    }
    byPod.set(pod, hit);
  }
  return hit;
}

/** What `pod` admits (ingress) from `src`, or sends (egress) to `dest`. */
export function allowance(model: K8sModel, pod: K8sPod, dir: 'ingress' | 'egress', other: Source, dest?: K8sPod): Allowance {
  let yes: PortSet = {};
  let maybe: PortSet = {};
  const isolation: Tri[] = [];
  const allowedBy: RuleRef[] = [];
  const isolatedBy: RuleRef[] = [];
  const unknowns: string[] = [];
  let ranges: AddrSet = EMPTY;
  for (const { policy, sel } of selectingPolicies(model, pod)) {
    const typeTri = policyTri(dir === 'ingress' ? policy.ingress : policy.egress);
    const selects = and(sel, typeTri);
    if (selects === 'no') continue;
    isolation.push(selects);
    if (selects === 'unknown') {
      unknowns.push(`${policy.resource.id}: whether it selects the ${dir === 'ingress' ? 'destination' : 'source'} pod for ${dir}${sameNamespace(policy.namespace, pod.namespace) === 'unknown' ? ` (namespace ${policy.namespace === pod.namespace ? policy.namespace : `${policy.namespace} vs ${pod.namespace}`} unresolved)` : ''}`);
      if (typeTri === 'unknown' && policy.typeNotes) unknowns.push(...policy.typeNotes);
    }
    isolatedBy.push(ruleRef(policy.resource, 'spec.podSelector', `${policy.resource.id} selects the pod (${dir})`));
    const rules = dir === 'ingress' ? policy.ingressRules : policy.egressRules;
    if (rules === 'unknown') {
      maybe = portSetUnion(maybe, ALL_TRANSPORT_PORTS);
      unknowns.push(`${policy.resource.id}.spec.${dir} (unresolved)`);
      continue;
    }
    for (const rule of rules) {
      let peerTri: Tri = 'yes';
      if (rule.peers !== undefined) {
        const matches = rule.peers.map((p) => peerMatch(model, policy, p, other));
        peerTri = or(...matches.map((m) => m.tri));
        for (const m of matches) if (m.ranges) ranges = union(ranges, m.ranges);
        if (peerTri === 'unknown') {
          unknowns.push(`${policy.resource.id}.${rule.path}: whether its peers match the ${other.kind === 'pod' ? (dir === 'ingress' ? 'source pod' : 'destination pod') : other.kind === 'controller' ? 'ingress controller pods' : 'client addresses'}`);
          for (const peer of rule.peers) if (peer.kind === 'unknown') unknowns.push(`${policy.resource.id}.${peer.what}`);
        }
      } else if (other.kind === 'external' && !other.snat) ranges = union(ranges, other.space);
      const certainty = and(selects, peerTri);
      if (certainty === 'no') continue;
      const ports = rulePorts(rule, dir === 'ingress' ? pod : dest);
      if (portSetIsEmpty(ports.maybe)) continue;
      for (const u of ports.unknowns) unknowns.push(`${policy.resource.id}.${u}`);
      if (certainty === 'yes') yes = portSetUnion(yes, ports.yes);
      maybe = portSetUnion(maybe, ports.maybe);
      allowedBy.push(ruleRef(policy.resource, rule.path, `${policy.resource.id} ${rule.path} allows ${describePorts(ports.maybe)}`));
    }
  }
  let isolated = or(...isolation);
  // Kubernetes leaves NetworkPolicy behaviour for host-network pods undefined (most plugins do not isolate them)
  if (isolated !== 'no' && pod.hostNetwork) {
    isolated = 'unknown';
    unknowns.push(`the ${dir === 'ingress' ? 'destination' : 'source'} pod uses hostNetwork: whether NetworkPolicies apply to it depends on the network plugin`);
  }
  if (isolated === 'no') return { yes: ALL_TRANSPORT_PORTS, maybe: ALL_TRANSPORT_PORTS, isolated, allowedBy: [], isolatedBy: [], unknowns: [], ranges: other.kind === 'external' ? other.space : EMPTY };
  if (isolated === 'unknown') maybe = ALL_TRANSPORT_PORTS;
  return { yes, maybe, isolated, allowedBy, isolatedBy, unknowns: [...new Set(unknowns)], ranges };
}

export function describePorts(set: PortSet): string {
  const parts = TRANSPORTS.flatMap((t) => (set[t]?.length ? [`${t} ${set[t]!.map(formatRange).join(',')}`] : []));
  return parts.length === 3 && parts.every((p) => p.endsWith(' all')) ? 'all ports' : parts.join('; ') || 'nothing';
}

function portTri(a: Allowance, t: Transport, port: number): Tri {
  const has = (s: PortSet) => (s[t] ?? []).some((r) => port >= r.from && port <= r.to);
  return has(a.yes) ? 'yes' : has(a.maybe) ? 'unknown' : 'no';
}

function policyHop(a: Allowance, pod: K8sPod, blocked: boolean): Hop {
  if (a.isolated === 'no') return hop('network-policy', pod.workload.id, [], 'no NetworkPolicy isolates the pod for ingress');
  return blocked ? hop('network-policy', pod.workload.id, a.isolatedBy, 'isolated for ingress; no rule admits this traffic') : hop('network-policy', pod.workload.id, a.allowedBy.length ? a.allowedBy : a.isolatedBy);
}

interface Entry {
  verdict: Tri;
  hops: Hop[];
  unknowns: string[];
  blockedNote?: string;
}

/** Is a Service an internet entry point, and from which addresses? */
function serviceEntry(svc: Resource): { tri: Tri; space: AddrSet; hop: Hop; unknowns: string[]; blocked?: 'not-an-entry-point' | 'load-balancer-security-group'; note?: string } {
  const type = getPath(svc.attributes, 'spec.type');
  const h = (note: string) => hop('service', svc.id, [ruleRef(svc, 'spec.type', `${svc.id} type ${isUnknown(type) ? type.toString() : asString(type) ?? 'ClusterIP'}`)], note);
  if (isUnknown(type)) return { tri: 'unknown', space: PUBLIC, hop: h('type unresolved'), unknowns: [`${svc.id}.spec.type (${type.toString()})`] };
  if (type === 'LoadBalancer') {
    if (isInternalLoadBalancer(svc)) return { tri: 'no', space: EMPTY, hop: h('internal load balancer (annotation)'), unknowns: [], blocked: 'not-an-entry-point', note: 'internal load balancer' };
    const ranges = getPath(svc.attributes, 'spec.loadBalancerSourceRanges') ?? getPath(svc.attributes, ['metadata', 'annotations', 'service.beta.kubernetes.io/load-balancer-source-ranges']);
    if (isUnknown(ranges)) return { tri: 'unknown', space: PUBLIC, hop: h('loadBalancerSourceRanges unresolved'), unknowns: [`${svc.id}.spec.loadBalancerSourceRanges (${ranges.toString()})`] };
    const list = typeof ranges === 'string' ? ranges.split(',') : Array.isArray(ranges) ? ranges : [];
    if (list.some(isUnknown)) return { tri: 'unknown', space: PUBLIC, hop: h('loadBalancerSourceRanges unresolved'), unknowns: [`${svc.id}.spec.loadBalancerSourceRanges`] };
    if (list.length === 0) return { tri: 'yes', space: PUBLIC, hop: h('public load balancer'), unknowns: [] };
    const space = intersect(fromCidrs(list.filter((x): x is string => typeof x === 'string')), PUBLIC);
    const rh = hop('service', svc.id, [ruleRef(svc, 'spec.loadBalancerSourceRanges', `loadBalancerSourceRanges ${list.join(', ')}`)], 'public load balancer, source ranges');
    if (isEmpty(space)) return { tri: 'no', space, hop: rh, unknowns: [], blocked: 'load-balancer-security-group', note: 'loadBalancerSourceRanges admit no internet address' };
    return { tri: 'yes', space, hop: rh, unknowns: [] };
  }
  if (type === 'NodePort') return { tri: 'unknown', space: PUBLIC, hop: h('NodePort: reachable wherever a node address is'), unknowns: [`${svc.id}: NodePort reaches the internet only through node addresses and firewalls, which the manifests do not show`] };
  return { tri: 'no', space: EMPTY, hop: h(`type ${String(type)} is not reachable from outside the cluster`), unknowns: [], blocked: 'not-an-entry-point' };
}

const INTERNAL_INGRESS_ANNOTATIONS: Array<[string, RegExp]> = [
  ['alb.ingress.kubernetes.io/scheme', /^internal$/i],
  ['kubernetes.io/ingress.class', /internal/i],
  ['networking.gke.io/internal-load-balancer-allow-global-access', /^$/],
];

function ingressEntry(ing: Resource): { tri: Tri; hop: Hop; unknowns: string[]; note?: string } {
  const cls = getPath(ing.attributes, 'spec.ingressClassName') ?? getPath(ing.attributes, ['metadata', 'annotations', 'kubernetes.io/ingress.class']);
  const h = (note: string) => hop('ingress', ing.id, [ruleRef(ing, 'spec', `${ing.id} class ${isUnknown(cls) ? cls.toString() : asString(cls) ?? '(default)'}`)], note);
  if (isUnknown(cls)) return { tri: 'unknown', hop: h('ingress class unresolved'), unknowns: [`${ing.id}.spec.ingressClassName (${cls.toString()})`] };
  const ann = getPath(ing.attributes, 'metadata.annotations');
  const internal = (typeof cls === 'string' && /internal|private/i.test(cls)) || (isObject(ann) && INTERNAL_INGRESS_ANNOTATIONS.some(([k, re]) => typeof ann[k] === 'string' && re.test(ann[k] as string) && (ann[k] as string) !== ''));
  if (internal) return { tri: 'no', hop: h('internal ingress class or scheme'), unknowns: [], note: 'internal ingress' };
  return { tri: 'yes', hop: h(`ingress class ${asString(cls) ?? '(default)'}: internet-facing`), unknowns: [] };
}

interface Backend {
  service: string;
  port: number | string | undefined;
  path: string;
}

function backendsOf(ing: Resource): Backend[] {
  const out: Backend[] = [];
  /** a port number or name; the Terraform provider writes an unset one as 0 or "" and a number as a string ("80") */
  const portOf = (n: Value | undefined, name: Value | undefined): number | string | undefined => {
    const num = asNumber(n);
    if (typeof num === 'number' && num > 0) return num;
    const s = asString(name);
    if (s === undefined || s === '') return undefined;
    return /^\d+$/.test(s) ? Number(s) : s;
  };
  const add = (b: Value | undefined, path: string) => {
    if (!isObject(b)) return;
    if (isObject(b.service)) {
      const name = asString(b.service.name);
      const port = isObject(b.service.port) ? portOf(b.service.port.number, b.service.port.name) : undefined;
      if (name !== undefined) out.push({ service: name, port, path });
    } else if (b.serviceName !== undefined) {
      const name = asString(b.serviceName);
      if (name !== undefined) out.push({ service: name, port: portOf(b.servicePort, b.servicePort), path });
    }
  };
  add(getPath(ing.attributes, 'spec.defaultBackend'), 'spec.defaultBackend');
  add(getPath(ing.attributes, 'spec.backend'), 'spec.backend');
  const rules = getPath(ing.attributes, 'spec.rules');
  if (Array.isArray(rules)) {
    rules.forEach((r, i) => {
      const paths = getPath(r, 'http.paths');
      if (Array.isArray(paths)) paths.forEach((p, j) => add(getPath(p, 'backend'), `spec.rules[${i}].http.paths[${j}].backend`));
    });
  }
  return out;
}

/** The container port a Service port sends to on a pod: a number, or undefined when the pod has no such named port. */
function targetOn(pod: K8sPod, svcPort: { port: number; targetPort: Value | undefined; protocol: string }): number | 'unknown' | undefined {
  const tp = svcPort.targetPort;
  if (tp === undefined || tp === null) return svcPort.port;
  if (isUnknown(tp)) return 'unknown';
  const n = asNumber(tp);
  if (typeof n === 'number') return n;
  const hit = pod.ports.find((c) => c.name === String(tp) && c.protocol === svcPort.protocol);
  if (hit) return hit.port;
  return pod.portsUnknown ? 'unknown' : undefined;
}

function verdictOf(t: Tri): Flow['verdict'] {
  return t === 'yes' ? 'exposed' : t === 'no' ? 'not-exposed' : 'unknown';
}

function internetFlows(model: K8sModel): Flow[] {
  const out: Flow[] = [];
  const podsBehind = (svc: Resource) => {
    const sel = getPath(svc.attributes, 'spec.selector');
    const ns = namespaceOf(svc);
    return model.pods.flatMap((p) => {
      const same = sameNamespace(ns, p.namespace);
      const tri = same === 'no' ? 'no' : and(same, matchServiceSelector(sel, p.labels));
      return tri === 'no' ? [] : [{ pod: p, tri }];
    });
  };
  const emit = (entryHops: Hop[], entryTri: Tri, entryUnknowns: string[], endpoint: Resource, svc: Resource, sp: { port: number; targetPort: Value | undefined; protocol: string; path: string }, src: Source, blocked?: { by: Flow['blockedBy']; note?: string }) => {
    for (const { pod, tri: selTri } of podsBehind(svc)) {
      const target = targetOn(pod, sp);
      if (target === undefined) continue;
      const t = sp.protocol as Transport;
      const portNo = target === 'unknown' ? sp.port : target;
      const svcHop = hop('service', svc.id, [ruleRef(svc, sp.path, `${svc.id} port ${sp.port}/${t} → ${target === 'unknown' ? String(sp.targetPort) : target}`)]);
      const base = { endpointId: endpoint.id, workloadId: pod.workload.id, from: 'internet', fromZone: 'internet', toZone: `k8s:${pod.namespace}`, toName: pod.name, protocol: t, ports: { from: portNo, to: portNo } };
      const hops = [INTERNET_HOP, ...entryHops.map((h) => (h.resourceId === svc.id ? { ...h, rules: [...h.rules, ...svcHop.rules] } : h)), ...(entryHops.some((h) => h.resourceId === svc.id) ? [] : [svcHop])];
      if (blocked) {
        out.push({ ...base, verdict: 'not-exposed', blockedBy: blocked.by, path: hops });
        continue;
      }
      const a = allowance(model, pod, 'ingress', src);
      const pTri = target === 'unknown' ? (portSetIsEmpty(a.maybe) ? 'no' : 'unknown') : portTri(a, t, target);
      const verdict = and(entryTri, selTri, pTri);
      const f: Flow = { ...base, verdict: verdictOf(verdict), path: [...hops, policyHop(a, pod, verdict === 'no'), ...(verdict === 'no' ? [] : [hop('pod', pod.workload.id)])] };
      if (verdict === 'no') f.blockedBy = 'network-policy';
      if (verdict === 'unknown') {
        f.unknowns = [...entryUnknowns, ...(selTri === 'unknown' ? [`${svc.id}.spec.selector against ${pod.workload.id} labels${sameNamespace(namespaceOf(svc), pod.namespace) === 'unknown' ? ` (namespace ${namespaceOf(svc)} vs ${pod.namespace} unresolved)` : ''}`] : []), ...(target === 'unknown' ? [`${svc.id}.${sp.path}.targetPort`] : []), ...(pTri === 'unknown' ? a.unknowns : [])];
      }
      if (src.kind === 'external' && verdict !== 'no' && a.ranges && !isEmpty(a.ranges) && !equals(intersect(a.ranges, PUBLIC), PUBLIC)) f.fromRanges = toCidrs(intersect(a.ranges, PUBLIC));
      else if (src.kind === 'external' && verdict !== 'no' && !equals(src.space, PUBLIC)) f.fromRanges = toCidrs(src.space);
      out.push(f);
    }
  };
  const svcPortsOf = (svc: Resource) => {
    const raw = getPath(svc.attributes, 'spec.ports');
    return servicePorts(svc).map((p) => {
      const i = Number(/\[(\d+)\]/.exec(p.path)![1]);
      const entry = Array.isArray(raw) ? raw[i] : undefined;
      return { port: p.port, protocol: p.protocol, targetPort: isObject(entry) ? entry.targetPort : undefined, path: p.path, name: p.name };
    });
  };
  for (const svc of model.services) {
    const type = getPath(svc.attributes, 'spec.type');
    if (!isUnknown(type) && type !== 'LoadBalancer' && type !== 'NodePort') continue;
    const e = serviceEntry(svc);
    const snat = asString(getPath(svc.attributes, 'spec.externalTrafficPolicy')) !== 'Local';
    for (const sp of svcPortsOf(svc)) {
      emit([e.hop], e.tri, e.unknowns, svc, svc, sp, { kind: 'external', space: e.space, snat }, e.tri === 'no' ? { by: e.blocked ?? 'not-an-entry-point', note: e.note } : undefined);
    }
    // ports we cannot read are not "no ports": the pods behind may be reachable on any of them
    const raw = getPath(svc.attributes, 'spec.ports');
    const unreadable = isUnknown(raw) || (Array.isArray(raw) && raw.some((p) => isUnknown(p) || (isObject(p) && isUnknown(p.port))));
    if (unreadable && e.tri !== 'no') {
      for (const { pod } of podsBehind(svc)) {
        out.push({ endpointId: svc.id, workloadId: pod.workload.id, from: 'internet', fromZone: 'internet', toZone: `k8s:${pod.namespace}`, toName: pod.name, protocol: 'all', ports: { from: 0, to: 65535 }, verdict: 'unknown', path: [INTERNET_HOP, e.hop, hop('pod', pod.workload.id)], unknowns: [`${svc.id}.spec.ports (unresolved)`, ...e.unknowns] });
      }
    }
  }
  for (const ing of model.ingresses) {
    const e = ingressEntry(ing);
    const ns = namespaceOf(ing);
    for (const b of backendsOf(ing)) {
      const svc = model.services.find((s) => sameNamespace(namespaceOf(s), ns) !== 'no' && asString(getPath(s.attributes, 'metadata.name')) === b.service);
      if (!svc) continue;
      const nsTri = sameNamespace(namespaceOf(svc), ns);
      const sps = svcPortsOf(svc).filter((sp) => b.port === undefined || sp.port === b.port || sp.name === b.port);
      const ingHop = hop('ingress', ing.id, [...e.hop.rules, ruleRef(ing, b.path, `${ing.id} ${b.path} → ${b.service}:${b.port ?? '(any)'}`)], e.hop.note);
      const entryUnknowns = nsTri === 'unknown' ? [...e.unknowns, `${ing.id} → ${svc.id}: namespace ${ns} vs ${namespaceOf(svc)} unresolved`] : e.unknowns;
      for (const sp of sps) emit([ingHop], and(e.tri, nsTri), entryUnknowns, ing, svc, sp, { kind: 'controller' }, e.tri === 'no' ? { by: 'not-an-entry-point', note: e.note } : undefined);
    }
  }
  return out;
}

/**
 * What a pod looks like to the policies: its namespace, its container ports (named ports) and the
 * answer of every selector the policies hold (policy pod selectors, peer pod and namespace
 * selectors). Pods with the same signature get the same answers, so pairs of signatures are
 * judged once.
 */
function signatures(model: K8sModel): Map<K8sPod, string> {
  const podSelectors: Value[] = [];
  const nsSelectors: Value[] = [];
  for (const p of model.policies) {
    podSelectors.push(p.podSelector ?? null);
    for (const rules of [p.ingressRules, p.egressRules]) {
      if (rules === 'unknown') continue;
      for (const r of rules) for (const peer of r.peers ?? []) {
        if (peer.kind !== 'pods') continue;
        if (peer.podSelector !== undefined) podSelectors.push(peer.podSelector);
        if (peer.namespaceSelector !== undefined) nsSelectors.push(peer.namespaceSelector);
      }
    }
  }
  const out = new Map<K8sPod, string>();
  for (const pod of model.pods) {
    const ns = model.namespaces.get(pod.namespace)!;
    const pods = podSelectors.map((sel) => matchSelector(sel, pod.labels)[0]).join('');
    const nss = nsSelectors.map((sel) => matchSelector(sel, ns.labels)[0]).join('');
    out.set(pod, `${pod.namespace}|${JSON.stringify(pod.ports)}|${pod.portsUnknown}|${pod.hostNetwork}|${pods}|${nss}`);
  }
  return out;
}

interface PairResult {
  path: Hop[];
  flows: Array<{ protocol: string; ports: { from: number; to: number }; verdict: 'exposed' | 'unknown'; unknowns?: string[] }>;
}

function judgePair(model: K8sModel, a: K8sPod, b: K8sPod): PairResult {
  const eg = allowance(model, a, 'egress', { kind: 'pod', pod: b }, b);
  const flows: PairResult['flows'] = [];
  const path = [hop('network-policy', `k8s:${a.namespace}`, eg.allowedBy, eg.isolated === 'no' ? 'source egress not isolated' : 'source egress')];
  if (portSetIsEmpty(eg.maybe)) return { path, flows };
  const ing = allowance(model, b, 'ingress', { kind: 'pod', pod: a });
  path.push(hop('network-policy', `k8s:${b.namespace}`, ing.allowedBy, ing.isolated === 'no' ? 'destination ingress not isolated' : 'destination ingress'));
  const yes = portSetIntersect(eg.yes, ing.yes);
  const maybe = portSetSubtract(portSetIntersect(eg.maybe, ing.maybe), yes);
  const unknowns = [...new Set([...eg.unknowns, ...ing.unknowns])];
  for (const [set, verdict] of [[yes, 'exposed'], [maybe, 'unknown']] as const) {
    const add = (protocol: string, r: { from: number; to: number }) => flows.push(verdict === 'unknown' ? { protocol, ports: r, verdict, unknowns } : { protocol, ports: r, verdict });
    // the same ranges on every transport (typically: nothing isolates either pod) make one flow of protocol "all"
    const first = JSON.stringify(set.tcp ?? []);
    if (set.tcp?.length && TRANSPORTS.every((t) => JSON.stringify(set[t] ?? []) === first)) {
      for (const r of set.tcp) add('all', { from: r.from, to: r.to });
      continue;
    }
    for (const t of TRANSPORTS) for (const r of set[t] ?? []) add(t, { from: r.from, to: r.to });
  }
  return { path, flows };
}

/** Pod → pod flows: the source's egress and the destination's ingress must both allow. */
function podFlows(model: K8sModel): Flow[] {
  const out: Flow[] = [];
  // signature → small class number, so a pair's key is a number rather than two long strings
  const classes = new Map<string, number>();
  const cls = new Map<K8sPod, number>();
  for (const [pod, sg] of signatures(model)) {
    let n = classes.get(sg);
    if (n === undefined) classes.set(sg, (n = classes.size));
    cls.set(pod, n);
  }
  const width = classes.size;
  const memo = new Map<number, PairResult>();
  for (const a of model.pods) {
    for (const b of model.pods) {
      if (a === b) continue;
      const key = cls.get(a)! * width + cls.get(b)!;
      let res = memo.get(key);
      if (!res) memo.set(key, (res = judgePair(model, a, b)));
      if (res.flows.length === 0) continue;
      const base = { endpointId: b.workload.id, workloadId: b.workload.id, from: a.workload.id, fromZone: `k8s:${a.namespace}`, toZone: `k8s:${b.namespace}`, fromName: a.name, toName: b.name, path: res.path };
      for (const f of res.flows) out.push(f.unknowns ? { ...base, protocol: f.protocol, ports: f.ports, verdict: f.verdict, unknowns: f.unknowns } : { ...base, protocol: f.protocol, ports: f.ports, verdict: f.verdict });
    }
  }
  return out;
}

export function kubernetesFlows(resources: readonly Resource[], model: K8sModel = buildK8sModel(resources), opts: { eastWest?: boolean } = {}): Flow[] {
  return opts.eastWest === false ? internetFlows(model) : [...internetFlows(model), ...podFlows(model)];
}

export const kubernetesEngine: FlowEngine = { name: 'kubernetes', flows: (r) => kubernetesFlows(r) };
