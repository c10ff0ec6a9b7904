/**
 * GCP reachability from the internet to Compute Engine instances (Terraform google provider and plans).
 *
 * An instance is reachable on (protocol, port) from an internet address when a network interface
 * has an external address (`access_config` for IPv4, `ipv6_access_config` for IPv6) and the VPC
 * firewall of that interface's network admits the address: of the ingress rules that apply to the
 * instance (no targets: every instance; `target_tags`: an instance with one of the tags;
 * `target_service_accounts`: an instance running as one of them), the one with the lowest priority
 * number that matches decides, a deny beating an allow of the same priority; nothing matching
 * meets the implied "deny all ingress" (priority 65535). An ingress rule without any source
 * admits 0.0.0.0/0, as the API does; `source_tags` and `source_service_accounts` match only
 * internal addresses. Unknown inputs bound the answer from both sides (`common/ordered.ts`).
 */
import { asList, asString, getPath, isObject, isUnknown, type PortRange, type Resource, type Unknown, type Value } from '../../../model/index.js';
import type { Hop } from '../types.js';
import { EMPTY, EVERYTHING, PRIVATE, PUBLIC, PUBLIC_V4, PUBLIC_V6, equals, fromCidrs, intersect, isEmpty, subtract, toCidrs, union, type AddrSet } from '../common/addr.js';
import { INTERNET_HOP, hop, ruleRef, type Flow, type FlowEngine } from '../common/flow.js';
import { evaluateLevels } from '../common/levels.js';
import type { OrderedRule } from '../common/ordered.js';
import { lastSegment, strings, type Tri } from './values.js';
import { buildPolicyIndex, policyTiers, type Direction, type PolicyRule, type PolicyTier, type PolicyTiers } from './policies.js';
import { evaluateTiers, type Tier } from './tiers.js';
import { formatRange } from '../common/ports.js';

interface Ix {
  byId: Map<string, Resource>;
  firewalls: Resource[];
  instances: Resource[];
}

/** A network's identity: its name when known, else the model id of the network resource; undefined when unknown. */
function networkKey(ix: Ix, r: Resource, path: string, fallbackDefault: boolean): string | undefined {
  const ref = r.references.find((x) => x.attribute === path);
  const target = ref ? ix.byId.get(ref.target) : undefined;
  if (target?.type === 'google_compute_network') {
    const name = asString(target.attributes.name);
    return name !== undefined ? `name:${name}` : `id:${target.id}`;
  }
  if (target?.type === 'google_compute_subnetwork') {
    return networkKey(ix, target, 'network', false);
  }
  const v = getPath(r.attributes, path);
  if (typeof v === 'string' && v.trim() !== '') return `name:${lastSegment(v)}`;
  if (v === undefined || v === null) return fallbackDefault ? 'name:default' : undefined;
  return undefined;
}

function networkLabel(key: string | undefined): string {
  return key === undefined ? '(unknown network)' : key.replace(/^(name|id):/, '');
}

/** Does a firewall's target apply to the instance? */
function targets(fw: Resource, tags: string[] | undefined, serviceAccounts: string[] | undefined): Tri {
  const tt = fw.attributes.target_tags;
  const ts = fw.attributes.target_service_accounts;
  const tagList = strings(tt);
  const saList = strings(ts);
  if (tagList === undefined || saList === undefined) return 'unknown';
  if (tagList.length === 0 && saList.length === 0) return 'yes';
  if (tagList.length) {
    if (tags === undefined) return 'unknown';
    return tagList.some((t) => tags.includes(t)) ? 'yes' : 'no';
  }
  if (serviceAccounts === undefined) return 'unknown';
  return saList.some((s) => serviceAccounts.includes(s)) ? 'yes' : 'no';
}

