/**
 * East-west reachability between VPCs through transit gateways and NAT gateways (issue #3 part 1),
 * beside VPC peering (`AwsReachability.computePeering`). Semantics and simplifications:
 * docs/reachability.md, "Transit gateways" and "NAT gateways".
 *
 * Transit gateway, VPC A → endpoint in subnet D of VPC B: a subnet of A routes D's block to the
 * gateway (longest prefix), the route table associated with A's attachment sends D's block to B's
 * attachment (static routes before propagated VPC blocks at equal length; blackhole), B's
 * attachment has a subnet (its Availability Zone is not checked), the table associated with B's
 * attachment routes A's block back to A's attachment, D routes A's block back to the gateway,
 * the source subnet's NACL lets the traffic out and the replies in, D's NACL lets it in and the
 * replies out, and the endpoint's groups admit A's block by CIDR (group references do not cross
 * a transit gateway).
 *
 * NAT gateway, workloads of VPC A → public endpoint of another VPC: subnets of A send 0.0.0.0/0 to
 * a public NAT gateway, whose subnet routes the internet to an attached internet gateway; the
 * destination sees the NAT's Elastic IP, so its public address, route, NACL and groups must admit
 * that address. An Elastic IP whose address is not in the files is unknown, except for rules
 * open to every address (`0.0.0.0/0`) and rules naming `aws_eip.<name>.public_ip`.
 *
 * Sources: where the sending subnet has workloads (instances, ENIs), each of them is the source
 * (`Exposure.from`) and its groups' egress must let the traffic out (`AwsReachability.fromWorkloads`):
 * to the destination subnet's block over peering and transit gateways, to a public address not in
 * the files through a NAT gateway. A subnet without workloads stays the source (`from` is its VPC).
 */
import { isUnknown, type PortRange, type Resource } from '../../../model/index.js';
import { parseCidr, type Cidr, type Family } from '../common/addr.js';
import { refine, segmentAt, subtractRanges, type Segment } from '../common/ports.js';
import type { Exposure, Hop, RuleRef } from '../types.js';
import { ALL, AwsReachability, hop, uniq, type AwsReachOptions, type Source, type Stage, type Transport } from './evaluate.js';
import { buildAwsTopology, ruleRef, type ModelIndex } from './topology.js';
import type { Endpoint, Nacl, NaclRule, NatGateway, RouteTable, Subnet, TgwAttachment, TgwRouteTable, TransitGateway, Vpc } from './topology.js';

const DEFAULT_ROUTE = parseCidr('0.0.0.0/0')!;

/** Does a VPC route table send `block` to this gateway (`kind`, resource)? */
function routesTo(engine: AwsReachability, table: RouteTable | undefined, block: Cidr, kind: 'tgw' | 'nat', r: TransitGateway['r'] | NatGateway['r']): 'yes' | 'no' | 'unknown' {
  if (!table || (!table.r && !table.implicit)) return 'unknown';
  const route = engine.routeFor(table, block);
  if (route === 'unknown') return 'unknown';
  if ((!route || route.blackhole) && engine.topo.unresolvedRoutes.length) return 'unknown';
  if (!route || route.blackhole) return 'no';
  if ('unknown' in route.target) return 'unknown';
  if (route.target.kind !== kind) return 'no';
  if (!route.target.r) return 'unknown';
  return route.target.r === r ? 'yes' : 'no';
}

/** The subnets whose tables route `block` to the gateway; when there are none, the stage that says why (no-route / unknown). */
function senders(engine: AwsReachability, subnets: Subnet[], block: Cidr, kind: 'tgw' | 'nat', r: TransitGateway['r'], what: string): { yes: Subnet[]; none?: Stage } {
  const answers = subnets.map((s) => ({ s, a: routesTo(engine, s.routeTable?.table, block, kind, r) }));
  const yes = answers.filter((x) => x.a === 'yes').map((x) => x.s);
  if (yes.length) return { yes };
  if (answers.some((x) => x.a === 'unknown') || [...engine.topo.subnets.values()].some((x) => !x.vpc || 'unknown' in x.vpc)) return { yes, none: { status: 'unknown', hop: hop('route-table', '?', []), unknowns: [`route from ${what} to ${block.text}`] } };
  return { yes, none: { status: 'block', blockedBy: 'no-route', hop: hop('route-table', what, [], `no subnet of ${what} routes ${block.text} to ${r.id}`) } };
}

