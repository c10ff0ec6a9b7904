import type { NetworkRule, PortRange } from '../../network-rule.js';
import type { Resource } from '../../resource.js';
import { isUnknown, type Unknown } from '../../unknown.js';
import { asList, asNumber, asString, isObject, type Value, type ValueObject } from '../../value.js';
import type { Normalizer } from '../types.js';
import { addressPrefixPeers, refPeers } from './peers.js';
import { hasPorts, normalizeProtocol, parsePortList } from './ports.js';

/**
 * Azure network security rules, inline (`security_rule` blocks of
 * azurerm_network_security_group) or standalone (azurerm_network_security_rule).
 * Address prefixes may be CIDRs or service tags ("*", "Internet", "VirtualNetwork").
 */
/**
 * "22, 3389" or "80,443-445" in one port attribute: Azure's API wants such lists in
 * `destination_port_ranges`, but the rule's intent is plain, so each item counts.
 */
function splitPortList(v: Value): Value[] {
  return typeof v === 'string' && v.includes(',') ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : [v];
}

function azureRule(o: ValueObject, path: string): NetworkRule | undefined {
  const prefix = path === '' ? '' : `${path}.`;
  const direction = asString(o.direction)?.toLowerCase();
  const access = asString(o.access)?.toLowerCase();
  if ((direction !== 'inbound' && direction !== 'outbound') || (access !== 'allow' && access !== 'deny')) return undefined;
  const protocol = normalizeProtocol(o.protocol);
  const remote = direction === 'inbound' ? 'source' : 'destination';
  const single = `${remote}_address_prefix`;
  const multiple = `${remote}_address_prefixes`;
  const asgKey = `${remote}_application_security_group_ids`;
  const singlePeers = addressPrefixPeers(o[single]);
  const multiPeers = addressPrefixPeers(o[multiple]);
  const peers = [...singlePeers, ...multiPeers, ...refPeers(o[asgKey], 'group')];

  let ports: PortRange[] | Unknown;
  if (isUnknown(protocol)) ports = protocol;
  else if (!hasPorts(protocol)) ports = [];
  else if (isUnknown(o.destination_port_range)) ports = o.destination_port_range;
  else if (isUnknown(o.destination_port_ranges)) ports = o.destination_port_ranges;
  else ports = parsePortList([...asList(o.destination_port_range), ...asList(o.destination_port_ranges)].flatMap(splitPortList));

  const rule: NetworkRule = { direction: direction === 'inbound' ? 'ingress' : 'egress', action: access, protocol, ports, peers };
  const priority = asNumber(o.priority);
  if (priority !== undefined) rule.priority = priority;
  if (path !== '') rule.attributePath = path;
  if (singlePeers.length) rule.peersPath = `${prefix}${single}`;
  else if (multiPeers.length) rule.peersPath = `${prefix}${multiple}`;
  return rule;
}

export const azureNetworkSecurityGroupNormalizer: Normalizer = {
  types: ['azurerm_network_security_group'],
  normalize(r: Resource) {
    const rules: NetworkRule[] = [];
    const list = r.attributes.security_rule;
    if (Array.isArray(list)) {
      list.forEach((o, i) => {
        const rule = isObject(o) ? azureRule(o, `security_rule[${i}]`) : undefined;
        if (rule) rules.push(rule);
      });
    }
    r.network = rules;
  },
};

export const azureNetworkSecurityRuleNormalizer: Normalizer = {
  types: ['azurerm_network_security_rule'],
  normalize(r: Resource) {
    const rule = azureRule(r.attributes, '');
    r.network = rule ? [rule] : [];
  },
};

export const AZURE_NETWORK_NORMALIZERS: Normalizer[] = [azureNetworkSecurityGroupNormalizer, azureNetworkSecurityRuleNormalizer];