function fwSources(fw: Resource): { set: AddrSet; unknown: string[] } {
  const a = fw.attributes;
  const ranges = a.source_ranges;
  const hasTags = Array.isArray(a.source_tags) ? a.source_tags.length > 0 : a.source_tags !== undefined && a.source_tags !== null;
  const hasSas = Array.isArray(a.source_service_accounts) ? a.source_service_accounts.length > 0 : a.source_service_accounts !== undefined && a.source_service_accounts !== null;
  if (isUnknown(ranges)) return { set: EMPTY, unknown: [`${fw.id}.source_ranges (${ranges.toString()})`] };
  const list = asList(ranges);
  const unknown = list.filter(isUnknown).map((u) => `${fw.id}.source_ranges (${u.toString()})`);
  const cidrs = list.filter((x): x is string => typeof x === 'string');
  if (list.length === 0 && !hasTags && !hasSas) return { set: EVERYTHING, unknown: [] };
  return { set: fromCidrs(cidrs), unknown };
}

function firewallRules(fw: Resource, applies: Tri, src: { set: AddrSet; unknown: string[] } = fwSources(fw), direction: 'ingress' | 'egress' = 'ingress'): OrderedRule[] {
  const name = asString(fw.attributes.name) ?? fw.name;
  const out: OrderedRule[] = [];
  for (const rule of fw.network ?? []) {
    if (rule.direction !== direction) continue;
    const unknowns = [...src.unknown];
    const protocol = isUnknown(rule.protocol) ? undefined : rule.protocol;
    if (protocol === undefined) unknowns.push(`${fw.id}.${rule.attributePath}.protocol`);
    const ports: PortRange[] | undefined = isUnknown(rule.ports) ? undefined : rule.ports.length ? rule.ports : [{ from: 0, to: 65535 }];
    if (ports === undefined) unknowns.push(`${fw.id}.${rule.attributePath}.ports`);
    const priority = typeof rule.priority === 'number' ? rule.priority : undefined;
    if (priority === undefined) unknowns.push(`${fw.id}.priority`);
    if (rule.disabled) unknowns.push(`${fw.id}.disabled (${rule.disabled.toString()})`);
    if (applies === 'unknown') unknowns.push(`${fw.id}: target tags / service accounts of the rule or the instance`);
    const summary = `${name} priority ${priority ?? '?'} ${rule.action} ${protocol ?? '?'} ${ports ? ports.map(formatRange).join(',') : '?'} ${direction === 'ingress' ? `from ${describeSources(fw)}` : `to ${describeDestinations(fw)}`}`;
    const o: OrderedRule = { action: rule.action, priority, sources: src.set, sourcesUnknown: src.unknown.length > 0, protocol, ports, ref: ruleRef(fw, rule.attributePath, summary) };
    if (rule.disabled || applies === 'unknown') o.maybeDisabled = true;
    if (unknowns.length) o.unknowns = unknowns;
    out.push(o);
  }
  return out;
}

function describeSources(fw: Resource): string {
  const a = fw.attributes;
  const parts: string[] = [];
  for (const k of ['source_ranges', 'source_tags', 'source_service_accounts']) {
    const v = a[k];
    if (isUnknown(v)) parts.push(`${k} ${v.toString()}`);
    else {
      const list = asList(v).map((x) => (isUnknown(x) ? x.toString() : String(x)));
      if (list.length) parts.push(k === 'source_ranges' ? list.join(',') : `${k.replace('source_', '')} ${list.join(',')}`);
    }
  }
  return parts.join(' or ') || '0.0.0.0/0 (no source given)';
}

function describeDestinations(fw: Resource): string {
  const v = fw.attributes.destination_ranges;
  if (isUnknown(v)) return v.toString();
  const list = asList(v).map((x) => (isUnknown(x) ? x.toString() : String(x)));
  return list.join(',') || '0.0.0.0/0 (no destination given)';
}

const IMPLIED_DENY = (id: string): OrderedRule => ({
  action: 'deny',
  priority: 65535,
  sources: EVERYTHING,
  sourcesUnknown: false,
  protocol: 'all',
  ports: [{ from: 0, to: 65535 }],
  ref: { resourceId: id, attributePath: 'implied deny ingress', summary: 'implied rule: deny all ingress (priority 65535)' },
});

