/**
 * AWS reachability from the internet: for each endpoint (instance, ENI, internet-facing load
 * balancer and the targets behind it), protocol and port range, the verdict with the hop-by-hop
 * path and the rules that let traffic through or stop it. Semantics: docs/reachability.md.
 *
 * "The internet" is any public address: a rule that names only part of the public address space
 * neither exposes nor blocks the internet at large. Every stage is three-valued; a definite block
 * anywhere gives `not-exposed` (naming that hop), otherwise any unknown gives `unknown`.
 */
import { isUnknown, type NetworkRule, type Peer, type PortRange, type Resource } from '../../../model/index.js';
import { cidrContains, intervalText, lpmPublic, parseCidr, publicPart, type Cidr, type Family } from '../common/addr.js';
import { firstMatch, mergeRanges, rangeText, refine, segmentAt, unionAllow, type Match, type OrderedRule, type Segment, type UnionRule } from '../common/ports.js';
import type { BlockedBy, Exposure, Hop, RuleRef } from '../types.js';
import { buildAwsTopology, roleOf, type AwsTopology, type Endpoint, type Fact, type LoadBalancer, type Nacl, type NaclRule, type Peering, type RouteTable, type Sg, type SgRule, type Subnet, type Target, type Link, type Vpc } from './topology.js';

export type Transport = 'tcp' | 'udp';

export interface AwsReachOptions {
  /** judge only these ports (e.g. `--port 22`); default: every port range some security group opens to the internet */
  ports?: PortRange[];
  /** transports to judge; default tcp and udp (tcp only when `ports` is given) */
  protocols?: Transport[];
  /** the client's ephemeral port range that NACL egress must allow for the return traffic */
  ephemeral?: PortRange;
}

export const ALL: PortRange = { from: 0, to: 65535 };
const DEFAULT_EPHEMERAL: PortRange = { from: 1024, to: 65535 };

export interface Stage {
  status: 'pass' | 'block' | 'unknown';
  hop: Hop;
  blockedBy?: BlockedBy;
  unknowns?: string[];
}

/** Who sends the traffic: any internet address, or a load balancer (its groups and subnets). */
/**
 * `peer`: a load balancer (as the source of forwarded traffic) or a target (as its destination): its groups and subnets;
 * a VPC or NAT gateway for east-west flows (`names`: expressions that denote its address, `aws_eip.nat.public_ip`;
 * `publicOnly`: an address not known but public, an Elastic IP).
 */
export type Source = { kind: 'internet'; family: Family } | { kind: 'peer'; key: string; family: Family; sgs: Set<Sg>; sgsUnknown?: boolean; cidrs: Cidr[]; cidrsUnknown: boolean; names?: string[]; publicOnly?: boolean };

export function hop(kind: string, resourceId: string, rules: RuleRef[], note?: string): Hop {
  const h: Hop = { kind, resourceId, rules };
  if (note) h.note = note;
  return h;
}

function orMatch(xs: Match[]): Match {
  if (xs.includes('yes')) return 'yes';
  if (xs.includes('unknown')) return 'unknown';
  return 'no';
}

/** Bounded unresolved peers: a VPC or subnet CIDR attribute never holds the internet. */
const NETWORK_CIDR_EXPRESSION = /(\.(cidr_block|ipv6_cidr_block)|\.(CidrBlock|Ipv6CidrBlocks?))$/;

export class AwsReachability {
  readonly topo: AwsTopology;
  private readonly ephemeral: PortRange;
  private readonly routeCache = new Map<string, Stage[]>();
  private readonly naclCache = new Map<string, Segment<NaclRule>[]>();
  private readonly sgKeys = new WeakMap<Sg[], string>();
  private readonly sgCache = new Map<string, Array<Segment<SgRule> & { rules: SgRule[] }>>();
  private bySubnet?: Map<Subnet, Endpoint[]>;

  constructor(topo: AwsTopology, opts: AwsReachOptions = {}) {
    this.topo = topo;
    this.ephemeral = opts.ephemeral ?? DEFAULT_EPHEMERAL;
  }

  // ---------------------------------------------------------------- peers and rules

  private peerMatch(peer: Peer, source: Source, owner?: Sg): Match {
    switch (peer.kind) {
      case 'cidr': {
        const c = parseCidr(peer.cidr);
        if (!c) return 'unknown';
        return this.cidrMatch(c, source);
      }
      case 'group': {
        if (source.kind === 'internet') return 'no';
        const miss: Match = source.sgsUnknown ? 'unknown' : 'no';
        if (peer.ref === 'self') return owner && source.sgs.has(owner) ? 'yes' : miss;
        const r = this.topo.resolver.lookup(peer.ref, owner?.r);
        if (!r) return 'unknown';
        return [...source.sgs].some((sg) => sg.r === r) ? 'yes' : miss;
      }
      case 'prefix-list': {
        const r = this.topo.resolver.lookup(peer.ref, owner?.r);
        const cidrs = r ? this.topo.prefixLists.get(r) : undefined;
        if (!cidrs) return 'unknown';
        return orMatch(cidrs.map((c) => this.cidrMatch(c, source)));
      }
      case 'service-tag':
        return 'no';
      case 'unknown': {
        const expr = peer.value.expression;
        if (source.kind === 'internet' && expr && NETWORK_CIDR_EXPRESSION.test(expr)) return 'no';
        // `"${aws_eip.nat.public_ip}/32"`: the NAT gateway's own address
        if (source.kind === 'peer' && expr && source.names?.some((n) => expr.includes(n))) return 'yes';
        // a single unresolved group or prefix-list id (`!GetAtt Sg.GroupId`) that names a declared one
        const named = expr ? this.topo.resolver.lookup(expr, owner?.r) : undefined;
        if (named && roleOf(named) === 'sg') return this.peerMatch({ kind: 'group', ref: named.id }, source, owner);
        if (named && roleOf(named) === 'prefixList') return this.peerMatch({ kind: 'prefix-list', ref: named.id }, source, owner);
        return 'unknown';
      }
    }
  }

  private cidrMatch(c: Cidr, source: Source): Match {
    if (c.family !== source.family) return 'no';
    if (source.kind === 'internet') return c.prefix === 0 ? 'yes' : 'no';
    if (c.prefix === 0) return 'yes';
    // an Elastic IP whose address is not known is still public: a private block never holds it
    if (source.cidrsUnknown && source.publicOnly && publicPart(c).length === 0) return 'no';
    if (source.cidrsUnknown) return 'unknown';
    const same = source.cidrs.filter((x) => x.family === c.family);
    if (same.length === 0) return 'no';
    if (same.every((x) => cidrContains(c, x))) return 'yes';
    return same.some((x) => x.start <= c.end && c.start <= x.end) ? 'unknown' : 'no';
  }

  private ruleMatch(rule: NetworkRule, source: Source, owner?: Sg): Match {
    if (rule.peers.length === 0) return 'no';
    return orMatch(rule.peers.map((p) => this.peerMatch(p, source, owner)));
  }

  /** Ports a rule covers for a transport: undefined when the protocol does not carry it. */
  private rulePorts(rule: NetworkRule, protocol: Transport): PortRange[] | 'unknown' | undefined {
    if (isUnknown(rule.protocol)) return 'unknown';
    if (rule.protocol === 'all') return [ALL];
    if (rule.protocol !== protocol) return undefined;
    if (isUnknown(rule.ports)) return 'unknown';
    return rule.ports;
  }

  // ---------------------------------------------------------------- network ACLs

