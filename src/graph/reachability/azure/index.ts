/**
 * Azure reachability from the internet to virtual machines (Terraform azurerm and plans).
 *
 * A VM is reachable on (protocol, port) from an internet address when one of its NICs has an IP
 * configuration with a public IP, and both the NSG of that configuration's subnet and the NSG of
 * the NIC admit the address (inbound traffic meets the subnet NSG first, then the NIC NSG; a level
 * without an NSG admits everything). Each NSG is its custom rules by priority plus the default
 * rules AllowVnetInBound (65000), AllowAzureLoadBalancerInBound (65001) and DenyAllInBound (65500);
 * the first rule matching decides. Sources are sets of addresses: `*` is every address, `Internet`
 * the public internet, `VirtualNetwork`/`AzureLoadBalancer`/application security groups no internet
 * address, other service tags unknown.
 *
 * Unknown inputs (a public IP id from a variable, a subnet outside the model, an NSG rule with an
 * unresolved field) bound the answer from both sides; when the bounds differ the verdict is unknown.
 */
import { asList, asString, getPath, isObject, isUnknown, type NetworkRule, type PortRange, type Resource } from '../../../model/index.js';
import type { BlockedBy, Hop, RuleRef } from '../types.js';
import { EMPTY, EVERYTHING, PRIVATE, PUBLIC, equals, fromCidrs, intersect, isEmpty, subtract, toCidrs, union, type AddrSet } from '../common/addr.js';
import { INTERNET_HOP, hop, ruleRef, type Flow, type FlowEngine } from '../common/flow.js';
import { evaluateOrdered, type OrderedRule } from '../common/ordered.js';
import { formatRange } from '../common/ports.js';
import { evaluateLevels, type Level } from '../common/levels.js';
import { indexOf, nsgFor, refTargets, type Index } from './model.js';
import { AZURE_VMSS_TYPES, loadBalancerFlows, scaleSetFlows } from './lb.js';
import { firewallDnatFlows } from './firewall.js';

/** Virtual machines with network interfaces (`network_interface_ids`). */
const VM_TYPES = ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'];
/** Every Azure compute type the engine judges: VMs and scale sets. */
export const AZURE_VM_TYPES = [...VM_TYPES, ...AZURE_VMSS_TYPES];

const NO_INTERNET_TAGS = new Set(['virtualnetwork', 'azureloadbalancer', 'vnet']);

/** The source addresses of an NSG rule's peers. */
function sourcesOf(rule: NetworkRule): { set: AddrSet; unknown: string[] } {
  const cidrs: string[] = [];
  const unknown: string[] = [];
  const sets: AddrSet[] = [];
  for (const p of rule.peers) {
    if (p.kind === 'cidr') cidrs.push(p.cidr);
    else if (p.kind === 'service-tag') {
      const t = p.tag.toLowerCase();
      if (t === '*' || t === 'any' || t === '0.0.0.0/0') sets.push(EVERYTHING);
      else if (t === 'internet') sets.push(PUBLIC);
      else if (!NO_INTERNET_TAGS.has(t)) unknown.push(`service tag ${p.tag}`);
    } else if (p.kind === 'unknown') unknown.push(p.value.toString());
    // application security groups hold VMs of the virtual network: no internet address
  }
  return { set: union(fromCidrs(cidrs), ...sets), unknown };
}

function ruleSummary(rule: NetworkRule, name: string): string {
  const dir = rule.direction === 'ingress' ? 'from' : 'to';
  const proto = isUnknown(rule.protocol) ? '?' : rule.protocol;
  const ports = isUnknown(rule.ports) ? '?' : rule.ports.map(formatRange).join(',') || 'any';
  const peers = rule.peers.map((p) => (p.kind === 'cidr' ? p.cidr : p.kind === 'service-tag' ? p.tag : p.kind === 'unknown' ? p.value.toString() : p.ref)).join(',');
  const pr = typeof rule.priority === 'number' ? rule.priority : '?';
  return `${name} priority ${pr} ${rule.direction === 'ingress' ? 'inbound' : 'outbound'} ${rule.action} ${proto} ${ports} ${dir} ${peers || '(none)'}`;
}