interface Nic {
  inst: Resource;
  name: string;
  at: string;
  nic: Record<string, Value>;
  key: string | undefined;
  tags: string[] | undefined;
  sas: string[] | undefined;
  zone: string;
  /** the interface's internal address range: its subnetwork's range, a literal network_ip; undefined when unknown */
  internal: AddrSet | undefined;
}

function internalRange(ix: Ix, inst: Resource, at: string, nic: Record<string, Value>): AddrSet | undefined {
  const ip = nic.network_ip;
  if (typeof ip === 'string' && ip.trim() !== '') {
    const set = fromCidrs([ip]);
    if (set.length) return set;
  }
  const ref = inst.references.find((x) => x.attribute === `${at}.subnetwork`);
  const sub = ref ? ix.byId.get(ref.target) : undefined;
  const cidr = sub?.type === 'google_compute_subnetwork' ? sub.attributes.ip_cidr_range : undefined;
  if (typeof cidr === 'string') {
    const set = fromCidrs([cidr]);
    if (set.length) return set;
  }
  return undefined;
}

function nicsOf(ix: Ix): Nic[] {
  const out: Nic[] = [];
  for (const inst of ix.instances) {
    const a = inst.attributes;
    const name = asString(a.name) ?? inst.name;
    const tags = strings(a.tags);
    const sas = isUnknown(a.service_account) ? undefined : asList(a.service_account).flatMap((s) => (isObject(s) ? [s.email] : []));
    const saList = sas === undefined || sas.some((e) => isUnknown(e)) ? undefined : sas.filter((e): e is string => typeof e === 'string');
    const nics = Array.isArray(a.network_interface) ? a.network_interface : isUnknown(a.network_interface) ? [{ network: a.network_interface, access_config: a.network_interface }] : [];
    nics.forEach((nic, i) => {
      if (!isObject(nic)) return;
      const at = `network_interface[${i}]`;
      const key = nic.network === undefined && nic.subnetwork !== undefined ? networkKey(ix, inst, `${at}.subnetwork`, false) : networkKey(ix, inst, `${at}.network`, true);
      const zone = `gcp:${networkLabel(key)}${tags?.length ? `#${[...tags].sort().join(',')}` : ''}`;
      out.push({ inst, name, at, nic, key, tags, sas: saList, zone, internal: internalRange(ix, inst, at, nic) });
    });
  }
  return out;
}

function sameNetwork(a: string | undefined, b: string | undefined): Tri {
  return a === undefined || b === undefined ? 'unknown' : a === b ? 'yes' : 'no';
}

/** The firewall rules of a NIC's network that apply to its instance, with `source` telling the sources each admits. */
function rulesFor(fwNetworks: Array<{ fw: Resource; key: string | undefined }>, n: Nic, direction: 'ingress' | 'egress', source: (fw: Resource) => { set: AddrSet; unknown: string[] }): OrderedRule[] {
  const rules: OrderedRule[] = [];
  for (const { fw, key: fwKey } of fwNetworks) {
    const same = sameNetwork(n.key, fwKey);
    if (same === 'no') continue;
    const dir = fw.attributes.direction === undefined || fw.attributes.direction === null ? 'INGRESS' : asString(fw.attributes.direction)?.toUpperCase();
    if (dir !== direction.toUpperCase()) continue;
    const t = targets(fw, n.tags, n.sas);
    if (t === 'no') continue;
    const applies: Tri = same === 'unknown' || t === 'unknown' ? 'unknown' : 'yes';
    const list = firewallRules(fw, applies, source(fw), direction);
    if (same === 'unknown') for (const r of list) r.unknowns = [...(r.unknowns ?? []), `${fw.id}.network or ${n.inst.id}.${n.at}.network`];
    rules.push(...list);
  }
  return rules;
}

const rangeCache = new WeakMap<Value[] | Unknown, AddrSet | string>();

