/**
 * Cost of the Azure load balancer / Azure Firewall DNAT paths and of the GCP firewall policy
 * chain: the same generated estate judged without and with them (internet exposure and the
 * east-west pairs), CPU time of the engine call.
 *
 *   node --import tsx bench/reachability-lb-policies.ts
 *
 * Azure: BENCH_AZURE_VMS (default 1000) VMs in subnets of 25 with subnet NSGs; "with": 20 Standard
 * load balancers, each with 3 rules over a pool of 50 VMs and one NAT rule per VM, plus an Azure
 * Firewall with 10 DNAT rules (to the 10 VMs with static addresses). GCP: BENCH_GCP_INSTANCES (default 1000) instances, 100 VPC
 * firewall rules; "with": an organization policy (20 rules, goto_next included), two folder
 * policies down a google_folder chain, a global network policy (20 rules) in BEFORE_CLASSIC_FIREWALL
 * order. Figures go to docs/benchmarks.md by hand.
 */
import type { Resource, ValueObject } from '../src/model/index.js';
import { normalizeAll } from '../src/model/normalize/index.js';
import { azureFlows } from '../src/graph/reachability/azure/index.js';
import { gcpFlows } from '../src/graph/reachability/gcp/index.js';
import type { Flow } from '../src/graph/reachability/common/flow.js';

const AZ = Number(process.env.BENCH_AZURE_VMS ?? 1000);
const GCP = Number(process.env.BENCH_GCP_INSTANCES ?? 1000);
const DNAT = 10;

let line = 1;
const make = (type: string, name: string, provider: string, attributes: ValueObject, refs: Record<string, string> = {}): Resource => ({
  id: `${type}.${name}`,
  type,
  provider,
  source: 'terraform',
  name,
  attributes,
  location: { file: 'bench.tf', startLine: line, endLine: line++ },
  attributeLocations: {},
  references: Object.entries(refs).map(([attribute, target]) => ({ attribute, target })),
});