  /** First-match segments of a NACL for one direction, transport, peer and port range. */
  naclSegments(nacl: Nacl, direction: 'ingress' | 'egress', protocol: Transport, source: Source, range: PortRange): Segment<NaclRule>[] {
    const uncertain = [...nacl.uncertain, ...this.topo.unattachedNaclRules].filter((u) => u.direction === direction || u.direction === 'both');
    if (nacl.implicit && uncertain.length === 0) return [{ ...range, decision: 'allow' }];
    const key = `${nacl.id}|${direction}|${protocol}|${source.family}|${source.kind === 'peer' ? source.key : 'internet'}|${range.from}-${range.to}`;
    const hit = this.naclCache.get(key);
    if (hit) return hit;
    const rules: OrderedRule<NaclRule>[] = [];
    // AWS's default ACL is rule 100 "allow all" (then the implicit deny)
    const listed: NaclRule[] = nacl.implicit ? [{ rule: { direction, action: 'allow', protocol: 'all', ports: [ALL], peers: [{ kind: 'cidr', cidr: source.family === 'ipv4' ? '0.0.0.0/0' : '::/0' }], priority: 100 }, ref: { resourceId: nacl.id, summary: 'rule 100 allow all (default network ACL)' } }] : nacl.rules;
    const sorted: Array<{ x: NaclRule; n: number; uncertain: boolean }> = listed
      .filter((x) => x.rule.direction === direction)
      .map((x) => ({ x, n: typeof x.rule.priority === 'number' ? x.rule.priority : -1, uncertain: false }));
    for (const u of uncertain) sorted.push({ x: { rule: { direction, action: 'allow', protocol: 'all', ports: [ALL], peers: [], priority: u.priority }, ref: u.ref }, n: u.priority, uncertain: true });
    sorted.sort((a, b) => a.n - b.n);
    for (const { x, n, uncertain: u } of sorted) {
      const ports = u ? 'unknown' : this.rulePorts(x.rule, protocol);
      if (ports === undefined) continue;
      const match: Match = u || n < 0 ? 'unknown' : this.ruleMatch(x.rule, source);
      rules.push({ rule: x, action: x.rule.action, ports, match });
    }
    const out = firstMatch(rules, range, 'deny');
    this.naclCache.set(key, out);
    return out;
  }

  private naclHopNote(nacl: Nacl): string | undefined {
    return nacl.implicit ? 'default network ACL not declared: allows all traffic' : undefined;
  }

  /** The return leg: egress to the client on the ephemeral ports. */
  /** Replies to the ephemeral ports: out to `source` (egress, the default), or back in from it (ingress, for the sending side). */
  naclReturn(nacl: Nacl, protocol: Transport, source: Source, unknownWhat: string, direction: 'ingress' | 'egress' = 'egress'): Stage {
    const segs = this.naclSegments(nacl, direction, protocol, source, this.ephemeral);
    const allowed = segs.filter((s) => s.decision === 'allow');
    const rules = [...new Set(segs.map((s) => s.rule).filter((r): r is NaclRule => r !== undefined))].map((r) => r.ref);
    const id = nacl.r?.id ?? nacl.id;
    if (allowed.length === segs.length) return { status: 'pass', hop: hop('nacl-return', id, uniq(allowed.map((s) => s.rule?.ref)), nacl.implicit ? this.naclHopNote(nacl) : `return traffic allowed on ${rangeText(this.ephemeral)}`) };
    if (allowed.length > 0) return { status: 'pass', hop: hop('nacl-return', id, uniq(allowed.map((s) => s.rule?.ref)), `return traffic allowed only on ${allowed.map(rangeText).join(', ')} of ${rangeText(this.ephemeral)}`) };
    if (segs.some((s) => s.decision === 'unknown')) return { status: 'unknown', hop: hop('nacl-return', id, rules), unknowns: [unknownWhat] };
    return { status: 'block', blockedBy: 'nacl-return', hop: hop('nacl-return', id, rules, `no ${direction === 'egress' ? 'outbound' : 'inbound'} rule lets the return traffic (${rangeText(this.ephemeral)}) ${direction === 'egress' ? 'out' : 'in'}${rules.length ? '' : ' (default deny)'}`) };
  }

  // ---------------------------------------------------------------- routes

  /** Internet gateway + route table stages of a subnet for one family (cached per subnet). */
  routeStages(subnet: Subnet, family: Family): Stage[] {
    const key = `${subnet.r.id}|${family}`;
    const hit = this.routeCache.get(key);
    if (hit) return hit;
    const out = this.computeRouteStages(subnet, family);
    this.routeCache.set(key, out);
    return out;
  }

  private computeRouteStages(subnet: Subnet, family: Family): Stage[] {
    const rt = subnet.routeTable;
    if (!rt) {
      const why = subnet.vpc && 'unknown' in subnet.vpc ? subnet.vpc.unknown : this.topo.unresolvedRtAssociations.length ? `route table associations ${this.topo.unresolvedRtAssociations.join(', ')} name unresolved subnets` : `${subnet.r.id}: VPC not known`;
      return [{ status: 'unknown', hop: hop('route-table', '?', [], `route table of ${subnet.r.id} not known`), unknowns: [why] }];
    }
    const table = rt.table;
    const vpc = subnet.vpc && 'ok' in subnet.vpc ? subnet.vpc.ok : undefined;
    const assoc = rt.ref;
    if (!table.r && !table.implicit) return [{ status: 'unknown', hop: hop('route-table', table.id, [assoc]), unknowns: [`${assoc.resourceId}: route table not in the scanned configuration`] }];
    const unknowns: string[] = [];
    if (this.topo.unresolvedRoutes.length) unknowns.push(`routes ${this.topo.unresolvedRoutes.join(', ')} name unresolved route tables`);
    const flat: Cidr[] = [];
    const owner: number[] = [];
    table.routes.forEach((route, i) => {
      if ('unknown' in route.dest) unknowns.push(route.dest.unknown);
      else for (const c of route.dest) {
        flat.push(c);
        owner.push(i);
      }
    });
    type Cls = 'igw' | 'detached' | 'blackhole' | 'unknown' | 'other' | 'none';
    const classify = (i: number): { cls: Cls; what?: string } => {
      if (i < 0) return { cls: 'none' };
      const route = table.routes[owner[i]!]!;
      if (route.blackhole) return { cls: 'blackhole' };
      const t = route.target;
      if ('unknown' in t) return { cls: 'unknown', what: t.unknown };
      if (t.kind !== 'igw') return { cls: 'other' };
      if (!t.r) return { cls: 'unknown', what: `${route.ref.resourceId}: gateway ${t.literal ?? '?'} not in the scanned configuration` };
      if (vpc && vpc.igws.has(t.r)) return { cls: 'igw' };
      const pending = this.topo.igwUnknown.get(t.r);
      if (pending) return { cls: 'unknown', what: pending };
      if (this.topo.unresolvedIgwAttach.length) return { cls: 'unknown', what: `gateway attachments ${this.topo.unresolvedIgwAttach.join(', ')} name unresolved gateways` };
      if (!vpc) return { cls: 'unknown', what: subnet.vpc && 'unknown' in subnet.vpc ? subnet.vpc.unknown : `${subnet.r.id}: VPC not known` };
      return { cls: 'detached' };
    };
    const intervals = lpmPublic(family, flat).map((iv) => ({ ...iv, ...classify(iv.route) }));
    const routeRef = (i: number): RuleRef | undefined => (i < 0 ? undefined : table.routes[owner[i]!]!.ref);
    const tableId = table.r?.id ?? table.id;
    const note = (cls: Cls): string | undefined => {
      const parts = intervals.filter((iv) => iv.cls === cls);
      if (parts.length === intervals.length) return undefined;
      return `only ${parts.slice(0, 3).map((iv) => intervalText(family, iv)).join(', ')}${parts.length > 3 ? ', ...' : ''} of the public ${family} space`;
    };
    const viaIgw = intervals.filter((iv) => iv.cls === 'igw');
    if (viaIgw.length) {
      const route = table.routes[owner[viaIgw[0]!.route]!]!;
      const igw = 'r' in route.target && route.target.r ? route.target.r : undefined;
      const attachRef = igw && vpc ? vpc.igws.get(igw) : undefined;
      return [
        { status: 'pass', hop: hop('internet-gateway', igw?.id ?? '?', attachRef ? [attachRef] : []) },
        { status: 'pass', hop: hop('route-table', tableId, uniq([assoc, ...viaIgw.map((iv) => routeRef(iv.route))]), note('igw')) },
      ];
    }
    const unknownIv = intervals.filter((iv) => iv.cls === 'unknown');
    if (unknownIv.length || unknowns.length) {
      return [{ status: 'unknown', hop: hop('route-table', tableId, uniq([assoc, ...unknownIv.map((iv) => routeRef(iv.route))])), unknowns: uniqStr([...unknowns, ...unknownIv.map((iv) => iv.what ?? 'route target')]) }];
    }
    const by = (cls: Cls): typeof intervals => intervals.filter((iv) => iv.cls === cls);
    if (by('blackhole').length) return [{ status: 'block', blockedBy: 'blackhole-route', hop: hop('route-table', tableId, uniq([assoc, ...by('blackhole').map((iv) => routeRef(iv.route))]), `the route to the internet is a blackhole${note('blackhole') ? `; ${note('blackhole')}` : ''}`) }];
    if (by('detached').length) {
      const route = table.routes[owner[by('detached')[0]!.route]!]!;
      const igw = 'r' in route.target ? route.target.r : undefined;
      return [
        { status: 'block', blockedBy: 'gateway-not-attached', hop: hop('internet-gateway', igw?.id ?? '?', [route.ref], `${igw?.id ?? 'the gateway'} is not attached to ${vpc?.r.id ?? 'the VPC'}`) },
      ];
    }
    const others = by('other');
    const why = others.length
      ? `public ${family} destinations route to ${uniqStr(others.map((iv) => routeRef(iv.route)?.summary ?? '')).join('; ')}, not to an internet gateway`
      : `no route sends public ${family} destinations to an internet gateway${table.implicit ? ' (main route table not declared: local route only)' : ''}`;
    return [{ status: 'block', blockedBy: 'no-route', hop: hop('route-table', tableId, uniq([assoc, ...others.map((iv) => routeRef(iv.route))]), why) }];
  }