/** A firewall's range list as an address set (parsed once per list), or why it is unknown. */
function rangeSet(v: Value | undefined, what: string): AddrSet | string {
  if (isUnknown(v)) return `${what} (${v.toString()})`;
  const key = Array.isArray(v) ? v : undefined;
  const hit = key ? rangeCache.get(key) : undefined;
  if (hit !== undefined) return hit;
  const list = asList(v);
  const out = list.some(isUnknown) ? `${what} (unresolved element)` : fromCidrs(list.filter((x): x is string => typeof x === 'string'));
  if (key) rangeCache.set(key, out);
  return out;
}

/** Does a list of ranges hold an instance's internal address? */
function rangesHold(v: Value | undefined, internal: AddrSet | undefined, what: string): Tri | string {
  const set = rangeSet(v, what);
  if (typeof set === 'string') return set;
  if (internal) return isEmpty(subtract(internal, set)) ? 'yes' : isEmpty(intersect(internal, set)) ? 'no' : 'unknown';
  if (equals(set, EVERYTHING) || isEmpty(subtract(PRIVATE, set))) return 'yes';
  return isEmpty(intersect(set, PRIVATE)) ? 'no' : 'unknown';
}

function triSource(t: Tri | string): { set: AddrSet; unknown: string[] } {
  if (t === 'yes') return { set: EVERYTHING, unknown: [] };
  if (t === 'no') return { set: EMPTY, unknown: [] };
  return { set: EMPTY, unknown: [t === 'unknown' ? 'internal address of the instance' : t] };
}

/** Does an ingress rule admit traffic from instance `a` (internal address)? */
function admitsInstance(fw: Resource, a: Nic): { set: AddrSet; unknown: string[] } {
  const at = fw.attributes;
  const has = (k: string) => (Array.isArray(at[k]) ? (at[k] as Value[]).length > 0 : at[k] !== undefined && at[k] !== null);
  if (!has('source_ranges') && !has('source_tags') && !has('source_service_accounts')) return triSource('yes');
  const parts: Array<Tri | string> = [];
  if (has('source_ranges')) parts.push(rangesHold(at.source_ranges, a.internal, `${fw.id}.source_ranges`));
  if (has('source_tags')) {
    const tags = strings(at.source_tags);
    parts.push(tags === undefined ? `${fw.id}.source_tags` : a.tags === undefined ? "tags of the source instance" : tags.some((t) => a.tags!.includes(t)) ? 'yes' : 'no');
  }
  if (has('source_service_accounts')) {
    const sas = strings(at.source_service_accounts);
    parts.push(sas === undefined ? `${fw.id}.source_service_accounts` : a.sas === undefined ? "service account of the source instance" : sas.some((t) => a.sas!.includes(t)) ? 'yes' : 'no');
  }
  if (parts.includes('yes')) return triSource('yes');
  const open = parts.find((p) => p !== 'no');
  return triSource(open ?? 'no');
}

/** Does an egress rule carry traffic to instance `b`? */
function reachesInstance(fw: Resource, b: Nic): { set: AddrSet; unknown: string[] } {
  const v = fw.attributes.destination_ranges;
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return triSource('yes');
  return triSource(rangesHold(v, b.internal, `${fw.id}.destination_ranges`));
}

const IMPLIED_ALLOW_EGRESS = (id: string): OrderedRule => ({
  action: 'allow',
  priority: 65535,
  sources: EVERYTHING,
  sourcesUnknown: false,
  protocol: 'all',
  ports: [{ from: 0, to: 65535 }],
  ref: { resourceId: id, attributePath: 'implied allow egress', summary: 'implied rule: allow all egress (priority 65535)' },
});

