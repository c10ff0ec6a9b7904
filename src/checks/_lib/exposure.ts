import { asString, isUnknown, portInRanges, isInternetPeer, type NetworkRule, type Peer, type Resource, type Value } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { coversAllPorts } from '../../model/normalize/network/ports.js';

/** Three-valued answer: a check reports "yes" as fail, "unknown" as unknown, and stays silent on "no". */
export type Tri = 'yes' | 'no' | 'unknown';

/** True for "anyone": 0.0.0.0/0, ::/0, any /0 block, and the service tags "*", "Internet", "Any". */
export function isInternet(peer: Peer): boolean {
  if (isInternetPeer(peer)) return true;
  // any "/0" block, also when written loosely ("<nw>/0", "/0") and read as a service tag
  if (peer.kind === 'cidr') return /\/0$/.test(peer.cidr.trim());
  if (peer.kind === 'service-tag') return /\/0$/.test(peer.tag.trim());
  return false;
}

/** VPC and subnet CIDR attributes: AWS allows /16–/28 (IPv4) and /44–/64 (IPv6) there, never /0. */
const NETWORK_CIDR_REFERENCE = /^(data\.)?aws_(default_)?(vpc|subnet)\.[\w-]+(\[[^\]]*\])?(\[\*\])?\.(cidr_block|ipv6_cidr_block)$/;
/** A template whose text ends in a literal prefix length of at least 1, e.g. "${aws_instance.x.private_ip}/32". */
const LITERAL_PREFIX = /\/([1-9]\d{0,2})"?\s*$/;

/**
 * True when an unresolved peer still cannot be "anyone": its source
 * expression is a VPC/subnet CIDR attribute or ends in a fixed non-zero
 * prefix length. Anything else stays unknown.
 */
export function unknownPeerIsBounded(peer: Peer): boolean {
  if (peer.kind !== 'unknown') return false;
  const expr = peer.value.expression?.trim();
  if (!expr) return false;
  return NETWORK_CIDR_REFERENCE.test(expr) || LITERAL_PREFIX.test(expr);
}

/** Does the rule admit the internet? Unknown peers make it "unknown" unless another peer already is the internet. */
export function admitsInternet(rule: NetworkRule): Tri {
  if (rule.peers.some(isInternet)) return 'yes';
  if (rule.peers.some((p) => p.kind === 'unknown' && !unknownPeerIsBounded(p))) return 'unknown';
  return 'no';
}

/**
 * Where an exposure points: the attribute holding the internet peer (or, for
 * an unknown verdict, the unresolved one) when the rule spreads its peers over
 * several attributes, else the rule's peers attribute, else the rule itself.
 */
export function exposurePath(rule: NetworkRule): string | undefined {
  let i = rule.peers.findIndex(isInternet);
  if (i < 0) i = rule.peers.findIndex((p) => p.kind === 'unknown' && !unknownPeerIsBounded(p));
  return (i >= 0 ? rule.peerPaths?.[i] : undefined) ?? rule.peersPath ?? rule.attributePath;
}

/** Does the rule carry the given port of the given transport protocol? */
export function coversPort(rule: NetworkRule, port: number, transport: 'tcp' | 'udp'): Tri {
  if (isUnknown(rule.protocol)) return 'unknown';
  if (rule.protocol !== 'all' && rule.protocol !== transport) return 'no';
  if (isUnknown(rule.ports)) return 'unknown';
  return portInRanges(port, rule.ports) ? 'yes' : 'no';
}

/** Does the rule open every port (all protocols, or a port-carrying protocol over 0–65535)? */
export function coversEveryPort(rule: NetworkRule): Tri {
  if (isUnknown(rule.protocol)) return 'unknown';
  if (isUnknown(rule.ports)) return 'unknown';
  return coversAllPorts(rule.ports) ? 'yes' : 'no';
}

function and(...xs: Tri[]): Tri {
  if (xs.includes('no')) return 'no';
  if (xs.includes('unknown')) return 'unknown';
  return 'yes';
}

/**
 * A deny rule of the same resource (or of `siblings`: rules of the same ACL
 * declared as separate resources), ordered before the allow rule (lower
 * priority number; on a tie the deny wins, as in GCP), that blocks the
 * internet on the same port: the allow rule is then shadowed for that port.
 * Only known priorities count.
 */
