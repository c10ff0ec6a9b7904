/**
 * Azure load balancers as entry points (Terraform azurerm and plans): internet → public frontend
 * (a frontend IP configuration bound to an `azurerm_public_ip` or a public IP prefix) → load
 * balancing rule, inbound NAT rule or NAT pool (frontend port → backend port) → the backend's
 * subnet NSG, then its NIC NSG, evaluated on the backend port → the VM or scale set.
 *
 * Azure Load Balancer passes the client's address through (no SNAT on inbound flows), so the NSGs
 * see the internet client as the source; the `AzureLoadBalancer` service tag (default rule
 * AllowAzureLoadBalancerInBound) stands for the health probes only and never admits clients.
 * Standard SKU load balancers are closed to inbound flows unless an NSG on the backend's subnet or
 * NIC allows them: with no NSG at either level nothing gets through. Basic SKU is open: a level
 * without an NSG admits everything, as for a VM's own public IP. A load balancer without `sku`
 * is judged as Basic (the older provider default and the more open reading, never the safer
 * guess); an unresolved `sku` makes the "no NSG at all" case unknown.
 *
 * Backends: `azurerm_network_interface_backend_address_pool_association` (NIC IP configuration by
 * name), `azurerm_lb_backend_address_pool_address` (an IP address matched to a NIC configuration
 * with that static private address), scale set `ip_configuration.load_balancer_backend_address_pool_ids`;
 * NAT rules reach one NIC through `azurerm_network_interface_nat_rule_association`, or every
 * member of `backend_address_pool_id` (a frontend port range); NAT pools reach scale sets through
 * `load_balancer_inbound_nat_rules_ids`. Flows name the load balancer as endpoint, the VM or scale
 * set as workload, and the backend port (what listens) as ports; the frontend port is in the hop.
 */
import { asList, asString, getPath, isObject, isUnknown, type Resource, type Value } from '../../../model/index.js';
import type { Hop } from '../types.js';
import { PUBLIC, equals, intersect, toCidrs } from '../common/addr.js';
import { INTERNET_HOP, hop, ruleRef, type Flow } from '../common/flow.js';
import { evaluateLevels, type Level } from '../common/levels.js';
import type { OrderedRule } from '../common/ordered.js';
import { nsgFor, refTargets, type Index } from './model.js';

export const AZURE_VMSS_TYPES = ['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set', 'azurerm_virtual_machine_scale_set'];

/** One IP configuration of a NIC or of a scale set's network profile, as a backend. */
interface Backend {
  workload: Resource;
  name: string;
  /** the resource holding the configuration (NIC or scale set) and the configuration's path in it */
  holder: Resource;
  at: string;
  subnetLevel: Level;
  nicLevel: Level;
  toZone: string;
}

type Entry = {
  kind: 'rule' | 'nat-rule' | 'nat-pool';
  resource: Resource;
  lb: Resource | undefined;
  protocols: Array<'tcp' | 'udp'>;
  protocolUnknown: boolean;
  frontend: string;
  backend: { from: number; to: number } | undefined;
  summary: string;
};

const num = (v: Value | undefined): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : undefined);

function protocolsOf(v: Value | undefined): { list: Array<'tcp' | 'udp'>; unknown: boolean } {
  const p = asString(v)?.toLowerCase();
  if (p === 'tcp') return { list: ['tcp'], unknown: false };
  if (p === 'udp') return { list: ['udp'], unknown: false };
  if (p === 'all') return { list: ['tcp', 'udp'], unknown: false };
  return { list: ['tcp', 'udp'], unknown: true };
}