export function gcpFlows(resources: readonly Resource[]): Flow[] {
  const ix: Ix = { byId: new Map(resources.map((r) => [r.id, r])), firewalls: [], instances: [] };
  for (const r of resources) {
    if (r.type === 'google_compute_firewall') ix.firewalls.push(r);
    else if (r.type === 'google_compute_instance') ix.instances.push(r);
  }
  const fwNetworks = ix.firewalls.map((fw) => ({ fw, key: networkKey(ix, fw, 'network', false) }));
  const nics = nicsOf(ix);
  const pix = buildPolicyIndex(resources, ix.byId, (r, path) => networkKey(ix, r, path, false));
  const policyCache = { INGRESS: new Map<Nic, PolicyTiers | undefined>(), EGRESS: new Map<Nic, PolicyTiers | undefined>() };
  const policiesOf = (n: Nic, direction: Direction = 'INGRESS') => {
    if (!pix) return undefined;
    const cache = policyCache[direction];
    if (!cache.has(n)) {
      const tiers = policyTiers(pix, n, direction);
      // policies without egress rules leave the source's side to the VPC rules (a shorter path, no chain to evaluate)
      const empty = direction === 'EGRESS' && tiers !== undefined && [...tiers.hierarchical, ...tiers.network].every((t) => t.rules.length === 0);
      cache.set(n, empty ? undefined : tiers);
    }
    return cache.get(n);
  };
  const out: Flow[] = [];
  for (const n of nics) {
    const { inst, nic, at, name, key } = n;
    const base = { endpointId: inst.id, workloadId: inst.id, from: 'internet', fromZone: 'internet', toZone: n.zone, toName: name } as const;
    const unknowns: string[] = [];
    let space: AddrSet = EMPTY;
    const addressHops: Hop[] = [];
    for (const [v, pub, label] of [[nic.access_config, PUBLIC_V4, 'access_config'], [nic.ipv6_access_config, PUBLIC_V6, 'ipv6_access_config']] as const) {
      if (isUnknown(v)) {
        unknowns.push(`${inst.id}.${at}.${label} (${v.toString()})`);
        space = union(space, pub);
        addressHops.push(hop('external-ip', `${inst.id}.${at}.${label}`, [ruleRef(inst, `${at}.${label}`, `${label} unresolved`)], 'unresolved'));
      } else if (Array.isArray(v) && v.length > 0) {
        space = union(space, pub);
        addressHops.push(hop('external-ip', `${inst.id}.${at}.${label}[0]`, [ruleRef(inst, `${at}.${label}[0]`, `${label}: external ${label === 'access_config' ? 'IPv4' : 'IPv6'} address`)]));
      }
    }
    if (space.length === 0) {
      out.push({ ...base, protocol: 'all', ports: { from: 0, to: 65535 }, verdict: 'not-exposed', blockedBy: 'no-public-address', path: [INTERNET_HOP, hop('instance', inst.id, [ruleRef(inst, at, `${at} has no access_config (no external IP)`)])] });
      continue;
    }
    const netId = `gcp-network:${networkLabel(key)}`;
    const vpcRules = rulesFor(fwNetworks, n, 'ingress', fwSources);
    const policies = policiesOf(n);
    const evaluate = (transport: 'tcp' | 'udp') => {
      if (!policies) return evaluateLevels([{ kind: 'rules', hopKind: 'firewall', resourceId: netId, label: `VPC firewall of ${networkLabel(key)}`, rules: [...vpcRules, IMPLIED_DENY(netId)], blockedBy: 'firewall' }], transport, space, unknowns);
      // hierarchical policies, then the VPC firewall rules and network policies in the network's enforcement order
      const vpc: Tier = { hopKind: 'firewall', resourceId: netId, label: `VPC firewall rules of ${networkLabel(key)}`, rules: vpcRules };
      const after = [...policies.hierarchical, vpc, ...policies.network];
      const before = [...policies.hierarchical, ...policies.network, vpc];
      const orders = policies.order === 'AFTER_CLASSIC_FIREWALL' ? [after] : policies.order === 'BEFORE_CLASSIC_FIREWALL' ? [before] : [after, before];
      return evaluateTiers(orders, transport, space, IMPLIED_DENY(netId).ref, unknowns);
    };
    for (const transport of ['tcp', 'udp'] as const) {
      for (const s of evaluate(transport)) {
        // an external address we could not resolve makes an open path "unknown", never "exposed"
        const addressKnown = addressHops.some((h) => h.note !== 'unresolved');
        const verdict = s.verdict === 'exposed' && !addressKnown ? 'unknown' : s.verdict;
        const f: Flow = { ...base, protocol: transport, ports: { from: s.range.from, to: s.range.to }, verdict, path: [INTERNET_HOP, ...addressHops, ...s.path] };
        if (s.verdict !== 'not-exposed') f.path.push(hop('instance', inst.id, [ruleRef(inst, at, `${name} ${at}`)]));
        else f.blockedBy = s.blockedBy ?? 'firewall';
        if (verdict === 'unknown') f.unknowns = s.unknowns;
        const admitted = s.verdict === 'exposed' ? s.min : s.max;
        if (s.verdict !== 'not-exposed' && !equals(intersect(admitted, PUBLIC), intersect(space, PUBLIC))) f.fromRanges = toCidrs(intersect(admitted, PUBLIC));
        out.push(f);
      }
    }
  }
  for (const f of eastWest(fwNetworks, nics, policiesOf)) out.push(f);
  return out;
}