export function shadowedByDeny(resource: Resource, allow: NetworkRule, matches: (r: NetworkRule) => Tri, siblings: readonly NetworkRule[] = []): boolean {
  const limit = allow.priority;
  if (typeof limit !== 'number') return false;
  return [...(resource.network ?? []), ...siblings].some(
    (d) =>
      d.action === 'deny' &&
      d.direction === allow.direction &&
      typeof d.priority === 'number' &&
      d.priority <= limit &&
      d.disabled === undefined &&
      d.peers.some(isInternet) &&
      matches(d) === 'yes',
  );
}

export interface Exposure {
  resource: Resource;
  rule: NetworkRule;
  verdict: 'fail' | 'unknown';
  /** where to point: the peers attribute, else the rule block, else the resource */
  attributePath?: string;
  /** a stable per-rule key */
  key: string;
}

/**
 * Ingress allow rules of a resource that admit the internet and satisfy
 * `matches` (e.g. "carries tcp/22"), with deny rules ordered before them
 * taken into account.
 */
export function internetIngress(resource: Resource, matches: (r: NetworkRule) => Tri, siblings: readonly NetworkRule[] = []): Exposure[] {
  const out: Exposure[] = [];
  (resource.network ?? []).forEach((rule, i) => {
    if (rule.direction !== 'ingress' || rule.action !== 'allow') return;
    // most rules admit no internet peer: leave before the port matcher (the Kleene "and" would say no anyway)
    const admits = admitsInternet(rule);
    if (admits === 'no') return;
    const answer = and(admits, matches(rule), rule.disabled === undefined ? 'yes' : 'unknown');
    if (answer === 'no') return;
    if (shadowedByDeny(resource, rule, matches, siblings)) return;
    const exposure: Exposure = { resource, rule, verdict: answer === 'yes' ? 'fail' : 'unknown', key: rule.attributePath ?? `rule-${i}` };
    const path = exposurePath(rule);
    if (path !== undefined) exposure.attributePath = path;
    out.push(exposure);
  });
  return out;
}

/** Every resource that carries normalised network rules, from the given sources. */
export function networkResources(resources: readonly Resource[]): Resource[] {
  return resources.filter((r) => r.network !== undefined && r.network.length > 0);
}

/** Human-readable description of a rule's ports, e.g. "tcp 20-25". */
export function describeRule(rule: NetworkRule): string {
  const proto = isUnknown(rule.protocol) ? rule.protocol.toString() : rule.protocol;
  if (isUnknown(rule.ports)) return `${proto} ports ${rule.ports.toString()}`;
  const ports = rule.ports.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(',');
  const peers = rule.peers.map((p) => (p.kind === 'cidr' ? p.cidr : p.kind === 'service-tag' ? p.tag : p.kind === 'unknown' ? p.value.toString() : p.ref)).join(', ');
  return `${proto}${ports ? ` ${ports}` : ''} from ${peers || '(none)'}`;
}

/** Network ACL types: checked by their own rule (stateless subnet filters, ordered by rule number). */
export const NACL_TYPES = ['aws_network_acl', 'aws_default_network_acl', 'aws_network_acl_rule', 'AWS::EC2::NetworkAclEntry'];

/** Stateful firewall types: security groups and their rules, Azure NSGs, GCP firewalls. */
export const FIREWALL_TYPES = [
  'aws_security_group',
  'aws_default_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::SecurityGroupIngress',
  'azurerm_network_security_group',
  'azurerm_network_security_rule',
  'google_compute_firewall',
];

/** A rule matcher: does the rule carry this port over tcp or udp (either counts)? */
export function carriesPort(port: number, transports: Array<'tcp' | 'udp'> = ['tcp']): (r: NetworkRule) => Tri {
  // called for every catalogued port of every internet-open rule: a loop, no array per call
  return (r) => {
    let unknown = false;
    for (const t of transports) {
      const answer = coversPort(r, port, t);
      if (answer === 'yes') return 'yes';
      if (answer === 'unknown') unknown = true;
    }
    return unknown ? 'unknown' : 'no';
  };
}

/**
 * Keys of the rule set a resource belongs to, so rules of one NACL, NSG or
 * VPC network declared as separate resources are evaluated together:
 * `ref:<id>` for the owning resource, or a literal name/id when the owner is
 * not in the model.
 */