  // ---------------------------------------------------------------- security groups

  /** Union-of-allows segments of a set of security groups for one source, transport and range. */
  sgSegments(sgs: Sg[], protocol: Transport, source: Source, range: PortRange, direction: 'ingress' | 'egress' = 'ingress'): Array<Segment<SgRule> & { rules: SgRule[] }> {
    // endpoints share group sets: answer each set once per question
    let ids = this.sgKeys.get(sgs);
    if (ids === undefined) this.sgKeys.set(sgs, (ids = sgs.map((g) => g.id).join(',')));
    const key = `${direction}|${ids}|${protocol}|${source.family}|${source.kind === 'peer' ? source.key : 'internet'}|${range.from}-${range.to}`;
    const hit = this.sgCache.get(key);
    if (hit) return hit;
    const out = this.computeSgSegments(sgs, protocol, source, range, direction);
    this.sgCache.set(key, out);
    return out;
  }

  private computeSgSegments(sgs: Sg[], protocol: Transport, source: Source, range: PortRange, direction: 'ingress' | 'egress'): Array<Segment<SgRule> & { rules: SgRule[] }> {
    const rules: UnionRule<SgRule>[] = [];
    for (const sg of sgs) {
      if (direction === 'egress' && sg.defaultEgress) {
        rules.push({ rule: { rule: { direction: 'egress', action: 'allow', protocol: 'all', ports: [ALL], peers: [] }, ref: sg.r ? { resourceId: sg.r.id, summary: 'default egress rule: all traffic to 0.0.0.0/0', location: sg.r.location } : { resourceId: sg.id, summary: 'default egress rule: all traffic' }, sg }, ports: [ALL], match: 'yes' });
        continue;
      }
      for (const u of sg.unknownRules) {
        if (u.direction !== direction) continue;
        rules.push({ rule: { rule: { direction, action: 'allow', protocol: 'all', ports: [ALL], peers: [] }, ref: { resourceId: sg.r?.id ?? sg.id, summary: `${direction} rules not known: ${u.what}`, ...(sg.r ? { location: sg.r.location } : {}) }, sg }, ports: 'unknown', match: 'unknown' });
      }
      for (const x of sg.rules) {
        if (x.rule.direction !== direction || x.rule.action !== 'allow') continue;
        const ports = this.rulePorts(x.rule, protocol);
        if (ports === undefined) continue;
        rules.push({ rule: x, ports, match: this.ruleMatch(x.rule, source, sg) });
      }
      if (sg.implicit && source.kind === 'peer' && source.sgs.has(sg)) rules.push({ rule: { rule: { direction: 'ingress', action: 'allow', protocol: 'all', ports: [ALL], peers: [] }, ref: { resourceId: sg.id, summary: 'default group admits its members' }, sg }, ports: [ALL], match: 'yes' });
    }
    if (direction === 'ingress' && this.topo.unattachedSgRules.length) {
      // a rule whose group could not be resolved may open anything on any group
      const fake: SgRule = { rule: { direction: 'ingress', action: 'allow', protocol: 'all', ports: [ALL], peers: [] }, ref: { resourceId: this.topo.unattachedSgRules[0]!, summary: `rules ${this.topo.unattachedSgRules.join(', ')} name unresolved security groups` }, sg: sgs[0] ?? { id: this.topo.unattachedSgRules[0]!, rules: [], vpc: undefined, implicit: false, unknownRules: [], defaultEgress: false } };
      rules.push({ rule: fake, ports: 'unknown', match: 'unknown' });
    }
    return unionAllow(rules, range);
  }

  sgStage(sgsV: Endpoint['sgs'], seg: (Segment<SgRule> & { rules: SgRule[] }) | undefined, blockedBy: BlockedBy, sourceLabel: string): Stage {
    if ('unknown' in sgsV) return { status: 'unknown', hop: hop('security-group', '?', []), unknowns: [sgsV.unknown] };
    const ids = sgsV.ok.map((sg) => sg.r?.id ?? sg.id);
    if (!seg || seg.decision === 'deny') {
      const implicit = sgsV.ok.some((sg) => sg.implicit);
      return { status: 'block', blockedBy, hop: hop('security-group', ids[0] ?? '?', sgsV.refs, `no ingress rule of ${ids.join(', ') || 'its groups'} admits ${sourceLabel}${implicit ? ' (the VPC default group admits only its members)' : ''}`) };
    }
    if (seg.decision === 'unknown') return { status: 'unknown', hop: hop('security-group', seg.rule?.sg.r?.id ?? ids[0] ?? '?', seg.rule ? [seg.rule.ref] : []), unknowns: [seg.rule ? `${seg.rule.ref.resourceId} ${seg.rule.ref.attributePath ?? ''}: ${seg.rule.ref.summary}`.replace(/\s+:/, ':') : 'security group rule'] };
    const first = seg.rules[0]!;
    return { status: 'pass', hop: hop('security-group', first.sg.r?.id ?? first.sg.id, seg.rules.map((x) => x.ref)) };
  }