/**
 * Instance → instance over internal addresses in one VPC network: the source's egress rules
 * (implied allow at 65535) and the destination's ingress rules (implied deny) must both let it
 * through. Only allowed (or possibly allowed) flows are returned.
 */
/**
 * What a policy rule's peer side says about instance `a` (internal address) — the sources of an
 * ingress rule, the destinations of an egress rule: address ranges, or kinds the model cannot
 * place (unknown).
 */
function policyPeer(r: PolicyRule, a: Nic): { set: AddrSet; unknown: string[] } {
  const parts: Array<Tri | string> = [];
  const given = r.peerRanges;
  if (isUnknown(given) || asList(given).length) parts.push(rangesHold(given, a.internal, r.peerField));
  for (const k of r.peerOther) parts.push(`${r.peerField.slice(0, r.peerField.lastIndexOf('.'))}.${k}`);
  if (parts.includes('yes')) return triSource('yes');
  return triSource(parts.find((p) => p !== 'no') ?? 'no');
}

const sigCache = new WeakMap<PolicyTiers, string>();

/** What the evaluation of a destination's policy tiers depends on besides the peers (which rules, bounded or not, in which order). */
function policySig(pol: PolicyTiers): string {
  let sig = sigCache.get(pol);
  if (sig === undefined) sigCache.set(pol, (sig = JSON.stringify([pol.order, [...pol.hierarchical, ...pol.network].map((t) => [t.resourceId, t.rules.map((r) => [r.ref.summary, r.maybeDisabled ?? false, r.unknowns ?? []])])])));
  return sig;
}

/** The implied egress rule as a last tier: what no list decided leaves the instance. */
const impliedEgressTier = (netId: string): Tier => ({ hopKind: 'firewall', resourceId: netId, label: 'implied egress rule', rules: [{ ...IMPLIED_ALLOW_EGRESS(netId), action: 'allow' }] });

/**
 * The chain of firewall policies and VPC rules on one side of a pair (the destination's ingress,
 * or the source's egress) as one rule list per transport (its verdicts by port segment). Ingress
 * ends at the implied deny, egress at the implied allow (a last tier that allows what is left).
 */
function policyChain(pol: PolicyTiers, vpcRules: OrderedRule[], peer: (r: PolicyRule) => { set: AddrSet; unknown: string[] }, netId: string, transport: 'tcp' | 'udp', extra: string[], direction: Direction): OrderedRule[] {
  const resolve = (t: PolicyTier): Tier => ({ ...t, rules: t.rules.map((r) => {
    const p = peer(r);
    return { ...r, sources: p.set, sourcesUnknown: p.unknown.length > 0, ...(p.unknown.length ? { unknowns: [...(r.unknowns ?? []), ...p.unknown] } : {}) };
  }) });
  const vpc: Tier = { hopKind: 'firewall', resourceId: netId, label: 'VPC firewall rules', rules: vpcRules };
  const hier = pol.hierarchical.map(resolve);
  const net = pol.network.map(resolve);
  const tail = direction === 'EGRESS' ? [impliedEgressTier(netId)] : [];
  const after = [...hier, vpc, ...net, ...tail];
  const before = [...hier, ...net, vpc, ...tail];
  const orders = pol.order === 'AFTER_CLASSIC_FIREWALL' ? [after] : pol.order === 'BEFORE_CLASSIC_FIREWALL' ? [before] : [after, before];
  return evaluateTiers(orders, transport, EVERYTHING, IMPLIED_DENY(netId).ref, extra).flatMap((s): OrderedRule[] => {
    if (s.verdict === 'not-exposed') return [];
    const decided = [...s.path].reverse().find((h) => h.rules.length > 0);
    const ref = decided ? { resourceId: decided.resourceId, summary: decided.note ?? decided.resourceId, ...(decided.rules[0]?.location ? { location: decided.rules[0].location } : {}) } : { resourceId: netId, summary: 'firewall policies and VPC firewall rules' };
    return [{ action: 'allow', priority: 0, sources: s.verdict === 'exposed' ? EVERYTHING : EMPTY, sourcesUnknown: s.verdict === 'unknown', protocol: transport, ports: [s.range], ref, ...(s.unknowns.length ? { unknowns: s.unknowns } : {}) }];
  });
}