function azure(extra: boolean): Resource[] {
  const out: Resource[] = [make('azurerm_virtual_network', 'main', 'azure', { name: 'main' })];
  const subnets = Math.ceil(AZ / 25);
  for (let s = 0; s < subnets; s++) {
    out.push(make('azurerm_subnet', `s${s}`, 'azure', { name: `s${s}`, address_prefixes: [`10.${1 + Math.floor(s / 200)}.${s % 200}.0/24`] }, { virtual_network_name: 'azurerm_virtual_network.main' }));
    const rule = (name: string, priority: number, access: string, port: string, src: string): ValueObject => ({ name, priority, direction: 'Inbound', access, protocol: 'Tcp', destination_port_range: port, source_address_prefix: src, destination_address_prefix: '*' });
    out.push(make('azurerm_network_security_group', `s${s}`, 'azure', { name: `s${s}`, security_rule: [rule('web', 100, 'Allow', '443', '*'), rule('rdp', 110, s % 3 === 0 ? 'Allow' : 'Deny', '3389', 'Internet'), rule('app', 120, 'Allow', '8080', '10.0.0.0/26')] }));
    out.push(make('azurerm_subnet_network_security_group_association', `s${s}`, 'azure', {}, { subnet_id: `azurerm_subnet.s${s}`, network_security_group_id: `azurerm_network_security_group.s${s}` }));
  }
  for (let i = 0; i < AZ; i++) {
    const ip = `10.${1 + Math.floor(Math.floor(i / 25) / 200)}.${Math.floor(i / 25) % 200}.${(i % 25) + 4}`;
    // static addresses only where DNAT needs them: east-west pairs are shared by VMs that look alike (same subnet, dynamic address)
    const cfg: ValueObject = i < DNAT ? { name: 'c', private_ip_address_allocation: 'Static', private_ip_address: ip } : { name: 'c', private_ip_address_allocation: 'Dynamic' };
    out.push(make('azurerm_network_interface', `n${i}`, 'azure', { name: `n${i}`, ip_configuration: [cfg] }, { 'ip_configuration[0].subnet_id': `azurerm_subnet.s${Math.floor(i / 25)}` }));
    out.push(make('azurerm_linux_virtual_machine', `vm${i}`, 'azure', { name: `vm${i}` }, { network_interface_ids: `azurerm_network_interface.n${i}` }));
  }
  if (!extra) return out;
  for (let l = 0; l < 20; l++) {
    out.push(make('azurerm_public_ip', `lb${l}`, 'azure', { name: `lb${l}`, sku: 'Standard' }));
    out.push(make('azurerm_lb', `lb${l}`, 'azure', { name: `lb${l}`, sku: 'Standard', frontend_ip_configuration: [{ name: 'fe', public_ip_address_id: 'x' }] }, { 'frontend_ip_configuration[0].public_ip_address_id': `azurerm_public_ip.lb${l}` }));
    out.push(make('azurerm_lb_backend_address_pool', `lb${l}`, 'azure', { name: 'pool' }, { loadbalancer_id: `azurerm_lb.lb${l}` }));
    for (const [r, fp, bp] of [['https', 443, 443], ['app', 80, 8080], ['rdp', 3389, 3389]] as const) {
      out.push(make('azurerm_lb_rule', `lb${l}_${r}`, 'azure', { name: r, protocol: 'Tcp', frontend_port: fp, backend_port: bp, frontend_ip_configuration_name: 'fe' }, { loadbalancer_id: `azurerm_lb.lb${l}`, 'backend_address_pool_ids[0]': `azurerm_lb_backend_address_pool.lb${l}` }));
    }
  }
  for (let i = 0; i < AZ; i++) {
    const l = i % 20;
    if (i < 20 * 50) out.push(make('azurerm_network_interface_backend_address_pool_association', `a${i}`, 'azure', { ip_configuration_name: 'c' }, { network_interface_id: `azurerm_network_interface.n${i}`, backend_address_pool_id: `azurerm_lb_backend_address_pool.lb${l}` }));
    out.push(make('azurerm_lb_nat_rule', `nat${i}`, 'azure', { name: `nat${i}`, protocol: 'Tcp', frontend_port: 50000 + i, backend_port: 22, frontend_ip_configuration_name: 'fe' }, { loadbalancer_id: `azurerm_lb.lb${l}` }));
    out.push(make('azurerm_network_interface_nat_rule_association', `nat${i}`, 'azure', { ip_configuration_name: 'c' }, { network_interface_id: `azurerm_network_interface.n${i}`, nat_rule_id: `azurerm_lb_nat_rule.nat${i}` }));
  }
  out.push(make('azurerm_subnet', 'fw', 'azure', { name: 'AzureFirewallSubnet', address_prefixes: ['10.0.0.0/26'] }, { virtual_network_name: 'azurerm_virtual_network.main' }));
  out.push(make('azurerm_public_ip', 'fw', 'azure', { name: 'fw', sku: 'Standard' }));
  out.push(make('azurerm_firewall_policy', 'fw', 'azure', { name: 'fw' }));
  out.push(make('azurerm_firewall', 'fw', 'azure', { name: 'fw', ip_configuration: [{ name: 'c', subnet_id: 'x', public_ip_address_id: 'x' }] }, { 'ip_configuration[0].subnet_id': 'azurerm_subnet.fw', 'ip_configuration[0].public_ip_address_id': 'azurerm_public_ip.fw', firewall_policy_id: 'azurerm_firewall_policy.fw' }));
  const rules = Array.from({ length: Math.min(DNAT, AZ) }, (_, i) => ({ name: `d${i}`, protocols: ['TCP'], source_addresses: ['*'], destination_ports: [String(40000 + i)], translated_address: `10.1.${Math.floor(i / 25)}.${(i % 25) + 4}`, translated_port: '8080' }));
  out.push(make('azurerm_firewall_policy_rule_collection_group', 'dnat', 'azure', { name: 'dnat', priority: 100, nat_rule_collection: [{ name: 'd', priority: 100, action: 'Dnat', rule: rules }] }, { firewall_policy_id: 'azurerm_firewall_policy.fw' }));
  return out;
}