function entryOf(ix: Index, r: Resource, kind: Entry['kind']): Entry {
  const a = r.attributes;
  const lb = refTargets(ix, r, 'loadbalancer_id', 'azurerm_lb')[0];
  const proto = protocolsOf(a.protocol);
  const name = asString(a.name) ?? r.name;
  let frontend: string;
  let backend: Entry['backend'];
  const bp = num(a.backend_port);
  if (kind === 'rule') {
    const fp = num(a.frontend_port);
    frontend = fp === undefined ? '?' : fp === 0 ? 'all ports' : String(fp);
    // HA ports (protocol All, ports 0): every port, each to the same port
    backend = bp === undefined ? undefined : bp === 0 ? { from: 0, to: 65535 } : { from: bp, to: bp };
  } else {
    const fp = num(a.frontend_port);
    const s = num(a.frontend_port_start);
    const e = num(a.frontend_port_end);
    frontend = fp !== undefined ? String(fp) : s !== undefined || e !== undefined ? `${s ?? '?'}-${e ?? '?'}` : '?';
    backend = bp === undefined ? undefined : { from: bp, to: bp };
  }
  const what = kind === 'rule' ? 'load balancing rule' : kind === 'nat-rule' ? 'inbound NAT rule' : 'inbound NAT pool';
  const summary = `${what} ${name}: ${asString(a.protocol) ?? '?'} frontend ${asString(a.frontend_ip_configuration_name) ?? '?'}:${frontend} → backend port ${bp === undefined ? '?' : bp === 0 ? 'same port' : bp}`;
  return { kind, resource: r, lb, protocols: proto.list, protocolUnknown: proto.unknown, frontend, backend, summary };
}

interface Frontend {
  verdict: 'public' | 'internal' | 'unknown';
  hop: Hop;
  unknowns: string[];
}

function frontendOf(ix: Index, e: Entry): Frontend {
  const lb = e.lb;
  if (!lb) {
    const v = e.resource.attributes.loadbalancer_id;
    return { verdict: 'unknown', hop: hop('load-balancer', isUnknown(v) ? v.toString() : String(v ?? '(none)'), [], 'unresolved'), unknowns: [`${e.resource.id}.loadbalancer_id: load balancer not in the scanned configuration`] };
  }
  const name = e.resource.attributes.frontend_ip_configuration_name;
  const configs = Array.isArray(lb.attributes.frontend_ip_configuration) ? lb.attributes.frontend_ip_configuration : [];
  const i = typeof name === 'string' ? configs.findIndex((c) => isObject(c) && c.name === name) : configs.length === 1 ? 0 : -1;
  const cfg = configs[i];
  if (i < 0 || !isObject(cfg)) {
    return { verdict: 'unknown', hop: hop('load-balancer', lb.id, [], 'unresolved'), unknowns: [`${e.resource.id}.frontend_ip_configuration_name (${isUnknown(name) ? name.toString() : String(name)}): no such frontend on ${lb.id}`] };
  }
  const at = `frontend_ip_configuration[${i}]`;
  const pip = refTargets(ix, lb, `${at}.public_ip_address_id`, 'azurerm_public_ip')[0] ?? refTargets(ix, lb, `${at}.public_ip_prefix_id`, 'azurerm_public_ip_prefix')[0];
  const pipValue = cfg.public_ip_address_id ?? cfg.public_ip_prefix_id;
  const ref = (summary: string) => ruleRef(lb, at, summary);
  if (pip) return { verdict: 'public', hop: hop('public-ip', pip.id, [ref(`frontend ${String(cfg.name)}: public IP ${pip.id}`)]), unknowns: [] };
  if (typeof pipValue === 'string' && pipValue.trim() !== '') return { verdict: 'public', hop: hop('public-ip', pipValue, [ref(`frontend ${String(cfg.name)}: public IP ${pipValue}`)]), unknowns: [] };
  if (isUnknown(pipValue)) return { verdict: 'unknown', hop: hop('public-ip', pipValue.toString(), [ref(`frontend ${String(cfg.name)}: public IP ${pipValue.toString()}`)], 'unresolved'), unknowns: [`${lb.id}.${at}.public_ip_address_id (${pipValue.toString()})`] };
  if (cfg.subnet_id !== undefined && cfg.subnet_id !== null) return { verdict: 'internal', hop: hop('load-balancer', lb.id, [ref(`frontend ${String(cfg.name)} is internal (subnet_id, no public IP)`)]), unknowns: [] };
  return { verdict: 'unknown', hop: hop('load-balancer', lb.id, [ref(`frontend ${String(cfg.name)}: neither a public IP nor a subnet`)], 'unresolved'), unknowns: [`${lb.id}.${at}: frontend address not given`] };
}

