/**
 * Least privilege without breaking traffic: from the ACCEPTed flows that VPC flow logs observed,
 * propose security-group rules that are as narrow as the evidence allows, then prove the proposal
 * by replaying every observed flow against it.
 *
 * Semantics:
 * - Security groups are stateful: a reply is allowed by the connection it answers, so only flows
 *   that open a connection need a rule. A record is a reply when the reverse record (addresses and
 *   ports swapped) is in the logs and it leaves from the lower port (the service's), or, with no
 *   reverse record, when it leaves a well-known port (< 1024) for an ephemeral one (≥ 32768).
 * - A flow needs a rule on the receiving interface (ingress) and on the sending one (egress) when
 *   both interfaces are in the snapshot. An interface's groups are a union: a flow is allowed when
 *   any rule of any of its groups allows it, and every rule that allows it is kept for it.
 * - A rule that no observed flow used is proposed for removal, marked `unused`: the logs cover only
 *   their time window, and the report says so. Prefix-list peers cannot be narrowed (their entries
 *   are not in the snapshot) and stay as they are.
 * - A narrowed rule keeps exactly the observed ports (up to `maxPorts` distinct ones, else their
 *   span) and the observed sources as exact CIDRs (up to `maxSources` distinct addresses per peer,
 *   else the peer unchanged, e.g. a public web port keeps 0.0.0.0/0).
 * - The replay checks every flow that needed a rule against the proposal; none may be cut, and any
 *   that would be is listed. Flows the current rules do not explain (allowed then by a rule since
 *   removed, or by a group the snapshot lacks) are listed apart: the proposal cannot cut them
 *   because it only narrows what the current rules allow.
 */
import ipaddr from 'ipaddr.js';
import { cidrContains as blockContains, parseCidr } from '../../graph/reachability/common/addr.js';
import type { FlowRecord } from './flow-logs.js';
import type { NetworkInterface, SecurityGroup, SgPeer, SgRule } from './ec2-snapshot.js';

export type Direction = 'ingress' | 'egress';

export interface TightenOptions {
  /** distinct source (or destination) addresses per peer up to which the peer is narrowed to them */
  maxSources?: number;
  /** distinct ports per rule up to which the rule lists them one by one */
  maxPorts?: number;
}

export interface RuleProposal {
  groupId: string;
  groupName: string;
  direction: Direction;
  ruleIndex: number;
  current: SgRule;
  action: 'keep' | 'narrow' | 'remove';
  proposed: SgRule[];
  /** number of observed flows this rule allowed */
  flows: number;
  notes: string[];
}

export interface CutFlow {
  flow: FlowRecord;
  direction: Direction;
  interfaceId: string;
}

export interface TightenResult {
  proposals: RuleProposal[];
  /** flows that opened a connection and needed a rule */
  flowsNeedingRules: number;
  replies: number;
  rejected: number;
  /** flows the proposal would cut (must be empty) */
  cut: CutFlow[];
  /** ACCEPTed flows the current rules do not explain */
  unexplained: CutFlow[];
  /** observation window of the logs (seconds since the epoch) */
  window?: { start: number; end: number };
}

const PROTO_NAMES: Record<number, string> = { 6: 'tcp', 17: 'udp', 1: 'icmp', 58: 'icmpv6' };

export function protocolName(p: number | 'all'): string {
  return p === 'all' ? 'all' : (PROTO_NAMES[p] ?? String(p));
}

function parseIp(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (!ipaddr.isValid(ip)) return undefined;
  const a = ipaddr.parse(ip);
  return a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;
}

/** True when the address lies in the CIDR block (same family), with the reachability engine's CIDR arithmetic. */
export function cidrContains(cidr: string, ip: string): boolean {
  const block = parseCidr(cidr);
  const addr = parseCidr(parseIp(ip)?.toString() ?? ip);
  return block !== undefined && addr !== undefined && blockContains(block, addr);
}

