import type { NetworkRule, Peer } from '../../network-rule.js';
import type { Resource } from '../../resource.js';
import { isUnknown, unknown, type Unknown } from '../../unknown.js';
import { asBool, asNumber, asString, isObject, type Value, type ValueObject } from '../../value.js';
import type { Normalizer } from '../types.js';
import { cidrPeers, refPeers } from './peers.js';
import { fromToPorts, normalizeProtocol } from './ports.js';

/**
 * AWS network rules in the Terraform / plan shape: security groups with
 * inline blocks, standalone security-group rules (classic and VPC-style) and
 * network ACLs with their rules.
 */

/** The peers of an inline security-group block or an aws_security_group_rule, in a fixed order. */
function securityGroupPeers(block: ValueObject, path: string, groupRefKey: string): { peers: Peer[]; peersPath?: string; peerPaths: string[] } {
  const peers: Peer[] = [];
  const peerPaths: string[] = [];
  let peersPath: string | undefined;
  const add = (key: string, found: Peer[]): void => {
    if (found.length && peersPath === undefined) peersPath = `${path}${key}`;
    peers.push(...found);
    for (let i = 0; i < found.length; i++) peerPaths.push(`${path}${key}`);
  };
  add('cidr_blocks', cidrPeers(block.cidr_blocks));
  add('ipv6_cidr_blocks', cidrPeers(block.ipv6_cidr_blocks));
  add('prefix_list_ids', refPeers(block.prefix_list_ids, 'prefix-list'));
  add(groupRefKey, refPeers(block[groupRefKey], 'group'));
  const self = asBool(block.self);
  if (self === true) add('self', [{ kind: 'group', ref: 'self' }]);
  else if (isUnknown(self)) add('self', [{ kind: 'unknown', value: self }]);
  return peersPath === undefined ? { peers, peerPaths } : { peers, peersPath, peerPaths };
}

function sgRule(direction: 'ingress' | 'egress', block: ValueObject, path: string, groupRefKey: string): NetworkRule {
  const prefix = path === '' ? '' : `${path}.`;
  const protocol = normalizeProtocol(block.protocol);
  const { peers, peersPath, peerPaths } = securityGroupPeers(block, prefix, groupRefKey);
  const rule: NetworkRule = { direction, action: 'allow', protocol, ports: fromToPorts(protocol, block.from_port, block.to_port), peers };
  if (path !== '') rule.attributePath = path;
  if (peersPath !== undefined) rule.peersPath = peersPath;
  if (peerPaths.length > 1) rule.peerPaths = peerPaths;
  return rule;
}

function blocks(v: Value | undefined): Array<{ block: ValueObject; index: number }> {
  if (!Array.isArray(v)) return [];
  const out: Array<{ block: ValueObject; index: number }> = [];
  v.forEach((b, index) => {
    if (isObject(b)) out.push({ block: b, index });
  });
  return out;
}

export const awsSecurityGroupNormalizer: Normalizer = {
  types: ['aws_security_group', 'aws_default_security_group'],
  normalize(r: Resource) {
    const rules: NetworkRule[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      for (const { block, index } of blocks(r.attributes[direction])) rules.push(sgRule(direction, block, `${direction}[${index}]`, 'security_groups'));
    }
    r.network = rules;
  },
};

export const awsSecurityGroupRuleNormalizer: Normalizer = {
  types: ['aws_security_group_rule'],
  normalize(r: Resource) {
    const type = asString(r.attributes.type)?.toLowerCase();
    if (type !== 'ingress' && type !== 'egress') {
      r.network = [];
      return;
    }
    r.network = [sgRule(type, r.attributes, '', 'source_security_group_id')];
  },
};

