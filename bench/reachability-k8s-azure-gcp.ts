/**
 * Reachability of the Kubernetes, Azure and GCP engines on generated estates (model resources
 * built directly, normalised as a scan does). Internet exposure of every entry point and the
 * east-west flows of every pair, which grow with the square of the workloads.
 *
 *   node --import tsx bench/reachability-k8s-azure-gcp.ts
 *
 * Sizes: BENCH_K8S_WORKLOADS (default 2000, in namespaces of 40), BENCH_AZURE_VMS (500, subnets of
 * 25), BENCH_GCP_INSTANCES (500, 100 firewalls). Figures go to docs/benchmarks.md by hand.
 */
import { performance } from 'node:perf_hooks';
import type { Resource, ValueObject } from '../src/model/index.js';
import { normalizeAll } from '../src/model/normalize/index.js';
import { kubernetesFlows } from '../src/graph/reachability/kubernetes/index.js';
import { azureFlows } from '../src/graph/reachability/azure/index.js';
import { gcpFlows } from '../src/graph/reachability/gcp/index.js';
import { buildMatrix } from '../src/graph/reachability/matrix/index.js';
import type { Flow } from '../src/graph/reachability/common/flow.js';

const K8S = Number(process.env.BENCH_K8S_WORKLOADS ?? 2000);
const AZ = Number(process.env.BENCH_AZURE_VMS ?? 500);
const GCP = Number(process.env.BENCH_GCP_INSTANCES ?? 500);

let line = 1;
function res(type: string, id: string, provider: string, source: string, attributes: ValueObject, refs: Array<[string, string]> = [], namespace?: string): Resource {
  const r: Resource = { id, type, provider, source, name: id, attributes, location: { file: 'bench', startLine: line, endLine: line }, attributeLocations: {}, references: refs.map(([attribute, target]) => ({ attribute, target })) };
  if (namespace !== undefined) r.meta = { namespace };
  line++;
  return r;
}

function k8s(): Resource[] {
  const out: Resource[] = [];
  const perNs = 40;
  for (let i = 0; i < K8S; i++) {
    const ns = `ns${Math.floor(i / perNs)}`;
    const tier = ['web', 'api', 'db', 'cache'][i % 4]!;
    if (i % perNs === 0) {
      out.push(res('Namespace', `Namespace/${ns}`, 'kubernetes', 'kubernetes', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { env: i % 80 === 0 ? 'prod' : 'dev' } } }));
      // half the namespaces default-deny ingress, and admit web from anywhere, db from api
      if ((i / perNs) % 2 === 0) {
        out.push(res('NetworkPolicy', `NetworkPolicy/${ns}/deny`, 'kubernetes', 'kubernetes', { kind: 'NetworkPolicy', spec: { podSelector: {}, policyTypes: ['Ingress'] } }, [], ns));
        out.push(res('NetworkPolicy', `NetworkPolicy/${ns}/web`, 'kubernetes', 'kubernetes', { kind: 'NetworkPolicy', spec: { podSelector: { matchLabels: { tier: 'web' } }, ingress: [{ ports: [{ port: 8080 }] }] } }, [], ns));
        out.push(res('NetworkPolicy', `NetworkPolicy/${ns}/db`, 'kubernetes', 'kubernetes', { kind: 'NetworkPolicy', spec: { podSelector: { matchLabels: { tier: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { tier: 'api' } } }, { namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['api'] }] } }], ports: [{ port: 5432 }] }] } }, [], ns));
      }
    }
    const name = `w${i}`;
    const port = { web: 8080, api: 9000, db: 5432, cache: 6379 }[tier];
    out.push(res('Deployment', `Deployment/${ns}/${name}`, 'kubernetes', 'kubernetes', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, spec: { template: { metadata: { labels: { app: name, tier } }, spec: { containers: [{ name: 'c', image: 'x:1', ports: [{ name: "main", containerPort: port! }] }] } } } }, [], ns));
    if (tier === 'web' || i % 20 === 3) out.push(res('Service', `Service/${ns}/${name}`, 'kubernetes', 'kubernetes', { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 443, targetPort: 'main' }] } }, [], ns));
  }
  return out;
}

