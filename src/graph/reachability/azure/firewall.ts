/**
 * Azure Firewall DNAT rules as entry points: internet → the firewall's public IP → a DNAT rule
 * (`azurerm_firewall_nat_rule_collection` rules, or `nat_rule_collection` blocks of an
 * `azurerm_firewall_policy_rule_collection_group` whose policy a firewall uses) → the translated
 * address and port → the VM whose NIC has that static private address.
 *
 * Azure Firewall translates the source too: DNAT'ed traffic reaches the VM from one of the
 * firewall's addresses in AzureFirewallSubnet, so the VM's NSGs are judged for that source (a
 * rule admitting the firewall subnet or the virtual network admits it), while which internet
 * clients get in is the DNAT rule's `source_addresses` (`*` every address; IP groups unknown).
 * Overlapping DNAT rules are each followed (the first by collection priority wins in Azure): an
 * over-approximation, never a missed path. A translated address no VM in the files holds, or a
 * `translated_fqdn`, gives no flow.
 */
import { asList, asString, isObject, isUnknown, type Resource, type Value } from '../../../model/index.js';
import type { Hop } from '../types.js';
import { EMPTY, PUBLIC, equals, fromCidrs, intersect, isEmpty, toCidrs, union, type AddrSet } from '../common/addr.js';
import { INTERNET_HOP, hop, ruleRef, type Flow } from '../common/flow.js';
import type { Segment } from '../common/levels.js';
import { refTargets, type Index } from './model.js';

/** The firewall as the source the backend's NSGs see. */
export interface FirewallSource {
  firewall: Resource;
  subnet: Resource | undefined;
}

/** What the engine answers for one VM: its NSG segments for traffic from the firewall's subnet. */
export type JudgeFromFirewall = (fw: FirewallSource, vm: { nic: Resource; vm: Resource }, transport: 'tcp' | 'udp') => Segment[];

interface NatRule {
  owner: Resource;
  at: string;
  rule: Record<string, Value>;
  firewalls: Resource[];
}

function natRules(ix: Index): NatRule[] {
  const out: NatRule[] = [];
  const firewalls = ix.byType.get('azurerm_firewall') ?? [];
  for (const c of ix.byType.get('azurerm_firewall_nat_rule_collection') ?? []) {
    if (asString(c.attributes.action)?.toLowerCase() !== 'dnat') continue;
    let fws = refTargets(ix, c, 'azure_firewall_name', 'azurerm_firewall');
    if (fws.length === 0) fws = firewalls.filter((f) => typeof c.attributes.azure_firewall_name === 'string' && f.attributes.name === c.attributes.azure_firewall_name);
    asList(c.attributes.rule).forEach((r, i) => {
      if (isObject(r)) out.push({ owner: c, at: `rule[${i}]`, rule: r, firewalls: fws });
    });
  }
  for (const g of ix.byType.get('azurerm_firewall_policy_rule_collection_group') ?? []) {
    const policies = refTargets(ix, g, 'firewall_policy_id', 'azurerm_firewall_policy');
    const fws = firewalls.filter((f) => refTargets(ix, f, 'firewall_policy_id', 'azurerm_firewall_policy').some((p) => policies.includes(p)));
    asList(g.attributes.nat_rule_collection).forEach((c, j) => {
      if (!isObject(c) || asString(c.action)?.toLowerCase() !== 'dnat') return;
      asList(c.rule).forEach((r, i) => {
        if (isObject(r)) out.push({ owner: g, at: `nat_rule_collection[${j}].rule[${i}]`, rule: r, firewalls: fws });
      });
    });
  }
  return out;
}

/** The firewall's public frontend: a public IP on an IP configuration (known, unresolved, or none). */
function frontend(ix: Index, fw: Resource): { hop: Hop; known: boolean; subnet: Resource | undefined } | undefined {
  const configs = asList(fw.attributes.ip_configuration);
  let subnet: Resource | undefined;
  let found: { hop: Hop; known: boolean } | undefined;
  configs.forEach((cfg, i) => {
    if (!isObject(cfg)) return;
    const at = `ip_configuration[${i}]`;
    subnet ??= refTargets(ix, fw, `${at}.subnet_id`, 'azurerm_subnet')[0];
    if (found?.known) return;
    const pip = refTargets(ix, fw, `${at}.public_ip_address_id`, 'azurerm_public_ip')[0];
    const v = cfg.public_ip_address_id;
    if (pip) found = { hop: hop('public-ip', pip.id, [ruleRef(fw, at, `firewall public IP ${pip.id}`)]), known: true };
    else if (typeof v === 'string' && v.trim() !== '') found = { hop: hop('public-ip', v, [ruleRef(fw, at, `firewall public IP ${v}`)]), known: true };
    else if (isUnknown(v)) found = { hop: hop('public-ip', v.toString(), [ruleRef(fw, at, `firewall public IP ${v.toString()}`)], 'unresolved'), known: false };
  });
  return found ? { ...found, subnet } : undefined;
}