interface Nsg {
  resource: Resource;
  rules: OrderedRule[];
}

export type PeerResolver = (rule: NetworkRule, owner: Resource) => { set: AddrSet; unknown: string[] };

interface DefaultRule {
  name: string;
  priority: number;
  action: 'allow' | 'deny';
  /** the default rule's peer, as a service tag */
  tag: string;
}

const DEFAULT_RULES: Record<'ingress' | 'egress', DefaultRule[]> = {
  ingress: [
    { name: 'AllowVnetInBound', priority: 65000, action: 'allow', tag: 'VirtualNetwork' },
    { name: 'AllowAzureLoadBalancerInBound', priority: 65001, action: 'allow', tag: 'AzureLoadBalancer' },
    { name: 'DenyAllInBound', priority: 65500, action: 'deny', tag: '*' },
  ],
  egress: [
    { name: 'AllowVnetOutBound', priority: 65000, action: 'allow', tag: 'VirtualNetwork' },
    { name: 'AllowInternetOutBound', priority: 65001, action: 'allow', tag: 'Internet' },
    { name: 'DenyAllOutBound', priority: 65500, action: 'deny', tag: '*' },
  ],
};

const internetPeers: PeerResolver = (rule) => sourcesOf(rule);

function nsgRules(ix: Index, nsg: Resource, direction: 'ingress' | 'egress' = 'ingress', peersOf: PeerResolver = internetPeers): OrderedRule[] {
  const owned: Array<{ owner: Resource; rule: NetworkRule }> = (nsg.network ?? []).map((rule) => ({ owner: nsg, rule }));
  const nsgName = asString(nsg.attributes.name);
  for (const r of ix.byType.get('azurerm_network_security_rule') ?? []) {
    const byRef = refTargets(ix, r, 'network_security_group_name').includes(nsg);
    const byName = !byRef && nsgName !== undefined && asString(r.attributes.network_security_group_name) === nsgName && r.references.every((ref) => ref.attribute !== 'network_security_group_name');
    if (byRef || byName) for (const rule of r.network ?? []) owned.push({ owner: r, rule });
  }
  const out: OrderedRule[] = [];
  for (const { owner, rule } of owned) {
    if (rule.direction !== direction) continue;
    const base = rule.attributePath ? `${rule.attributePath}.` : '';
    const name = asString(getPath(owner.attributes, `${base}name`)) ?? owner.name;
    const src = peersOf(rule, owner);
    const unknowns = [...src.unknown];
    const protocol = isUnknown(rule.protocol) ? undefined : rule.protocol;
    if (protocol === undefined) unknowns.push(`${owner.id} ${base}protocol`);
    const ports: PortRange[] | undefined = isUnknown(rule.ports) ? undefined : rule.ports.length ? rule.ports : [{ from: 0, to: 65535 }];
    if (ports === undefined) unknowns.push(`${owner.id} ${base}destination_port_range`);
    const priority = typeof rule.priority === 'number' ? rule.priority : undefined;
    if (priority === undefined) unknowns.push(`${owner.id} ${base}priority`);
    // the local end of the rule (destination of an inbound rule, source of an outbound one) must be this VM
    const local = direction === 'ingress' ? 'destination' : 'source';
    const dest = getPath(owner.attributes, `${base}${local}_address_prefix`);
    const dests = getPath(owner.attributes, `${base}${local}_address_prefixes`);
    const destAsg = getPath(owner.attributes, `${base}${local}_application_security_group_ids`);
    const destText = asString(dest)?.trim().toLowerCase();
    const anyDest = (dest === undefined || dest === null || destText === '*' || destText === 'virtualnetwork' || destText === 'any' || destText === '0.0.0.0/0') && !(Array.isArray(dests) && dests.length) && !(Array.isArray(destAsg) && destAsg.length);
    const o: OrderedRule = {
      action: rule.action,
      priority,
      sources: src.set,
      sourcesUnknown: src.unknown.length > 0,
      protocol,
      ports,
      ref: ruleRef(owner, rule.attributePath ?? rule.peersPath, ruleSummary(rule, name)),
    };
    if (!anyDest) {
      o.maybeDisabled = true;
      unknowns.push(`${owner.id} ${base}${local} (applies only to some addresses of the virtual network)`);
    }
    if (unknowns.length) o.unknowns = unknowns;
    out.push(o);
  }
  for (const d of DEFAULT_RULES[direction]) {
    const peer = peersOf({ direction, action: d.action, protocol: 'all', ports: [{ from: 0, to: 65535 }], peers: [{ kind: 'service-tag', tag: d.tag }] }, nsg);
    out.push({ action: d.action, priority: d.priority, sources: peer.set, sourcesUnknown: peer.unknown.length > 0, protocol: 'all', ports: [{ from: 0, to: 65535 }], ref: { resourceId: nsg.id, attributePath: `default ${d.name}`, summary: `default rule ${d.name} (priority ${d.priority}, ${d.action})`, location: nsg.location }, ...(peer.unknown.length ? { unknowns: peer.unknown } : {}) });
  }
  return out;
}