function sendStage(s: Subnet, block: Cidr, r: TransitGateway['r']): Stage {
  const rt = s.routeTable!;
  const refs = uniq([rt.ref, ...rt.table.routes.filter((x) => 'r' in x.target && x.target.r === r).map((x) => x.ref)]);
  return { status: 'pass', hop: hop('route-table', rt.table.r?.id ?? rt.table.id, refs, `${s.r.id} routes ${block.text} to ${r.id}`) };
}

/** The destination subnet routes the source block back through the gateway. */
function routeBackStage(engine: AwsReachability, subnet: Subnet, block: Cidr, r: TransitGateway['r']): Stage {
  const rt = subnet.routeTable;
  const a = routesTo(engine, rt?.table, block, 'tgw', r);
  const id = rt?.table.r?.id ?? rt?.table.id ?? '?';
  if (a === 'yes') return { status: 'pass', hop: hop('route-table', id, rt ? [rt.ref] : [], `replies to ${block.text} go back through ${r.id}`) };
  if (a === 'unknown') return { status: 'unknown', hop: hop('route-table', id, rt ? [rt.ref] : []), unknowns: [`route from ${subnet.r.id} back to ${block.text}`] };
  return { status: 'block', blockedBy: 'no-route', hop: hop('route-table', id, rt ? [rt.ref] : [], `${subnet.r.id} does not route ${block.text} back through ${r.id}`) };
}

type TgwAnswer = { to: TgwAttachment; ref: RuleRef } | { blackhole: RuleRef } | { none: true } | { unknown: string };

/**
 * Longest-prefix match in a transit gateway route table over its static routes and the VPC blocks
 * propagated into it; a static route wins over a propagated one of the same length (AWS's order).
 */
export function tgwLookup(table: TgwRouteTable, block: Cidr): TgwAnswer {
  let best: TgwAnswer = { none: true };
  let bestPrefix = -1;
  let bestStatic = false;
  for (const route of table.routes) {
    if ('unknown' in route.dest) return { unknown: route.dest.unknown };
    if (route.dest.family !== block.family || route.dest.start > block.start || block.end > route.dest.end) continue;
    if (route.dest.prefix < bestPrefix) continue;
    bestPrefix = route.dest.prefix;
    bestStatic = true;
    if (route.blackhole) best = { blackhole: route.ref };
    else if (!route.to) best = { unknown: `${route.ref.resourceId}: no attachment` };
    else if ('unknown' in route.to) best = { unknown: route.to.unknown };
    else best = { to: route.to.ok, ref: route.ref };
  }
  for (const p of table.propagations) {
    const vpc = p.attachment.vpc;
    if (!vpc || 'unknown' in vpc) return { unknown: vpc ? vpc.unknown : `${p.attachment.r.id}: VPC not known` };
    // every VPC has an IPv4 block: none read means it is not known
    if (block.family === 'ipv4' && !vpc.ok.cidrs.some((c) => c.family === 'ipv4')) return { unknown: `${vpc.ok.r.id}: IPv4 block not known` };
    // an IPv6 block AWS or an IPAM pool assigns (or one not resolved) is not in the files
    if (block.family === 'ipv6' && !vpc.ok.cidrs.some((c) => c.family === 'ipv6') && ipv6Requested(vpc.ok)) return { unknown: `${vpc.ok.r.id}: IPv6 block not known` };
    for (const c of vpc.ok.cidrs) {
      if (c.family !== block.family || c.start > block.start || block.end > c.end) continue;
      if (c.prefix < bestPrefix || (c.prefix === bestPrefix && bestStatic)) continue;
      bestPrefix = c.prefix;
      bestStatic = false;
      best = { to: p.attachment, ref: { ...p.ref, summary: `${p.ref.summary} (${c.text})` } };
    }
  }
  return best;
}