function azure(): Resource[] {
  const out: Resource[] = [];
  const vnet = 'azurerm_virtual_network.main';
  out.push(res('azurerm_virtual_network', vnet, 'azure', 'terraform', { name: 'main' }));
  const subnets = Math.ceil(AZ / 25);
  for (let s = 0; s < subnets; s++) {
    const id = `azurerm_subnet.s${s}`;
    out.push(res('azurerm_subnet', id, 'azure', 'terraform', { name: `s${s}`, address_prefixes: [`10.${Math.floor(s / 200)}.${s % 200}.0/24`] }, [['virtual_network_name', vnet]]));
    const nsg = `azurerm_network_security_group.s${s}`;
    out.push(res('azurerm_network_security_group', nsg, 'azure', 'terraform', { name: `s${s}`, security_rule: [
      { name: 'web', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', destination_port_range: '443', source_address_prefix: '*', destination_address_prefix: '*' },
      { name: 'ssh', priority: 110, direction: 'Inbound', access: s % 3 === 0 ? 'Allow' : 'Deny', protocol: 'Tcp', destination_port_range: '22', source_address_prefix: 'Internet', destination_address_prefix: '*' },
      { name: 'vnet', priority: 200, direction: 'Inbound', access: 'Deny', protocol: '*', destination_port_range: '*', source_address_prefix: 'VirtualNetwork', destination_address_prefix: '*' },
    ] }));
    out.push(res('azurerm_subnet_network_security_group_association', `azurerm_subnet_network_security_group_association.s${s}`, 'azure', 'terraform', {}, [['subnet_id', id], ['network_security_group_id', nsg]]));
  }
  for (let i = 0; i < AZ; i++) {
    const nic = `azurerm_network_interface.n${i}`;
    const refs: Array<[string, string]> = [['ip_configuration[0].subnet_id', `azurerm_subnet.s${i % subnets}`]];
    if (i % 2 === 0) {
      out.push(res('azurerm_public_ip', `azurerm_public_ip.p${i}`, 'azure', 'terraform', { name: `p${i}` }));
      refs.push(['ip_configuration[0].public_ip_address_id', `azurerm_public_ip.p${i}`]);
    }
    out.push(res('azurerm_network_interface', nic, 'azure', 'terraform', { name: `n${i}`, ip_configuration: [{ name: 'c', subnet_id: 'x', public_ip_address_id: i % 2 === 0 ? 'x' : null }] }, refs));
    out.push(res('azurerm_linux_virtual_machine', `azurerm_linux_virtual_machine.vm${i}`, 'azure', 'terraform', { name: `vm${i}` }, [['network_interface_ids', nic]]));
  }
  return out;
}

function gcp(): Resource[] {
  const out: Resource[] = [];
  for (let f = 0; f < 100; f++) {
    out.push(res('google_compute_firewall', `google_compute_firewall.f${f}`, 'gcp', 'terraform', {
      name: `f${f}`, network: 'default', priority: 900 + (f % 5) * 50, source_ranges: f % 4 === 0 ? ['0.0.0.0/0'] : [`10.${f}.0.0/16`], target_tags: [`t${f % 20}`],
      ...(f % 7 === 0 ? { deny: [{ protocol: 'tcp', ports: ['22'] }] } : { allow: [{ protocol: 'tcp', ports: [String(1000 + f), '22', '443'] }] }),
    }));
  }
  for (let i = 0; i < GCP; i++) {
    out.push(res('google_compute_instance', `google_compute_instance.i${i}`, 'gcp', 'terraform', { name: `i${i}`, tags: [`t${i % 20}`, `t${(i + 7) % 20}`], network_interface: [{ network: 'default', network_ip: `10.${i % 100}.0.${(i % 250) + 1}`, ...(i % 3 === 0 ? { access_config: [{}] } : {}) }] }));
  }
  return out;
}

function run(name: string, build: () => Resource[], engine: (r: readonly Resource[]) => Flow[]): void {
  const resources = build();
  normalizeAll(resources);
  global.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const flows = engine(resources);
  const t1 = performance.now();
  const cells = buildMatrix(flows);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const internet = flows.filter((f) => f.from === 'internet');
  const count = (v: string) => flows.filter((f) => f.verdict === v).length;
  console.log(
    `${name}: ${resources.length} resources → ${flows.length} flows (${internet.length} from the internet; ${count('exposed')} exposed, ${count('unknown')} unknown, ${count('not-exposed')} not exposed), ${cells.length} matrix cells | engine ${((t1 - t0) / 1000).toFixed(2)} s, matrix ${((t2 - t1) / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
}

run(`kubernetes (${K8S} workloads)`, k8s, kubernetesFlows);
run(`azure (${AZ} VMs)`, azure, azureFlows);
run(`gcp (${GCP} instances)`, gcp, gcpFlows);
