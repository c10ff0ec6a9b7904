/**
 * Kubernetes reachability over the Terraform kubernetes provider: the same generated estate as
 * manifests and as provider resources (HCL/plan attribute shapes, `source: terraform`), flows
 * computed by the one engine. Measures what reading the provider costs on top of manifests (the
 * manifest-shaped views), and what the view filter costs a model with no Kubernetes in it.
 *
 *   node --import tsx bench/k8s-terraform.ts
 *
 * BENCH_K8S_WORKLOADS (default 1000, namespaces of 40), BENCH_OTHER (default 100000 non-Kubernetes
 * resources for the filter). CPU time from process.cpuUsage (the machine is shared).
 */
import type { Resource, ValueObject } from '../src/model/index.js';
import { buildK8sModel, kubernetesFlows } from '../src/graph/reachability/kubernetes/index.js';

const N = Number(process.env.BENCH_K8S_WORKLOADS ?? 1000);
const OTHER = Number(process.env.BENCH_OTHER ?? 100000);
const PER_NS = 40;
const PORTS: Record<string, number> = { web: 8080, api: 9000, db: 5432, cache: 6379 };

let line = 1;
function res(type: string, id: string, source: string, attributes: ValueObject, namespace?: string): Resource {
  const r: Resource = { id, type, provider: 'kubernetes', source, name: id, attributes, location: { file: 'bench', startLine: line, endLine: line }, attributeLocations: {}, references: [] };
  if (namespace !== undefined) r.meta = { namespace };
  line++;
  return r;
}