/** Standard SKU: closed unless an NSG allows; Basic (or no sku): open; unresolved: unknown. */
function skuOf(lb: Resource | undefined): 'standard' | 'basic' | 'unknown' {
  if (!lb) return 'unknown';
  const v = lb.attributes.sku;
  if (isUnknown(v)) return 'unknown';
  const s = asString(v)?.toLowerCase();
  return s === 'standard' || s === 'gateway' ? 'standard' : 'basic';
}

type NsgRules = (nsg: Resource) => OrderedRule[];

function nsgLevel(nsgs: Resource[], role: 'subnet' | 'NIC', holder: Resource, rulesOf: NsgRules): Level {
  return nsgs.length
    ? { kind: 'rules', hopKind: 'nsg', resourceId: nsgs[0]!.id, label: `${role} NSG`, rules: rulesOf(nsgs[0]!), blockedBy: 'nsg' }
    : { kind: 'none', hopKind: role === 'subnet' ? 'subnet' : 'nic', resourceId: holder.id, note: `no NSG on the ${role}` };
}

/** The subnet of an IP configuration (`AT.subnet_id`) and its NSG level; a subnet outside the model is unknown. */
function subnetLevelOf(ix: Index, holder: Resource, at: string, rulesOf: NsgRules): { subnet: Resource | undefined; level: Level } {
  const subnet = refTargets(ix, holder, `${at}.subnet_id`, 'azurerm_subnet')[0];
  return {
    subnet,
    level: subnet
      ? nsgLevel(nsgFor(ix, subnet, 'azurerm_subnet_network_security_group_association', 'subnet_id'), 'subnet', subnet, rulesOf)
      : { kind: 'unknown', hopKind: 'nsg', resourceId: '(unknown)', why: `${holder.id}.${at}.subnet_id: subnet not in the scanned configuration (its NSG is unknown)` },
  };
}

/** Backends of NIC IP configurations, keyed by "nic id|configuration name". */
function nicBackends(ix: Index, vmTypes: readonly string[], rulesOf: NsgRules): Map<string, Backend> {
  const out = new Map<string, Backend>();
  for (const type of vmTypes) {
    for (const vm of ix.byType.get(type) ?? []) {
      const nics = [...refTargets(ix, vm, 'network_interface_ids', 'azurerm_network_interface'), ...refTargets(ix, vm, 'primary_network_interface_id', 'azurerm_network_interface')];
      for (const nic of new Set(nics)) {
        const configs = Array.isArray(nic.attributes.ip_configuration) ? nic.attributes.ip_configuration : [];
        configs.forEach((cfg, i) => {
          if (!isObject(cfg)) return;
          const at = `ip_configuration[${i}]`;
          const { subnet, level: subnetLevel } = subnetLevelOf(ix, nic, at, rulesOf);
          const nicLevel = nsgLevel(nsgFor(ix, nic, 'azurerm_network_interface_security_group_association', 'network_interface_id'), 'NIC', nic, rulesOf);
          out.set(`${nic.id}|${asString(cfg.name) ?? i}`, { workload: vm, name: asString(vm.attributes.name) ?? vm.name, holder: nic, at, subnetLevel, nicLevel, toZone: subnet ? `azure:${subnet.id}` : 'azure:(unknown subnet)' });
        });
      }
    }
  }
  return out;
}