export function azureFlows(resources: readonly Resource[]): Flow[] {
  const ix = indexOf(resources);
  const nsgCache = new Map<Resource, Nsg>();
  const nsg = (r: Resource): Nsg => {
    let hit = nsgCache.get(r);
    if (!hit) nsgCache.set(r, (hit = { resource: r, rules: nsgRules(ix, r) }));
    return hit;
  };
  const out: Flow[] = [];
  for (const type of VM_TYPES) {
    for (const vm of ix.byType.get(type) ?? []) out.push(...vmFlows(ix, vm, nsg));
  }
  for (const f of scaleSetFlows(ix, (r) => nsg(r).rules)) out.push(f);
  for (const f of loadBalancerFlows(ix, VM_TYPES, (r) => nsg(r).rules)) out.push(f);
  const endpoints = endpointsOf(ix);
  if (ix.byType.has('azurerm_firewall')) for (const f of dnatFlows(ix, endpoints)) out.push(f);
  for (const f of eastWest(ix, endpoints)) out.push(f);
  return out;
}

/**
 * Azure Firewall DNAT paths (`firewall.ts`): the destination VM's subnet NSG then NIC NSG, judged
 * for traffic from the firewall's subnet (DNAT also translates the source).
 */
function dnatFlows(ix: Index, endpoints: readonly VmEndpoint[]): Flow[] {
  const vms = [...new Map(endpoints.map((e) => [`${e.vm.id}|${e.nic.id}`, { nic: e.nic, vm: e.vm, name: e.name, zone: e.zone }])).values()];
  return firewallDnatFlows(ix, vms, (fw, t, transport) => {
    const dst = endpoints.find((e) => e.nic === t.nic && e.vm === t.vm)!;
    const prefixes = fw.subnet ? asList(fw.subnet.attributes.address_prefixes ?? fw.subnet.attributes.address_prefix) : [];
    const src: VmEndpoint = {
      vm: fw.firewall,
      name: asString(fw.firewall.attributes.name) ?? fw.firewall.name,
      nic: fw.firewall,
      subnet: fw.subnet,
      vnet: fw.subnet ? vnetOf(ix, fw.subnet) : undefined,
      addresses: prefixes.length && prefixes.every((p) => typeof p === 'string') ? fromCidrs(prefixes as string[]) : undefined,
      zone: fw.subnet ? `azure:${fw.subnet.id}` : 'azure:(unknown subnet)',
      nicNsg: undefined,
      subnetNsg: undefined,
    };
    const level = (n: Resource | undefined, role: 'subnet' | 'NIC', known: boolean): Level =>
      n
        ? { kind: 'rules', hopKind: 'nsg', resourceId: n.id, label: `${role} NSG (from the firewall)`, rules: nsgRules(ix, n, 'ingress', peerResolver(ix, src, dst)), blockedBy: 'nsg', opaque: true }
        : known
          ? { kind: 'none', hopKind: 'nsg', resourceId: '(none)', note: `no NSG on the ${role}` }
          : { kind: 'unknown', hopKind: 'nsg', resourceId: '(unknown)', why: `the subnet of ${dst.nic.id} is not in the scanned configuration (its NSG is unknown)` };
    return evaluateLevels([level(dst.subnetNsg, 'subnet', dst.subnet !== undefined), level(dst.nicNsg, 'NIC', true)], transport, EVERYTHING);
  });
}