function ipv6SupportStage(att: TgwAttachment): Stage {
  const r = att.r;
  const opts = r.attributes.Options;
  const v = r.attributes.ipv6_support ?? (opts && typeof opts === 'object' && !Array.isArray(opts) && !isUnknown(opts) ? (opts as Record<string, unknown>).Ipv6Support : isUnknown(opts) ? opts : undefined);
  const ref = ruleRef(r, r.attributes.ipv6_support !== undefined ? 'ipv6_support' : opts !== undefined ? 'Options' : undefined, `ipv6_support = ${isUnknown(v) ? '(unknown)' : String(v ?? 'disable (default)')}`);
  if (isUnknown(v)) return { status: 'unknown', hop: hop('transit-gateway-attachment', r.id, [ref]), unknowns: [`${r.id}.ipv6_support`] };
  if (v === 'enable') return { status: 'pass', hop: hop('transit-gateway-attachment', r.id, [ref], 'IPv6 support enabled') };
  return { status: 'block', blockedBy: 'no-route', hop: hop('transit-gateway-attachment', r.id, [ref], `IPv6 support is not enabled on ${r.id}`) };
}

/** Does the VPC ask for an IPv6 block whose value is not in the files? */
function ipv6Requested(vpc: Vpc): boolean {
  const a = vpc.r.attributes;
  const asked = a.assign_generated_ipv6_cidr_block ?? a.AmazonProvidedIpv6CidrBlock;
  return isUnknown(asked) || asked === true || isUnknown(a.ipv6_cidr_block) || (a.ipv6_ipam_pool_id !== undefined && a.ipv6_ipam_pool_id !== null);
}

/** A transit gateway route table leg: the table associated with `from` sends `block` to `to`. */
function tgwLegStage(engine: AwsReachability, from: TgwAttachment, to: TgwAttachment, block: Cidr, kind: 'transit-gateway-route-table' | 'transit-gateway-return'): Stage {
  const assoc = engine.topo.tgwAssociation.get(from);
  const back = kind === 'transit-gateway-return';
  if (!assoc) return { status: 'block', blockedBy: 'no-route', hop: hop(kind, from.r.id, [], `${from.r.id} is not associated with any transit gateway route table${back ? ' (no return path)' : ''}`) };
  if ('unknown' in assoc) return { status: 'unknown', hop: hop(kind, from.r.id, []), unknowns: [assoc.unknown] };
  const a = tgwLookup(assoc.table, block);
  const id = assoc.table.r?.id ?? assoc.table.id;
  // a route or propagation whose table is not known may be in this one and change the answer
  const pending = engine.topo.tgwUnresolved;
  if (pending.length && !('to' in a && a.to === to)) return { status: 'unknown', hop: hop(kind, id, [assoc.ref]), unknowns: [`transit gateway routes/propagations ${pending.join(', ')} name unresolved route tables or attachments`] };
  if ('unknown' in a) return { status: 'unknown', hop: hop(kind, id, [assoc.ref]), unknowns: [a.unknown] };
  if ('blackhole' in a) return { status: 'block', blockedBy: 'blackhole-route', hop: hop(kind, id, [assoc.ref, a.blackhole], `${block.text} is a blackhole in ${id}`) };
  if ('none' in a) return { status: 'block', blockedBy: 'no-route', hop: hop(kind, id, [assoc.ref], `${id} has no route to ${block.text}${back ? ' (no return path)' : ''} (neither static nor propagated)`) };
  if (a.to !== to) return { status: 'block', blockedBy: 'no-route', hop: hop(kind, id, [assoc.ref, a.ref], `${id} sends ${block.text} to ${a.to.r.id}, not ${to.r.id}`) };
  return { status: 'pass', hop: hop(kind, id, [assoc.ref, a.ref]) };
}

function attachmentSubnetStage(att: TgwAttachment): Stage {
  if (!Array.isArray(att.subnets)) return { status: 'unknown', hop: hop('transit-gateway-attachment', att.r.id, []), unknowns: [att.subnets.unknown] };
  const ok = att.subnets.filter((l): l is { ok: Subnet; ref?: RuleRef } => l !== undefined && 'ok' in l);
  if (ok.length) return { status: 'pass', hop: hop('transit-gateway-attachment', att.r.id, [], `attachment subnets ${ok.map((l) => l.ok.r.id).join(', ')} (Availability Zone not checked)`) };
  const unknown = att.subnets.find((l) => l && 'unknown' in l);
  if (unknown && 'unknown' in unknown) return { status: 'unknown', hop: hop('transit-gateway-attachment', att.r.id, []), unknowns: [unknown.unknown] };
  return { status: 'block', blockedBy: 'no-route', hop: hop('transit-gateway-attachment', att.r.id, [], 'the attachment has no subnets') };
}