function ruleSetKeys(ctx: CheckContext, r: Resource): string[] {
  const ref = (attribute: string): string | undefined => {
    const target = ctx.referencedBy(r, attribute)[0];
    if (target) return `ref:${target.id}`;
    const v = r.attributes[attribute];
    return isUnknown(v) ? undefined : asString(v);
  };
  const literal = (...parts: Array<Value | undefined>): string | undefined =>
    parts.every((p) => typeof p === 'string' && p !== '') ? `name:${parts.join('/')}` : undefined;
  const keys: Array<string | undefined> = [];
  switch (r.type) {
    case 'aws_network_acl':
    case 'aws_default_network_acl':
    case 'azurerm_network_security_group':
      keys.push(`ref:${r.id}`, literal(r.attributes.resource_group_name, r.attributes.name));
      break;
    case 'aws_network_acl_rule':
      keys.push(ref('network_acl_id'));
      break;
    case 'AWS::EC2::NetworkAclEntry':
      keys.push(ref('NetworkAclId'));
      break;
    case 'azurerm_network_security_rule': {
      const target = ctx.referencedBy(r, 'network_security_group_name')[0];
      keys.push(target ? `ref:${target.id}` : literal(r.attributes.resource_group_name, r.attributes.network_security_group_name));
      break;
    }
    case 'google_compute_firewall': {
      const net = ref('network');
      if (net !== undefined) keys.push(`gcp-network:${net}`);
      break;
    }
  }
  return keys.filter((k): k is string => k !== undefined);
}

const SIBLING_INDEX = new WeakMap<CheckContext, Map<string, Resource[]>>();

/** The types `ruleSetKeys` gives a key for; a resource of any other type has no sibling rules. */
const RULE_SET_TYPES = ['aws_network_acl', 'aws_default_network_acl', 'azurerm_network_security_group', 'aws_network_acl_rule', 'AWS::EC2::NetworkAclEntry', 'azurerm_network_security_rule', 'google_compute_firewall'];
const RULE_SET_TYPE = new Set(RULE_SET_TYPES);
const NO_RULES: NetworkRule[] = Object.freeze([]) as unknown as NetworkRule[];

/**
 * Rules that sit in the same rule set as the resource but in other resources
 * (NACL entries, NSG rules, GCP firewalls of one network). GCP deny rules
 * limited to target tags or service accounts are left out: they do not cover
 * every instance an allow rule reaches.
 */
export function siblingRules(ctx: CheckContext, r: Resource): NetworkRule[] {
  // asked by every port check for every firewall resource: answered once per resource and scan;
  // a security group (most firewall resources) belongs to no rule set: no look-up, no list
  if (!RULE_SET_TYPE.has(r.type)) return NO_RULES;
  let memo = SIBLINGS.get(ctx);
  if (!memo) SIBLINGS.set(ctx, (memo = new Map()));
  let rules = memo.get(r);
  if (!rules) memo.set(r, (rules = findSiblingRules(ctx, r)));
  return rules;
}

/** Sibling rules already found, per context and resource; callers read them and never change them. */
const SIBLINGS = new WeakMap<CheckContext, Map<Resource, NetworkRule[]>>();

function findSiblingRules(ctx: CheckContext, r: Resource): NetworkRule[] {
  let index = SIBLING_INDEX.get(ctx);
  if (!index) {
    index = new Map();
    // only the types that have rule-set keys can be siblings (was a pass over every resource)
    for (const o of ctx.ofType(...RULE_SET_TYPES)) {
      if (!o.network?.length) continue;
      for (const k of ruleSetKeys(ctx, o)) {
        // push, not a copy per resource: one rule set with 10k rule resources stayed quadratic
        const list = index.get(k);
        if (list) list.push(o);
        else index.set(k, [o]);
      }
    }
    SIBLING_INDEX.set(ctx, index);
  }
  const seen = new Set<Resource>([r]);
  const out: NetworkRule[] = [];
  for (const k of ruleSetKeys(ctx, r)) {
    for (const o of index.get(k) ?? []) {
      if (seen.has(o)) continue;
      seen.add(o);
      for (const rule of o.network ?? []) {
        if (o.type === 'google_compute_firewall' && (rule.targets?.length || o.attributes.target_service_accounts)) continue;
        out.push(rule);
      }
    }
  }
  return out;
}