/** One IP configuration of a VM's NIC, as an east-west endpoint. */
interface VmEndpoint {
  vm: Resource;
  name: string;
  nic: Resource;
  subnet: Resource | undefined;
  /** the virtual network's identity; undefined when unknown */
  vnet: string | undefined;
  /** the subnet's address prefixes (or the configuration's static private address); undefined when unknown */
  addresses: AddrSet | undefined;
  zone: string;
  nicNsg: Resource | undefined;
  subnetNsg: Resource | undefined;
}

function vnetOf(ix: Index, subnet: Resource): string | undefined {
  const vnet = refTargets(ix, subnet, 'virtual_network_name', 'azurerm_virtual_network')[0];
  if (vnet) return vnet.id;
  const name = asString(subnet.attributes.virtual_network_name);
  return name === undefined ? undefined : `name:${asString(subnet.attributes.resource_group_name) ?? '?'}/${name}`;
}

function endpointsOf(ix: Index): VmEndpoint[] {
  const out: VmEndpoint[] = [];
  for (const type of VM_TYPES) {
    for (const vm of ix.byType.get(type) ?? []) {
      const nics = [...refTargets(ix, vm, 'network_interface_ids', 'azurerm_network_interface'), ...refTargets(ix, vm, 'primary_network_interface_id', 'azurerm_network_interface')];
      for (const nic of [...new Set(nics)]) {
        const configs = Array.isArray(nic.attributes.ip_configuration) ? nic.attributes.ip_configuration : [];
        configs.forEach((cfg, i) => {
          if (!isObject(cfg)) return;
          const at = `ip_configuration[${i}]`;
          const subnet = refTargets(ix, nic, `${at}.subnet_id`, 'azurerm_subnet')[0];
          const ip = cfg.private_ip_address;
          let addresses: AddrSet | undefined;
          if (typeof ip === 'string' && ip.trim() !== '' && asString(cfg.private_ip_address_allocation)?.toLowerCase() === 'static') addresses = fromCidrs([ip]);
          else if (subnet) {
            const prefixes = subnet.attributes.address_prefixes ?? subnet.attributes.address_prefix;
            const list = asList(prefixes);
            if (list.length && list.every((x) => typeof x === 'string')) addresses = fromCidrs(list as string[]);
          }
          out.push({
            vm,
            name: asString(vm.attributes.name) ?? vm.name,
            nic,
            subnet,
            vnet: subnet ? vnetOf(ix, subnet) : undefined,
            addresses,
            zone: subnet ? `azure:${subnet.id}` : 'azure:(unknown subnet)',
            nicNsg: nsgFor(ix, nic, 'azurerm_network_interface_security_group_association', 'network_interface_id')[0],
            subnetNsg: subnet ? nsgFor(ix, subnet, 'azurerm_subnet_network_security_group_association', 'subnet_id')[0] : undefined,
          });
        });
      }
    }
  }
  return out;
}

type Tri = 'yes' | 'no' | 'unknown';

/** Does a rule peer stand for the other end `x` of an east-west flow? */
function peerIs(ix: Index, p: NetworkRule['peers'][number], x: VmEndpoint, self: VmEndpoint): Tri {
  if (p.kind === 'unknown') return 'unknown';
  if (p.kind === 'cidr') {
    const set = fromCidrs([p.cidr]);
    if (x.addresses) return isEmpty(subtract(x.addresses, set)) ? 'yes' : isEmpty(intersect(x.addresses, set)) ? 'no' : 'unknown';
    return isEmpty(intersect(set, PRIVATE)) ? 'no' : isEmpty(subtract(PRIVATE, set)) ? 'yes' : 'unknown';
  }
  if (p.kind === 'service-tag') {
    const t = p.tag.toLowerCase();
    if (t === '*' || t === 'any' || t === '0.0.0.0/0') return 'yes';
    if (t === 'internet' || t === 'azureloadbalancer') return 'no';
    // VirtualNetwork: the virtual network, its peers and connected on-premises ranges
    if (t === 'virtualnetwork' || t === 'vnet') return x.vnet !== undefined && x.vnet === self.vnet ? 'yes' : 'unknown';
    return 'unknown';
  }
  if (p.kind === 'group') {
    const asgs = ix.byType.get('azurerm_application_security_group') ?? [];
    const asg = asgs.find((a) => p.ref === a.id || p.ref.startsWith(`${a.id}.`));
    if (!asg) return 'unknown';
    const member = (ix.byType.get('azurerm_network_interface_application_security_group_association') ?? []).some(
      (a) => refTargets(ix, a, 'network_interface_id').includes(x.nic) && refTargets(ix, a, 'application_security_group_id').includes(asg),
    );
    return member ? 'yes' : 'no';
  }
  return 'unknown';
}

