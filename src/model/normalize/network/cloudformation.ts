import type { NetworkRule, Peer } from '../../network-rule.js';
import type { Resource } from '../../resource.js';
import { isUnknown, unknown } from '../../unknown.js';
import { asBool, asNumber, asString, getPath, isObject, type ValueObject } from '../../value.js';
import type { Normalizer } from '../types.js';
import { cidrPeers, refPeers } from './peers.js';
import { fromToPorts, normalizeProtocol } from './ports.js';

/** CloudFormation security groups, standalone ingress/egress rules and network ACL entries. */

function cfnSgRule(direction: 'ingress' | 'egress', o: ValueObject, path: string): NetworkRule {
  const prefix = path === '' ? '' : `${path}.`;
  const protocol = normalizeProtocol(o.IpProtocol);
  const groupKey = direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId';
  const prefixListKey = direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId';
  const candidates: Array<[string, Peer[]]> = [
    ['CidrIp', cidrPeers(o.CidrIp)],
    ['CidrIpv6', cidrPeers(o.CidrIpv6)],
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
  return rule;
}

export const cfnSecurityGroupNormalizer: Normalizer = {
  types: ['AWS::EC2::SecurityGroup'],
  normalize(r: Resource) {
    const rules: NetworkRule[] = [];
    for (const [key, direction] of [['SecurityGroupIngress', 'ingress'], ['SecurityGroupEgress', 'egress']] as const) {
      const list = r.attributes[key];
      if (!Array.isArray(list)) continue;
      list.forEach((o, i) => {
        if (isObject(o)) rules.push(cfnSgRule(direction, o, `${key}[${i}]`));
      });
    }
    r.network = rules;
  },
};

export const cfnSecurityGroupIngressNormalizer: Normalizer = {
  types: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  normalize(r: Resource) {
    r.network = [cfnSgRule(r.type.endsWith('Egress') ? 'egress' : 'ingress', r.attributes, '')];
  },
};

export const cfnNetworkAclEntryNormalizer: Normalizer = {
  types: ['AWS::EC2::NetworkAclEntry'],
  normalize(r: Resource) {
    const a = r.attributes;
    const egress = asBool(a.Egress);
    if (isUnknown(egress)) {
      r.network = [];
      return;
    }
    const actionV = a.RuleAction;
    const action = asString(actionV)?.toLowerCase();
    const protocol = normalizeProtocol(a.Protocol);
    const cidr = cidrPeers(a.CidrBlock);
    const cidr6 = cidrPeers(a.Ipv6CidrBlock);
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