/** Scale set IP configurations with the pools and NAT pools they name. */
function vmssBackends(ix: Index, rulesOf: NsgRules): Array<{ backend: Backend; pools: Resource[]; natPools: Resource[] }> {
  const out: Array<{ backend: Backend; pools: Resource[]; natPools: Resource[] }> = [];
  for (const type of AZURE_VMSS_TYPES) {
    for (const ss of ix.byType.get(type) ?? []) {
      const profiles = ss.attributes.network_interface ?? ss.attributes.network_profile;
      const key = ss.attributes.network_interface !== undefined ? 'network_interface' : 'network_profile';
      asList(profiles).forEach((ni, i) => {
        if (!isObject(ni)) return;
        const nsgAt = `${key}[${i}].network_security_group_id`;
        const nsgs = refTargets(ix, ss, nsgAt, 'azurerm_network_security_group');
        const nsgValue = ni.network_security_group_id;
        const nicLevel: Level =
          nsgs.length || nsgValue === undefined || nsgValue === null
            ? nsgLevel(nsgs, 'NIC', ss, rulesOf)
            : { kind: 'unknown', hopKind: 'nsg', resourceId: '(unknown)', why: `${ss.id}.${nsgAt}: NSG not in the scanned configuration` };
        asList(ni.ip_configuration).forEach((cfg, j) => {
          if (!isObject(cfg)) return;
          const at = `${key}[${i}].ip_configuration[${j}]`;
          const { subnet, level: subnetLevel } = subnetLevelOf(ix, ss, at, rulesOf);
          out.push({
            backend: { workload: ss, name: asString(ss.attributes.name) ?? ss.name, holder: ss, at, subnetLevel, nicLevel, toZone: subnet ? `azure:${subnet.id}` : 'azure:(unknown subnet)' },
            pools: refTargets(ix, ss, `${at}.load_balancer_backend_address_pool_ids`, 'azurerm_lb_backend_address_pool'),
            natPools: refTargets(ix, ss, `${at}.load_balancer_inbound_nat_rules_ids`, 'azurerm_lb_nat_pool'),
          });
        });
      });
    }
  }
  return out;
}

/** NIC IP configurations tied to `target` by association resources (`network_interface_id` + `ip_configuration_name`). */
function associated(ix: Index, assocType: string, attr: string, target: Resource, nics: Map<string, Backend>): Backend[] {
  const out: Backend[] = [];
  for (const a of ix.byType.get(assocType) ?? []) {
    if (!refTargets(ix, a, attr).includes(target)) continue;
    const nic = refTargets(ix, a, 'network_interface_id', 'azurerm_network_interface')[0];
    const b = nic ? nics.get(`${nic.id}|${asString(a.attributes.ip_configuration_name) ?? ''}`) : undefined;
    if (b) out.push(b);
  }
  return out;
}

/** The backends behind a pool: NIC associations, IP addresses matched to static NIC addresses, scale sets. */
function poolMembers(ix: Index, pool: Resource, nics: Map<string, Backend>, vmss: ReturnType<typeof vmssBackends>): Backend[] {
  const out: Backend[] = [];
  out.push(...associated(ix, 'azurerm_network_interface_backend_address_pool_association', 'backend_address_pool_id', pool, nics));
  for (const a of ix.byType.get('azurerm_lb_backend_address_pool_address') ?? []) {
    if (!refTargets(ix, a, 'backend_address_pool_id').includes(pool)) continue;
    const ip = asString(a.attributes.ip_address);
    if (ip === undefined) continue;
    for (const b of nics.values()) {
      const cfg = b.holder.attributes.ip_configuration;
      const i = Number(/\[(\d+)\]$/.exec(b.at)?.[1]);
      const c = Array.isArray(cfg) ? cfg[i] : undefined;
      if (isObject(c) && c.private_ip_address === ip) out.push(b);
    }
  }
  for (const v of vmss) if (v.pools.includes(pool)) out.push(v.backend);
  return [...new Set(out)];
}

function natRuleMembers(ix: Index, rule: Resource, nics: Map<string, Backend>, vmss: ReturnType<typeof vmssBackends>): Backend[] {
  const out: Backend[] = [];
  out.push(...associated(ix, 'azurerm_network_interface_nat_rule_association', 'nat_rule_id', rule, nics));
  // NAT rule version 2: a frontend port range over the members of a backend pool
  for (const pool of refTargets(ix, rule, 'backend_address_pool_id', 'azurerm_lb_backend_address_pool')) out.push(...poolMembers(ix, pool, nics, vmss));
  return [...new Set(out)];
}

