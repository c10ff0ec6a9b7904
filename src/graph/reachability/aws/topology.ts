/**
 * The AWS network topology read from model resources (Terraform HCL / plan shape and
 * CloudFormation): VPCs, internet gateways and their attachments, subnets, route tables with their
 * routes and associations, network ACLs, security groups (rules from `resource.network`, filled by
 * src/model/normalize/network/), prefix lists, instances, ENIs, Elastic IPs, load balancers,
 * listeners, target groups and their targets (attachments, auto scaling groups).
 *
 * Every link is resolved once into maps (by model id, and by the cloud id / ARN a plan or state
 * carries), so evaluation never scans the resource list. A link that cannot be resolved is kept as
 * an `unknown` naming the attribute, never dropped.
 */
import {
  asBool,
  asList,
  asNumber,
  asString,
  getPath,
  isObject,
  isUnknown,
  locate,
  type NetworkRule,
  type Resource,
  type Value,
  type ValueObject,
} from '../../../model/index.js';
import { parseCidr, type Cidr } from '../common/addr.js';
import type { RuleRef } from '../types.js';

/** Three-valued fact with the rule that states it and, when unknown, what it depends on. */
export type Fact = { value: true; ref: RuleRef } | { value: false; ref?: RuleRef } | { value: 'unknown'; what: string; ref?: RuleRef };

export type Link<T> = { ok: T; ref?: RuleRef } | { unknown: string } | undefined;

export interface Vpc {
  r: Resource;
  cidrs: Cidr[];
  /** internet gateways attached to this VPC, with the attribute that attaches them */
  igws: Map<Resource, RuleRef>;
  main?: RouteTable;
  defaultNacl?: Nacl;
  defaultSg?: Sg;
}

export type RouteTargetKind = 'igw' | 'eigw' | 'nat' | 'vgw' | 'peering' | 'tgw' | 'eni' | 'instance' | 'endpoint' | 'local' | 'other';

export interface Route {
  /** destination blocks (a prefix list gives several); 'unknown' when unresolved */
  dest: Cidr[] | { unknown: string };
  target: { kind: RouteTargetKind; r?: Resource; literal?: string } | { unknown: string };
  /** true for a route whose state is blackhole (plan/state `state`, transit gateway `blackhole`) */
  blackhole: boolean;
  ref: RuleRef;
}

export interface RouteTable {
  r?: Resource;
  /** display id: the resource id, or "<vpc>:main" for an implicit main table */
  id: string;
  vpc: Link<Vpc>;
  routes: Route[];
  implicit: boolean;
}

export interface NaclRule {
  rule: NetworkRule;
  ref: RuleRef;
}

export interface Nacl {
  r?: Resource;
  id: string;
  rules: NaclRule[];
  /** the AWS-created default ACL that nobody declared: allows everything */
  implicit: boolean;
  /**
   * rules that may apply but whose match is not known: a rule list given by an unresolved value
   * (priority -1: anywhere), a rule resource whose direction is unknown
   */
  uncertain: UncertainNaclRule[];
}

export interface UncertainNaclRule {
  /** -1 when the position is not known */
  priority: number;
  direction: 'ingress' | 'egress' | 'both';
  ref: RuleRef;
}

export interface SgRule {
  rule: NetworkRule;
  ref: RuleRef;
  sg: Sg;
}

export interface Sg {
  r?: Resource;
  id: string;
  rules: SgRule[];
  vpc: Link<Vpc>;
  /** the AWS-created default group that nobody declared: only members reach members */
  implicit: boolean;
  /** directions whose rule list is (partly) an unresolved value */
  unknownRules: Array<{ direction: 'ingress' | 'egress'; what: string }>;
  /**
   * true when the group keeps AWS's default egress rule (all traffic out): an undeclared group, or
   * a CloudFormation group without SecurityGroupEgress or egress rule resources. Terraform removes
   * that rule from the groups it manages, so there only the declared egress rules count.
   */
  defaultEgress: boolean;
}

export interface Subnet {
  r: Resource;
  vpc: Link<Vpc>;
  cidr4?: Cidr;
  cidr6?: Cidr;
  routeTable?: { table: RouteTable; ref: RuleRef };
  nacl?: { nacl: Nacl; ref: RuleRef };
}

export interface Endpoint {
  r: Resource;
  kind: 'instance' | 'eni';
  subnet: Link<Subnet>;
  sgs: { ok: Sg[]; refs: RuleRef[] } | { unknown: string };
  ipv4: Fact;
  ipv6: Fact;
}

export interface Listener {
  r: Resource;
  port: number | { unknown: string };
  protocol: string;
  targetGroups: Array<Link<TargetGroup>>;
  ref: RuleRef;
}

export interface TargetGroup {
  r: Resource;
  port?: number;
  /** set when the port is an unresolved value */
  portUnknown?: string;
  protocol: string;
  targets: Target[];
  /** targets named by a value that could not be resolved */
  unknownTargets: string[];
}

export interface Target {
  /** the instance, ENI or auto scaling group registered */
  r: Resource;
  ref: RuleRef;
  port?: number;
  subnets: Link<Subnet>[] | { unknown: string };
  sgs: { ok: Sg[]; refs: RuleRef[] } | { unknown: string };
}

export interface LoadBalancer {
  r: Resource;
  kind: 'application' | 'network' | 'gateway' | 'classic';
  internetFacing: Fact;
  subnets: Link<Subnet>[] | { unknown: string };
  sgs: { ok: Sg[]; refs: RuleRef[] } | { unknown: string } | undefined;
  listeners: Listener[];
}

export interface Peering {
  r: Resource;
  /** the requester's and the accepter's VPC */
  a: Link<Vpc>;
  b: Link<Vpc>;
  /** accepted (auto_accept, an accepter resource, or one account in CloudFormation) */
  active: Fact;
}

/** A transit gateway and its default route table (used when its default association/propagation are on). */
export interface TransitGateway {
  r: Resource;
  /** `default_route_table_association` / `DefaultRouteTableAssociation` (AWS default: enable) */
  defaultAssociation: boolean;
  defaultPropagation: boolean;
  defaultTable: TgwRouteTable;
}

export interface TgwAttachment {
  r: Resource;
  tgw: Link<TransitGateway>;
  vpc: Link<Vpc>;
  /** the attachment's subnets (one per AZ it serves); the AZ is not checked (docs/reachability.md) */
  subnets: Link<Subnet>[] | { unknown: string };
  /** the attachment's own opt-outs of the default table (Terraform, default true) */
  defaultAssociation: boolean;
  defaultPropagation: boolean;
}

export interface TgwRoute {
  dest: Cidr | { unknown: string };
  /** the attachment it sends to; undefined for a blackhole */
  to?: Link<TgwAttachment>;
  blackhole: boolean;
  ref: RuleRef;
}

export interface TgwRouteTable {
  r?: Resource;
  /** display id: the resource id, or "<tgw>:default" */
  id: string;
  tgw?: TransitGateway;
  /** static routes */
  routes: TgwRoute[];
  /** attachments whose VPC blocks are propagated into this table, with the resource that says so */
  propagations: Array<{ attachment: TgwAttachment; ref: RuleRef }>;
}

/** A NAT gateway: its subnet, and the Elastic IP its clients appear as on the internet. */
export interface NatGateway {
  r: Resource;
  subnet: Link<Subnet>;
  /** `connectivity_type = "private"` gateways never reach the internet */
  private: boolean;
  /** the public address: a CIDR /32 when known; `names` are expressions that denote it (`aws_eip.nat.public_ip`) */
  eip: { cidr?: Cidr; names: string[]; ref?: RuleRef } | { unknown: string };
}

export interface AwsTopology {
  endpoints: Endpoint[];
  peerings: Peering[];
  transitGateways: Map<Resource, TransitGateway>;
  tgwAttachments: TgwAttachment[];
  /** the route table each attachment is associated with (explicit association, else the default table) */
  tgwAssociation: Map<TgwAttachment, { table: TgwRouteTable; ref: RuleRef } | { unknown: string }>;
  natGateways: NatGateway[];
  /** transit gateway routes and propagations whose table or attachment could not be resolved: they may sit in any table */
  tgwUnresolved: string[];
  loadBalancers: LoadBalancer[];
  subnets: Map<Resource, Subnet>;
  vpcs: Map<Resource, Vpc>;
  prefixLists: Map<Resource, Cidr[]>;
  /** standalone rules whose group could not be resolved: they may belong to any group */
  unattachedSgRules: string[];
  /** route-table / NACL associations whose subnet could not be resolved */
  unresolvedRtAssociations: string[];
  unresolvedNaclAssociations: string[];
  /** routes whose route table could not be resolved */
  unresolvedRoutes: string[];
  /** EIP associations whose instance / ENI could not be resolved */
  unresolvedEips: string[];
  /** true when some declared aws_default_network_acl could not be tied to a VPC */
  defaultNaclUnresolved: string[];
  /** NACL rule resources whose ACL could not be resolved: they may sit in any ACL */
  unattachedNaclRules: UncertainNaclRule[];
  /** main route table associations that could not be resolved */
  unresolvedMainRt: string[];
  /** listeners whose load balancer could not be resolved: any balancer may listen there */
  unattachedListeners: string[];
  /** internet gateways whose VPC could not be resolved, with what it hangs on */
  igwUnknown: Map<Resource, string>;
  /** gateway attachments naming a gateway that could not be resolved (they may attach any) */
  unresolvedIgwAttach: string[];
  resolver: Resolver;
}

// ---------------------------------------------------------------------------------------------
// Types, by role, Terraform then CloudFormation