/** A NACL letting traffic out (egress on the range) at one port, and the replies back in. */
function naclOutStages(engine: AwsReachability, subnet: Subnet | undefined, protocol: Transport, dest: Source, segs: Segment<NaclRule>[], port: number, label: string): Stage[] {
  const nacl = subnet?.nacl?.nacl;
  if (!subnet || !nacl) return subnet ? [{ status: 'unknown', hop: hop('nacl-egress', '?', []), unknowns: [`network ACL of ${subnet.r.id} not known`] }] : [];
  const id = nacl.r?.id ?? nacl.id;
  const seg = segmentAt(segs, port);
  const rules = seg?.rule ? [seg.rule.ref] : [];
  let out: Stage;
  if (!seg || seg.decision === 'unknown') out = { status: 'unknown', hop: hop('nacl-egress', id, rules), unknowns: [seg?.rule ? `${seg.rule.ref.resourceId}: ${seg.rule.ref.summary}` : `${id} outbound rules`] };
  else if (seg.decision === 'deny') out = { status: 'block', blockedBy: 'nacl', hop: hop('nacl-egress', id, rules, `${subnet.r.id} does not let traffic out to ${label}${seg.rule ? '' : ' (default deny)'}`) };
  else out = { status: 'pass', hop: hop('nacl-egress', id, nacl.implicit ? [subnet.nacl!.ref] : rules) };
  return [out, engine.naclReturn(nacl, protocol, dest, `${id} inbound rules for replies`, 'ingress')];
}

function egressSegments(engine: AwsReachability, subnet: Subnet | undefined, protocol: Transport, dest: Source, range: PortRange): Segment<NaclRule>[] {
  const nacl = subnet?.nacl?.nacl;
  return nacl ? engine.naclSegments(nacl, 'egress', protocol, dest, range) : [];
}

function vpcSource(vpc: Vpc, block: Cidr): Source {
  return { kind: 'peer', key: `vpc:${vpc.r.id}`, family: block.family, sgs: new Set(), cidrs: [block], cidrsUnknown: false };
}

function subnetSource(s: Subnet): Source {
  return { kind: 'peer', key: `subnet:${s.r.id}`, family: 'ipv4', sgs: new Set(), cidrs: s.cidr4 ? [s.cidr4] : [], cidrsUnknown: !s.cidr4 };
}

/** Endpoints by the VPC of their subnet. */
function endpointsByVpc(engine: AwsReachability): Map<Vpc, Array<{ ep: Endpoint; subnet: Subnet }>> {
  const out = new Map<Vpc, Array<{ ep: Endpoint; subnet: Subnet }>>();
  for (const ep of engine.topo.endpoints) {
    if (!ep.subnet || !('ok' in ep.subnet)) continue;
    const subnet = ep.subnet.ok;
    if (!subnet.vpc || !('ok' in subnet.vpc)) continue;
    const list = out.get(subnet.vpc.ok);
    if (list) list.push({ ep, subnet });
    else out.set(subnet.vpc.ok, [{ ep, subnet }]);
  }
  return out;
}

/** The destination half (NACL in both ways, groups, the endpoint) of one piece of the range. */
function destinationStages(engine: AwsReachability, ep: Endpoint, subnet: Subnet, protocol: Transport, source: Source, naclIn: Segment<NaclRule>[], sgSegs: ReturnType<AwsReachability['sgSegments']>, port: number, label: string): Stage[] {
  const nacl: Nacl | undefined = subnet.nacl?.nacl;
  const stages: Stage[] = [engine.naclInboundStage(subnet, segmentAt(naclIn, port), label)];
  if (nacl) stages.push(engine.naclReturn(nacl, protocol, source, `${nacl.r?.id ?? nacl.id} outbound rules`));
  stages.push(engine.sgStage(ep.sgs, segmentAt(sgSegs, port), 'security-group', label));
  stages.push({ status: 'pass', hop: hop(ep.kind === 'instance' ? 'instance' : 'eni', ep.r.id, []) });
  return stages;
}

