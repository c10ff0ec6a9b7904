import type { NetworkRule, Peer, PortRange } from '../../network-rule.js';
import type { Resource } from '../../resource.js';
import { isUnknown, type Unknown } from '../../unknown.js';
import { asBool, asList, asNumber, asString, isObject } from '../../value.js';
import type { Normalizer } from '../types.js';
import { cidrPeers, refPeers } from './peers.js';
import { hasPorts, normalizeProtocol, parsePortList } from './ports.js';

/**
 * google_compute_firewall: one NetworkRule per `allow` / `deny` block.
 * Direction defaults to INGRESS and priority to 1000; a block without
 * `ports` covers every port of its protocol. Disabled rules carry no traffic
 * and are left out.
 */
export const gcpFirewallNormalizer: Normalizer = {
  types: ['google_compute_firewall'],
  normalize(r: Resource) {
    const a = r.attributes;
    const disabled = asBool(a.disabled);
    if (disabled === true) {
      r.network = [];
      return;
    }
    const dirText = a.direction === undefined || a.direction === null ? 'INGRESS' : asString(a.direction)?.toUpperCase();
    if (dirText !== 'INGRESS' && dirText !== 'EGRESS') {
      r.network = [];
      return;
    }
    const direction = dirText === 'INGRESS' ? 'ingress' : 'egress';
    let peers: Peer[];
    let peersPath: string | undefined;
    if (direction === 'ingress') {
      const ranges = cidrPeers(a.source_ranges);
      peers = [...ranges, ...refPeers(a.source_tags, 'group'), ...refPeers(a.source_service_accounts, 'group')];
      if (ranges.length) peersPath = 'source_ranges';
    } else {
      peers = cidrPeers(a.destination_ranges);
      if (peers.length) peersPath = 'destination_ranges';
    }
    const priority = a.priority === undefined || a.priority === null ? 1000 : asNumber(a.priority);
    const targets = asList(a.target_tags).filter((t): t is string => typeof t === 'string');

    const rules: NetworkRule[] = [];
    for (const action of ['allow', 'deny'] as const) {
      const list = a[action];
      if (!Array.isArray(list)) continue;
      list.forEach((block, i) => {
        if (!isObject(block)) return;
        const protocol = normalizeProtocol(block.protocol);
        let ports: PortRange[] | Unknown;
        if (isUnknown(protocol)) ports = protocol;
        else if (!hasPorts(protocol)) ports = [];
        else if (isUnknown(block.ports)) ports = block.ports;
        else {
          const list = asList(block.ports);
          ports = list.length === 0 ? [{ from: 0, to: 65535 }] : parsePortList(list);
        }
        const rule: NetworkRule = { direction, action, protocol, ports, peers, attributePath: `${action}[${i}]` };
        if (priority !== undefined) rule.priority = priority;
        if (peersPath !== undefined) rule.peersPath = peersPath;
        if (targets.length) rule.targets = targets;
        if (isUnknown(disabled)) rule.disabled = disabled;
        rules.push(rule);
      });
    }
    r.network = rules;
  },
};

export const GCP_NETWORK_NORMALIZERS: Normalizer[] = [gcpFirewallNormalizer];