const T = {
  vpc: ['aws_vpc', 'aws_default_vpc', 'AWS::EC2::VPC'],
  igw: ['aws_internet_gateway', 'AWS::EC2::InternetGateway'],
  igwAttachment: ['aws_internet_gateway_attachment', 'AWS::EC2::VPCGatewayAttachment'],
  eigw: ['aws_egress_only_internet_gateway', 'AWS::EC2::EgressOnlyInternetGateway'],
  nat: ['aws_nat_gateway', 'AWS::EC2::NatGateway'],
  vgw: ['aws_vpn_gateway', 'AWS::EC2::VPNGateway'],
  peering: ['aws_vpc_peering_connection', 'AWS::EC2::VPCPeeringConnection'],
  peeringAccepter: ['aws_vpc_peering_connection_accepter'],
  tgw: ['aws_ec2_transit_gateway', 'AWS::EC2::TransitGateway'],
  tgwAttachment: ['aws_ec2_transit_gateway_vpc_attachment', 'AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment'],
  tgwRouteTable: ['aws_ec2_transit_gateway_route_table', 'AWS::EC2::TransitGatewayRouteTable'],
  tgwAssociation: ['aws_ec2_transit_gateway_route_table_association', 'AWS::EC2::TransitGatewayRouteTableAssociation'],
  tgwPropagation: ['aws_ec2_transit_gateway_route_table_propagation', 'AWS::EC2::TransitGatewayRouteTablePropagation'],
  tgwRoute: ['aws_ec2_transit_gateway_route', 'AWS::EC2::TransitGatewayRoute'],
  subnet: ['aws_subnet', 'aws_default_subnet', 'AWS::EC2::Subnet'],
  routeTable: ['aws_route_table', 'aws_default_route_table', 'AWS::EC2::RouteTable'],
  route: ['aws_route', 'AWS::EC2::Route'],
  rtAssociation: ['aws_route_table_association', 'AWS::EC2::SubnetRouteTableAssociation'],
  mainRtAssociation: ['aws_main_route_table_association'],
  nacl: ['aws_network_acl', 'aws_default_network_acl', 'AWS::EC2::NetworkAcl'],
  naclRule: ['aws_network_acl_rule', 'AWS::EC2::NetworkAclEntry'],
  naclAssociation: ['aws_network_acl_association', 'AWS::EC2::SubnetNetworkAclAssociation'],
  sg: ['aws_security_group', 'aws_default_security_group', 'AWS::EC2::SecurityGroup'],
  sgRule: ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  prefixList: ['aws_ec2_managed_prefix_list', 'AWS::EC2::PrefixList'],
  prefixListEntry: ['aws_ec2_managed_prefix_list_entry'],
  instance: ['aws_instance', 'AWS::EC2::Instance'],
  eni: ['aws_network_interface', 'AWS::EC2::NetworkInterface'],
  eniAttachment: ['aws_network_interface_attachment', 'AWS::EC2::NetworkInterfaceAttachment'],
  eniSgAttachment: ['aws_network_interface_sg_attachment'],
  eip: ['aws_eip', 'AWS::EC2::EIP'],
  eipAssociation: ['aws_eip_association', 'AWS::EC2::EIPAssociation'],
  lb: ['aws_lb', 'aws_alb', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
  listener: ['aws_lb_listener', 'aws_alb_listener', 'AWS::ElasticLoadBalancingV2::Listener'],
  listenerRule: ['aws_lb_listener_rule', 'aws_alb_listener_rule', 'AWS::ElasticLoadBalancingV2::ListenerRule'],
  targetGroup: ['aws_lb_target_group', 'aws_alb_target_group', 'AWS::ElasticLoadBalancingV2::TargetGroup'],
  tgAttachment: ['aws_lb_target_group_attachment', 'aws_alb_target_group_attachment'],
  asg: ['aws_autoscaling_group', 'AWS::AutoScaling::AutoScalingGroup'],
  asgAttachment: ['aws_autoscaling_attachment'],
  launchTemplate: ['aws_launch_template', 'AWS::EC2::LaunchTemplate'],
  launchConfiguration: ['aws_launch_configuration', 'AWS::AutoScaling::LaunchConfiguration'],
} as const;

type Role = keyof typeof T;
const ROLE_OF = new Map<string, Role>();
for (const [role, types] of Object.entries(T) as Array<[Role, readonly string[]]>) for (const t of types) ROLE_OF.set(t, role);

export function roleOf(r: Resource): Role | undefined {
  return ROLE_OF.get(r.type);
}

/** Every resource type the AWS engine reads, for documentation and filters. */
export const AWS_REACHABILITY_TYPES: string[] = [...ROLE_OF.keys()];

const isCfn = (r: Resource): boolean => r.type.startsWith('AWS::');

/** Reads the attribute under its Terraform or CloudFormation name. */
function pick(r: Resource, tf: string, cfn: string): { path: string; value: Value | undefined } {
  const path = isCfn(r) ? cfn : tf;
  return { path, value: getPath(r.attributes, path) };
}

export function ruleRef(r: Resource, attributePath: string | undefined, summary: string): RuleRef {
  const ref: RuleRef = { resourceId: r.id, location: locate(r, attributePath), summary };
  if (attributePath !== undefined) ref.attributePath = attributePath;
  return ref;
}

// ---------------------------------------------------------------------------------------------
// Resolving references: model id, Terraform expression, CloudFormation Ref/GetAtt, cloud id / ARN

export type Resolved = { r: Resource } | { literal: string } | { unknown: string } | undefined;

/**
 * What a check context already indexes (`CheckContext.byId`, `.ofType`): given to the topology,
 * it spares another 100k-entry id map and a role pass over every resource of a large plan.
 */
export interface ModelIndex {
  byId(id: string): Resource | undefined;
  ofType(type: string): readonly Resource[];
}

export class Resolver {
  private readonly byId: { get(id: string): Resource | undefined };
  private readonly byCloudId = new Map<string, Resource>();

  /** ids renamed `ADDRESS@ROOT` (two Terraform roots sharing addresses), by their address */
  private readonly qualified = new Map<string, Resource[]>();

  /** `byId`: the model's id index (the same last-one-wins map this would build), when the caller has one */
  constructor(resources: readonly Resource[], byId?: (id: string) => Resource | undefined) {
    const ids = byId ? undefined : new Map<string, Resource>();
    this.byId = byId ? { get: byId } : ids!;
    const cloudId = (v: Value | undefined, r: Resource): void => {
      if (typeof v === 'string' && v !== '' && !this.byCloudId.has(v)) this.byCloudId.set(v, r);
    };
    for (const r of resources) {
      ids?.set(r.id, r);
      const at = r.id.indexOf('@');
      if (at > 0) {
        const base = r.id.slice(0, at);
        const list = this.qualified.get(base);
        if (list) list.push(r);
        else this.qualified.set(base, [r]);
      }
      const a = r.attributes;
      cloudId(a.id, r);
      cloudId(a.arn, r);
      // names only for target groups / ASGs, which are referred to by name in aws_autoscaling_attachment
      if (roleOf(r) === 'asg') cloudId(a.name, r);
    }
  }

  get(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  /** A model id, an expression, or a cloud id / ARN. */
  lookup(s: string, from?: Resource): Resource | undefined {
    return this.byCloudId.get(s) ?? this.fromExpression(s, from);
  }

  /** An address as seen from `from`: the copy in the referrer's own root when two roots share it. */
  private byAddress(address: string, from?: Resource): Resource | undefined {
    const copies = this.qualified.get(address);
    if (copies && from) {
      const file = from.location.file;
      const own = copies.find((c) => {
        const root = c.id.slice(c.id.indexOf('@') + 1);
        return file === root || file.startsWith(`${root}/`);
      });
      if (own) return own;
    }
    return this.byId.get(address);
  }

  /** The resource an expression names: "aws_vpc.main.id", "module.m.aws_vpc.main[0].id", "Ref Vpc", "Sg.GroupId". */
  fromExpression(expression: string, from?: Resource): Resource | undefined {
    let e = expression.trim().replace(/^Ref\s+/, '').replace(/^\$\{(.*)\}$/, '$1');
    for (let i = 0; i < 3 && e; i++) {
      const hit = this.byAddress(e, from);
      if (hit) return hit;
      const cut = e.lastIndexOf('.');
      if (cut <= 0) break;
      e = e.slice(0, cut);
    }
    return undefined;
  }

  /** Resolves one value of `r.path`. */
  resolve(r: Resource, path: string, v: Value | undefined): Resolved {
    if (v === undefined || v === null) return undefined;
    if (isUnknown(v)) {
      // the source's own reference first (it follows renamed ids), then the expression
      const ref = r.references.find((x) => x.attribute === path);
      const target = ref ? this.byId.get(ref.target) : undefined;
      if (target) return { r: target };
      // a plan's "known after apply" names the attribute itself (`aws_instance.web.subnet_id`), not a target
      if (v.expression && v.reason !== 'known after apply') {
        const hit = this.fromExpression(v.expression, r);
        if (hit && hit !== r) return { r: hit };
      }
      return { unknown: `${r.id}.${path}${v.expression ? ` (${v.expression})` : ''}` };
    }
    if (typeof v === 'string') {
      if (v === '') return undefined;
      const hit = this.byCloudId.get(v) ?? this.byAddress(v, r);
      if (hit) return { r: hit };
      return { literal: v };
    }
    if (isObject(v)) {
      // an unresolved CloudFormation intrinsic left as an object
      const ref = v.Ref ?? v['Fn::GetAtt'];
      const name = typeof ref === 'string' ? ref.split('.')[0] : Array.isArray(ref) && typeof ref[0] === 'string' ? ref[0] : undefined;
      const hit = name ? this.byId.get(name) : undefined;
      if (hit) return { r: hit };
    }
    return { unknown: `${r.id}.${path}` };
  }

  /** Resolves every element of a list attribute (or the one value). */
  resolveList(r: Resource, path: string, v: Value | undefined): Array<{ path: string; res: Resolved }> | { unknown: string } {
    if (isUnknown(v)) {
      // a whole list unknown in a plan: the configuration's references name its elements
      const refs = r.references.filter((x) => x.attribute === path || x.attribute.startsWith(`${path}[`));
      const targets = refs.map((x) => this.byId.get(x.target)).filter((t): t is Resource => t !== undefined);
      if (refs.length > 0 && targets.length === refs.length) return targets.map((t) => ({ path, res: { r: t } }));
      const one = this.resolve(r, path, v);
      // a whole list given by one expression: a single resource, or unknown
      if (one && 'r' in one) return [{ path, res: one }];
      return { unknown: `${r.id}.${path}${v.expression ? ` (${v.expression})` : ''}` };
    }
    return asList(v).map((item, i) => ({ path: Array.isArray(v) ? `${path}[${i}]` : path, res: this.resolve(r, Array.isArray(v) ? `${path}[${i}]` : path, item) }));
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Optional+computed attributes (`associate_public_ip_address`, `ipv6_address_count`, `internal`)
 * are "known after apply" in a plan whenever the configuration leaves them out; a configured value
 * unknown at plan time comes from another resource and has a reference. Without one, the attribute
 * counts as not set, so the AWS default applies.
 */
export function configured(r: Resource, path: string, v: Value | undefined): Value | undefined {
  if (isUnknown(v) && v.reason === 'known after apply' && r.source === 'terraform-plan' && !r.references.some((x) => x.attribute === path || x.attribute.startsWith(`${path}[`) || x.attribute.startsWith(`${path}.`))) return undefined;
  return v;
}

function boolFact(r: Resource, path: string, rawV: Value | undefined, label: string): Fact | undefined {
  const v = configured(r, path, rawV);
  const b = asBool(v);
  if (b === undefined) return undefined;
  if (isUnknown(b)) return { value: 'unknown', what: `${r.id}.${path}${b.expression ? ` (${b.expression})` : ''}`, ref: ruleRef(r, path, `${label} = unknown`) };
  return b ? { value: true, ref: ruleRef(r, path, `${label} = true`) } : { value: false, ref: ruleRef(r, path, `${label} = false`) };
}

/** A value as text for a message, whatever it is. */
function show(v: Value | undefined): string {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v) ?? 'undefined';
  } catch {
    return '(value)';
  }
}

function cidrOf(v: Value | undefined): Cidr | undefined {
  const s = asString(v);
  return s ? parseCidr(s) : undefined;
}

function describeNetworkRule(rule: NetworkRule): string {
  const proto = isUnknown(rule.protocol) ? '?' : rule.protocol;
  const ports = isUnknown(rule.ports) ? '?' : rule.ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(',') || '-';
  const peers = rule.peers
    .map((p) => (p.kind === 'cidr' ? p.cidr : p.kind === 'group' ? `sg ${p.ref}` : p.kind === 'prefix-list' ? `pl ${p.ref}` : p.kind === 'service-tag' ? p.tag : 'unknown'))
    .join(', ');
  const num = typeof rule.priority === 'number' ? `rule ${rule.priority} ` : '';
  return `${num}${rule.action} ${proto} ${ports} ${rule.direction === 'ingress' ? 'from' : 'to'} ${peers || '(none)'}`;
}

export { describeNetworkRule };

/**
 * Each role's resources in model order from the type index, when every role has at most one of its
 * types present (a single type's list is in model order); undefined otherwise (the caller filters).
 */
function rolesFromIndex(index: ModelIndex): Map<Role, Resource[]> | undefined {
  const byRole = new Map<Role, Resource[]>();
  for (const [role, types] of Object.entries(T) as Array<[Role, readonly string[]]>) {
    let list: readonly Resource[] | undefined;
    for (const t of types) {
      const got = index.ofType(t);
      if (got.length === 0) continue;
      if (list) return undefined;
      list = got;
    }
    if (list) byRole.set(role, [...list]);
  }
  return byRole;
}

/** Builds the topology; linear in the number of resources. */
export function buildAwsTopology(resources: readonly Resource[], index?: ModelIndex): AwsTopology {
  const resolver = new Resolver(resources, index && ((id) => index.byId(id)));
  let byRole = index ? rolesFromIndex(index) : undefined;
  if (!byRole) {
    byRole = new Map<Role, Resource[]>();
    for (const r of resources) {
      const role = roleOf(r);
      if (!role) continue;
      const list = byRole.get(role);
      if (list) list.push(r);
      else byRole.set(role, [r]);
    }
  }
  const of = (role: Role): Resource[] => byRole.get(role) ?? [];
  const topo: AwsTopology = {
    endpoints: [],
    peerings: [],
    transitGateways: new Map(),
    tgwAttachments: [],
    tgwAssociation: new Map(),
    natGateways: [],
    tgwUnresolved: [],
    loadBalancers: [],
    subnets: new Map(),
    vpcs: new Map(),
    prefixLists: new Map(),
    unattachedSgRules: [],
    unattachedNaclRules: [],
    unresolvedMainRt: [],
    unattachedListeners: [],
    unresolvedRtAssociations: [],
    unresolvedNaclAssociations: [],
    unresolvedRoutes: [],
    unresolvedEips: [],
    defaultNaclUnresolved: [],
    igwUnknown: new Map(),
    unresolvedIgwAttach: [],
    resolver,
  };

  const resolveAs = (r: Resource, path: string, v: Value | undefined, role: Role | Role[]): Resolved => {
    const res = resolver.resolve(r, path, v);
    if (res && 'r' in res) {
      const roles = Array.isArray(role) ? role : [role];
      const got = roleOf(res.r);
      if (!got || !roles.includes(got)) return { unknown: `${r.id}.${path} names ${res.r.id}, not a ${roles.join('/')}` };
    }
    return res;
  };

  // VPCs
  for (const r of of('vpc')) {
    const cidrs: Cidr[] = [];
    for (const key of isCfn(r) ? ['CidrBlock'] : ['cidr_block', 'ipv6_cidr_block']) {
      const c = cidrOf(r.attributes[key]);
      if (c) cidrs.push(c);
    }
    topo.vpcs.set(r, { r, cidrs, igws: new Map() });
  }
  const vpcLink = (r: Resource, tf: string, cfn: string): Link<Vpc> => {
    const { path, value } = pick(r, tf, cfn);
    const res = resolver.resolve(r, path, value);
    if (!res) return undefined;
    if ('r' in res) {
      const vpc = topo.vpcs.get(res.r);
      return vpc ? { ok: vpc, ref: ruleRef(r, path, `${path} = ${res.r.id}`) } : { unknown: `${r.id}.${path} names ${res.r.id}, not a VPC` };
    }
    return { unknown: 'literal' in res ? `${r.id}.${path} = ${res.literal} (VPC not in the scanned configuration)` : res.unknown };
  };

  // Internet gateways and their attachments
  const igwUnknown = topo.igwUnknown;
  const attach = (igw: Resource, vpcLinkV: Link<Vpc>, ref: RuleRef): void => {
    if (vpcLinkV && 'ok' in vpcLinkV) vpcLinkV.ok.igws.set(igw, ref);
    else if (vpcLinkV) igwUnknown.set(igw, vpcLinkV.unknown);
  };
  for (const r of of('igw')) {
    if (isCfn(r)) continue;
    const link = vpcLink(r, 'vpc_id', 'VpcId');
    attach(r, link, ruleRef(r, 'vpc_id', `attached to ${link && 'ok' in link ? link.ok.r.id : 'unknown VPC'}`));
  }
  for (const r of of('igwAttachment')) {
    const { path, value } = pick(r, 'internet_gateway_id', 'InternetGatewayId');
    const igw = resolveAs(r, path, value, 'igw');
    if (!igw) continue; // a VPN gateway attachment (CloudFormation VpnGatewayId)
    const link = vpcLink(r, 'vpc_id', 'VpcId');
    if ('r' in igw) attach(igw.r, link, ruleRef(r, undefined, `attaches ${igw.r.id} to ${link && 'ok' in link ? link.ok.r.id : 'unknown VPC'}`));
  }
  // an attachment that names an unresolved gateway may attach any declared one
  const unresolvedIgwAttach = of('igwAttachment').filter((r) => {
    const { path, value } = pick(r, 'internet_gateway_id', 'InternetGatewayId');
    const res = resolver.resolve(r, path, value);
    return res !== undefined && !('r' in res);
  });

  // Prefix lists
  for (const r of of('prefixList')) {
    const entries = isCfn(r) ? asList(r.attributes.Entries) : asList(r.attributes.entry);
    const cidrs: Cidr[] = [];
    let unknownEntry = false;
    for (const e of entries) {
      const c = isObject(e) ? (isCfn(r) ? e.Cidr : e.cidr) : undefined;
      if (isUnknown(c) || isUnknown(e)) unknownEntry = true;
      const parsed = cidrOf(c);
      if (parsed) cidrs.push(parsed);
    }
    if (!unknownEntry) topo.prefixLists.set(r, cidrs);
  }
  for (const r of of('prefixListEntry')) {
    const pl = resolveAs(r, 'prefix_list_id', r.attributes.prefix_list_id, 'prefixList');
    if (pl && 'r' in pl) {
      const c = cidrOf(r.attributes.cidr);
      const list = topo.prefixLists.get(pl.r);
      if (c && list) list.push(c);
      else topo.prefixLists.delete(pl.r);
    }
  }

  // Route tables and routes
  const tables = new Map<Resource, RouteTable>();
  const implicitMain = new Map<Vpc, RouteTable>();
  const mainOf = (vpc: Vpc): RouteTable => {
    if (vpc.main) return vpc.main;
    let t = implicitMain.get(vpc);
    if (!t) {
      t = { id: `${vpc.r.id}:main`, vpc: { ok: vpc }, routes: [], implicit: true };
      implicitMain.set(vpc, t);
    }
    return t;
  };
  for (const r of of('routeTable')) {
    const t: RouteTable = { r, id: r.id, vpc: r.type === 'aws_default_route_table' ? undefined : vpcLink(r, 'vpc_id', 'VpcId'), routes: [], implicit: false };
    tables.set(r, t);
    if (r.type === 'aws_default_route_table') {
      const res = resolver.resolve(r, 'default_route_table_id', r.attributes.default_route_table_id);
      const vpc = res && 'r' in res ? topo.vpcs.get(res.r) : undefined;
      if (vpc) {
        t.vpc = { ok: vpc };
        vpc.main = t;
      } else t.vpc = res && 'unknown' in res ? { unknown: res.unknown } : undefined;
    }
  }
  for (const r of of('mainRtAssociation')) {
    const link = vpcLink(r, 'vpc_id', 'vpc_id');
    const rt = resolveAs(r, 'route_table_id', r.attributes.route_table_id, 'routeTable');
    if (link && 'ok' in link && rt && 'r' in rt) link.ok.main = tables.get(rt.r);
    else topo.unresolvedMainRt.push(r.id);
  }

  const routeTarget = (r: Resource, prefix: string): Route['target'] | undefined => {
    const keys: Array<[string, string, RouteTargetKind | undefined]> = isCfn(r)
      ? [
          ['GatewayId', 'GatewayId', undefined],
          ['NatGatewayId', 'NatGatewayId', 'nat'],
          ['EgressOnlyInternetGatewayId', 'EgressOnlyInternetGatewayId', 'eigw'],
          ['VpcPeeringConnectionId', 'VpcPeeringConnectionId', 'peering'],
          ['TransitGatewayId', 'TransitGatewayId', 'tgw'],
          ['NetworkInterfaceId', 'NetworkInterfaceId', 'eni'],
          ['InstanceId', 'InstanceId', 'instance'],
          ['VpcEndpointId', 'VpcEndpointId', 'endpoint'],
          ['CarrierGatewayId', 'CarrierGatewayId', 'other'],
          ['LocalGatewayId', 'LocalGatewayId', 'other'],
        ]
      : [
          ['gateway_id', 'gateway_id', undefined],
          ['nat_gateway_id', 'nat_gateway_id', 'nat'],
          ['egress_only_gateway_id', 'egress_only_gateway_id', 'eigw'],
          ['vpc_peering_connection_id', 'vpc_peering_connection_id', 'peering'],
          ['transit_gateway_id', 'transit_gateway_id', 'tgw'],
          ['network_interface_id', 'network_interface_id', 'eni'],
          ['instance_id', 'instance_id', 'instance'],
          ['vpc_endpoint_id', 'vpc_endpoint_id', 'endpoint'],
          ['carrier_gateway_id', 'carrier_gateway_id', 'other'],
          ['local_gateway_id', 'local_gateway_id', 'other'],
          ['core_network_arn', 'core_network_arn', 'other'],
        ];
    for (const [key, , fixed] of keys) {
      const path = `${prefix}${key}`;
      const v = getPath(r.attributes, path);
      if (v === undefined || v === null || v === '') continue;
      const res = resolver.resolve(r, path, v);
      if (!res) continue;
      if ('r' in res) {
        const role = roleOf(res.r);
        const kind: RouteTargetKind = role === 'igw' ? 'igw' : role === 'eigw' ? 'eigw' : role === 'nat' ? 'nat' : role === 'vgw' ? 'vgw' : role === 'peering' ? 'peering' : role === 'tgw' ? 'tgw' : role === 'eni' ? 'eni' : role === 'instance' ? 'instance' : (fixed ?? 'other');
        return { kind, r: res.r };
      }
      if ('literal' in res) {
        const s = res.literal;
        if (s === 'local') return { kind: 'local', literal: s };
        const byPrefix: Array<[string, RouteTargetKind]> = [['igw-', 'igw'], ['eigw-', 'eigw'], ['nat-', 'nat'], ['vgw-', 'vgw'], ['pcx-', 'peering'], ['tgw-', 'tgw'], ['eni-', 'eni'], ['i-', 'instance'], ['vpce-', 'endpoint']];
        const found = byPrefix.find(([p]) => s.startsWith(p));
        return { kind: fixed ?? found?.[1] ?? 'other', literal: s };
      }
      // an unresolved NAT/peering/... id is still not an internet gateway
      return fixed ? { kind: fixed } : { unknown: res.unknown };
    }
    return undefined;
  };

  const routeDest = (r: Resource, prefix: string, cidrKey: string, cidr6Key: string, plKey: string): Route['dest'] | undefined => {
    for (const key of [cidrKey, cidr6Key]) {
      const path = `${prefix}${key}`;
      const v = getPath(r.attributes, path);
      if (v === undefined || v === null || v === '') continue;
      if (isUnknown(v)) return { unknown: `${r.id}.${path}${v.expression ? ` (${v.expression})` : ''}` };
      const c = cidrOf(v);
      return c ? [c] : { unknown: `${r.id}.${path} = ${show(v)} (not a CIDR block)` };
    }
    const path = `${prefix}${plKey}`;
    const v = getPath(r.attributes, path);
    if (v !== undefined && v !== null && v !== '') {
      const res = resolveAs(r, path, v, 'prefixList');
      if (res && 'r' in res) {
        const cidrs = topo.prefixLists.get(res.r);
        if (cidrs) return cidrs;
      }
      return { unknown: `${r.id}.${path} (prefix list entries not known)` };
    }
    return undefined;
  };

  const makeRoute = (r: Resource, prefix: string, path: string | undefined, keys: [string, string, string]): Route | undefined => {
    const dest = routeDest(r, prefix, ...keys);
    const target = routeTarget(r, prefix);
    if (!dest || !target) return undefined;
    const state = asString(getPath(r.attributes, `${prefix}${isCfn(r) ? 'State' : 'state'}`));
    const blackhole = state === 'blackhole' || asBool(getPath(r.attributes, `${prefix}blackhole`)) === true;
    const destText = 'unknown' in dest ? '?' : dest.map((c) => c.text).join(',');
    const targetText = 'unknown' in target ? 'unknown target' : `${target.kind} ${target.r?.id ?? target.literal ?? ''}`.trim();
    return { dest, target, blackhole, ref: ruleRef(r, path, `route ${destText} -> ${targetText}${blackhole ? ' (blackhole)' : ''}`) };
  };

  for (const t of tables.values()) {
    if (!t.r || isCfn(t.r)) continue;
    asList(t.r.attributes.route).forEach((_b, i) => {
      const route = makeRoute(t.r!, `route[${i}].`, `route[${i}]`, ['cidr_block', 'ipv6_cidr_block', 'destination_prefix_list_id']);
      if (route) t.routes.push(route);
    });
  }
  const unresolvedRouteTables: string[] = [];
  for (const r of of('route')) {
    const { path, value } = pick(r, 'route_table_id', 'RouteTableId');
    const res = resolver.resolve(r, path, value);
    let table: RouteTable | undefined;
    if (res && 'r' in res) {
      if (roleOf(res.r) === 'routeTable') table = tables.get(res.r);
      else if (roleOf(res.r) === 'vpc') table = mainOf(topo.vpcs.get(res.r)!); // aws_vpc.x.main_route_table_id
    }
    const route = makeRoute(r, '', undefined, isCfn(r) ? ['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'] : ['destination_cidr_block', 'destination_ipv6_cidr_block', 'destination_prefix_list_id']);
    if (!route) continue;
    if (table) table.routes.push(route);
    else unresolvedRouteTables.push(r.id);
  }

  // Subnets
  for (const r of of('subnet')) {
    const s: Subnet = { r, vpc: vpcLink(r, 'vpc_id', 'VpcId') };
    const c4 = cidrOf(isCfn(r) ? r.attributes.CidrBlock : r.attributes.cidr_block);
    const c6 = cidrOf(isCfn(r) ? r.attributes.Ipv6CidrBlock : r.attributes.ipv6_cidr_block);
    if (c4) s.cidr4 = c4;
    if (c6) s.cidr6 = c6;
    topo.subnets.set(r, s);
  }
  for (const r of of('rtAssociation')) {
    const { path, value } = pick(r, 'subnet_id', 'SubnetId');
    if (value === undefined || value === null) continue; // a gateway association (gateway_id)
    const sub = resolveAs(r, path, value, 'subnet');
    const rtP = pick(r, 'route_table_id', 'RouteTableId');
    const rt = resolveAs(r, rtP.path, rtP.value, 'routeTable');
    const subnet = sub && 'r' in sub ? topo.subnets.get(sub.r) : undefined;
    if (!subnet) {
      topo.unresolvedRtAssociations.push(r.id);
      continue;
    }
    if (rt && 'r' in rt) subnet.routeTable = { table: tables.get(rt.r)!, ref: ruleRef(r, undefined, `associates ${subnet.r.id} with ${rt.r.id}`) };
    else subnet.routeTable = { table: { id: `${r.id}.route_table_id`, vpc: undefined, routes: [], implicit: false }, ref: ruleRef(r, rtP.path, `route table ${rt && 'unknown' in rt ? 'unknown' : 'outside the configuration'}`) };
  }

  // Network ACLs
  const nacls = new Map<Resource, Nacl>();
  const implicitNacl = new Map<Vpc, Nacl>();
  for (const r of of('nacl')) {
    const n: Nacl = { r, id: r.id, rules: [], implicit: false, uncertain: [] };
    (r.network ?? []).forEach((rule) => n.rules.push({ rule, ref: ruleRef(r, rule.attributePath, describeNetworkRule(rule)) }));
    for (const direction of ['ingress', 'egress'] as const) {
      const list = r.attributes[direction];
      if (isUnknown(list) || (Array.isArray(list) && list.some((x) => isUnknown(x)))) n.uncertain.push({ priority: -1, direction, ref: ruleRef(r, direction, `${direction} rules not known`) });
    }
    nacls.set(r, n);
    if (r.type === 'aws_default_network_acl') {
      const res = resolver.resolve(r, 'default_network_acl_id', r.attributes.default_network_acl_id);
      const vpc = res && 'r' in res ? topo.vpcs.get(res.r) : undefined;
      if (vpc) vpc.defaultNacl = n;
      else topo.defaultNaclUnresolved.push(r.id);
    }
  }
  for (const r of of('naclRule')) {
    const { path, value } = pick(r, 'network_acl_id', 'NetworkAclId');
    const res = resolveAs(r, path, value, 'nacl');
    const n = res && 'r' in res ? nacls.get(res.r) : undefined;
    const egress = isCfn(r) ? r.attributes.Egress : r.attributes.egress;
    const num = asNumber(isCfn(r) ? r.attributes.RuleNumber : r.attributes.rule_number);
    const priority = typeof num === 'number' ? num : -1;
    if (!n || isUnknown(egress) || (r.network ?? []).length === 0) {
      // an entry of an unknown ACL, or in an unknown direction: it may decide traffic wherever it could sit
      const u: UncertainNaclRule = { priority, direction: isUnknown(egress) ? 'both' : asBool(egress) === true ? 'egress' : 'ingress', ref: ruleRef(r, undefined, `rule ${priority < 0 ? '?' : priority} of ${n ? n.id : 'an unresolved network ACL'}`) };
      if (n) n.uncertain.push(u);
      else topo.unattachedNaclRules.push(u);
      continue;
    }
    for (const rule of r.network ?? []) n.rules.push({ rule, ref: ruleRef(r, rule.attributePath ?? rule.peersPath, describeNetworkRule(rule)) });
  }
  const setNacl = (subnetRes: Resolved, n: Nacl, ref: RuleRef, owner: Resource): void => {
    const subnet = subnetRes && 'r' in subnetRes ? topo.subnets.get(subnetRes.r) : undefined;
    if (subnet) subnet.nacl = { nacl: n, ref };
    else topo.unresolvedNaclAssociations.push(owner.id);
  };
  for (const n of nacls.values()) {
    const r = n.r!;
    if (isCfn(r)) continue;
    const list = resolver.resolveList(r, 'subnet_ids', r.attributes.subnet_ids);
    if ('unknown' in list) topo.unresolvedNaclAssociations.push(r.id);
    else for (const { path, res } of list) setNacl(res, n, ruleRef(r, path, `${r.id} applies to this subnet`), r);
  }
  for (const r of of('naclAssociation')) {
    const sp = pick(r, 'subnet_id', 'SubnetId');
    const np = pick(r, 'network_acl_id', 'NetworkAclId');
    const nres = resolveAs(r, np.path, np.value, 'nacl');
    const n = nres && 'r' in nres ? nacls.get(nres.r) : undefined;
    if (!n) {
      topo.unresolvedNaclAssociations.push(r.id);
      continue;
    }
    setNacl(resolveAs(r, sp.path, sp.value, 'subnet'), n, ruleRef(r, undefined, `associates ${n.id}`), r);
  }
  for (const vpc of topo.vpcs.values()) {
    if (!vpc.defaultNacl) {
      const n: Nacl = { id: `${vpc.r.id}:default-network-acl`, rules: [], implicit: true, uncertain: [] };
      implicitNacl.set(vpc, n);
    }
  }

  // Security groups and their standalone rules
  const sgs = new Map<Resource, Sg>();
  for (const r of of('sg')) {
    const sg: Sg = { r, id: r.id, rules: [], vpc: vpcLink(r, 'vpc_id', 'VpcId'), implicit: false, unknownRules: [], defaultEgress: isCfn(r) && r.attributes.SecurityGroupEgress === undefined };
    for (const [key, direction] of (isCfn(r) ? [['SecurityGroupIngress', 'ingress'], ['SecurityGroupEgress', 'egress']] : [['ingress', 'ingress'], ['egress', 'egress']]) as Array<[string, 'ingress' | 'egress']>) {
      const list = r.attributes[key];
      if (isUnknown(list) || (Array.isArray(list) && list.some((x) => isUnknown(x)))) sg.unknownRules.push({ direction, what: `${r.id}.${key}${isUnknown(list) && list.expression ? ` (${list.expression})` : ''}` });
    }
    for (const rule of r.network ?? []) sg.rules.push({ rule, ref: ruleRef(r, rule.attributePath, describeNetworkRule(rule)), sg });
    sgs.set(r, sg);
    if (r.type === 'aws_default_security_group' && sg.vpc && 'ok' in sg.vpc) sg.vpc.ok.defaultSg = sg;
  }
  for (const r of of('sgRule')) {
    const { path, value } = pick(r, 'security_group_id', 'GroupId');
    const res = resolveAs(r, path, value, 'sg');
    const sg = res && 'r' in res ? sgs.get(res.r) : undefined;
    const rules = r.network ?? [];
    if (rules.length === 0) {
      // a rule whose type (ingress/egress) or shape is not known
      if (sg) sg.unknownRules.push({ direction: 'ingress', what: `${r.id} (rule not readable)` }, { direction: 'egress', what: `${r.id} (rule not readable)` });
      else topo.unattachedSgRules.push(r.id);
      continue;
    }
    if (!sg) {
      if (rules.some((x) => x.direction === 'ingress')) topo.unattachedSgRules.push(r.id);
      continue;
    }
    for (const rule of rules) sg.rules.push({ rule, ref: ruleRef(r, rule.peersPath ?? rule.attributePath, describeNetworkRule(rule)), sg });
    if (rules.some((x) => x.direction === 'egress')) sg.defaultEgress = false;
  }
  const implicitSg = new Map<Vpc, Sg>();
  const defaultSgOf = (vpc: Vpc): Sg => {
    if (vpc.defaultSg) return vpc.defaultSg;
    let sg = implicitSg.get(vpc);
    if (!sg) {
      sg = { id: `${vpc.r.id}:default-security-group`, rules: [], vpc: { ok: vpc }, implicit: true, unknownRules: [], defaultEgress: true };
      implicitSg.set(vpc, sg);
    }
    return sg;
  };
  const sgList = (r: Resource, path: string, v: Value | undefined): { ok: Sg[]; refs: RuleRef[] } | { unknown: string } => {
    const list = resolver.resolveList(r, path, v);
    if ('unknown' in list) return list;
    const ok: Sg[] = [];
    const refs: RuleRef[] = [];
    for (const { path: p, res } of list) {
      if (!res) continue;
      const sg = 'r' in res ? sgs.get(res.r) : undefined;
      if (!sg) return { unknown: 'unknown' in res ? res.unknown : 'literal' in res ? `${r.id}.${p} = ${res.literal} (security group not in the scanned configuration)` : `${r.id}.${p} names ${'r' in res ? res.r.id : '?'}, not a security group` };
      ok.push(sg);
      refs.push(ruleRef(r, p, `uses ${sg.id}`));
    }
    return { ok, refs };
  };

  // Effective route table and NACL of each subnet (explicit association, else the VPC's main/default)
  for (const s of topo.subnets.values()) {
    if (s.vpc && 'ok' in s.vpc) {
      const vpc = s.vpc.ok;
      if (!s.routeTable && topo.unresolvedRtAssociations.length === 0 && (vpc.main || topo.unresolvedMainRt.length === 0)) {
        const main = mainOf(vpc);
        s.routeTable = { table: main, ref: main.r ? ruleRef(main.r, undefined, `${main.id} is the main route table of ${vpc.r.id}`) : ruleRef(vpc.r, undefined, `main route table of ${vpc.r.id} (not declared: local route only)`) };
      }
      if (!s.nacl && topo.unresolvedNaclAssociations.length === 0) {
        const n = vpc.defaultNacl ?? implicitNacl.get(vpc)!;
        s.nacl = { nacl: n, ref: n.r ? ruleRef(n.r, undefined, `${n.id} is the default network ACL of ${vpc.r.id}`) : ruleRef(vpc.r, undefined, `default network ACL of ${vpc.r.id} (not declared: allows all traffic)`) };
      }
    } else if (!s.nacl && topo.unresolvedNaclAssociations.length === 0 && topo.defaultNaclUnresolved.length === 0 && ![...nacls.values()].some((n) => n.r?.type === 'aws_default_network_acl')) {
      // whatever the VPC, no default ACL is managed here: AWS's default allows everything
      s.nacl = { nacl: { id: 'default-network-acl', rules: [], implicit: true, uncertain: [] }, ref: ruleRef(s.r, undefined, 'default network ACL (not declared: allows all traffic)') };
    }
  }
  // a route whose table could not be resolved may belong to any table
  topo.unresolvedRoutes = unresolvedRouteTables;

  const subnetLink = (r: Resource, path: string, v: Value | undefined): Link<Subnet> => {
    const res = resolveAs(r, path, v, 'subnet');
    if (!res) return undefined;
    if ('r' in res) return { ok: topo.subnets.get(res.r)!, ref: ruleRef(r, path, `in ${res.r.id}`) };
    return { unknown: 'literal' in res ? `${r.id}.${path} = ${res.literal} (subnet not in the scanned configuration)` : res.unknown };
  };

  // Elastic IPs
  const eipOf = new Map<Resource, RuleRef>();
  const addEip = (owner: Resource, path: string, v: Value | undefined, eip: Resource): void => {
    if (v === undefined || v === null) return;
    const res = resolver.resolve(owner, path, v);
    if (res && 'r' in res) eipOf.set(res.r, ruleRef(owner, path, `Elastic IP ${eip.id}`));
    else if (res) topo.unresolvedEips.push(`${owner.id}.${path}`);
  };
  for (const r of of('eip')) {
    if (isCfn(r)) addEip(r, 'InstanceId', r.attributes.InstanceId, r);
    else {
      addEip(r, 'instance', r.attributes.instance, r);
      addEip(r, 'network_interface', r.attributes.network_interface, r);
    }
  }
  for (const r of of('eipAssociation')) {
    const inst = pick(r, 'instance_id', 'InstanceId');
    const eni = pick(r, 'network_interface_id', 'NetworkInterfaceId');
    addEip(r, inst.path, inst.value, r);
    addEip(r, eni.path, eni.value, r);
  }

  // ENIs (standalone, or the primary interface of an instance)
  const primaryEni = new Map<Resource, Resource>(); // instance -> ENI
  const attachedEnis = new Set<Resource>();
  const eniInfo = (r: Resource): { subnet: Link<Subnet>; sgs: Endpoint['sgs'] } => {
    const sp = pick(r, 'subnet_id', 'SubnetId');
    const gp = pick(r, 'security_groups', 'GroupSet');
    const subnet = subnetLink(r, sp.path, sp.value);
    return { subnet, sgs: gp.value === undefined ? defaultSgs(subnet) : sgList(r, gp.path, gp.value) };
  };
  const defaultSgs = (subnet: Link<Subnet>): Endpoint['sgs'] => {
    if (!subnet) return { unknown: 'no subnet: the default VPC and its default security group' };
    if ('unknown' in subnet) return { unknown: subnet.unknown };
    const vpc = subnet.ok.vpc;
    if (!vpc || 'unknown' in vpc) return { unknown: vpc ? vpc.unknown : `${subnet.ok.r.id}: VPC not known, nor its default security group` };
    return { ok: [defaultSgOf(vpc.ok)], refs: [] };
  };
  for (const r of of('instance')) {
    const nis = isCfn(r) ? asList(r.attributes.NetworkInterfaces) : asList(r.attributes.network_interface);
    nis.forEach((ni, i) => {
      if (!isObject(ni)) return;
      const idx = asNumber(isCfn(r) ? ni.DeviceIndex : ni.device_index);
      const key = isCfn(r) ? 'NetworkInterfaceId' : 'network_interface_id';
      const res = resolver.resolve(r, `${isCfn(r) ? 'NetworkInterfaces' : 'network_interface'}[${i}].${key}`, ni[key]);
      // the primary interface is judged as the instance; secondary ones stay endpoints of their own
      if (res && 'r' in res && roleOf(res.r) === 'eni' && (idx === 0 || nis.length === 1)) {
        attachedEnis.add(res.r);
        primaryEni.set(r, res.r);
      }
    });
  }

  const ipv6Fact = (r: Resource, subnet: Link<Subnet>, rawCountV: Value | undefined, countPath: string, rawListV: Value | undefined, listPath: string): Fact => {
    const countV = configured(r, countPath, rawCountV);
    const listV = configured(r, listPath, rawListV);
    const count = asNumber(countV);
    if (isUnknown(count)) return { value: 'unknown', what: `${r.id}.${countPath}` };
    if (typeof count === 'number' && count > 0) return { value: true, ref: ruleRef(r, countPath, `${countPath} = ${count}`) };
    if (isUnknown(listV)) return { value: 'unknown', what: `${r.id}.${listPath}` };
    if (Array.isArray(listV) && listV.length > 0) return { value: true, ref: ruleRef(r, listPath, `${listPath} set`) };
    if (count === 0) return { value: false, ref: ruleRef(r, countPath, `${countPath} = 0`) };
    if (subnet && 'ok' in subnet) {
      const s = subnet.ok.r;
      const f = boolFact(s, isCfn(s) ? 'AssignIpv6AddressOnCreation' : 'assign_ipv6_address_on_creation', isCfn(s) ? s.attributes.AssignIpv6AddressOnCreation : s.attributes.assign_ipv6_address_on_creation, 'assign_ipv6_address_on_creation');
      if (f) return f;
    }
    return { value: false };
  };

  const ipv4Fact = (r: Resource, subnet: Link<Subnet>, assocV: Value | undefined, assocPath: string, eni?: Resource): Fact => {
    const eip = eipOf.get(r) ?? (eni ? eipOf.get(eni) : undefined);
    if (eip) return { value: true, ref: eip };
    const publicIp = asString(r.attributes.public_ip);
    if (publicIp) return { value: true, ref: ruleRef(r, 'public_ip', `public_ip = ${publicIp}`) };
    const unresolvedEip = topo.unresolvedEips.length ? topo.unresolvedEips[0] : undefined;
    const own = boolFact(r, assocPath, assocV, assocPath);
    if (own && own.value === true) return own;
    if (own && own.value === 'unknown') return own;
    let fact: Fact = own ?? { value: false };
    if (!own) {
      if (!subnet) fact = { value: 'unknown', what: `${r.id} has no subnet_id: default VPC subnets give public addresses` };
      else if ('unknown' in subnet) fact = { value: 'unknown', what: subnet.unknown };
      else {
        const s = subnet.ok.r;
        const path = isCfn(s) ? 'MapPublicIpOnLaunch' : 'map_public_ip_on_launch';
        fact = boolFact(s, path, s.attributes[path], 'map_public_ip_on_launch') ?? (s.type === 'aws_default_subnet' ? { value: true, ref: ruleRef(s, undefined, 'default subnet: map_public_ip_on_launch defaults to true') } : { value: false, ref: ruleRef(s, undefined, 'map_public_ip_on_launch not set (false)') });
      }
    }
    if (fact.value === false && unresolvedEip) return { value: 'unknown', what: `Elastic IP association ${unresolvedEip} may name this endpoint` };
    return fact;
  };

  for (const r of of('instance')) {
    const eni = primaryEni.get(r);
    let subnet: Link<Subnet>;
    let sgsV: Endpoint['sgs'];
    let assocV: Value | undefined;
    let assocPath: string;
    if (eni) {
      ({ subnet, sgs: sgsV } = eniInfo(eni));
      assocPath = isCfn(r) ? 'AssociatePublicIpAddress' : 'associate_public_ip_address';
      assocV = r.attributes[assocPath];
    } else if (isCfn(r) && Array.isArray(r.attributes.NetworkInterfaces) && isObject(r.attributes.NetworkInterfaces[0])) {
      const ni = r.attributes.NetworkInterfaces[0] as ValueObject;
      subnet = subnetLink(r, 'NetworkInterfaces[0].SubnetId', ni.SubnetId);
      sgsV = ni.GroupSet === undefined ? defaultSgs(subnet) : sgList(r, 'NetworkInterfaces[0].GroupSet', ni.GroupSet);
      assocPath = 'NetworkInterfaces[0].AssociatePublicIpAddress';
      assocV = ni.AssociatePublicIpAddress;
    } else {
      const sp = pick(r, 'subnet_id', 'SubnetId');
      subnet = subnetLink(r, sp.path, sp.value);
      const gp = pick(r, 'vpc_security_group_ids', 'SecurityGroupIds');
      const names = pick(r, 'security_groups', 'SecurityGroups');
      sgsV = gp.value !== undefined ? sgList(r, gp.path, gp.value) : names.value !== undefined ? sgList(r, names.path, names.value) : defaultSgs(subnet);
      assocPath = isCfn(r) ? 'AssociatePublicIpAddress' : 'associate_public_ip_address';
      assocV = r.attributes[assocPath];
    }
    const ipv6 = isCfn(r) ? ipv6Fact(r, subnet, r.attributes.Ipv6AddressCount, 'Ipv6AddressCount', r.attributes.Ipv6Addresses, 'Ipv6Addresses') : ipv6Fact(r, subnet, r.attributes.ipv6_address_count, 'ipv6_address_count', r.attributes.ipv6_addresses, 'ipv6_addresses');
    topo.endpoints.push({ r, kind: 'instance', subnet, sgs: sgsV, ipv4: ipv4Fact(r, subnet, assocV, assocPath, eni), ipv6 });
  }
  for (const r of of('eni')) {
    if (attachedEnis.has(r)) continue;
    const { subnet, sgs: sgsV } = eniInfo(r);
    const ipv6 = isCfn(r) ? ipv6Fact(r, subnet, r.attributes.Ipv6AddressCount, 'Ipv6AddressCount', r.attributes.Ipv6Addresses, 'Ipv6Addresses') : ipv6Fact(r, subnet, r.attributes.ipv6_address_count, 'ipv6_address_count', r.attributes.ipv6_addresses, 'ipv6_addresses');
    const eip = eipOf.get(r);
    const ipv4: Fact = eip ? { value: true, ref: eip } : topo.unresolvedEips.length ? { value: 'unknown', what: `Elastic IP association ${topo.unresolvedEips[0]} may name this interface` } : { value: false };
    topo.endpoints.push({ r, kind: 'eni', subnet, sgs: sgsV, ipv4, ipv6 });
  }
  // aws_network_interface_sg_attachment adds a group to an interface (or an instance's primary one)
  const instanceOfEni = new Map<Resource, Resource>([...primaryEni].map(([inst, eni]) => [eni, inst]));
  const byResource = new Map<Resource, Endpoint>(topo.endpoints.map((e) => [e.r, e]));
  for (const r of of('eniSgAttachment')) {
    const target = resolver.resolve(r, 'network_interface_id', r.attributes.network_interface_id);
    const group = resolveAs(r, 'security_group_id', r.attributes.security_group_id, 'sg');
    const sg = group && 'r' in group ? sgs.get(group.r) : undefined;
    const owner = target && 'r' in target ? (instanceOfEni.get(target.r) ?? target.r) : undefined;
    const ep = owner ? byResource.get(owner) : undefined;
    if (!ep || !sg) {
      topo.unattachedSgRules.push(r.id);
      continue;
    }
    if ('ok' in ep.sgs) {
      ep.sgs.ok.push(sg);
      ep.sgs.refs.push(ruleRef(r, 'security_group_id', `attaches ${sg.id}`));
    }
  }
  const endpointOf = new Map<Resource, Endpoint>(topo.endpoints.map((e) => [e.r, e]));

  // Load balancers, listeners, target groups, targets
  const tgs = new Map<Resource, TargetGroup>();
  for (const r of of('targetGroup')) {
    const port = asNumber(isCfn(r) ? r.attributes.Port : r.attributes.port);
    const tg: TargetGroup = { r, protocol: (asString(isCfn(r) ? r.attributes.Protocol : r.attributes.protocol) ?? 'HTTP').toUpperCase(), targets: [], unknownTargets: [] };
    if (typeof port === 'number') tg.port = port;
    else if (isUnknown(port)) tg.portUnknown = `${r.id}.${isCfn(r) ? 'Port' : 'port'}`;
    tgs.set(r, tg);
  }
  const targetFromResource = (t: Resource, ref: RuleRef, port: number | undefined): Target | undefined => {
    const ep = endpointOf.get(t);
    if (ep) {
      const target: Target = { r: t, ref, subnets: [ep.subnet], sgs: ep.sgs };
      if (port !== undefined) target.port = port;
      return target;
    }
    if (roleOf(t) === 'asg') return asgTarget(t, ref);
    return undefined;
  };
  const launchSgs = (asg: Resource): Endpoint['sgs'] => {
    const ltV = isCfn(asg) ? getPath(asg.attributes, 'LaunchTemplate.LaunchTemplateId') : getPath(asg.attributes, 'launch_template[0].id') ?? getPath(asg.attributes, 'launch_template[0].name');
    const lcV = isCfn(asg) ? asg.attributes.LaunchConfigurationName : asg.attributes.launch_configuration;
    const ltPath = isCfn(asg) ? 'LaunchTemplate.LaunchTemplateId' : 'launch_template[0].id';
    const res = ltV !== undefined ? resolver.resolve(asg, ltPath, ltV) : lcV !== undefined ? resolver.resolve(asg, isCfn(asg) ? 'LaunchConfigurationName' : 'launch_configuration', lcV) : undefined;
    if (!res || !('r' in res)) return { unknown: `${asg.id}: launch template not known` };
    const lt = res.r;
    if (roleOf(lt) === 'launchConfiguration') return sgList(lt, isCfn(lt) ? 'SecurityGroups' : 'security_groups', isCfn(lt) ? lt.attributes.SecurityGroups : lt.attributes.security_groups);
    if (isCfn(lt)) {
      const data = 'LaunchTemplateData';
      const direct = getPath(lt.attributes, `${data}.SecurityGroupIds`);
      if (direct !== undefined) return sgList(lt, `${data}.SecurityGroupIds`, direct);
      const ni = getPath(lt.attributes, `${data}.NetworkInterfaces[0].Groups`);
      if (ni !== undefined) return sgList(lt, `${data}.NetworkInterfaces[0].Groups`, ni);
      return { unknown: `${lt.id}: no security groups (default VPC group)` };
    }
    const direct = lt.attributes.vpc_security_group_ids;
    if (direct !== undefined) return sgList(lt, 'vpc_security_group_ids', direct);
    const ni = getPath(lt.attributes, 'network_interfaces[0].security_groups');
    if (ni !== undefined) return sgList(lt, 'network_interfaces[0].security_groups', ni);
    return { unknown: `${lt.id}: no security groups (default VPC group)` };
  };
  const asgTarget = (asg: Resource, ref: RuleRef): Target => {
    const zp = pick(asg, 'vpc_zone_identifier', 'VPCZoneIdentifier');
    const list = resolver.resolveList(asg, zp.path, zp.value);
    const subnets: Target['subnets'] = 'unknown' in list ? list : list.map(({ path, res }) => (res && 'r' in res && topo.subnets.has(res.r) ? { ok: topo.subnets.get(res.r)!, ref: ruleRef(asg, path, `in ${res.r.id}`) } : { unknown: `${asg.id}.${path}` }));
    return { r: asg, ref, subnets: Array.isArray(subnets) && subnets.length === 0 ? { unknown: `${asg.id}: no subnets (availability zones of the default VPC)` } : subnets, sgs: launchSgs(asg) };
  };
  const register = (tgRes: Resolved, owner: Resource, path: string, target: Resolved, port?: number): void => {
    const tg = tgRes && 'r' in tgRes ? tgs.get(tgRes.r) : undefined;
    if (!tg) return;
    if (target && 'r' in target) {
      const t = targetFromResource(target.r, ruleRef(owner, path, `registers ${target.r.id} in ${tg.r.id}`), port);
      if (t) tg.targets.push(t);
      else tg.unknownTargets.push(`${owner.id}.${path} (${target.r.id} is not an instance, ENI or auto scaling group)`);
    } else if (target) tg.unknownTargets.push('unknown' in target ? target.unknown : `${owner.id}.${path} = ${target.literal} (not in the scanned configuration)`);
  };
  for (const r of of('tgAttachment')) {
    const port = asNumber(r.attributes.port);
    register(resolver.resolve(r, 'target_group_arn', r.attributes.target_group_arn), r, 'target_id', resolver.resolve(r, 'target_id', r.attributes.target_id), typeof port === 'number' ? port : undefined);
  }
  for (const tg of tgs.values()) {
    if (!isCfn(tg.r)) continue;
    asList(tg.r.attributes.Targets).forEach((t, i) => {
      if (!isObject(t)) return;
      const port = asNumber(t.Port);
      register({ r: tg.r }, tg.r, `Targets[${i}].Id`, resolver.resolve(tg.r, `Targets[${i}].Id`, t.Id), typeof port === 'number' ? port : undefined);
    });
  }
  for (const r of of('asg')) {
    const p = pick(r, 'target_group_arns', 'TargetGroupARNs');
    if (p.value === undefined) continue;
    const list = resolver.resolveList(r, p.path, p.value);
    if ('unknown' in list) continue;
    for (const { path, res } of list) register(res, r, path, { r });
  }
  for (const r of of('asgAttachment')) {
    const tgV = r.attributes.lb_target_group_arn ?? r.attributes.alb_target_group_arn;
    register(resolver.resolve(r, 'lb_target_group_arn', tgV), r, 'autoscaling_group_name', resolver.resolve(r, 'autoscaling_group_name', r.attributes.autoscaling_group_name));
  }

  const lbs = new Map<Resource, LoadBalancer>();
  for (const r of of('lb')) {
    const typeV = asString(isCfn(r) ? r.attributes.Type : r.attributes.load_balancer_type) ?? 'application';
    const kind = typeV === 'network' ? 'network' : typeV === 'gateway' ? 'gateway' : 'application';
    let internetFacing: Fact;
    if (isCfn(r)) {
      const scheme = r.attributes.Scheme;
      if (isUnknown(scheme)) internetFacing = { value: 'unknown', what: `${r.id}.Scheme` };
      else if (scheme === 'internal') internetFacing = { value: false, ref: ruleRef(r, 'Scheme', 'Scheme = internal') };
      else internetFacing = { value: true, ref: ruleRef(r, scheme === undefined ? undefined : 'Scheme', scheme === undefined ? 'Scheme defaults to internet-facing' : `Scheme = ${show(scheme)}`) };
    } else {
      const internal = boolFact(r, 'internal', r.attributes.internal, 'internal');
      if (!internal) internetFacing = { value: true, ref: ruleRef(r, undefined, 'internal not set: internet-facing') };
      else if (internal.value === 'unknown') internetFacing = internal;
      else internetFacing = internal.value ? { value: false, ref: internal.ref! } : { value: true, ref: internal.ref! };
    }
    let subnets: LoadBalancer['subnets'];
    const sp = pick(r, 'subnets', 'Subnets');
    const mp = pick(r, 'subnet_mapping', 'SubnetMappings');
    if (sp.value !== undefined) {
      if (isUnknown(sp.value) && !resolver.fromExpression(sp.value.expression ?? '')) subnets = { unknown: `${r.id}.${sp.path}` };
      else if (isUnknown(sp.value)) subnets = [subnetLink(r, sp.path, sp.value)];
      else subnets = asList(sp.value).map((v, i) => subnetLink(r, `${sp.path}[${i}]`, v) ?? { unknown: `${r.id}.${sp.path}[${i}]` });
    } else if (Array.isArray(mp.value)) {
      subnets = mp.value.map((m, i) => {
        const key = isCfn(r) ? 'SubnetId' : 'subnet_id';
        return subnetLink(r, `${mp.path}[${i}].${key}`, isObject(m) ? m[key] : undefined) ?? { unknown: `${r.id}.${mp.path}[${i}]` };
      });
    } else subnets = { unknown: `${r.id}: no subnets` };
    const gp = pick(r, 'security_groups', 'SecurityGroups');
    const sgsV = gp.value === undefined ? (kind === 'application' ? { unknown: `${r.id}: no security_groups (the VPC default group)` } : undefined) : sgList(r, gp.path, gp.value);
    lbs.set(r, { r, kind, internetFacing, subnets, sgs: sgsV, listeners: [] });
  }
  const tgLinks = (r: Resource, actionsPath: string, actions: Value | undefined): Array<Link<TargetGroup>> => {
    const out: Array<Link<TargetGroup>> = [];
    asList(actions).forEach((a, i) => {
      if (!isObject(a)) return;
      const base = `${actionsPath}[${i}]`;
      const cands: Array<[string, Value | undefined]> = isCfn(r)
        ? [[`${base}.TargetGroupArn`, a.TargetGroupArn], ...asList(getPath(a, 'ForwardConfig.TargetGroups')).map((t, j): [string, Value | undefined] => [`${base}.ForwardConfig.TargetGroups[${j}].TargetGroupArn`, isObject(t) ? t.TargetGroupArn : undefined])]
        : [[`${base}.target_group_arn`, a.target_group_arn], ...asList(getPath(a, 'forward[0].target_group')).map((t, j): [string, Value | undefined] => [`${base}.forward[0].target_group[${j}].arn`, isObject(t) ? t.arn : undefined])];
      for (const [path, v] of cands) {
        if (v === undefined || v === null) continue;
        const res = resolveAs(r, path, v, 'targetGroup');
        if (res && 'r' in res) out.push({ ok: tgs.get(res.r)!, ref: ruleRef(r, path, `forwards to ${res.r.id}`) });
        else if (res) out.push({ unknown: 'unknown' in res ? res.unknown : `${r.id}.${path} = ${res.literal}` });
      }
    });
    return out;
  };
  const listeners = new Map<Resource, Listener>();
  for (const r of of('listener')) {
    const lp = pick(r, 'load_balancer_arn', 'LoadBalancerArn');
    const res = resolveAs(r, lp.path, lp.value, 'lb');
    const lb = res && 'r' in res ? lbs.get(res.r) : undefined;
    if (!lb) {
      if (res && !('r' in res)) topo.unattachedListeners.push(r.id);
      continue;
    }
    const portV = asNumber(isCfn(r) ? r.attributes.Port : r.attributes.port);
    const protocol = (asString(isCfn(r) ? r.attributes.Protocol : r.attributes.protocol) ?? (lb.kind === 'network' ? 'TCP' : 'HTTP')).toUpperCase();
    const port = typeof portV === 'number' ? portV : isUnknown(portV) ? { unknown: `${r.id}.port` } : protocol === 'HTTPS' || protocol === 'TLS' ? 443 : 80;
    const l: Listener = { r, port, protocol, targetGroups: tgLinks(r, isCfn(r) ? 'DefaultActions' : 'default_action', isCfn(r) ? r.attributes.DefaultActions : r.attributes.default_action), ref: ruleRef(r, isCfn(r) ? 'Port' : 'port', `listener ${protocol} ${typeof port === 'number' ? port : '?'}`) };
    lb.listeners.push(l);
    listeners.set(r, l);
  }
  for (const r of of('listenerRule')) {
    const lp = pick(r, 'listener_arn', 'ListenerArn');
    const res = resolveAs(r, lp.path, lp.value, 'listener');
    const l = res && 'r' in res ? listeners.get(res.r) : undefined;
    if (l) l.targetGroups.push(...tgLinks(r, isCfn(r) ? 'Actions' : 'action', isCfn(r) ? r.attributes.Actions : r.attributes.action));
  }
  topo.loadBalancers = [...lbs.values()];
  // VPC peering connections (east-west)
  const accepted = new Map<Resource, RuleRef>();
  for (const r of of('peeringAccepter')) {
    const res = resolveAs(r, 'vpc_peering_connection_id', r.attributes.vpc_peering_connection_id, 'peering');
    if (res && 'r' in res && asBool(r.attributes.auto_accept) === true) accepted.set(res.r, ruleRef(r, 'auto_accept', `${r.id} accepts ${res.r.id}`));
  }
  for (const r of of('peering')) {
    const a = vpcLink(r, 'vpc_id', 'VpcId');
    const b = vpcLink(r, 'peer_vpc_id', 'PeerVpcId');
    let active: Fact;
    const acc = accepted.get(r);
    if (acc) active = { value: true, ref: acc };
    else if (isCfn(r)) active = r.attributes.PeerOwnerId === undefined ? { value: true, ref: ruleRef(r, undefined, 'same account: accepted on creation') } : { value: 'unknown', what: `${r.id}: accepted by account ${show(r.attributes.PeerOwnerId)} outside this template` };
    else {
      const auto = boolFact(r, 'auto_accept', r.attributes.auto_accept, 'auto_accept');
      active = auto && auto.value !== false ? auto : { value: 'unknown', what: `${r.id}: not auto-accepted here; accepted outside the configuration?` };
    }
    topo.peerings.push({ r, a, b, active });
  }

  readTransitGateways(topo, of, resolveAs, vpcLink, subnetLink);
  readNatGateways(topo, of, resolveAs, subnetLink);

  topo.unresolvedIgwAttach = unresolvedIgwAttach.map((r) => r.id);
  return topo;
}

type ResolveAs = (r: Resource, path: string, v: Value | undefined, role: Role | Role[]) => Resolved;

/** "enable"/"disable" (or a boolean) with AWS's default when absent; unknown counts as the default. */
function enabled(v: Value | undefined, dflt: boolean): boolean {
  if (v === undefined || v === null || isUnknown(v)) return dflt;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v === 'enable' || v === 'true';
  return dflt;
}

/**
 * Transit gateways, their VPC attachments, route tables, associations, propagations and static
 * routes. An attachment is associated with its explicit route table, else with the gateway's
 * default table when both the gateway and the attachment leave default association on; its VPC's
 * blocks are propagated into the tables named by propagation resources and, likewise, the default
 * table. A link that cannot be resolved stays unknown.
 */
function readTransitGateways(topo: AwsTopology, of: (role: Role) => Resource[], resolveAs: ResolveAs, vpcLink: (r: Resource, tf: string, cfn: string) => Link<Vpc>, subnetLink: (r: Resource, path: string, v: Value | undefined) => Link<Subnet>): void {
  for (const r of of('tgw')) {
    const a = pick(r, 'default_route_table_association', 'DefaultRouteTableAssociation');
    const p = pick(r, 'default_route_table_propagation', 'DefaultRouteTablePropagation');
    const tgw: TransitGateway = { r, defaultAssociation: enabled(a.value, true), defaultPropagation: enabled(p.value, true), defaultTable: { id: `${r.id}:default`, routes: [], propagations: [] } };
    tgw.defaultTable.tgw = tgw;
    topo.transitGateways.set(r, tgw);
  }
  const tgwLink = (r: Resource): Link<TransitGateway> => {
    const { path, value } = pick(r, 'transit_gateway_id', 'TransitGatewayId');
    const res = resolveAs(r, path, value, 'tgw');
    if (!res) return undefined;
    if ('r' in res) return { ok: topo.transitGateways.get(res.r)!, ref: ruleRef(r, path, `${path} = ${res.r.id}`) };
    return { unknown: 'literal' in res ? `${r.id}.${path} = ${res.literal} (transit gateway not in the scanned configuration)` : res.unknown };
  };
  const attachments = new Map<Resource, TgwAttachment>();
  for (const r of of('tgwAttachment')) {
    const sp = pick(r, 'subnet_ids', 'SubnetIds');
    const list = topo.resolver.resolveList(r, sp.path, sp.value);
    const subnets = 'unknown' in list ? { unknown: list.unknown } : list.map((x) => subnetLink(r, x.path, getPath(r.attributes, x.path)));
    const att: TgwAttachment = {
      r,
      tgw: tgwLink(r),
      vpc: vpcLink(r, 'vpc_id', 'VpcId'),
      subnets,
      defaultAssociation: enabled(r.attributes.transit_gateway_default_route_table_association, true),
      defaultPropagation: enabled(r.attributes.transit_gateway_default_route_table_propagation, true),
    };
    attachments.set(r, att);
    topo.tgwAttachments.push(att);
  }
  const tables = new Map<Resource, TgwRouteTable>();
  for (const r of of('tgwRouteTable')) {
    const link = tgwLink(r);
    tables.set(r, { r, id: r.id, tgw: link && 'ok' in link ? link.ok : undefined, routes: [], propagations: [] });
  }
  /** a route table named by a resource: a declared table, or a gateway (its default table: `aws_ec2_transit_gateway.x.association_default_route_table_id`) */
  const tableOf = (r: Resource): { table: TgwRouteTable; ref: RuleRef } | { unknown: string } => {
    const { path, value } = pick(r, 'transit_gateway_route_table_id', 'TransitGatewayRouteTableId');
    const res = resolveAs(r, path, value, ['tgwRouteTable', 'tgw']);
    if (res && 'r' in res) {
      const table = tables.get(res.r) ?? topo.transitGateways.get(res.r)?.defaultTable;
      if (table) return { table, ref: ruleRef(r, path, `${path} = ${table.id}`) };
    }
    return { unknown: !res ? `${r.id}.${path} not set` : 'literal' in res ? `${r.id}.${path} = ${res.literal} (route table not in the scanned configuration)` : 'unknown' in res ? res.unknown : `${r.id}.${path}` };
  };
  const attachmentOf = (r: Resource): Link<TgwAttachment> => {
    const { path, value } = pick(r, 'transit_gateway_attachment_id', 'TransitGatewayAttachmentId');
    const res = resolveAs(r, path, value, 'tgwAttachment');
    if (!res) return undefined;
    if ('r' in res) return { ok: attachments.get(res.r)!, ref: ruleRef(r, path, `${path} = ${res.r.id}`) };
    return { unknown: 'literal' in res ? `${r.id}.${path} = ${res.literal} (attachment not in the scanned configuration)` : res.unknown };
  };
  const explicit = new Map<TgwAttachment, { table: TgwRouteTable; ref: RuleRef } | { unknown: string }>();
  const unresolvedAssociations: string[] = [];
  for (const r of of('tgwAssociation')) {
    const att = attachmentOf(r);
    const t = tableOf(r);
    if (att && 'ok' in att) explicit.set(att.ok, 'table' in t ? { table: t.table, ref: ruleRef(r, undefined, `${att.ok.r.id} associated with ${t.table.id}`) } : t);
    else unresolvedAssociations.push(r.id);
  }
  for (const r of of('tgwPropagation')) {
    const att = attachmentOf(r);
    const t = tableOf(r);
    if (att && 'ok' in att && 'table' in t) t.table.propagations.push({ attachment: att.ok, ref: ruleRef(r, undefined, `${att.ok.r.id} propagates into ${t.table.id}`) });
    else topo.tgwUnresolved.push(r.id);
  }
  for (const att of topo.tgwAttachments) {
    const gw = att.tgw && 'ok' in att.tgw ? att.tgw.ok : undefined;
    const ex = explicit.get(att);
    if (ex) topo.tgwAssociation.set(att, ex);
    else if (unresolvedAssociations.length) topo.tgwAssociation.set(att, { unknown: `route table associations ${unresolvedAssociations.join(', ')} name unresolved attachments` });
    else if (!gw) topo.tgwAssociation.set(att, { unknown: att.tgw && 'unknown' in att.tgw ? att.tgw.unknown : `${att.r.id}: transit gateway not known` });
    else if (gw.defaultAssociation && att.defaultAssociation) topo.tgwAssociation.set(att, { table: gw.defaultTable, ref: ruleRef(att.r, undefined, `${att.r.id} associated with the default route table of ${gw.r.id}`) });
    if (gw && gw.defaultPropagation && att.defaultPropagation) gw.defaultTable.propagations.push({ attachment: att, ref: ruleRef(att.r, undefined, `${att.r.id} propagates into the default route table of ${gw.r.id}`) });
  }
  for (const r of of('tgwRoute')) {
    const t = tableOf(r);
    if (!('table' in t)) {
      topo.tgwUnresolved.push(r.id);
      continue;
    }
    const dp = pick(r, 'destination_cidr_block', 'DestinationCidrBlock');
    const s = asString(dp.value);
    const dest: TgwRoute['dest'] = isUnknown(dp.value) || !s ? { unknown: `${r.id}.${dp.path}` } : (parseCidr(s) ?? { unknown: `${r.id}.${dp.path} = ${s} (not a CIDR block)` });
    const bh = pick(r, 'blackhole', 'Blackhole');
    const blackhole = asBool(bh.value) === true;
    const route: TgwRoute = { dest, blackhole, ref: ruleRef(r, dp.path, `route ${'unknown' in dest ? '?' : dest.text} -> ${blackhole ? 'blackhole' : 'attachment'}`) };
    if (!blackhole) route.to = attachmentOf(r);
    t.table.routes.push(route);
  }
}

/** NAT gateways with their subnet and Elastic IP (`allocation_id` → `aws_eip`, its `public_ip` when a plan/state knows it). */
function readNatGateways(topo: AwsTopology, of: (role: Role) => Resource[], resolveAs: ResolveAs, subnetLink: (r: Resource, path: string, v: Value | undefined) => Link<Subnet>): void {
  for (const r of of('nat')) {
    const sp = pick(r, 'subnet_id', 'SubnetId');
    const priv = asString(pick(r, 'connectivity_type', 'ConnectivityType').value) === 'private';
    const ap = pick(r, 'allocation_id', 'AllocationId');
    const res = resolveAs(r, ap.path, ap.value, 'eip');
    let eip: NatGateway['eip'];
    if (res && 'r' in res) {
      const ip = asString(res.r.attributes.public_ip ?? res.r.attributes.PublicIp);
      const cidr = ip && !isUnknown(res.r.attributes.public_ip) ? parseCidr(ip) : undefined;
      const names = [`${res.r.id}.public_ip`, `${res.r.id}.PublicIp`, `Ref ${res.r.id}`];
      eip = { names, ref: ruleRef(r, ap.path, `Elastic IP ${res.r.id}${cidr ? ` (${cidr.text})` : ''}`), ...(cidr ? { cidr } : {}) };
    } else eip = { unknown: !res ? `${r.id}: no allocation_id (Elastic IP not known)` : 'literal' in res ? `${r.id}.${ap.path} = ${res.literal} (Elastic IP not in the scanned configuration)` : res.unknown };
    topo.natGateways.push({ r, subnet: subnetLink(r, sp.path, sp.value), private: priv, eip });
  }
}