function protocolsOf(opts: AwsReachOptions): Transport[] {
  return opts.protocols ?? (opts.ports ? ['tcp'] : ['tcp', 'udp']);
}

/**
 * Flows between VPCs attached to the same transit gateway (every ordered pair of attachments). The
 * source is a subnet of the sending VPC whose table routes the destination subnet to the gateway
 * (the first one whose whole path passes, else the first one): its block is what the return routes
 * and the destination's NACL and groups must admit. `Exposure.from` is the sending VPC; when sending
 * subnets have workloads, every such subnet is judged and its workloads are the sources.
 */
export function computeTransit(engine: AwsReachability, opts: AwsReachOptions = {}): Exposure[] {
  const out: Exposure[] = [];
  if (engine.topo.tgwAttachments.length < 2) return out;
  const subnets = engine.subnetsByVpc();
  const endpoints = endpointsByVpc(engine);
  const bySubnet = engine.endpointsBySubnet();
  for (const tgw of engine.topo.transitGateways.values()) {
    const atts = engine.topo.tgwAttachments.filter((a) => a.tgw && 'ok' in a.tgw && a.tgw.ok === tgw && a.vpc && 'ok' in a.vpc);
    for (const a of atts) for (const b of atts) {
      const from = (a.vpc as { ok: Vpc }).ok;
      const to = (b.vpc as { ok: Vpc }).ok;
      if (from === to) continue;
      for (const family of ['ipv4', 'ipv6'] as const) for (const f of transitPair(engine, opts, tgw, a, b, from, to, family, subnets, endpoints, bySubnet)) out.push(f);
    }
  }
  return out;
}