/** The smallest exact set of CIDRs that covers these addresses and nothing else. */
export function exactCidrs(ips: string[]): string[] {
  const v4: number[] = [];
  const v6: string[] = [];
  for (const ip of new Set(ips)) {
    const a = parseIp(ip);
    if (!a) continue;
    if (a.kind() === 'ipv4') v4.push((a as ipaddr.IPv4).toByteArray().reduce((n, b) => n * 256 + b, 0));
    else v6.push(`${a.toString()}/128`);
  }
  // merge aligned sibling blocks bottom-up: [base, prefix]
  let blocks = [...new Set(v4)].sort((a, b) => a - b).map((n) => [n, 32] as [number, number]);
  for (let prefix = 32; prefix > 0; prefix--) {
    const size = 2 ** (32 - prefix);
    const next: Array<[number, number]> = [];
    for (let i = 0; i < blocks.length; i++) {
      const [base, p] = blocks[i]!;
      const sib = blocks[i + 1];
      if (p === prefix && base % (size * 2) === 0 && sib && sib[1] === prefix && sib[0] === base + size) {
        next.push([base, prefix - 1]);
        i++;
      } else next.push([base, p]);
    }
    blocks = next;
  }
  const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
  return [...blocks.map(([b, p]) => `${toIp(b)}/${p}`), ...v6.sort()];
}

function protocolMatches(rule: SgRule, protocol: number): boolean {
  return rule.protocol === 'all' || rule.protocol === protocol;
}

function portMatches(rule: SgRule, protocol: number, port: number): boolean {
  if (protocol !== 6 && protocol !== 17) return true;
  return port >= rule.from && port <= rule.to;
}

interface Index {
  byInterface: Map<string, NetworkInterface>;
  byAddress: Map<string, NetworkInterface>;
  groups: Map<string, SecurityGroup>;
}

/** The peer of `rule` that admits the other end of a flow, if any. */
function admittingPeer(rule: SgRule, otherAddr: string, index: Index): SgPeer | undefined {
  for (const peer of rule.peers) {
    if (peer.kind === 'cidr' && cidrContains(peer.cidr, otherAddr)) return peer;
    if (peer.kind === 'sg' && index.byAddress.get(otherAddr)?.groups.includes(peer.id)) return peer;
  }
  // a prefix list may hold the address; its entries are not in the snapshot
  return rule.peers.find((p) => p.kind === 'prefix-list');
}

function replyKeys(flows: FlowRecord[]): Set<string> {
  return new Set(flows.map((f) => `${f.srcaddr}|${f.srcport}|${f.dstaddr}|${f.dstport}|${f.protocol}`));
}

export function isReply(f: FlowRecord, keys: Set<string>): boolean {
  if (f.protocol !== 6 && f.protocol !== 17) return false;
  const reverse = keys.has(`${f.dstaddr}|${f.dstport}|${f.srcaddr}|${f.srcport}|${f.protocol}`);
  if (reverse) return f.srcport < f.dstport;
  return f.srcport < 1024 && f.dstport >= 32768;
}

interface Usage {
  flows: FlowRecord[];
  /** per peer index: the other ends' addresses */
  peers: Map<number, Set<string>>;
  /** per "protocol|port": per peer index, the other ends' addresses on that port */
  byPort: Map<string, Map<number, Set<string>>>;
  ports: Set<number>;
  protocols: Set<number>;
}

/** Flows that need a rule, with the interface and direction each must be allowed on. */
function needs(flows: FlowRecord[], index: Index): Array<{ flow: FlowRecord; direction: Direction; eni: NetworkInterface }> {
  const out: Array<{ flow: FlowRecord; direction: Direction; eni: NetworkInterface }> = [];
  const seen = new Set<string>();
  for (const flow of flows) {
    // a flow between two logged interfaces appears in both interfaces' logs: judge it once per side
    const dst = index.byAddress.get(flow.dstaddr);
    const src = index.byAddress.get(flow.srcaddr);
    const key = `${flow.srcaddr}|${flow.srcport}|${flow.dstaddr}|${flow.dstport}|${flow.protocol}`;
    if (dst && !seen.has(`in|${dst.id}|${key}`)) {
      seen.add(`in|${dst.id}|${key}`);
      out.push({ flow, direction: 'ingress', eni: dst });
    }
    if (src && !seen.has(`out|${src.id}|${key}`)) {
      seen.add(`out|${src.id}|${key}`);
      out.push({ flow, direction: 'egress', eni: src });
    }
  }
  return out;
}