function gcp(extra: boolean): Resource[] {
  const out: Resource[] = [];
  for (let f = 0; f < 100; f++) {
    out.push(make('google_compute_firewall', `f${f}`, 'gcp', { name: `f${f}`, network: 'vpc', priority: 900 + (f % 5) * 50, source_ranges: f % 4 === 0 ? ['0.0.0.0/0'] : [`10.${f}.0.0/16`], target_tags: [`t${f % 20}`], ...(f % 7 === 0 ? { deny: [{ protocol: 'tcp', ports: ['22'] }] } : { allow: [{ protocol: 'tcp', ports: [String(1000 + f), '22', '443'] }] }) }));
  }
  out.push(make('google_compute_network', 'vpc', 'gcp', { name: 'vpc', ...(extra ? { network_firewall_policy_enforcement_order: 'BEFORE_CLASSIC_FIREWALL' } : {}) }));
  if (extra) {
    out.push(make('google_folder', 'prod', 'gcp', { display_name: 'prod', parent: 'organizations/1' }));
    out.push(make('google_folder', 'team', 'gcp', { display_name: 'team' }, { parent: 'google_folder.prod' }));
    out.push(make('google_project', 'p', 'gcp', { project_id: 'p' }, { folder_id: 'google_folder.team' }));
    const policy = (type: string, name: string, assocTarget: ValueObject, assocRefs: Record<string, string>, n: number) => {
      out.push(make(type, name, 'gcp', { name, short_name: name }));
      out.push(make(`${type}_association`, name, 'gcp', { name, ...assocTarget }, { firewall_policy: `${type}.${name}`, ...assocRefs }));
      for (let r = 0; r < n; r++) {
        const action = r % 5 === 0 ? 'goto_next' : r % 3 === 0 ? 'deny' : 'allow';
        out.push(make(`${type}_rule`, `${name}_${r}`, 'gcp', { priority: 100 + r, direction: 'INGRESS', action, match: [{ src_ip_ranges: r % 2 ? ['0.0.0.0/0'] : [`10.${r}.0.0/16`], layer4_configs: [{ ip_protocol: 'tcp', ports: [String(2000 + r), r % 4 === 0 ? '22' : '443'] }] }] }, { firewall_policy: `${type}.${name}` }));
      }
    };
    policy('google_compute_firewall_policy', 'org', { attachment_target: 'organizations/1' }, {}, 20);
    policy('google_compute_firewall_policy', 'prod', {}, { attachment_target: 'google_folder.prod' }, 10);
    policy('google_compute_firewall_policy', 'team', {}, { attachment_target: 'google_folder.team' }, 10);
    policy('google_compute_network_firewall_policy', 'net', {}, { attachment_target: 'google_compute_network.vpc' }, 20);
  }
  for (let i = 0; i < GCP; i++) {
    out.push(make('google_compute_instance', `i${i}`, 'gcp', { name: `i${i}`, project: 'p', tags: [`t${i % 20}`, `t${(i + 7) % 20}`], network_interface: [{ network: 'vpc', network_ip: `10.${i % 100}.0.${(i % 250) + 1}`, ...(i % 3 === 0 ? { access_config: [{}] } : {}) }] }));
  }
  return out;
}

function run(name: string, build: (extra: boolean) => Resource[], engine: (r: readonly Resource[]) => Flow[]): void {
  for (const extra of [false, true]) {
    const resources = build(extra);
    normalizeAll(resources);
    global.gc?.();
    const times: number[] = [];
    let flows: Flow[] = [];
    for (let k = 0; k < 3; k++) {
      const cpu0 = process.cpuUsage();
      flows = engine(resources);
      const cpu = process.cpuUsage(cpu0);
      times.push((cpu.user + cpu.system) / 1e6);
    }
    times.sort((a, b) => a - b);
    const internet = flows.filter((f) => f.from === 'internet');
    console.log(`${name} ${extra ? 'with' : 'without'}: ${resources.length} resources → ${flows.length} flows (${internet.length} from the internet, ${internet.filter((f) => f.verdict === 'exposed').length} exposed) | CPU median of 3 ${times[1]!.toFixed(2)} s (min ${times[0]!.toFixed(2)}), heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  }
}

run(`azure (${AZ} VMs)`, azure, azureFlows);
run(`gcp (${GCP} instances)`, gcp, gcpFlows);