/** The flows from VPC `from` (attachment `a`) to the endpoints of VPC `to` (attachment `b`) in one address family. */
function transitPair(engine: AwsReachability, opts: AwsReachOptions, tgw: TransitGateway, a: TgwAttachment, b: TgwAttachment, from: Vpc, to: Vpc, family: Family, subnets: Map<Vpc, Subnet[]>, endpoints: Map<Vpc, Array<{ ep: Endpoint; subnet: Subnet }>>, bySubnet: Map<Subnet, Endpoint[]>): Exposure[] {
  const out: Exposure[] = [];
  const fromBlock = from.cidrs.find((c) => c.family === family);
  if (!fromBlock) return out;
  // group references cross only gateways with security_group_referencing_support: unknown which groups the sources are in
  const refOpt = tgw.r.attributes.security_group_referencing_support ?? tgw.r.attributes.SecurityGroupReferencingSupport;
  const sgRefs = refOpt === 'enable' || isUnknown(refOpt) ? { sgsUnknown: true } : {};
  const attStage: Stage = { status: 'pass', hop: hop('transit-gateway-attachment', a.r.id, a.vpc && 'ok' in a.vpc && a.vpc.ref ? [a.vpc.ref] : [], `${from.r.id} attached to ${tgw.r.id}`) };
  const bSubnets = attachmentSubnetStage(b);
  // IPv6 crosses a VPC attachment only with its IPv6 support on (AWS default: off)
  const v6Support = family === 'ipv6' ? [ipv6SupportStage(a), ipv6SupportStage(b)] : [];
  type Leg = { stages: { head: Stage[]; mid: Stage[] }; source: Source; label: string; sender?: Subnet; dest: Source };
  const legs = new Map<Subnet, Leg[]>();
  for (const { ep, subnet } of endpoints.get(to) ?? []) {
    // IPv6: only endpoints in a subnet with an IPv6 block (else no IPv6 address), from subnets with one
    const toBlock = family === 'ipv4' ? subnet.cidr4 ?? to.cidrs.find((c) => c.family === 'ipv4') : subnet.cidr6;
    if (!toBlock || (family === 'ipv6' && ep.ipv6.value === false)) continue;
    let chosen = legs.get(subnet);
    if (!chosen) {
      let leg: Leg;
      const dest: Source = { kind: 'peer', key: `subnet:${subnet.r.id}`, family, sgs: new Set(), cidrs: [toBlock], cidrsUnknown: false };
      const fwd = tgwLegStage(engine, a, b, toBlock, 'transit-gateway-route-table');
      const found = senders(engine, subnets.get(from) ?? [], toBlock, 'tgw', tgw.r, from.r.id);
      if (found.none) leg = { stages: { head: [found.none], mid: [] }, source: vpcSource(from, fromBlock), label: `${from.r.id} (${fromBlock.text})`, dest };
      else {
        const options = found.yes.map((s): Leg => {
          const block = family === 'ipv4' ? s.cidr4 ?? fromBlock : s.cidr6 ?? fromBlock;
          const mid = [attStage, ...v6Support, fwd, bSubnets, tgwLegStage(engine, b, a, block, 'transit-gateway-return'), routeBackStage(engine, subnet, block, tgw.r)];
          return { stages: { head: [sendStage(s, toBlock, tgw.r)], mid }, source: { kind: 'peer', key: `subnet:${s.r.id}${sgRefs.sgsUnknown ? '|sg-refs' : ''}`, family, sgs: new Set(), ...sgRefs, cidrs: [block], cidrsUnknown: false }, label: `${s.r.id} (${block.text})`, sender: s, dest };
        });
        leg = options.find((o) => o.stages.mid.every((x) => x.status === 'pass')) ?? options.find((o) => !o.stages.mid.some((x) => x.status === 'block')) ?? options[0]!;
        // sending subnets with workloads: each of them, its workloads as the sources
        const sending = options.filter((o) => bySubnet.get(o.sender!)?.length);
        if (sending.length) chosen = sending;
      }
      chosen ??= [leg];
      legs.set(subnet, chosen);
    }
    // an IPv6 address on the endpoint not known: the flow cannot be more than unknown
    const v6 = ep.ipv6;
    const addr: Stage[] = family === 'ipv6' && v6.value === 'unknown' ? [{ status: 'unknown', hop: hop('ipv6-address', ep.r.id, v6.ref ? [v6.ref] : []), unknowns: [v6.what] }] : [];
    for (const leg of chosen) {
      const flows: Exposure[] = [];
      const stages = addr.length ? { head: leg.stages.head, mid: [...leg.stages.mid, ...addr] } : leg.stages;
      for (const protocol of protocolsOf(opts)) {
        const ranges = opts.ports ?? ('ok' in ep.sgs ? engine.sgSegments(ep.sgs.ok, protocol, leg.source, ALL).filter((x) => x.decision !== 'deny').map((x) => ({ from: x.from, to: x.to })) : [ALL]);
        flows.push(...judge(engine, { endpointId: ep.r.id, from: from.r.id, protocol, family }, ranges, stages, ep, subnet, protocol, leg.source, leg.label, { ...(leg.sender ? { subnet: leg.sender } : {}), dest: leg.dest, label: toBlock.text }, hop('vpc', from.r.id, [])));
      }
      // group references in egress rules cross the gateway only with referencing support: then unknown
      const egressDest: Source = sgRefs.sgsUnknown && leg.dest.kind === 'peer' ? { ...leg.dest, key: `${leg.dest.key}|sg-refs`, sgsUnknown: true } : leg.dest;
      out.push(...engine.fromWorkloads(flows, leg.sender ? bySubnet.get(leg.sender) ?? [] : [], () => ({ source: egressDest, label: `${ep.r.id} (${toBlock.text})` })));
    }
  }
  return out;
}

/**
 * One flow per piece of each range, hops in path order: `route.head`, the sending subnet's NACL out
 * and back, `extra` (per port), `route.mid`, the destination. When a port-independent stage
 * (head or mid) blocks, one verdict covers the whole range.
 */