function peerResolver(ix: Index, x: VmEndpoint, self: VmEndpoint): PeerResolver {
  return (rule) => {
    const tris = rule.peers.map((p) => peerIs(ix, p, x, self));
    if (tris.includes('yes')) return { set: EVERYTHING, unknown: [] };
    if (tris.includes('unknown')) return { set: EMPTY, unknown: [`whether ${rule.peers.map((p) => (p.kind === 'cidr' ? p.cidr : p.kind === 'service-tag' ? p.tag : p.kind === 'unknown' ? p.value.toString() : p.ref)).join(',')} covers the other end of the flow`] };
    return { set: EMPTY, unknown: [] };
  };
}

/**
 * VM → VM over private addresses: the source's NIC NSG then subnet NSG (outbound, with
 * AllowVnetOutBound), then the destination's subnet NSG then NIC NSG (inbound) must all let the
 * traffic through. Only allowed (or possibly allowed) flows are returned.
 */
function eastWest(ix: Index, endpoints: readonly VmEndpoint[]): Flow[] {
  const out: Flow[] = [];
  // pairs whose ends look alike to the NSGs (same NSGs, network, address range, security groups) share one evaluation
  const assocs = ix.byType.get('azurerm_network_interface_application_security_group_association') ?? [];
  const sig = (e: VmEndpoint) =>
    JSON.stringify([e.nicNsg?.id, e.subnetNsg?.id, e.subnet === undefined, e.vnet, e.addresses?.map((i) => [String(i[0]), String(i[1])]), assocs.filter((a) => refTargets(ix, a, 'network_interface_id').includes(e.nic)).flatMap((a) => refTargets(ix, a, 'application_security_group_id').map((g) => g.id)).sort()]);
  const sigs = new Map(endpoints.map((e) => [e, sig(e)]));
  const memo = new Map<string, Array<{ transport: 'tcp' | 'udp'; seg: ReturnType<typeof evaluateLevels>[number] }>>();
  for (const a of endpoints) {
    for (const b of endpoints) {
      if (a.vm === b.vm) continue;
      if (a.vnet !== undefined && b.vnet !== undefined && a.vnet !== b.vnet) continue;
      const extra = a.vnet === undefined || b.vnet === undefined ? ['virtual network of the source or the destination'] : [];
      const base = { endpointId: b.vm.id, workloadId: b.vm.id, from: a.vm.id, fromZone: a.zone, toZone: b.zone, fromName: a.name, toName: b.name } as const;
      const memoKey = `${sigs.get(a)}|${sigs.get(b)}`;
      const hit = memo.get(memoKey);
      if (hit) {
        for (const { transport, seg: s } of hit) {
          const verdict = extra.length ? 'unknown' : s.verdict;
          const f: Flow = { ...base, protocol: transport, ports: { from: s.range.from, to: s.range.to }, verdict, path: s.path }; // shared by the pairs of one evaluation: from/to name the ends
          if (verdict === 'unknown') f.unknowns = [...new Set([...extra, ...s.unknowns])];
          out.push(f);
        }
        continue;
      }
      const segs: Array<{ transport: 'tcp' | 'udp'; seg: ReturnType<typeof evaluateLevels>[number] }> = [];
      memo.set(memoKey, segs);
      const level = (n: Resource | undefined, dir: 'ingress' | 'egress', role: string, other: VmEndpoint, self: VmEndpoint, known: boolean): Level =>
        n
          ? { kind: 'rules', hopKind: 'nsg', resourceId: n.id, label: `${role} NSG (${dir === 'ingress' ? 'inbound' : 'outbound'})`, rules: nsgRules(ix, n, dir, peerResolver(ix, other, self)), blockedBy: 'nsg', opaque: true }
          : known
            ? { kind: 'none', hopKind: 'nsg', resourceId: '(none)', note: `no NSG on the ${role === 'NIC' ? 'NIC' : 'subnet'} of the ${self === a ? 'source' : 'destination'}` }
            : { kind: 'unknown', hopKind: 'nsg', resourceId: '(unknown)', why: `the ${self === a ? 'source' : 'destination'}'s subnet is not in the scanned configuration (its NSG is unknown)` };
      const levels = [level(a.nicNsg, 'egress', 'NIC', b, a, true), level(a.subnetNsg, 'egress', 'subnet', b, a, a.subnet !== undefined), level(b.subnetNsg, 'ingress', 'subnet', a, b, b.subnet !== undefined), level(b.nicNsg, 'ingress', 'NIC', a, b, true)];
      for (const transport of ['tcp', 'udp'] as const) {
        for (const s of evaluateLevels(levels, transport, EVERYTHING, extra)) {
          if (s.verdict === 'not-exposed') continue;
          segs.push({ transport, seg: s });
          const verdict = extra.length ? 'unknown' : s.verdict;
          const f: Flow = { ...base, protocol: transport, ports: { from: s.range.from, to: s.range.to }, verdict, path: s.path }; // shared by the pairs of one evaluation: from/to name the ends
          if (verdict === 'unknown') f.unknowns = [...new Set([...extra, ...s.unknowns])];
          out.push(f);
        }
      }
    }
  }
  return out;
}

