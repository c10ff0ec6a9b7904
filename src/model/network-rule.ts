import type { Unknown } from './unknown.js';

/**
 * A provider-neutral firewall rule: an AWS security-group rule or NACL entry,
 * an Azure NSG rule, a GCP firewall rule, or a Kubernetes NetworkPolicy rule
 * all normalise to this shape.
 */
export interface NetworkRule {
  direction: 'ingress' | 'egress';
  action: 'allow' | 'deny';
  /** lower-case protocol name ("tcp", "udp", "icmp", "all") or an IANA number as a string */
  protocol: string | Unknown;
  /** inclusive port ranges; [{from: 0, to: 65535}] means every port */
  ports: PortRange[] | Unknown;
  /** who is on the other side of the rule */
  peers: Peer[];
  /** rule priority / number where the provider orders rules (lower wins) */
  priority?: number | Unknown;
  /** attribute path inside the owning resource, used for precise locations */
  attributePath?: string;
  /** optional selector for which targets the rule applies to (GCP target tags, K8s pod selector) */
  targets?: string[];
  /** attribute path of the peers (e.g. "ingress[0].cidr_blocks"), for the line of an exposure */
  peersPath?: string;
  /**
   * attribute path of each peer, in the order of `peers`, when a rule takes
   * its peers from several attributes (cidr_blocks and ipv6_cidr_blocks), so
   * an exposure points at the attribute that holds the open range
   */
  peerPaths?: string[];
  /** set when the rule may be switched off by a value we could not resolve (GCP `disabled = var.x`) */
  disabled?: Unknown;
}

export interface PortRange {
  from: number;
  to: number;
}

export type Peer =
  | { kind: 'cidr'; cidr: string }
  /** a reference to another resource acting as a group (SG, ASG, K8s selector) */
  | { kind: 'group'; ref: string }
  | { kind: 'prefix-list'; ref: string }
  /** provider service tags such as Azure "Internet" or "*" */
  | { kind: 'service-tag'; tag: string }
  | { kind: 'unknown'; value: Unknown };

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

export function portInRanges(port: number, ranges: PortRange[]): boolean {
  return ranges.some((r) => port >= r.from && port <= r.to);
}

const INTERNET_CIDRS = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any', '0.0.0.0', '::/0 ']);

/** True when a peer means "anyone on the internet". */
export function isInternetPeer(peer: Peer): boolean {
  if (peer.kind === 'cidr') return INTERNET_CIDRS.has(peer.cidr.trim().toLowerCase());
  if (peer.kind === 'service-tag') return INTERNET_CIDRS.has(peer.tag.trim().toLowerCase());
  return false;
}