function judge(
  engine: AwsReachability,
  base: Omit<Exposure, 'verdict' | 'path' | 'ports'>,
  ranges: PortRange[],
  route: { head: Stage[]; mid: Stage[] },
  ep: Endpoint,
  subnet: Subnet,
  protocol: Transport,
  source: Source,
  label: string,
  sender: { subnet?: Subnet; dest: Source; label: string },
  first: Hop,
  extra: (range: PortRange) => { lists: PortRange[][]; at: (port: number) => Stage[] } = () => ({ lists: [], at: () => [] }),
): Exposure[] {
  const out: Exposure[] = [];
  for (const range of ranges) {
    const fixed = [...route.head, ...route.mid];
    if (fixed.some((x) => x.status === 'block')) {
      out.push(engine.assemble({ ...base, ports: range }, fixed, first));
      continue;
    }
    const nacl = subnet.nacl?.nacl;
    const naclIn = nacl ? engine.naclSegments(nacl, 'ingress', protocol, source, range) : [];
    const sgSegs = 'ok' in ep.sgs ? engine.sgSegments(ep.sgs.ok, protocol, source, range) : [];
    const srcOut = egressSegments(engine, sender.subnet, protocol, sender.dest, range);
    const more = extra(range);
    for (const piece of refine(range, naclIn, sgSegs, srcOut, ...more.lists)) {
      const stages = [...route.head, ...naclOutStages(engine, sender.subnet, protocol, sender.dest, srcOut, piece.from, sender.label), ...more.at(piece.from), ...route.mid, ...destinationStages(engine, ep, subnet, protocol, source, naclIn, sgSegs, piece.from, label)];
      out.push(engine.assemble({ ...base, ports: piece }, stages, first));
    }
  }
  return out;
}

/**
 * Flows from the workloads behind each public NAT gateway to the public endpoints of other VPCs.
 * Without `opts.ports`, only the ranges the endpoint admits from the NAT's address but not from
 * every internet address are judged: what is open to the whole internet is an internet flow already.
 */
export function computeNat(engine: AwsReachability, opts: AwsReachOptions = {}): Exposure[] {
  const out: Exposure[] = [];
  if (!engine.topo.natGateways.length) return out;
  const subnets = engine.subnetsByVpc();
  const endpoints = endpointsByVpc(engine);
  const bySubnet = engine.endpointsBySubnet();
  for (const nat of engine.topo.natGateways) {
    if (!nat.subnet || !('ok' in nat.subnet)) continue;
    const natSubnet = nat.subnet.ok;
    const vpc = natSubnet.vpc && 'ok' in natSubnet.vpc ? natSubnet.vpc.ok : undefined;
    if (!vpc) continue;
    // the workloads it serves: subnets whose default route goes to it
    const clients = (subnets.get(vpc) ?? []).filter((s) => routesTo(engine, s.routeTable?.table, DEFAULT_ROUTE, 'nat', nat.r) === 'yes');
    if (!clients.length) continue;
    // each client subnet with workloads sends from them; none: the first client subnet (as a subnet)
    const withWorkloads = clients.filter((c) => bySubnet.get(c)?.length);
    for (const client of withWorkloads.length ? withWorkloads : [clients[0]!]) out.push(...natFlows(engine, opts, nat, vpc, natSubnet, client, endpoints, bySubnet.get(client) ?? []));
  }
  return out;
}