function allows(rules: SgRule[], flow: FlowRecord, direction: Direction, index: Index): boolean {
  const other = direction === 'ingress' ? flow.srcaddr : flow.dstaddr;
  return rules.some((r) => protocolMatches(r, flow.protocol) && portMatches(r, flow.protocol, flow.dstport) && admittingPeer(r, other, index) !== undefined);
}

function narrowPorts(ports: Set<number>, maxPorts: number): Array<[number, number]> {
  const sorted = [...ports].sort((a, b) => a - b);
  if (sorted.length > maxPorts) return [[sorted[0]!, sorted[sorted.length - 1]!]];
  const ranges: Array<[number, number]> = [];
  for (const p of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] + 1 === p) last[1] = p;
    else ranges.push([p, p]);
  }
  return ranges;
}

export function tighten(groups: SecurityGroup[], interfaces: NetworkInterface[], flows: FlowRecord[], opts: TightenOptions = {}): TightenResult {
  const maxSources = opts.maxSources ?? 16;
  const maxPorts = opts.maxPorts ?? 10;
  const index: Index = { byInterface: new Map(interfaces.map((i) => [i.id, i])), byAddress: new Map(), groups: new Map(groups.map((g) => [g.id, g])) };
  for (const eni of interfaces) for (const a of eni.addresses) index.byAddress.set(parseIp(a)?.toString() ?? a, eni);
  const accepted = flows.filter((f) => f.action === 'ACCEPT');
  const keys = replyKeys(accepted);
  const opening = accepted.filter((f) => !isReply(f, keys));
  const usage = new Map<string, Usage>();
  const unexplained: CutFlow[] = [];
  const needed = needs(opening, index);
  for (const { flow, direction, eni } of needed) {
    let explained = false;
    const other = direction === 'ingress' ? flow.srcaddr : flow.dstaddr;
    for (const gid of eni.groups) {
      const g = index.groups.get(gid);
      if (!g) continue;
      (direction === 'ingress' ? g.ingress : g.egress).forEach((rule, i) => {
        if (!protocolMatches(rule, flow.protocol) || !portMatches(rule, flow.protocol, flow.dstport)) return;
        const peer = admittingPeer(rule, other, index);
        if (!peer) return;
        explained = true;
        const key = `${gid}|${direction}|${i}`;
        let u = usage.get(key);
        if (!u) usage.set(key, (u = { flows: [], peers: new Map(), byPort: new Map(), ports: new Set(), protocols: new Set() }));
        u.flows.push(flow);
        const pi = rule.peers.indexOf(peer);
        if (!u.peers.has(pi)) u.peers.set(pi, new Set());
        u.peers.get(pi)!.add(other);
        const pk = `${flow.protocol}|${flow.protocol === 6 || flow.protocol === 17 ? flow.dstport : 0}`;
        if (!u.byPort.has(pk)) u.byPort.set(pk, new Map());
        const at = u.byPort.get(pk)!;
        if (!at.has(pi)) at.set(pi, new Set());
        at.get(pi)!.add(other);
        u.ports.add(flow.dstport);
        u.protocols.add(flow.protocol);
      });
    }
    if (!explained) unexplained.push({ flow, direction, interfaceId: eni.id });
  }

  const proposals: RuleProposal[] = [];
  for (const g of groups) {
    for (const direction of ['ingress', 'egress'] as const) {
      (direction === 'ingress' ? g.ingress : g.egress).forEach((rule, i) => {
        const u = usage.get(`${g.id}|${direction}|${i}`);
        const base = { groupId: g.id, groupName: g.name, direction, ruleIndex: i, current: rule };
        if (!u) {
          proposals.push({ ...base, action: 'remove', proposed: [], flows: 0, notes: ['unused: no observed flow needed this rule in the logs\' window'] });
          return;
        }
        const notes: string[] = [];
        // peers narrowed to the addresses seen on the given ports; notes once per rule
        const noted = new Set<string>();
        const note = (n: string) => {
          if (!noted.has(n)) notes.push(n);
          noted.add(n);
        };
        const peersFor = (keys: string[]): SgPeer[] => {
          const peers: SgPeer[] = [];
          rule.peers.forEach((peer, pi) => {
            const seen = new Set<string>();
            for (const k of keys) for (const a of u.byPort.get(k)?.get(pi) ?? []) seen.add(a);
            if (!u.peers.has(pi)) {
              if (peer.kind !== 'prefix-list') note(`peer ${peer.kind === 'cidr' ? peer.cidr : peer.id} unused`);
              return;
            }
            if (seen.size === 0) return;
            if (peer.kind === 'prefix-list') {
              peers.push(peer);
              note(`prefix list ${peer.id} kept: its entries are not in the snapshot`);
              return;
            }
            if (peer.kind === 'sg') {
              peers.push(peer);
              return;
            }
            if (u.peers.get(pi)!.size > maxSources) {
              peers.push(peer);
              note(`${peer.cidr} kept: ${u.peers.get(pi)!.size} distinct addresses used it (more than ${maxSources})`);
              return;
            }
            for (const cidr of exactCidrs([...seen])) peers.push({ kind: 'cidr', cidr });
          });
          return peers;
        };
        const protocols: Array<number | 'all'> = rule.protocol === 'all' ? [...u.protocols].sort((a, b) => a - b) : [rule.protocol];
        const proposed: SgRule[] = [];
        for (const protocol of protocols) {
          const hasPorts = protocol === 6 || protocol === 17;
          if (!hasPorts) {
            proposed.push({ protocol, from: rule.from, to: rule.to, peers: peersFor([`${protocol}|0`]) });
            continue;
          }
          const ports = [...u.byPort.keys()].filter((k) => k.startsWith(`${protocol}|`)).map((k) => Number(k.split('|')[1]));
          for (const [from, to] of narrowPorts(new Set(ports), maxPorts)) {
            const keys = ports.filter((p) => p >= from && p <= to).map((p) => `${protocol}|${p}`);
            proposed.push({ protocol, from: Math.max(from, rule.from), to: Math.min(to, rule.to), peers: peersFor(keys) });
          }
        }
        const same = proposed.length === 1 && proposed[0]!.protocol === rule.protocol && proposed[0]!.from === rule.from && proposed[0]!.to === rule.to && JSON.stringify(proposed[0]!.peers) === JSON.stringify(rule.peers);
        proposals.push({ ...base, action: same ? 'keep' : 'narrow', proposed: same ? [rule] : proposed, flows: u.flows.length, notes });
      });
    }
  }

  // replay: every flow that needed a rule against the proposed rules of its interface's groups
  const proposedRules = new Map<string, SgRule[]>();
  for (const p of proposals) {
    const key = `${p.groupId}|${p.direction}`;
    proposedRules.set(key, [...(proposedRules.get(key) ?? []), ...p.proposed]);
  }
  const unexplainedKeys = new Set(unexplained.map((u) => `${u.direction}|${u.interfaceId}|${u.flow.file}:${u.flow.line}`));
  const cut: CutFlow[] = [];
  for (const { flow, direction, eni } of needed) {
    if (unexplainedKeys.has(`${direction}|${eni.id}|${flow.file}:${flow.line}`)) continue;
    const rules = eni.groups.flatMap((gid) => proposedRules.get(`${gid}|${direction}`) ?? []);
    if (!allows(rules, flow, direction, index)) cut.push({ flow, direction, interfaceId: eni.id });
  }
  const times = accepted.filter((f) => f.start > 0);
  return {
    proposals,
    flowsNeedingRules: needed.length,
    replies: accepted.length - opening.length,
    rejected: flows.length - accepted.length,
    cut,
    unexplained,
    window: times.length ? { start: times.reduce((m, f) => Math.min(m, f.start), Infinity), end: times.reduce((m, f) => Math.max(m, f.end), 0) } : undefined,
  };
}

export function describeRule(r: SgRule): string {
  const ports = r.protocol === 6 || r.protocol === 17 ? (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`) : 'all';
  const peers = r.peers.map((p) => (p.kind === 'cidr' ? p.cidr : p.id)).join(', ') || '(no peer)';
  return `${protocolName(r.protocol)}/${ports} ${peers}`;
}