  // ---------------------------------------------------------------- sending workloads

  /** Instances and ENIs by subnet: the workloads that send east-west flows. */
  endpointsBySubnet(): Map<Subnet, Endpoint[]> {
    if (this.bySubnet) return this.bySubnet;
    const out = new Map<Subnet, Endpoint[]>();
    for (const ep of this.topo.endpoints) {
      if (!ep.subnet || !('ok' in ep.subnet)) continue;
      const list = out.get(ep.subnet.ok);
      if (list) list.push(ep);
      else out.set(ep.subnet.ok, [ep]);
    }
    return (this.bySubnet = out);
  }

  /**
   * East-west flows judged from a sending subnet (or VPC), re-sourced at each workload in it: its
   * groups' egress must let the traffic out to `dest` (`security-group-egress` hop, blockedBy
   * `security-group`). The egress hop comes right after the workload, so its block wins; an
   * unknown egress makes an exposed or unknown flow unknown. Without workloads the flows stay as they are;
   * when some workload's subnet is not known, the subnet-level flows are kept beside the workloads' ones.
   */
  fromWorkloads(flows: Exposure[], workloads: readonly Endpoint[], dest: (e: Exposure) => { source: Source; label: string }): Exposure[] {
    if (!workloads.length) return flows;
    // a workload whose subnet is not known may send from this subnet too: keep the subnet-level flows for it
    const out: Exposure[] = this.topo.endpoints.some((ep) => !ep.subnet || 'unknown' in ep.subnet) ? [...flows] : [];
    for (const w of workloads) {
      const first = hop(w.kind === 'instance' ? 'instance' : 'eni', w.r.id, []);
      for (const e of flows) {
        const { source, label } = dest(e);
        const protocol = e.protocol as Transport;
        const segs: Array<PortRange & { stage: Stage }> = [];
        if ('unknown' in w.sgs) segs.push({ ...e.ports, stage: { status: 'unknown', hop: hop('security-group-egress', '?', []), unknowns: [w.sgs.unknown] } });
        else {
          const ids = w.sgs.ok.map((g) => g.r?.id ?? g.id);
          // on a block, the egress rules that exist (none of them matches), else how the groups were attached
          const egressRules = w.sgs.ok.flatMap((g) => g.rules.filter((x) => x.rule.direction === 'egress').map((x) => x.ref));
          for (const seg of this.sgSegments(w.sgs.ok, protocol, source, e.ports, 'egress')) {
            const ports = rangeText(seg);
            const stage: Stage =
              seg.decision === 'deny'
                ? { status: 'block', blockedBy: 'security-group', hop: hop('security-group-egress', ids[0] ?? w.r.id, egressRules.length ? egressRules : w.sgs.refs, `no egress rule of ${ids.join(', ') || 'its groups'} lets ${w.r.id} reach ${label} on ${protocol}/${ports}`) }
                : seg.decision === 'unknown'
                  ? { status: 'unknown', hop: hop('security-group-egress', seg.rule?.sg.r?.id ?? ids[0] ?? w.r.id, seg.rule ? [seg.rule.ref] : []), unknowns: [seg.rule ? `${seg.rule.ref.resourceId}: ${seg.rule.ref.summary}` : `${w.r.id} egress`] }
                  : { status: 'pass', hop: hop('security-group-egress', seg.rules[0]!.sg.r?.id ?? seg.rules[0]!.sg.id, seg.rules.map((x) => x.ref)) };
            segs.push({ from: seg.from, to: seg.to, stage });
          }
        }
        for (const { stage, ...ports } of segs) {
          const base = { ...e, from: w.r.id, ports: { from: ports.from, to: ports.to } };
          delete base.blockedBy;
          delete base.unknowns;
          if (stage.status === 'block') {
            out.push({ ...base, verdict: 'not-exposed', path: [first, stage.hop], blockedBy: 'security-group' });
            continue;
          }
          const path = [first, stage.hop, ...e.path.slice(1)];
          if (e.verdict === 'not-exposed') out.push({ ...base, path, blockedBy: e.blockedBy! });
          else if (stage.status === 'unknown' || e.verdict === 'unknown') out.push({ ...base, verdict: 'unknown', path, unknowns: uniqStr([...(stage.unknowns ?? []), ...(e.unknowns ?? [])]) });
          else out.push({ ...base, path });
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- assembling

  assemble(base: Omit<Exposure, 'verdict' | 'path'>, stages: Stage[], first: Hop = hop('internet', 'internet', [])): Exposure {
    const path: Hop[] = [first];
    const unknowns: string[] = [];
    for (const s of stages) {
      path.push(s.hop);
      if (s.status === 'block') return { ...base, verdict: 'not-exposed', path, blockedBy: s.blockedBy! };
      if (s.status === 'unknown') unknowns.push(...(s.unknowns ?? []));
    }
    if (unknowns.length) return { ...base, verdict: 'unknown', path, unknowns: uniqStr(unknowns) };
    return { ...base, verdict: 'exposed', path };
  }

  addressStage(ep: { r: Resource }, fact: Fact, family: Family): Stage {
    const kind = 'public-address';
    if (fact.value === true) return { status: 'pass', hop: hop(kind, ep.r.id, [fact.ref]) };
    if (fact.value === 'unknown') return { status: 'unknown', hop: hop(kind, ep.r.id, fact.ref ? [fact.ref] : []), unknowns: [fact.what] };
    return { status: 'block', blockedBy: 'no-public-address', hop: hop(kind, ep.r.id, fact.ref ? [fact.ref] : [], family === 'ipv4' ? 'no public IPv4 address or Elastic IP' : 'no global IPv6 address') };
  }

  subnetStages(subnet: Link<Subnet>, family: Family): { subnet?: Subnet; stages: Stage[] } {
    if (!subnet) return { stages: [{ status: 'unknown', hop: hop('subnet', '?', [], 'no subnet: placed in the default VPC'), unknowns: ['subnet not set (default VPC)'] }] };
    if ('unknown' in subnet) return { stages: [{ status: 'unknown', hop: hop('subnet', '?', []), unknowns: [subnet.unknown] }] };
    return { subnet: subnet.ok, stages: this.routeStages(subnet.ok, family) };
  }

  naclInboundStage(subnet: Subnet | undefined, seg: Segment<NaclRule> | undefined, label: string): Stage {
    if (!subnet) return { status: 'unknown', hop: hop('nacl', '?', []), unknowns: [] };
    const n = subnet.nacl;
    if (!n) return { status: 'unknown', hop: hop('nacl', '?', []), unknowns: [`network ACL of ${subnet.r.id} not known (${this.topo.unresolvedNaclAssociations.join(', ') || 'VPC not known'})`] };
    const id = n.nacl.r?.id ?? n.nacl.id;
    if (!seg) return { status: 'unknown', hop: hop('nacl', id, []), unknowns: [] };
    const rules = seg.rule ? [seg.rule.ref] : [];
    if (seg.decision === 'allow') return { status: 'pass', hop: hop('nacl', id, n.nacl.implicit ? [n.ref] : rules, this.naclHopNote(n.nacl)) };
    if (seg.decision === 'unknown') return { status: 'unknown', hop: hop('nacl', id, rules), unknowns: [seg.rule ? `${seg.rule.ref.resourceId}: ${seg.rule.ref.summary}` : id] };
    return { status: 'block', blockedBy: 'nacl', hop: hop('nacl', id, rules, seg.rule ? `denied inbound from ${label}` : `no inbound rule allows ${label} (default deny)`) };
  }

  // ---------------------------------------------------------------- endpoints

  /** Every exposure of one instance / ENI for a transport, family and port range. */
  evaluateEndpoint(ep: Endpoint, protocol: Transport, family: Family, range: PortRange): Exposure[] {
    const source: Source = { kind: 'internet', family };
    const label = family === 'ipv4' ? '0.0.0.0/0' : '::/0';
    const addr = this.addressStage(ep, family === 'ipv4' ? ep.ipv4 : ep.ipv6, family);
    const { subnet, stages: routeStages } = this.subnetStages(ep.subnet, family);
    // blocked before any port matters: one verdict for the whole range
    if (addr.status === 'block' || routeStages.some((x) => x.status === 'block')) return [this.assemble({ endpointId: ep.r.id, from: 'internet', protocol, ports: range, family }, [addr, ...routeStages])];
    const nacl = subnet?.nacl?.nacl;
    const naclIn = nacl ? this.naclSegments(nacl, 'ingress', protocol, source, range) : [];
    const ret = nacl ? this.naclReturn(nacl, protocol, source, `${nacl.r?.id ?? nacl.id} outbound rules`) : undefined;
    const sgSegs = 'ok' in ep.sgs ? this.sgSegments(ep.sgs.ok, protocol, source, range) : [];
    const out: Exposure[] = [];
    for (const piece of refine(range, naclIn, sgSegs)) {
      const stages: Stage[] = [addr, ...routeStages, this.naclInboundStage(subnet, segmentAt(naclIn, piece.from), label)];
      if (ret) stages.push(ret);
      stages.push(this.sgStage(ep.sgs, segmentAt(sgSegs, piece.from), 'security-group', label));
      stages.push({ status: 'pass', hop: hop(ep.kind === 'instance' ? 'instance' : 'eni', ep.r.id, []) });
      out.push(this.assemble({ endpointId: ep.r.id, from: 'internet', protocol, ports: piece, family }, stages));
    }
    return out;
  }

  /** Port ranges some security group of the endpoint opens to the internet (surely or possibly). */
  candidateRanges(sgsV: Endpoint['sgs'] | LoadBalancer['sgs'], protocol: Transport, family: Family, onlySure = false): PortRange[] {
    if (!sgsV || 'unknown' in sgsV) return [];
    return this.sgSegments(sgsV.ok, protocol, { kind: 'internet', family }, ALL)
      .filter((s) => (onlySure ? s.decision === 'allow' : s.decision !== 'deny'))
      .map((s) => ({ from: s.from, to: s.to }));
  }

  // ---------------------------------------------------------------- load balancers

  private lbSource(lb: LoadBalancer, family: Family): Source {
    const subnets = Array.isArray(lb.subnets) ? lb.subnets : [];
    const cidrs: Cidr[] = [];
    let cidrsUnknown = !Array.isArray(lb.subnets);
    for (const s of subnets) {
      if (!s || 'unknown' in s) cidrsUnknown = true;
      else {
        const c = family === 'ipv4' ? s.ok.cidr4 : s.ok.cidr6 ?? s.ok.cidr4;
        if (c) cidrs.push(c);
        else cidrsUnknown = true;
      }
    }
    return { kind: 'peer', key: `lb:${lb.r.id}`, family, sgs: new Set(lb.sgs && 'ok' in lb.sgs ? lb.sgs.ok : []), sgsUnknown: lb.sgs !== undefined && 'unknown' in lb.sgs, cidrs, cidrsUnknown };
  }

  /** The front half of a load balancer path: scheme, a public subnet, NACL both ways, its groups. */
  private lbFront(lb: LoadBalancer, protocol: Transport, family: Family, port: number): Stage[] {
    const stages: Stage[] = [];
    const f = lb.internetFacing;
    if (f.value === false) return [{ status: 'block', blockedBy: 'not-an-entry-point', hop: hop('load-balancer', lb.r.id, f.ref ? [f.ref] : [], 'internal load balancer') }];
    const facing: Stage = f.value === true ? { status: 'pass', hop: hop('load-balancer', lb.r.id, [f.ref]) } : { status: 'unknown', hop: hop('load-balancer', lb.r.id, f.ref ? [f.ref] : []), unknowns: [f.what] };
    const source: Source = { kind: 'internet', family };
    const label = family === 'ipv4' ? '0.0.0.0/0' : '::/0';
    const range = { from: port, to: port };
    // the first subnet that passes (AWS resolves the name to every node; one public node suffices)
    const perSubnet: Stage[][] = [];
    if (!Array.isArray(lb.subnets)) perSubnet.push([{ status: 'unknown', hop: hop('subnet', '?', []), unknowns: [lb.subnets.unknown] }]);
    else for (const link of lb.subnets) {
      const { subnet, stages: rs } = this.subnetStages(link, family);
      const nacl = subnet?.nacl?.nacl;
      const list = [...rs, this.naclInboundStage(subnet, nacl ? segmentAt(this.naclSegments(nacl, 'ingress', protocol, source, range), port) : undefined, label)];
      if (nacl) list.push(this.naclReturn(nacl, protocol, source, `${nacl.r?.id ?? nacl.id} outbound rules`));
      perSubnet.push(list);
    }
    const rank = (l: Stage[]): number => (l.some((s) => s.status === 'block') ? 2 : l.some((s) => s.status === 'unknown') ? 1 : 0);
    const best = perSubnet.length ? perSubnet.reduce((a, b) => (rank(b) < rank(a) ? b : a)) : [{ status: 'block' as const, blockedBy: 'no-route' as const, hop: hop('subnet', '?', [], 'no subnets') }];
    stages.push(facing, ...best.filter((s) => s.hop.kind !== 'subnet' || s.status !== 'pass'));
    if (lb.sgs === undefined) stages.push({ status: 'pass', hop: hop('security-group', lb.r.id, [], 'network load balancer without security groups') });
    else {
      const seg = 'ok' in lb.sgs ? segmentAt(this.sgSegments(lb.sgs.ok, protocol, source, range), port) : undefined;
      stages.push(this.sgStage(lb.sgs, seg, 'load-balancer-security-group', label));
    }
    return stages;
  }

  /** A range cut where the balancer's groups or its subnets' ACLs answer differently. */
  private frontPieces(lb: LoadBalancer, protocol: Transport, family: Family, range: PortRange): PortRange[] {
    const source: Source = { kind: 'internet', family };
    const lists: PortRange[][] = [];
    if (lb.sgs && 'ok' in lb.sgs) lists.push(this.sgSegments(lb.sgs.ok, protocol, source, range));
    for (const link of Array.isArray(lb.subnets) ? lb.subnets : []) {
      const nacl = link && 'ok' in link ? link.ok.nacl?.nacl : undefined;
      if (nacl) lists.push(this.naclSegments(nacl, 'ingress', protocol, source, range));
    }
    return refine(range, ...lists);
  }

  private targetStages(lb: LoadBalancer, target: Target, protocol: Transport, family: Family, port: number): Stage[] {
    // an NLB keeps the client address for instance targets: the target sees the internet
    const source: Source = lb.kind === 'network' && lb.sgs === undefined ? { kind: 'internet', family } : this.lbSource(lb, family);
    const label = source.kind === 'internet' ? (family === 'ipv4' ? '0.0.0.0/0' : '::/0') : `${lb.r.id} (its security groups or subnets)`;
    const range = { from: port, to: port };
    const stages: Stage[] = [...this.lbToTargetStages(lb, target, protocol, family, port)];
    const subnets = Array.isArray(target.subnets) ? target.subnets : [];
    if (!Array.isArray(target.subnets)) stages.push({ status: 'unknown', hop: hop('subnet', '?', []), unknowns: [target.subnets.unknown] });
    // NACLs of the target's subnets: every subnet must let the balancer in (ASGs spread over all)
    for (const link of subnets) {
      if (!link || 'unknown' in link) {
        stages.push({ status: 'unknown', hop: hop('subnet', '?', []), unknowns: [link ? link.unknown : `${target.r.id}: subnet not set`] });
        continue;
      }
      const nacl = link.ok.nacl?.nacl;
      stages.push(this.naclInboundStage(link.ok, nacl ? segmentAt(this.naclSegments(nacl, 'ingress', protocol, source, range), port) : undefined, label));
      if (nacl) stages.push(this.naclReturn(nacl, protocol, source, `${nacl.r?.id ?? nacl.id} outbound rules`));
    }
    const seg = 'ok' in target.sgs ? segmentAt(this.sgSegments(target.sgs.ok, protocol, source, range), port) : undefined;
    stages.push(this.sgStage(target.sgs, seg, 'security-group', label));
    return stages;
  }

  /**
   * The balancer's side of the forwarded leg: its groups must let the traffic out to the target
   * (egress), and the network ACLs of its subnets must let it out and the replies back in.
   */
  private lbToTargetStages(lb: LoadBalancer, target: Target, protocol: Transport, family: Family, port: number): Stage[] {
    const subnets = Array.isArray(target.subnets) ? target.subnets : [];
    const cidrs: Cidr[] = [];
    let cidrsUnknown = !Array.isArray(target.subnets);
    for (const l of subnets) {
      const c = l && 'ok' in l ? (family === 'ipv4' ? l.ok.cidr4 : l.ok.cidr6 ?? l.ok.cidr4) : undefined;
      if (c) cidrs.push(c);
      else cidrsUnknown = true;
    }
    const dest: Source = { kind: 'peer', key: `target:${target.r.id}`, family, sgs: new Set('ok' in target.sgs ? target.sgs.ok : []), sgsUnknown: 'unknown' in target.sgs, cidrs, cidrsUnknown };
    const label = `${target.r.id} (its security groups or subnets)`;
    const range = { from: port, to: port };
    const stages: Stage[] = [];
    if (lb.sgs && 'ok' in lb.sgs) {
      const seg = segmentAt(this.sgSegments(lb.sgs.ok, protocol, dest, range, 'egress'), port);
      const ids = lb.sgs.ok.map((g) => g.r?.id ?? g.id);
      if (!seg || seg.decision === 'deny') stages.push({ status: 'block', blockedBy: 'load-balancer-security-group', hop: hop('security-group-egress', ids[0] ?? lb.r.id, lb.sgs.refs, `no egress rule of ${ids.join(', ')} lets the balancer reach ${label} on ${protocol}/${port}`) });
      else if (seg.decision === 'unknown') stages.push({ status: 'unknown', hop: hop('security-group-egress', seg.rule?.sg.r?.id ?? ids[0] ?? lb.r.id, seg.rule ? [seg.rule.ref] : []), unknowns: [seg.rule ? `${seg.rule.ref.resourceId}: ${seg.rule.ref.summary}` : 'load balancer egress'] });
      else stages.push({ status: 'pass', hop: hop('security-group-egress', seg.rules[0]!.sg.r?.id ?? seg.rules[0]!.sg.id, seg.rules.map((x) => x.ref)) });
    }
    for (const link of Array.isArray(lb.subnets) ? lb.subnets : []) {
      if (!link || 'unknown' in link) continue; // already unknown on the way in
      const nacl = link.ok.nacl?.nacl;
      if (!nacl || nacl.implicit) continue;
      const id = nacl.r?.id ?? nacl.id;
      const out = segmentAt(this.naclSegments(nacl, 'egress', protocol, dest, range), port);
      if (out?.decision === 'deny') {
        stages.push({ status: 'block', blockedBy: 'nacl', hop: hop('nacl-egress', id, out.rule ? [out.rule.ref] : [], `${link.ok.r.id} does not let the balancer out to ${label} on ${protocol}/${port}${out.rule ? '' : ' (default deny)'}`) });
        break;
      }
      if (out?.decision === 'unknown') stages.push({ status: 'unknown', hop: hop('nacl-egress', id, out.rule ? [out.rule.ref] : []), unknowns: [`${id} outbound rules`] });
      else stages.push({ status: 'pass', hop: hop('nacl-egress', id, out?.rule ? [out.rule.ref] : []) });
      // the target's replies come back to the balancer's ephemeral ports
      const back = this.naclSegments(nacl, 'ingress', protocol, dest, this.ephemeral);
      if (back.some((x) => x.decision === 'allow')) continue;
      if (back.some((x) => x.decision === 'unknown')) stages.push({ status: 'unknown', hop: hop('nacl-return', id, []), unknowns: [`${id} inbound rules for replies from ${target.r.id}`] });
      else {
        stages.push({ status: 'block', blockedBy: 'nacl-return', hop: hop('nacl-return', id, uniq(back.map((x) => x.rule?.ref)), `${link.ok.r.id} does not let the replies of ${target.r.id} back in on ${rangeText(this.ephemeral)}`) });
        break;
      }
    }
    return stages;
  }

  evaluateLoadBalancer(lb: LoadBalancer, protocol: Transport, family: Family, ports: PortRange[]): Exposure[] {
    const out: Exposure[] = [];
    for (const range of ports) {
      // listeners inside the range are judged one by one; the rest of the range has no listener
      const listeners = lb.listeners.filter((l) => typeof l.port !== 'number' || (l.port >= range.from && l.port <= range.to)).filter((l) => listenerCarries(l.protocol, protocol));
      const knownPorts = [...new Set(listeners.map((l) => l.port).filter((p): p is number => typeof p === 'number'))].sort((a, b) => a - b);
      let rest: PortRange[] = [range];
      for (const port of knownPorts) {
        rest = rest.flatMap((r) => (port < r.from || port > r.to ? [r] : [...(r.from < port ? [{ from: r.from, to: port - 1 }] : []), ...(port < r.to ? [{ from: port + 1, to: r.to }] : [])]));
        const front = this.lbFront(lb, protocol, family, port);
        for (const l of listeners.filter((x) => x.port === port)) {
          const withListener = [...front, { status: 'pass' as const, hop: hop('listener', l.r.id, [l.ref]) }];
          const base = { endpointId: lb.r.id, from: 'internet', protocol, ports: { from: port, to: port }, family };
          const targets: Array<{ tgRef?: RuleRef; tgId: string; target: Target; port?: number; portUnknown?: string }> = [];
          const notes: string[] = [];
          const unknownTg: string[] = [];
          for (const link of l.targetGroups) {
            if (!link) continue;
            if ('unknown' in link) {
              unknownTg.push(link.unknown);
              continue;
            }
            for (const t of link.ok.targets) {
              const port = t.port ?? link.ok.port;
              const entry: (typeof targets)[number] = { tgId: link.ok.r.id, target: t };
              if (link.ref) entry.tgRef = link.ref;
              if (port !== undefined) entry.port = port;
              else if (link.ok.portUnknown) entry.portUnknown = link.ok.portUnknown;
              targets.push(entry);
            }
            unknownTg.push(...link.ok.unknownTargets);
            if (!link.ok.targets.length && !link.ok.unknownTargets.length) notes.push(`${link.ok.r.id} has no registered targets`);
          }
          if (!l.targetGroups.length) notes.push('no target group (fixed response or redirect)');
          const lbLevel = this.assemble(base, withListener);
          if (notes.length || unknownTg.length) lbLevel.path[lbLevel.path.length - 1]!.note = [...notes, ...unknownTg.map((u) => `target not known: ${u}`)].join('; ');
          out.push(lbLevel);
          for (const t of targets) {
            const tgHop: Stage = { status: 'pass', hop: hop('target-group', t.tgId, [t.tgRef, t.target.ref].filter((x): x is RuleRef => x !== undefined)) };
            const tport = t.port ?? port;
            // a target port that is not known: nothing at the target can be judged
            const middle: Stage[] = t.portUnknown ? [{ ...tgHop, status: 'unknown', unknowns: [t.portUnknown] }] : [tgHop, ...this.targetStages(lb, t.target, protocol, family, tport)];
            const stages = [...withListener, ...middle, { status: 'pass' as const, hop: hop('instance', t.target.r.id, []) }];
            const e = this.assemble({ ...base, workloadId: t.target.r.id, workloadPorts: { from: tport, to: tport } }, stages);
            out.push(e);
          }
        }
      }
      // ports without a known listener, split where the balancer's groups or subnet ACLs change their answer
      for (const r of rest.flatMap((x) => this.frontPieces(lb, protocol, family, x))) {
        if (lb.internetFacing.value === false) continue;
        const front = this.lbFront(lb, protocol, family, r.from);
        const blocked = front.find((s) => s.status === 'block');
        const maybe = [...this.topo.unattachedListeners, ...lb.listeners.filter((l) => typeof l.port !== 'number').map((l) => l.r.id)];
        const noListener: Stage = maybe.length
          ? { status: 'unknown', hop: hop('listener', lb.r.id, [], `listeners ${maybe.join(', ')} may listen on ${protocol}/${rangeText(r)}`), unknowns: maybe.map((id) => `${id}: load balancer or port not known`) }
          : { status: 'block', blockedBy: 'load-balancer-listener', hop: hop('listener', lb.r.id, [], `no listener on ${protocol}/${rangeText(r)}`) };
        const stages = blocked ? front : [...front, noListener];
        out.push(this.assemble({ endpointId: lb.r.id, from: 'internet', protocol, ports: r, family }, stages));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- VPC peering (east-west)

  /** Subnets by VPC (subnets whose VPC is not known are left out). */
  subnetsByVpc(): Map<Vpc, Subnet[]> {
    const out = new Map<Vpc, Subnet[]>();
    for (const s of this.topo.subnets.values()) {
      if (!s.vpc || !('ok' in s.vpc)) continue;
      const list = out.get(s.vpc.ok);
      if (list) list.push(s);
      else out.set(s.vpc.ok, [s]);
    }
    return out;
  }

  /** The route a table uses for a whole block: the longest prefix containing it (undefined: none). */
  routeFor(table: RouteTable, block: Cidr): RouteTable['routes'][number] | 'unknown' | undefined {
    let best: RouteTable['routes'][number] | undefined;
    let bestPrefix = -1;
    for (const route of table.routes) {
      if ('unknown' in route.dest) return 'unknown';
      for (const c of route.dest) if (cidrContains(c, block) && c.prefix > bestPrefix) {
        best = route;
        bestPrefix = c.prefix;
      }
    }
    return best;
  }

  private viaPeering(table: RouteTable | undefined, block: Cidr, p: Peering): 'yes' | 'no' | 'unknown' {
    if (!table || (!table.r && !table.implicit)) return 'unknown';
    const route = this.routeFor(table, block);
    if (route === 'unknown') return 'unknown';
    // a route whose table could not be resolved may sit in this one
    if ((!route || route.blackhole) && this.topo.unresolvedRoutes.length) return 'unknown';
    if (!route || route.blackhole) return 'no';
    if ('unknown' in route.target) return 'unknown';
    if (route.target.kind !== 'peering') return 'no';
    if (!route.target.r) return 'unknown';
    return route.target.r === p.r ? 'yes' : 'no';
  }

  /**
   * Flows from every address of one VPC to the endpoints of a VPC peered with it: the source VPC
   * routes the destination's block to the peering, the connection is accepted, the destination
   * subnet routes the replies back through it, its network ACL admits the source block both ways,
   * and its security groups admit the source block (group references across the peering name
   * single groups, not the whole VPC, and do not count).
   */
  computePeering(opts: AwsReachOptions = {}): Exposure[] {
    const protocols = opts.protocols ?? (opts.ports ? ['tcp'] : ['tcp', 'udp']);
    const out: Exposure[] = [];
    const subnetsOf = this.subnetsByVpc();
    for (const p of this.topo.peerings) {
      if (!p.a || !p.b || !('ok' in p.a) || !('ok' in p.b)) continue;
      // IPv6 over the peering where both VPCs' IPv6 blocks are in the files
      for (const [from, to, family] of [[p.a.ok, p.b.ok, 'ipv4'], [p.b.ok, p.a.ok, 'ipv4'], [p.a.ok, p.b.ok, 'ipv6'], [p.b.ok, p.a.ok, 'ipv6']] as const) {
        const fromBlock = from.cidrs.find((c) => c.family === family);
        const toBlock = to.cidrs.find((c) => c.family === family);
        if (!fromBlock || !toBlock) continue;
        const source: Source = { kind: 'peer', key: `vpc:${from.r.id}`, family, sgs: new Set(), cidrs: [fromBlock], cidrsUnknown: false };
        const label = `${from.r.id} (${fromBlock.text})`;
        // the way out of the source VPC: some subnet routes the destination block to the peering
        const outAnswers = (subnetsOf.get(from) ?? []).map((s) => ({ s, a: this.viaPeering(s.routeTable?.table, toBlock, p) }));
        const outYes = outAnswers.find((x) => x.a === 'yes');
        const outStage: Stage = outYes
          ? { status: 'pass', hop: hop('route-table', outYes.s.routeTable!.table.r?.id ?? outYes.s.routeTable!.table.id, uniq([outYes.s.routeTable!.ref, ...outYes.s.routeTable!.table.routes.filter((r) => 'r' in r.target && r.target.r === p.r).map((r) => r.ref)]), `${outYes.s.r.id} routes ${toBlock.text} to ${p.r.id}`) }
          : outAnswers.some((x) => x.a === 'unknown') || [...this.topo.subnets.values()].some((x) => !x.vpc || 'unknown' in x.vpc)
            ? { status: 'unknown', hop: hop('route-table', '?', []), unknowns: [`route from ${from.r.id} to ${toBlock.text}`] }
            : { status: 'block', blockedBy: 'no-route', hop: hop('route-table', from.r.id, [], `no subnet of ${from.r.id} routes ${toBlock.text} to ${p.r.id}`) };
        const f = p.active;
        const peerStage: Stage = f.value === true ? { status: 'pass', hop: hop('vpc-peering', p.r.id, [f.ref]) } : f.value === 'unknown' ? { status: 'unknown', hop: hop('vpc-peering', p.r.id, f.ref ? [f.ref] : []), unknowns: [f.what] } : { status: 'block', blockedBy: 'no-route', hop: hop('vpc-peering', p.r.id, f.ref ? [f.ref] : [], 'peering connection not accepted') };
        // the workloads of the subnets that route to the peering send the flows (their egress is judged)
        const bySubnet = this.endpointsBySubnet();
        const workloads = outAnswers.filter((x) => x.a === 'yes').flatMap((x) => bySubnet.get(x.s) ?? []);
        for (const ep of this.topo.endpoints) {
          if (!ep.subnet || !('ok' in ep.subnet)) continue;
          const subnet = ep.subnet.ok;
          if (!subnet.vpc || !('ok' in subnet.vpc) || subnet.vpc.ok !== to) continue;
          // IPv6: only endpoints in a subnet with an IPv6 block that may have an IPv6 address
          if (family === 'ipv6' && (!subnet.cidr6 || ep.ipv6.value === false)) continue;
          const epBlock = (family === 'ipv4' ? subnet.cidr4 : subnet.cidr6) ?? toBlock;
          const v6 = ep.ipv6;
          const addrStages: Stage[] = family === 'ipv6' && v6.value === 'unknown' ? [{ status: 'unknown', hop: hop('ipv6-address', ep.r.id, v6.ref ? [v6.ref] : []), unknowns: [v6.what] }] : [];
          const epFlows: Exposure[] = [];
          const dest: Source = { kind: 'peer', key: `subnet:${subnet.r.id}`, family, sgs: new Set(), cidrs: [epBlock], cidrsUnknown: false };
          const destLabel = `${ep.r.id} (${epBlock.text})`;
          for (const protocol of protocols) {
            const ranges = opts.ports ?? ('ok' in ep.sgs ? this.sgSegments(ep.sgs.ok, protocol, source, ALL).filter((x) => x.decision !== 'deny').map((x) => ({ from: x.from, to: x.to })) : [ALL]);
            for (const range of ranges) {
              const back = this.viaPeering(subnet.routeTable?.table, fromBlock, p);
              const rt = subnet.routeTable;
              const backStage: Stage = back === 'yes' ? { status: 'pass', hop: hop('route-table', rt!.table.r?.id ?? rt!.table.id, [rt!.ref], `replies to ${fromBlock.text} go back through ${p.r.id}`) } : back === 'unknown' ? { status: 'unknown', hop: hop('route-table', rt?.table.r?.id ?? '?', rt ? [rt.ref] : []), unknowns: [`route from ${subnet.r.id} back to ${fromBlock.text}`] } : { status: 'block', blockedBy: 'no-route', hop: hop('route-table', rt!.table.r?.id ?? rt!.table.id, [rt!.ref], `${subnet.r.id} does not route ${fromBlock.text} back through ${p.r.id}`) };
              const nacl = subnet.nacl?.nacl;
              const naclIn = nacl ? this.naclSegments(nacl, 'ingress', protocol, source, range) : [];
              const sgSegs = 'ok' in ep.sgs ? this.sgSegments(ep.sgs.ok, protocol, source, range) : [];
              const base = { endpointId: ep.r.id, from: from.r.id, protocol, family };
              if ([outStage, peerStage, backStage].some((x) => x.status === 'block')) {
                epFlows.push(this.assemble({ ...base, ports: range }, [outStage, peerStage, backStage], hop('vpc', from.r.id, [])));
                continue;
              }
              for (const piece of refine(range, naclIn, sgSegs)) {
                const stages: Stage[] = [outStage, peerStage, backStage, ...addrStages, this.naclInboundStage(subnet, segmentAt(naclIn, piece.from), label)];
                if (nacl) stages.push(this.naclReturn(nacl, protocol, source, `${nacl.r?.id ?? nacl.id} outbound rules`));
                stages.push(this.sgStage(ep.sgs, segmentAt(sgSegs, piece.from), 'security-group', label));
                stages.push({ status: 'pass', hop: hop(ep.kind === 'instance' ? 'instance' : 'eni', ep.r.id, []) });
                epFlows.push(this.assemble({ ...base, ports: piece }, stages, hop('vpc', from.r.id, [])));
              }
            }
          }
          for (const f of this.fromWorkloads(epFlows, workloads, () => ({ source: dest, label: destLabel }))) out.push(f);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- all of it

  compute(opts: AwsReachOptions = {}): Exposure[] {
    const protocols = opts.protocols ?? (opts.ports ? ['tcp'] : ['tcp', 'udp']);
    const out: Exposure[] = [];
    for (const ep of this.topo.endpoints) {
      for (const protocol of protocols) {
        for (const family of ['ipv4', 'ipv6'] as const) {
          const fact = family === 'ipv4' ? ep.ipv4 : ep.ipv6;
          // a family the endpoint has no address in: only rules that surely open something are worth explaining
          const open = this.candidateRanges(ep.sgs, protocol, family, fact.value === false);
          let ranges: PortRange[];
          if (opts.ports) {
            // ipv6 only when the endpoint may have an IPv6 address or a group opens something to ::/0
            if (family === 'ipv6' && fact.value === false && open.length === 0) continue;
            ranges = opts.ports;
          } else {
            ranges = open;
            if (!ranges.length && 'unknown' in ep.sgs && fact.value !== false) ranges = [ALL];
          }
          for (const range of ranges) out.push(...this.evaluateEndpoint(ep, protocol, family, range));
        }
      }
    }
    for (const lb of this.topo.loadBalancers) {
      for (const protocol of protocols) {
        const families: Family[] = ['ipv4'];
        if (lb.r.attributes.ip_address_type === 'dualstack' || lb.r.attributes.IpAddressType === 'dualstack') families.push('ipv6');
        for (const family of families) {
          let ranges: PortRange[];
          if (opts.ports) ranges = opts.ports;
          else {
            const listenerPorts = lb.listeners.filter((l) => listenerCarries(l.protocol, protocol)).map((l) => (typeof l.port === 'number' ? { from: l.port, to: l.port } : ALL));
            const sgOpen = lb.sgs === undefined ? [] : this.candidateRanges(lb.sgs, protocol, family);
            ranges = mergeRanges([...listenerPorts, ...sgOpen]);
          }
          if (ranges.length) out.push(...this.evaluateLoadBalancer(lb, protocol, family, ranges));
        }
      }
    }
    return out;
  }
}

function listenerCarries(listenerProtocol: string, protocol: Transport): boolean {
  if (listenerProtocol === 'UDP') return protocol === 'udp';
  if (listenerProtocol === 'TCP_UDP') return true;
  return protocol === 'tcp';
}

export function uniq(refs: Array<RuleRef | undefined>): RuleRef[] {
  const seen = new Set<string>();
  const out: RuleRef[] = [];
  for (const r of refs) {
    if (!r) continue;
    const key = `${r.resourceId}|${r.attributePath ?? ''}|${r.summary}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}

export function uniqStr(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x !== ''))];
}

/**
 * Every AWS endpoint's exposure to the internet: instances and ENIs for each port range their
 * security groups open to the internet (or the asked ports), internet-facing load balancers for
 * each listener and the targets behind it.
 */
export function computeAwsExposures(resources: readonly Resource[], opts: AwsReachOptions = {}): Exposure[] {
  const engine = new AwsReachability(buildAwsTopology(resources), opts);
  return engine.compute(opts);
}

/**
 * East-west flows between peered VPCs: for each peering and direction, every endpoint of the
 * destination VPC judged from the whole source VPC block (`Exposure.from` is the source VPC id).
 */
export function computeAwsPeeringExposures(resources: readonly Resource[], opts: AwsReachOptions = {}): Exposure[] {
  return new AwsReachability(buildAwsTopology(resources), opts).computePeering(opts);
}