/** aws_vpc_security_group_ingress_rule / _egress_rule: one peer attribute each, ip_protocol, from/to port. */
export const awsVpcSecurityGroupRuleNormalizer: Normalizer = {
  types: ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'],
  normalize(r: Resource) {
    const a = r.attributes;
    const direction = r.type.endsWith('_egress_rule') ? 'egress' : 'ingress';
    const protocol = normalizeProtocol(a.ip_protocol);
    const candidates: Array<[string, Peer[]]> = [
      ['cidr_ipv4', cidrPeers(a.cidr_ipv4)],
      ['cidr_ipv6', cidrPeers(a.cidr_ipv6)],
      ['prefix_list_id', refPeers(a.prefix_list_id, 'prefix-list')],
      ['referenced_security_group_id', refPeers(a.referenced_security_group_id, 'group')],
    ];
    const peers = candidates.flatMap(([, p]) => p);
    const first = candidates.find(([, p]) => p.length > 0);
    const rule: NetworkRule = { direction, action: 'allow', protocol, ports: fromToPorts(protocol, a.from_port, a.to_port), peers };
    if (first) rule.peersPath = first[0];
    if (peers.length > 1) rule.peerPaths = candidates.flatMap(([key, p]) => p.map(() => key));
    r.network = [rule];
  },
};

function naclAction(v: Value | undefined): 'allow' | 'deny' | Unknown {
  if (isUnknown(v)) return v;
  const s = asString(v)?.toLowerCase();
  if (s === 'allow' || s === 'deny') return s;
  return unknown('network ACL action not set');
}

function naclRule(direction: 'ingress' | 'egress', o: ValueObject, path: string, keys: { number: string; action: string }): NetworkRule | undefined {
  const prefix = path === '' ? '' : `${path}.`;
  const action = naclAction(o[keys.action]);
  // An unresolved action cannot be normalised into allow/deny: keep it as an
  // allow with unknown peers so a check can only say "unknown".
  const protocol = normalizeProtocol(o.protocol);
  const cidr = cidrPeers(o.cidr_block);
  const cidr6 = cidrPeers(o.ipv6_cidr_block);
  const priority = asNumber(o[keys.number]);
  const rule: NetworkRule = {
    direction,
    action: isUnknown(action) ? 'allow' : action,
    protocol,
    ports: fromToPorts(protocol, o.from_port, o.to_port),
    peers: isUnknown(action) ? [{ kind: 'unknown', value: action }] : [...cidr, ...cidr6],
  };
  if (priority !== undefined) rule.priority = priority;
  if (path !== '') rule.attributePath = path;
  if (cidr.length) rule.peersPath = `${prefix}cidr_block`;
  else if (cidr6.length) rule.peersPath = `${prefix}ipv6_cidr_block`;
  return rule;
}

export const awsNetworkAclNormalizer: Normalizer = {
  types: ['aws_network_acl', 'aws_default_network_acl'],
  normalize(r: Resource) {
    const rules: NetworkRule[] = [];
    for (const direction of ['ingress', 'egress'] as const) {
      for (const { block, index } of blocks(r.attributes[direction])) {
        const rule = naclRule(direction, block, `${direction}[${index}]`, { number: 'rule_no', action: 'action' });
        if (rule) rules.push(rule);
      }
    }
    r.network = rules;
  },
};

export const awsNetworkAclRuleNormalizer: Normalizer = {
  types: ['aws_network_acl_rule'],
  normalize(r: Resource) {
    const egress = asBool(r.attributes.egress);
    if (isUnknown(egress)) {
      r.network = [];
      return;
    }
    const rule = naclRule(egress === true ? 'egress' : 'ingress', r.attributes, '', { number: 'rule_number', action: 'rule_action' });
    r.network = rule ? [rule] : [];
  },
};

export const AWS_NETWORK_NORMALIZERS: Normalizer[] = [
  awsSecurityGroupNormalizer,
  awsSecurityGroupRuleNormalizer,
  awsVpcSecurityGroupRuleNormalizer,
  awsNetworkAclNormalizer,
  awsNetworkAclRuleNormalizer,
];