function eastWest(fwNetworks: Array<{ fw: Resource; key: string | undefined }>, nics: readonly Nic[], policiesOf: (n: Nic, direction?: Direction) => PolicyTiers | undefined = () => undefined): Flow[] {
  const out: Flow[] = [];
  // the rules that apply to each NIC, built once with placeholder peers; the peers are set per pair
  const applying = new Map<Nic, { ingress: Array<{ fw: Resource; rules: OrderedRule[] }>; egress: Array<{ fw: Resource; rules: OrderedRule[] }> }>();
  const none = () => ({ set: EMPTY, unknown: [] });
  for (const n of nics) {
    const split = (direction: 'ingress' | 'egress') =>
      fwNetworks.flatMap(({ fw }) => {
        const rules = rulesFor([fwNetworks.find((x) => x.fw === fw)!], n, direction, none);
        return rules.length ? [{ fw, rules }] : [];
      });
    applying.set(n, { ingress: split('ingress'), egress: split('egress') });
  }
  // the peers of each applying firewall for this pair: matched (y), not (n) or unknown (u); the evaluation depends on nothing else
  const peersFor = (list: Array<{ fw: Resource; rules: OrderedRule[] }>, peer: (fw: Resource) => { set: AddrSet; unknown: string[] }) => {
    const states = list.map(({ fw, rules }) => ({ fw, rules, p: peer(fw) }));
    const key = states.map(({ fw, p }) => `${fw.id}:${p.unknown.length ? `u${p.unknown.join(',')}` : isEmpty(p.set) ? 'n' : 'y'}`).join(';');
    return { key, rules: () => states.flatMap(({ rules, p }) => rules.map((r) => ({ ...r, sources: p.set, sourcesUnknown: p.unknown.length > 0, ...(p.unknown.length ? { unknowns: [...(r.unknowns ?? []), ...p.unknown] } : {}) }))) };
  };
  const memo = new Map<string, Array<{ transport: 'tcp' | 'udp'; seg: ReturnType<typeof evaluateLevels>[number] }>>();
  // firewall policies: what each policy rule's sources say about a source instance, the per-source key
  // of a destination's policies, and the ingress chain per key (pairs share them)
  const peerCache = new Map<Nic, Map<string, { set: AddrSet; unknown: string[] }>>();
  const peerOf = (a: Nic) => (r: PolicyRule) => {
    let m = peerCache.get(a);
    if (!m) peerCache.set(a, (m = new Map()));
    let hit = m.get(r.key);
    if (!hit) m.set(r.key, (hit = policyPeer(r, a)));
    return hit;
  };
  const keyCache = new Map<Nic, Map<string, string>>();
  const policyKey = (a: Nic, pol: PolicyTiers, sig: string): string => {
    let m = keyCache.get(a);
    if (!m) keyCache.set(a, (m = new Map()));
    let hit = m.get(sig);
    if (hit === undefined) {
      const peer = peerOf(a);
      m.set(sig, (hit = [...pol.hierarchical, ...pol.network].flatMap((t) => t.rules.map((r) => { const p = peer(r); return p.unknown.length ? 'u' : isEmpty(p.set) ? 'n' : 'y'; })).join('')));
    }
    return hit;
  };
  // the chain of one side per (policies, peer key, VPC rules' peer key): `peer` is the other end of the pair
  const chainCache = new Map<string, OrderedRule[]>();
  const chainOf = (direction: Direction, pol: PolicyTiers, sig: string, polKey: string, vpc: { key: string; rules: () => OrderedRule[] }, peer: Nic, netId: string, transport: 'tcp' | 'udp', extra: string[]): OrderedRule[] => {
    const k = `${direction}|${netId}|${sig}|${polKey}|${vpc.key}|${transport}|${extra.length}`;
    let hit = chainCache.get(k);
    if (!hit) chainCache.set(k, (hit = policyChain(pol, vpc.rules(), peerOf(peer), netId, transport, extra, direction)));
    return hit;
  };
  for (const a of nics) {
    for (const b of nics) {
      if (a.inst === b.inst || sameNetwork(a.key, b.key) === 'no') continue;
      const netId = `gcp-network:${networkLabel(b.key)}`;
      const extra = sameNetwork(a.key, b.key) === 'unknown' ? [`network of ${a.inst.id} or ${b.inst.id}`] : [];
      const eg = peersFor(applying.get(a)!.egress, (fw) => reachesInstance(fw, b));
      const ing = peersFor(applying.get(b)!.ingress, (fw) => admitsInstance(fw, a));
      const pol = policiesOf(b);
      const sig = pol ? policySig(pol) : '';
      const polKey = pol ? policyKey(a, pol, sig) : '';
      // the source's egress policies, their destinations judged against b
      const polE = policiesOf(a, 'EGRESS');
      const sigE = polE ? policySig(polE) : '';
      const polKeyE = polE ? policyKey(b, polE, sigE) : '';
      const memoKey = `${netId}|${eg.key}|${ing.key}|${extra.length}|${sig}|${polKey}|${sigE}|${polKeyE}`;
      let segs = memo.get(memoKey);
      if (!segs) {
        const egress = [...eg.rules(), IMPLIED_ALLOW_EGRESS(netId)];
        const ingress = [...ing.rules(), IMPLIED_DENY(netId)];
        segs = [];
        for (const transport of ['tcp', 'udp'] as const) {
          const levels = [
            { kind: 'rules' as const, hopKind: 'firewall', resourceId: netId, label: polE ? 'egress of the source (firewall policies and VPC rules)' : 'egress of the source', rules: polE ? chainOf('EGRESS', polE, sigE, polKeyE, eg, b, netId, transport, extra) : egress, blockedBy: 'firewall' as const, opaque: true },
            { kind: 'rules' as const, hopKind: 'firewall', resourceId: netId, label: pol ? 'ingress of the destination (firewall policies and VPC rules)' : 'ingress of the destination', rules: pol ? chainOf('INGRESS', pol, sig, polKey, ing, a, netId, transport, extra) : ingress, blockedBy: 'firewall' as const, opaque: true },
          ];
          for (const seg of evaluateLevels(levels, transport, EVERYTHING, extra)) if (seg.verdict !== 'not-exposed') segs.push({ transport, seg });
        }
        memo.set(memoKey, segs);
      }
      const base = { endpointId: b.inst.id, workloadId: b.inst.id, from: a.inst.id, fromZone: a.zone, toZone: b.zone, fromName: a.name, toName: b.name } as const;
      for (const { transport, seg: s } of segs) {
        const f: Flow = { ...base, protocol: transport, ports: { from: s.range.from, to: s.range.to }, verdict: extra.length && s.verdict === 'exposed' ? 'unknown' : s.verdict, path: s.path }; // shared by the pairs of one evaluation: from/to name the ends
        if (f.verdict === 'unknown') f.unknowns = [...new Set([...extra, ...s.unknowns])];
        out.push(f);
      }
    }
  }
  return out;
}

export const gcpEngine: FlowEngine = { name: 'gcp', flows: gcpFlows };
