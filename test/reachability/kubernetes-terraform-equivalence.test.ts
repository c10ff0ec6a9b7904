/**
 * One cluster, two spellings: random small clusters written as manifests and as Terraform
 * kubernetes provider resources (in HCL's block shapes, or in plan JSON's, where absent blocks are
 * `[]` and unset attributes null) must give the same flows, verdicts and blocking components.
 * This keeps the NetworkPolicy semantics in one place: the provider is only another spelling.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Resource, Value, ValueObject } from '../../src/model/index.js';
import { kubernetesFlows } from '../../src/graph/reachability/kubernetes/index.js';

const NAMESPACES = ['a', 'b'];
const key = fc.constantFrom('app', 'tier', 'team_name');
const val = fc.constantFrom('web', 'db', 'ops');
const labels = fc.dictionary(key, val, { maxKeys: 2 });
interface Sel { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values: string[] }> }
const selector: fc.Arbitrary<Sel> = fc.record(
  { matchLabels: labels, matchExpressions: fc.array(fc.record({ key, operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), values: fc.array(val, { maxLength: 2 }) }), { maxLength: 1 }) },
  { requiredKeys: [] },
);
type Peer = { podSelector?: Sel; namespaceSelector?: Sel } | { ipBlock: { cidr: string; except?: string[] } };
const peer: fc.Arbitrary<Peer> = fc.oneof(
  fc.record({ podSelector: selector, namespaceSelector: selector }, { requiredKeys: [] }).filter((p) => Object.keys(p).length > 0),
  fc.record({ ipBlock: fc.record({ cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '203.0.113.0/24'), except: fc.constantFrom('203.0.113.0/25', '10.1.0.0/16').map((e) => [e]) }, { requiredKeys: ['cidr'] }) }),
);
interface Port { port?: number | string; protocol?: 'TCP' | 'UDP'; endPort?: number }
const port: fc.Arbitrary<Port> = fc.record({ port: fc.oneof(fc.constantFrom(80, 5432, 8080), fc.constantFrom('http', 'pg')), protocol: fc.constantFrom<'TCP' | 'UDP'>('TCP', 'UDP'), endPort: fc.constantFrom(90, 8090) }, { requiredKeys: [] })
  .map((p) => (typeof p.port !== 'number' ? { ...p, endPort: undefined } : p.endPort !== undefined && p.endPort < p.port ? { ...p, endPort: undefined } : p));
interface Rule { peers?: Peer[]; ports?: Port[] }
const rule: fc.Arbitrary<Rule> = fc.record({ peers: fc.array(peer, { minLength: 1, maxLength: 2 }), ports: fc.array(port, { minLength: 1, maxLength: 2 }) }, { requiredKeys: [] });
const policy = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  podSelector: selector,
  types: fc.constantFrom(['Ingress'], ['Egress'], ['Ingress', 'Egress']),
  ingress: fc.array(rule, { maxLength: 2 }),
  egress: fc.array(rule, { maxLength: 2 }),
});
const pod = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  labels,
  ports: fc.array(fc.record({ port: fc.constantFrom(80, 5432, 8080), name: fc.constantFrom('http', 'pg'), protocol: fc.constantFrom<'TCP' | 'UDP'>('TCP', 'UDP') }, { requiredKeys: ['port'] }), { maxLength: 2 }),
});
const service = fc.record({
  ns: fc.constantFrom(...NAMESPACES),
  type: fc.constantFrom('LoadBalancer', 'ClusterIP', 'NodePort'),
  selector: labels,
  port: fc.constantFrom(80, 443),
  targetPort: fc.option(fc.oneof(fc.constantFrom(80, 5432, 8080), fc.constantFrom('http', 'pg')), { nil: undefined }),
  local: fc.boolean(),
});
const cluster = fc.record({
  nsLabels: fc.tuple(labels, labels),
  pods: fc.array(pod, { minLength: 1, maxLength: 4 }),
  services: fc.array(service, { maxLength: 2 }),
  policies: fc.array(policy, { maxLength: 3 }),
  plan: fc.boolean(),
});
type Cluster = typeof cluster extends fc.Arbitrary<infer T> ? T : never;

function resource(id: string, type: string, source: string, attributes: ValueObject, namespace?: string): Resource {
  const r: Resource = { id, type, provider: 'kubernetes', source, name: id, attributes, location: { file: 'x', startLine: 1, endLine: 1 }, attributeLocations: {}, references: [] };
  if (namespace !== undefined) r.meta = { namespace };
  return r;
}
const clean = (v: unknown): Value => JSON.parse(JSON.stringify(v)) as Value;

function manifests(c: Cluster): Resource[] {
  const out: Resource[] = NAMESPACES.map((ns, i) => resource(`Namespace/${ns}`, 'Namespace', 'kubernetes', { metadata: { name: ns, labels: c.nsLabels[i]! } }));
  c.pods.forEach((p, i) => out.push(resource(`Pod/${p.ns}/p${i}`, 'Pod', 'kubernetes', clean({ metadata: { name: `p${i}`, namespace: p.ns, labels: p.labels }, spec: { containers: [{ name: 'c', image: 'x:1', ports: p.ports.map((q) => ({ containerPort: q.port, name: q.name, protocol: q.protocol })) }] } }) as ValueObject, p.ns)));
  c.services.forEach((s, i) => out.push(resource(`Service/${s.ns}/s${i}`, 'Service', 'kubernetes', clean({ metadata: { name: `s${i}`, namespace: s.ns }, spec: { type: s.type, selector: s.selector, externalTrafficPolicy: s.local ? 'Local' : undefined, ports: [{ port: s.port, targetPort: s.targetPort }] } }) as ValueObject, s.ns)));
  c.policies.forEach((p, i) => out.push(resource(`NetworkPolicy/${p.ns}/n${i}`, 'NetworkPolicy', 'kubernetes', clean({ metadata: { name: `n${i}`, namespace: p.ns }, spec: {
    podSelector: p.podSelector, policyTypes: p.types,
    ingress: p.ingress.map((r) => ({ from: r.peers, ports: r.ports })), egress: p.egress.map((r) => ({ to: r.peers, ports: r.ports })),
  } }) as ValueObject, p.ns)));
  return out;
}

/** The same cluster in the provider's shapes: blocks as lists, snake_case, ports as strings; plan JSON also writes absent blocks as [] and unset attributes as null. */
function providerResources(c: Cluster): Resource[] {
  const source = c.plan ? 'terraform-plan' : 'terraform';
  const block = (v: unknown) => (v === undefined ? (c.plan ? [] : undefined) : [v]);
  const nul = (v: unknown) => (v === undefined && c.plan ? null : v);
  const sel = (s: Sel | undefined) => block(s === undefined ? undefined : { match_labels: nul(s.matchLabels), match_expressions: s.matchExpressions ?? (c.plan ? [] : undefined) });
  const peerOf = (p: Peer) => ('ipBlock' in p ? { ip_block: block({ cidr: p.ipBlock.cidr, except: nul(p.ipBlock.except) }), pod_selector: block(undefined), namespace_selector: block(undefined) } : { pod_selector: sel(p.podSelector), namespace_selector: sel(p.namespaceSelector), ip_block: block(undefined) });
  const portOf = (q: Port) => ({ port: q.port === undefined ? (c.plan ? '' : undefined) : String(q.port), protocol: q.protocol ?? (c.plan ? 'TCP' : undefined), end_port: nul(q.endPort) });
  const ruleOf = (r: Rule, peers: 'from' | 'to') => ({ [peers]: r.peers === undefined ? (c.plan ? [] : undefined) : r.peers.map(peerOf), ports: r.ports === undefined ? (c.plan ? [] : undefined) : r.ports.map(portOf) });
  const out: Resource[] = NAMESPACES.map((ns, i) => resource(`kubernetes_namespace_v1.${ns}`, 'kubernetes_namespace_v1', source, clean({ metadata: [{ name: ns, labels: c.nsLabels[i] }] }) as ValueObject));
  c.pods.forEach((p, i) => out.push(resource(`kubernetes_pod_v1.p${i}`, 'kubernetes_pod_v1', source, clean({ metadata: [{ name: `p${i}`, namespace: p.ns, labels: p.labels }], spec: [{ container: [{ name: 'c', image: 'x:1', port: p.ports.map((q) => ({ container_port: q.port, name: q.name ?? nul(undefined), protocol: q.protocol })) }] }] }) as ValueObject)));
  c.services.forEach((s, i) => out.push(resource(`kubernetes_service_v1.s${i}`, 'kubernetes_service_v1', source, clean({ metadata: [{ name: `s${i}`, namespace: s.ns }], spec: [{ type: s.type, selector: s.selector, external_traffic_policy: s.local ? 'Local' : nul(undefined), port: [{ port: s.port, target_port: s.targetPort === undefined ? undefined : String(s.targetPort) }] }] }) as ValueObject)));
  c.policies.forEach((p, i) => out.push(resource(`kubernetes_network_policy_v1.n${i}`, 'kubernetes_network_policy_v1', source, clean({ metadata: [{ name: `n${i}`, namespace: p.ns }], spec: [{
    pod_selector: sel(p.podSelector) ?? [{}], policy_types: p.types,
    ingress: p.ingress.map((r) => ruleOf(r, 'from')), egress: p.egress.map((r) => ruleOf(r, 'to')),
  }] }) as ValueObject)));
  return out;
}

/** Flows with ids reduced to the object's kind letter and name (p0, s1, n2). */
function canonical(flows: ReturnType<typeof kubernetesFlows>): string[] {
  const short = (id: string | undefined) => (id === undefined ? '' : id === 'internet' ? id : id.replace(/^.*[/.]/, ''));
  return flows.map((f) => JSON.stringify([short(f.from), short(f.endpointId), short(f.workloadId), f.protocol, f.ports.from, f.ports.to, f.verdict, f.blockedBy ?? '', f.fromRanges ?? []])).sort();
}

describe('a cluster as manifests and as Terraform kubernetes provider resources', () => {
  it('gives the same flows, verdicts and blocking components (HCL and plan shapes)', () => {
    fc.assert(
      fc.property(cluster, (c) => {
        expect(canonical(kubernetesFlows(providerResources(c)))).toEqual(canonical(kubernetesFlows(manifests(c))));
      }),
      { numRuns: 300 },
    );
  });
});