function vmFlows(ix: Index, vm: Resource, nsg: (r: Resource) => Nsg): Flow[] {
  const nics = [...refTargets(ix, vm, 'network_interface_ids', 'azurerm_network_interface'), ...refTargets(ix, vm, 'primary_network_interface_id', 'azurerm_network_interface')];
  const vmName = asString(vm.attributes.name) ?? vm.name;
  const base = { endpointId: vm.id, workloadId: vm.id, from: 'internet', fromZone: 'internet', toName: vmName } as const;
  if (nics.length === 0) {
    const ids = vm.attributes.network_interface_ids;
    return [{ ...base, toZone: 'azure:(unknown subnet)', protocol: 'all', ports: { from: 0, to: 65535 }, verdict: 'unknown', path: [INTERNET_HOP, hop('vm', vm.id)], unknowns: [`${vm.id}.network_interface_ids${isUnknown(ids) ? ` (${ids.toString()})` : ''}: network interfaces not in the scanned configuration`] }];
  }
  const flows: Flow[] = [];
  for (const nic of nics) {
    const configs = Array.isArray(nic.attributes.ip_configuration) ? nic.attributes.ip_configuration : [];
    configs.forEach((cfg, i) => {
      if (!isObject(cfg)) return;
      const at = `ip_configuration[${i}]`;
      const subnets = refTargets(ix, nic, `${at}.subnet_id`, 'azurerm_subnet');
      const subnet = subnets[0];
      const toZone = subnet ? `azure:${subnet.id}` : 'azure:(unknown subnet)';
      const pipRefs = refTargets(ix, nic, `${at}.public_ip_address_id`, 'azurerm_public_ip');
      const pipValue = cfg.public_ip_address_id;
      const nicHop = hop('nic', nic.id, [ruleRef(nic, at, `${nic.id} ${at}`)]);
      let pipHop: Hop;
      const unknowns: string[] = [];
      if (pipRefs.length) pipHop = hop('public-ip', pipRefs[0]!.id, [ruleRef(nic, `${at}.public_ip_address_id`, `public IP ${pipRefs[0]!.id}`)]);
      else if (typeof pipValue === 'string' && pipValue.trim() !== '') pipHop = hop('public-ip', pipValue, [ruleRef(nic, `${at}.public_ip_address_id`, `public IP ${pipValue}`)]);
      else if (isUnknown(pipValue)) {
        pipHop = hop('public-ip', pipValue.toString(), [ruleRef(nic, `${at}.public_ip_address_id`, `public IP ${pipValue.toString()}`)], 'unresolved');
        unknowns.push(`${nic.id}.${at}.public_ip_address_id (${pipValue.toString()})`);
      } else {
        flows.push({ ...base, toZone, protocol: 'all', ports: { from: 0, to: 65535 }, verdict: 'not-exposed', blockedBy: 'no-public-address', path: [INTERNET_HOP, hop('nic', nic.id, [ruleRef(nic, at, `${at} has no public_ip_address_id`)])] });
        return;
      }
      const level = (n: Resource[], role: string, at: Resource): Level =>
        n.length
          ? { kind: 'rules', hopKind: 'nsg', resourceId: n[0]!.id, label: `${role} NSG`, rules: nsg(n[0]!).rules, blockedBy: 'nsg' }
          : { kind: 'none', hopKind: role === 'subnet' ? 'subnet' : 'nic', resourceId: at.id, note: `no NSG on the ${role}: everything admitted` };
      const subnetLevel: Level = subnet
        ? level(nsgFor(ix, subnet, 'azurerm_subnet_network_security_group_association', 'subnet_id'), 'subnet', subnet)
        : { kind: 'unknown', hopKind: 'nsg', resourceId: '(unknown)', why: `${nic.id}.${at}.subnet_id: subnet not in the scanned configuration (its NSG is unknown)` };
      const nicLevel = level(nsgFor(ix, nic, 'azurerm_network_interface_security_group_association', 'network_interface_id'), 'NIC', nic);
      // Standard SKU public IPs, like Standard load balancers, are closed to inbound flows unless an NSG allows them
      const sku = pipRefs[0]?.attributes.sku;
      if (subnetLevel.kind === 'none' && nicLevel.kind === 'none' && (isUnknown(sku) || asString(sku)?.toLowerCase() === 'standard')) {
        const note = isUnknown(sku) ? `${pipRefs[0]!.id}.sku unresolved: a Standard public IP without an NSG is closed, a Basic one open` : `Standard SKU public IP and no NSG on the subnet or NIC: inbound flows are closed`;
        const f: Flow = { ...base, toZone, protocol: 'all', ports: { from: 0, to: 65535 }, verdict: isUnknown(sku) ? 'unknown' : 'not-exposed', path: [INTERNET_HOP, pipHop, hop('nsg', '(none)', [ruleRef(pipRefs[0]!, 'sku', `public IP ${pipRefs[0]!.id} sku ${isUnknown(sku) ? sku.toString() : String(sku)}`)], note)] };
        if (isUnknown(sku)) f.unknowns = [...unknowns, note];
        else f.blockedBy = 'nsg';
        flows.push(f);
        return;
      }
      for (const transport of ['tcp', 'udp'] as const) {
        const segs = evaluateLevels([subnetLevel, nicLevel], transport, PUBLIC, unknowns);
        for (const s of segs) {
          const path = [INTERNET_HOP, pipHop, ...s.path, nicHop, hop('vm', vm.id)];
          // a public IP we could not resolve makes an open path "unknown", never "exposed"
          const verdict = s.verdict === 'exposed' && pipHop.note === 'unresolved' ? 'unknown' : s.verdict;
          const f: Flow = { ...base, toZone, protocol: transport, ports: { from: s.range.from, to: s.range.to }, verdict, path };
          if (s.verdict === 'not-exposed') {
            f.blockedBy = s.blockedBy ?? 'nsg';
            f.path = [INTERNET_HOP, pipHop, ...s.path];
          }
          if (verdict === 'unknown') f.unknowns = s.unknowns;
          const admitted = s.verdict === 'exposed' ? s.min : s.max;
          if (s.verdict !== 'not-exposed' && !equals(intersect(admitted, PUBLIC), PUBLIC)) f.fromRanges = toCidrs(intersect(admitted, PUBLIC));
          flows.push(f);
        }
      }
    });
  }
  return flows;
}

export const azureEngine: FlowEngine = { name: 'azure', flows: azureFlows };