function sourcesOf(rule: Record<string, Value>): { set: AddrSet; unknown: string[] } {
  const unknown: string[] = [];
  let set: AddrSet = EMPTY;
  const src = rule.source_addresses;
  if (isUnknown(src)) unknown.push('source_addresses');
  else
    for (const s of asList(src)) {
      if (s === '*') set = union(set, PUBLIC);
      else if (typeof s === 'string') set = union(set, intersect(fromCidrs([s.includes('/') || s.includes(':') ? s : `${s}/32`]), PUBLIC));
      else unknown.push('source_addresses element');
    }
  if (isUnknown(rule.source_ip_groups) || asList(rule.source_ip_groups).length) unknown.push('source_ip_groups (IP groups are not resolved)');
  return { set, unknown };
}

const num = (v: Value | undefined): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : undefined);

export function firewallDnatFlows(ix: Index, vms: Array<{ nic: Resource; vm: Resource; name: string; zone: string }>, judge: JudgeFromFirewall): Flow[] {
  const out: Flow[] = [];
  for (const n of natRules(ix)) {
    const addr = asString(n.rule.translated_address);
    const port = num(n.rule.translated_port);
    if (addr === undefined) continue;
    const targets = vms.filter(({ nic }) => asList(nic.attributes.ip_configuration).some((c) => isObject(c) && c.private_ip_address === addr));
    const protos = asList(n.rule.protocols).map((p) => asString(p)?.toLowerCase());
    const transports = (['tcp', 'udp'] as const).filter((t) => protos.length === 0 || protos.includes(t) || protos.includes('any'));
    const src = sourcesOf(n.rule);
    const name = asString(n.rule.name) ?? n.at;
    const summary = `DNAT rule ${name}: ${protos.join(',') || '?'} ${asList(n.rule.destination_ports).map(String).join(',') || '?'} from ${asList(n.rule.source_addresses).map(String).join(',') || '(none)'} → ${addr}:${port ?? '?'}`;
    for (const fw of n.firewalls) {
      const fe = frontend(ix, fw);
      if (!fe) continue;
      const dnatHop = hop('firewall', fw.id, [ruleRef(n.owner, n.at, summary)], 'Azure Firewall DNAT: the source becomes a firewall address in AzureFirewallSubnet');
      for (const t of targets) {
        for (const transport of transports) {
          const range = port === undefined ? { from: 0, to: 65535 } : { from: port, to: port };
          for (const s of judge({ firewall: fw, subnet: fe.subnet }, t, transport)) {
            const from = Math.max(s.range.from, range.from);
            const to = Math.min(s.range.to, range.to);
            if (from > to) continue;
            const unknowns = [...s.unknowns, ...src.unknown.map((u) => `${n.owner.id}.${n.at}.${u}`)];
            if (!fe.known) unknowns.push(`${fw.id} public IP (unresolved)`);
            if (port === undefined) unknowns.push(`${n.owner.id}.${n.at}.translated_port`);
            const noSources = isEmpty(src.set) && src.unknown.length === 0;
            let verdict = noSources ? 'not-exposed' : s.verdict;
            if (verdict === 'exposed' && (isEmpty(src.set) || unknowns.length)) verdict = 'unknown';
            const f: Flow = { endpointId: fw.id, workloadId: t.vm.id, from: 'internet', fromZone: 'internet', toZone: t.zone, toName: t.name, protocol: transport, ports: { from, to }, verdict, path: [INTERNET_HOP, fe.hop, dnatHop, ...s.path] };
            if (verdict === 'not-exposed') f.blockedBy = noSources ? 'firewall' : (s.blockedBy ?? 'nsg');
            else f.path.push(hop('nic', t.nic.id), hop('vm', t.vm.id));
            if (noSources) f.path = [INTERNET_HOP, fe.hop, hop('firewall', fw.id, [ruleRef(n.owner, n.at, summary)], 'the DNAT rule admits no internet address')];
            if (verdict === 'unknown') f.unknowns = [...new Set(unknowns)];
            if (verdict !== 'not-exposed' && !isEmpty(src.set) && !equals(src.set, PUBLIC)) f.fromRanges = toCidrs(src.set);
            out.push(f);
          }
        }
      }
    }
  }
  return out;
}