/** The estate as manifests (kind = type, namespace in meta as the Kubernetes source sets it). */
function manifests(): Resource[] {
  const out: Resource[] = [];
  for (let i = 0; i < N; i++) {
    const ns = `ns${Math.floor(i / PER_NS)}`;
    const tier = ['web', 'api', 'db', 'cache'][i % 4]!;
    if (i % PER_NS === 0) {
      out.push(res('Namespace', `Namespace/${ns}`, 'kubernetes', { metadata: { name: ns, labels: { env: i % 80 === 0 ? 'prod' : 'dev' } } }));
      if ((i / PER_NS) % 2 === 0) {
        out.push(res('NetworkPolicy', `NetworkPolicy/${ns}/deny`, 'kubernetes', { metadata: { name: 'deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }, ns));
        out.push(res('NetworkPolicy', `NetworkPolicy/${ns}/web`, 'kubernetes', { metadata: { name: 'web', namespace: ns }, spec: { podSelector: { matchLabels: { tier: 'web' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 8080 }] }] } }, ns));
        out.push(res('NetworkPolicy', `NetworkPolicy/${ns}/db`, 'kubernetes', { metadata: { name: 'db', namespace: ns }, spec: { podSelector: { matchLabels: { tier: 'db' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'api' } } }, { namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api'] }] } }], ports: [{ port: 5432 }] }] } }, ns));
      }
    }
    const name = `w${i}`;
    out.push(res('Deployment', `Deployment/${ns}/${name}`, 'kubernetes', { metadata: { name, namespace: ns }, spec: { template: { metadata: { labels: { app: name, tier } }, spec: { containers: [{ name: 'c', image: 'x:1', ports: [{ name: 'main', containerPort: PORTS[tier]! }] }] } } } }, ns));
    if (tier === 'web' || i % 20 === 3) out.push(res('Service', `Service/${ns}/${name}`, 'kubernetes', { metadata: { name, namespace: ns }, spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 443, targetPort: 'main' }] } }, ns));
  }
  return out;
}

/** The same estate as provider resources, in the provider's block shapes. */
function provider(): Resource[] {
  const sel = (labels: ValueObject | null) => [{ match_expressions: [], match_labels: labels }];
  const out: Resource[] = [];
  for (let i = 0; i < N; i++) {
    const ns = `ns${Math.floor(i / PER_NS)}`;
    const tier = ['web', 'api', 'db', 'cache'][i % 4]!;
    if (i % PER_NS === 0) {
      out.push(res('kubernetes_namespace_v1', `kubernetes_namespace_v1.${ns}`, 'terraform', { metadata: [{ name: ns, labels: { env: i % 80 === 0 ? 'prod' : 'dev' } }] }));
      if ((i / PER_NS) % 2 === 0) {
        const np = (n: string, spec: ValueObject) => res('kubernetes_network_policy_v1', `kubernetes_network_policy_v1.${ns}_${n}`, 'terraform', { metadata: [{ name: n, namespace: ns }], spec: [spec] });
        out.push(np('deny', { pod_selector: sel(null), policy_types: ['Ingress'], ingress: [], egress: [] }));
        out.push(np('web', { pod_selector: sel({ tier: 'web' }), policy_types: ['Ingress'], ingress: [{ from: [], ports: [{ port: '8080', protocol: 'TCP', end_port: null }] }], egress: [] }));
        out.push(np('db', { pod_selector: sel({ tier: 'db' }), policy_types: ['Ingress'], egress: [], ingress: [{ ports: [{ port: '5432', protocol: 'TCP', end_port: null }], from: [
          { ip_block: [], namespace_selector: [], pod_selector: sel({ tier: 'api' }) },
          { ip_block: [], namespace_selector: sel({ env: 'prod' }), pod_selector: [{ match_labels: null, match_expressions: [{ key: 'tier', operator: 'In', values: ['api'] }] }] },
        ] }] }));
      }
    }
    const name = `w${i}`;
    out.push(res('kubernetes_deployment_v1', `kubernetes_deployment_v1.${name}`, 'terraform', { metadata: [{ name, namespace: ns }], spec: [{ selector: sel({ app: name }), template: [{ metadata: [{ labels: { app: name, tier } }], spec: [{ container: [{ name: 'c', image: 'x:1', port: [{ name: 'main', container_port: PORTS[tier]!, protocol: 'TCP' }] }] }] }] }] }));
    if (tier === 'web' || i % 20 === 3) out.push(res('kubernetes_service_v1', `kubernetes_service_v1.${name}`, 'terraform', { metadata: [{ name, namespace: ns }], spec: [{ type: 'LoadBalancer', selector: { app: name }, port: [{ port: 443, target_port: 'main', protocol: 'TCP' }] }] }));
  }
  return out;
}

function cpu<T>(label: string, run: () => T): T {
  const start = process.cpuUsage();
  const t0 = performance.now();
  const out = run();
  const used = process.cpuUsage(start);
  console.log(`${label}: ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ${((performance.now() - t0) / 1000).toFixed(2)} s wall`);
  return out;
}

const m = manifests();
const p = provider();
console.log(`${N} workloads: ${m.length} manifest objects, ${p.length} provider resources`);
const summary = (flows: ReturnType<typeof kubernetesFlows>) => {
  const by: Record<string, number> = {};
  for (const f of flows) by[f.verdict] = (by[f.verdict] ?? 0) + 1;
  return `${flows.length} flows ${JSON.stringify(by)}`;
};
for (let round = 0; round < 2; round++) {
  console.log(`round ${round + 1}`);
  console.log('  manifests ', summary(cpu('  manifests, internet + east-west', () => kubernetesFlows(m))));
  console.log('  provider  ', summary(cpu('  provider, internet + east-west', () => kubernetesFlows(p))));
  cpu('  manifests, model only', () => buildK8sModel(m));
  cpu('  provider, model only (views included)', () => buildK8sModel(p));
}
const other: Resource[] = [];
for (let i = 0; i < OTHER; i++) other.push(res('aws_security_group', `aws_security_group.g${i}`, 'terraform-plan', { name: `g${i}`, ingress: [] }));
for (let round = 0; round < 2; round++) cpu(`model of ${OTHER} non-Kubernetes resources (view filter)`, () => buildK8sModel(other));