export function loadBalancerFlows(ix: Index, vmTypes: readonly string[], rulesOf: NsgRules): Flow[] {
  const rules = ix.byType.get('azurerm_lb_rule') ?? [];
  const natRules = ix.byType.get('azurerm_lb_nat_rule') ?? [];
  const natPools = ix.byType.get('azurerm_lb_nat_pool') ?? [];
  if (rules.length + natRules.length + natPools.length === 0) return [];
  const nics = nicBackends(ix, vmTypes, rulesOf);
  const vmss = vmssBackends(ix, rulesOf);
  const out: Flow[] = [];
  const entries: Array<{ entry: Entry; members: Backend[]; poolsUnknown: string | undefined }> = [];
  for (const r of rules) {
    const pools = refTargets(ix, r, 'backend_address_pool_ids', 'azurerm_lb_backend_address_pool');
    pools.push(...refTargets(ix, r, 'backend_address_pool_id', 'azurerm_lb_backend_address_pool'));
    const given = r.attributes.backend_address_pool_ids ?? r.attributes.backend_address_pool_id;
    const unresolved = pools.length === 0 && given !== undefined && given !== null && !(Array.isArray(given) && given.length === 0) ? `${r.id}.backend_address_pool_ids: pool not in the scanned configuration` : undefined;
    entries.push({ entry: entryOf(ix, r, 'rule'), members: [...new Set(pools.flatMap((p) => poolMembers(ix, p, nics, vmss)))], poolsUnknown: unresolved });
  }
  for (const r of natRules) entries.push({ entry: entryOf(ix, r, 'nat-rule'), members: natRuleMembers(ix, r, nics, vmss), poolsUnknown: undefined });
  for (const r of natPools) entries.push({ entry: entryOf(ix, r, 'nat-pool'), members: vmss.filter((v) => v.natPools.includes(r)).map((v) => v.backend), poolsUnknown: undefined });

  for (const { entry, members, poolsUnknown } of entries) {
    const fe = frontendOf(ix, entry);
    const lbId = entry.lb?.id ?? entry.resource.id;
    const ruleHop = hop('load-balancer', lbId, [ruleRef(entry.resource, undefined, entry.summary)], `${skuOf(entry.lb) === 'standard' ? 'Standard' : skuOf(entry.lb) === 'basic' ? 'Basic' : 'unknown'} SKU; client addresses preserved`);
    if (poolsUnknown) {
      out.push({ endpointId: lbId, workloadId: lbId, from: 'internet', fromZone: 'internet', toZone: 'azure:(unknown subnet)', toName: entry.lb ? (asString(entry.lb.attributes.name) ?? entry.lb.name) : entry.resource.name, protocol: entry.protocols.length === 2 ? 'all' : entry.protocols[0]!, ports: entry.backend ?? { from: 0, to: 65535 }, verdict: fe.verdict === 'internal' ? 'not-exposed' : 'unknown', path: [INTERNET_HOP, fe.hop, ruleHop], ...(fe.verdict === 'internal' ? { blockedBy: 'no-public-address' as const } : { unknowns: [poolsUnknown, ...fe.unknowns] }) });
      continue;
    }
    for (const m of members) out.push(...backendFlows(entry, fe, ruleHop, m, lbId));
  }
  return out;
}