/** NAT flows from one client subnet (its workloads when it has some) to the public endpoints of other VPCs. */
function natFlows(engine: AwsReachability, opts: AwsReachOptions, nat: NatGateway, vpc: Vpc, natSubnet: Subnet, client: Subnet, endpoints: Map<Vpc, Array<{ ep: Endpoint; subnet: Subnet }>>, workloads: Endpoint[]): Exposure[] {
  const out: Exposure[] = [];
  const internet: Source = { kind: 'internet', family: 'ipv4' };
  const rt = client.routeTable!;
  const clientStage: Stage = { status: 'pass', hop: hop('route-table', rt.table.r?.id ?? rt.table.id, uniq([rt.ref, ...rt.table.routes.filter((x) => 'r' in x.target && x.target.r === nat.r).map((x) => x.ref)]), `${client.r.id} routes 0.0.0.0/0 to ${nat.r.id}`) };
  const eip = nat.eip;
  const natStage: Stage = nat.private
    ? { status: 'block', blockedBy: 'no-route', hop: hop('nat-gateway', nat.r.id, [], 'private NAT gateway: no internet access') }
    : 'unknown' in eip
      ? { status: 'unknown', hop: hop('nat-gateway', nat.r.id, []), unknowns: [eip.unknown] }
      : { status: 'pass', hop: hop('nat-gateway', nat.r.id, eip.ref ? [eip.ref] : [], eip.cidr ? `source address ${eip.cidr.text}` : 'source address: its Elastic IP (address not in the files)') };
  const natRoute = engine.routeStages(natSubnet, 'ipv4');
  const natSource: Source = { kind: 'peer', key: `nat:${nat.r.id}`, family: 'ipv4', sgs: new Set(), cidrs: 'unknown' in eip || !eip.cidr ? [] : [eip.cidr], cidrsUnknown: 'unknown' in eip || !eip.cidr, names: 'unknown' in eip ? [] : eip.names, publicOnly: true };
  const label = `${nat.r.id} (${'unknown' in eip || !eip.cidr ? 'its Elastic IP' : eip.cidr.text})`;
  const clientSource = subnetSource(client);
  for (const [destVpc, list] of endpoints) {
    if (destVpc === vpc) continue;
    for (const { ep, subnet } of list) {
      const addr = engine.addressStage(ep, ep.ipv4, 'ipv4');
      const destRoute = engine.routeStages(subnet, 'ipv4');
      for (const protocol of protocolsOf(opts)) {
        let ranges: PortRange[];
        if (opts.ports) ranges = opts.ports;
        else if (!('ok' in ep.sgs)) continue;
        else {
          const viaNat = engine.sgSegments(ep.sgs.ok, protocol, natSource, ALL).filter((x) => x.decision !== 'deny');
          const open = engine.sgSegments(ep.sgs.ok, protocol, internet, ALL).filter((x) => x.decision === 'allow');
          ranges = subtractRanges(viaNat, open);
        }
        if (!ranges.length) continue;
        // the NAT's subnet: in from the client subnet and out to the internet, replies both ways
        const extra = (range: PortRange): { lists: PortRange[][]; at: (port: number) => Stage[] } => {
          const n = natSubnet.nacl?.nacl;
          const fromClient = n ? engine.naclSegments(n, 'ingress', protocol, clientSource, range) : [];
          const toNet = egressSegments(engine, natSubnet, protocol, internet, range);
          return {
            lists: [fromClient, toNet],
            at: (port) => {
              const st: Stage[] = [engine.naclInboundStage(natSubnet, n ? segmentAt(fromClient, port) : undefined, `${client.r.id}`)];
              if (n) st.push(engine.naclReturn(n, protocol, clientSource, `${n.r?.id ?? n.id} outbound rules`));
              return [...st, ...naclOutStages(engine, natSubnet, protocol, internet, toNet, port, 'the internet')];
            },
          };
        };
        const stages = { head: [clientStage], mid: [natStage, ...natRoute, addr, ...destRoute] };
        // the workload's egress: to a public address of the destination (not in the files: /0 rules allow, private blocks do not)
        const publicDest: Source = { kind: 'peer', key: `public:${ep.r.id}`, family: 'ipv4', sgs: new Set(), cidrs: [], cidrsUnknown: true, publicOnly: true };
        out.push(...engine.fromWorkloads(judge(engine, { endpointId: ep.r.id, from: vpc.r.id, protocol, family: 'ipv4' }, ranges, stages, ep, subnet, protocol, natSource, label, { subnet: client, dest: internet, label: 'the internet' }, hop('vpc', vpc.r.id, []), extra), workloads, () => ({ source: publicDest, label: `${ep.r.id} (its public address)` })));
      }
    }
  }
  return out;
}

/** Every east-west flow of an engine: VPC peering, transit gateways, NAT gateways. */
export function eastWest(engine: AwsReachability, opts: AwsReachOptions = {}): Exposure[] {
  return [...engine.computePeering(opts), ...computeTransit(engine, opts), ...computeNat(engine, opts)];
}

/**
 * East-west flows between VPCs (`Exposure.from` is the source VPC): through peering connections,
 * transit gateways, and NAT gateways to public endpoints of other VPCs.
 */
export function computeAwsEastWestExposures(resources: readonly Resource[], opts: AwsReachOptions = {}, index?: ModelIndex): Exposure[] {
  return eastWest(new AwsReachability(buildAwsTopology(resources, index), opts), opts);
}
