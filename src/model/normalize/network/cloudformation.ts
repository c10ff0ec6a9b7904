import type { NetworkRule, Peer } from '../../network-rule.js';
import type { Resource } from '../../resource.js';
import { isUnknown, unknown } from '../../unknown.js';
import { asBool, asNumber, asString, getPath, isObject, type ValueObject } from '../../value.js';
import type { NormalizeContext, Normalizer } from '../types.js';
import { cidrPeers, refPeers } from './peers.js';
import { fromToPorts, normalizeProtocol } from './ports.js';

/** CloudFormation security groups, standalone ingress/egress rules and network ACL entries. */

/** GetAtt attributes that hold a VPC or subnet CIDR: AWS never allows /0 there. */
const NETWORK_CIDR_ATTRIBUTES: Record<string, string[]> = {
  'AWS::EC2::VPC': ['CidrBlock', 'CidrBlockAssociations', 'Ipv6CidrBlocks'],
  'AWS::EC2::Subnet': ['CidrBlock', 'Ipv6CidrBlocks'],
  'AWS::EC2::VPCCidrBlock': ['CidrBlock', 'Ipv6CidrBlock'],
};

/**
 * A CIDR given as `!GetAtt Vpc.CidrBlock` (unresolved) is the VPC's own
 * address space: it becomes a group peer referring to that resource instead
 * of an unknown, so checks do not mistake it for a possible 0.0.0.0/0.
 */
function resolveNetworkCidrs(peers: Peer[], ctx: NormalizeContext): Peer[] {
  return peers.map((p) => {
    if (p.kind !== 'unknown' || p.value.reason !== 'resource attribute' || !p.value.expression) return p;
    const [logicalId, attribute] = p.value.expression.split('.', 2);
    const target = logicalId ? ctx.byId(logicalId) : undefined;
    if (target && attribute && NETWORK_CIDR_ATTRIBUTES[target.type]?.includes(attribute)) return { kind: 'group', ref: p.value.expression };
    return p;
  });
}

function cfnSgRule(direction: 'ingress' | 'egress', o: ValueObject, path: string, ctx: NormalizeContext): NetworkRule {
  const prefix = path === '' ? '' : `${path}.`;
  const protocol = normalizeProtocol(o.IpProtocol);
  const groupKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  const prefixListKey = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
  const candidates: Array<[string, Peer[]]> = [
    ['CidrIp', resolveNetworkCidrs(cidrPeers(o.CidrIp), ctx)],
    ['CidrIpv6', resolveNetworkCidrs(cidrPeers(o.CidrIpv6), ctx)],
    [prefixListKey, refPeers(o[prefixListKey], 'prefix-list')],
    [groupKey, refPeers(o[groupKey], 'group')],
    ['SourceSecurityGroupName', direction === 'ingress' ? refPeers(o.SourceSecurityGroupName, 'group') : []],
  ];
  const first = candidates.find(([, p]) => p.length > 0);
  const rule: NetworkRule = {
    direction,
    action: 'allow',
    protocol,
    ports: fromToPorts(protocol, o.FromPort, o.ToPort),
    peers: candidates.flatMap(([, p]) => p),
  };
  if (path !== '') rule.attributePath = path;
  if (first) rule.peersPath = `${prefix}${first[0]}`;
  if (rule.peers.length > 1) rule.peerPaths = candidates.flatMap(([key, p]) => p.map(() => `${prefix}${key}`));
  return rule;
}

export const cfnSecurityGroupNormalizer: Normalizer = {
  types: ['AWS::EC2::SecurityGroup'],
  normalize(r: Resource, ctx) {
    const rules: NetworkRule[] = [];
    for (const [key, direction] of [['SecurityGroupIngress', 'ingress'], ['SecurityGroupEgress', 'egress']] as const) {
      const list = r.attributes[key];
      if (!Array.isArray(list)) continue;
      list.forEach((o, i) => {
        if (isObject(o)) rules.push(cfnSgRule(direction, o, `${key}[${i}]`, ctx));
      });
    }
    r.network = rules;
  },
};

export const cfnSecurityGroupIngressNormalizer: Normalizer = {
  types: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  normalize(r: Resource, ctx) {
    r.network = [cfnSgRule(r.type.endsWith('Egress') ? 'egress' : 'ingress', r.attributes, '', ctx)];
  },
};

export const cfnNetworkAclEntryNormalizer: Normalizer = {
  types: ['AWS::EC2::NetworkAclEntry'],
  normalize(r: Resource, ctx) {
    const a = r.attributes;
    const egress = asBool(a.Egress);
    if (isUnknown(egress)) {
      r.network = [];
      return;
    }
    const actionV = a.RuleAction;
    const action = asString(actionV)?.toLowerCase();
    const protocol = normalizeProtocol(a.Protocol);
    const cidr = resolveNetworkCidrs(cidrPeers(a.CidrBlock), ctx);
    const cidr6 = resolveNetworkCidrs(cidrPeers(a.Ipv6CidrBlock), ctx);
    const knownAction = action === 'allow' || action === 'deny' ? action : undefined;
    const rule: NetworkRule = {
      direction: egress === true ? 'egress' : 'ingress',
      action: knownAction ?? 'allow',
      protocol,
      ports: fromToPorts(protocol, getPath(a, 'PortRange.From'), getPath(a, 'PortRange.To')),
      peers: knownAction ? [...cidr, ...cidr6] : [{ kind: 'unknown', value: isUnknown(actionV) ? actionV : unknown('RuleAction not set') }],
    };
    const priority = asNumber(a.RuleNumber);
    if (priority !== undefined) rule.priority = priority;
    if (cidr.length) rule.peersPath = 'CidrBlock';
    else if (cidr6.length) rule.peersPath = 'Ipv6CidrBlock';
    r.network = [rule];
  },
};

export const CLOUDFORMATION_NETWORK_NORMALIZERS: Normalizer[] = [cfnSecurityGroupNormalizer, cfnSecurityGroupIngressNormalizer, cfnNetworkAclEntryNormalizer];