function backendFlows(entry: Entry, fe: Frontend, ruleHop: Hop, m: Backend, lbId: string): Flow[] {
  const base = { endpointId: lbId, workloadId: m.workload.id, from: 'internet', fromZone: 'internet', toZone: m.toZone, toName: m.name } as const;
  const range = entry.backend ?? { from: 0, to: 65535 };
  if (fe.verdict === 'internal') {
    return [{ ...base, protocol: entry.protocols.length === 2 ? 'all' : entry.protocols[0]!, ports: range, verdict: 'not-exposed', blockedBy: 'no-public-address', path: [INTERNET_HOP, fe.hop, ruleHop] }];
  }
  const unknowns = [...fe.unknowns];
  if (entry.protocolUnknown) unknowns.push(`${entry.resource.id}.protocol`);
  if (entry.backend === undefined) unknowns.push(`${entry.resource.id}.backend_port`);
  const sku = skuOf(entry.lb);
  const holderHop = hop(m.holder === m.workload ? 'vmss' : 'nic', m.holder.id, [ruleRef(m.holder, m.at, `${m.holder.id} ${m.at}`)]);
  const out: Flow[] = [];
  const noNsg = m.subnetLevel.kind === 'none' && m.nicLevel.kind === 'none';
  for (const transport of entry.protocols) {
    if (noNsg && sku !== 'basic') {
      // Standard SKU: closed to inbound flows unless an NSG allows them
      const note = sku === 'standard' ? 'Standard SKU load balancer and no NSG on the subnet or NIC: inbound flows are closed' : `${entry.lb?.id ?? '?'}.sku unresolved: Standard would close inbound flows without an NSG, Basic would not`;
      const f: Flow = { ...base, protocol: transport, ports: range, verdict: sku === 'standard' ? 'not-exposed' : 'unknown', path: [INTERNET_HOP, fe.hop, ruleHop, hop('nsg', '(none)', [], note)] };
      if (sku === 'standard') f.blockedBy = 'nsg';
      else f.unknowns = [...unknowns, note];
      out.push(f);
      continue;
    }
    for (const s of evaluateLevels([m.subnetLevel, m.nicLevel], transport, PUBLIC, unknowns)) {
      const from = Math.max(s.range.from, range.from);
      const to = Math.min(s.range.to, range.to);
      if (from > to) continue;
      const verdict = s.verdict === 'exposed' && unknowns.length ? 'unknown' : s.verdict;
      const f: Flow = { ...base, protocol: transport, ports: { from, to }, verdict, path: [INTERNET_HOP, fe.hop, ruleHop, ...s.path] };
      if (s.verdict === 'not-exposed') f.blockedBy = s.blockedBy ?? 'nsg';
      else f.path.push(...(m.holder === m.workload ? [holderHop] : [holderHop, hop('vm', m.workload.id)]));
      if (verdict === 'unknown') f.unknowns = [...new Set([...unknowns, ...s.unknowns])];
      const admitted = s.verdict === 'exposed' ? s.min : s.max;
      if (s.verdict !== 'not-exposed' && !equals(intersect(admitted, PUBLIC), PUBLIC)) f.fromRanges = toCidrs(intersect(admitted, PUBLIC));
      out.push(f);
    }
  }
  return out;
}

/**
 * Scale set instances with their own public IPs (`ip_configuration.public_ip_address` blocks):
 * like a VM's NIC, through the subnet NSG then the network profile's NSG.
 */
export function scaleSetFlows(ix: Index, rulesOf: NsgRules): Flow[] {
  const out: Flow[] = [];
  for (const { backend: m } of vmssBackends(ix, rulesOf)) {
    const cfg = getPath(m.holder.attributes, m.at);
    const pip = isObject(cfg) ? cfg.public_ip_address : undefined;
    const base = { endpointId: m.workload.id, workloadId: m.workload.id, from: 'internet', fromZone: 'internet', toZone: m.toZone, toName: m.name } as const;
    const cfgHop = hop('vmss', m.workload.id, [ruleRef(m.holder, m.at, `${m.at}${Array.isArray(pip) && pip.length ? ': public_ip_address' : ' has no public_ip_address'}`)]);
    if (pip === undefined || pip === null || (Array.isArray(pip) && pip.length === 0)) {
      out.push({ ...base, protocol: 'all', ports: { from: 0, to: 65535 }, verdict: 'not-exposed', blockedBy: 'no-public-address', path: [INTERNET_HOP, cfgHop] });
      continue;
    }
    const unknowns = isUnknown(pip) ? [`${m.workload.id}.${m.at}.public_ip_address (${pip.toString()})`] : [];
    for (const transport of ['tcp', 'udp'] as const) {
      for (const s of evaluateLevels([m.subnetLevel, m.nicLevel], transport, PUBLIC, unknowns)) {
        const verdict = s.verdict === 'exposed' && unknowns.length ? 'unknown' : s.verdict;
        const f: Flow = { ...base, protocol: transport, ports: { from: s.range.from, to: s.range.to }, verdict, path: [INTERNET_HOP, cfgHop, ...s.path] };
        if (s.verdict === 'not-exposed') f.blockedBy = s.blockedBy ?? 'nsg';
        if (verdict === 'unknown') f.unknowns = s.unknowns;
        const admitted = s.verdict === 'exposed' ? s.min : s.max;
        if (s.verdict !== 'not-exposed' && !equals(intersect(admitted, PUBLIC), PUBLIC)) f.fromRanges = toCidrs(intersect(admitted, PUBLIC));
        out.push(f);
      }
    }
  }
  return out;
}
