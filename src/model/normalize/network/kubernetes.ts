import { ALL_PORTS, type NetworkRule, type Peer, type PortRange } from '../../network-rule.js';
import type { Resource } from '../../resource.js';
import { isUnknown, unknown, type Unknown } from '../../unknown.js';
import { asNumber, asString, isObject, type Value, type ValueObject } from '../../value.js';
import type { Normalizer } from '../types.js';
import { normalizeProtocol } from './ports.js';

/**
 * Kubernetes NetworkPolicy: one NetworkRule per ingress/egress rule and port
 * entry. A rule without `from`/`to` admits every peer (service tag "*"); a
 * rule without `ports` covers every port of every protocol. Pod and namespace
 * selectors become group peers; named ports stay unknown (they resolve per pod).
 */

function selectorText(sel: Value | undefined): string {
  if (!isObject(sel)) return '{}';
  const labels = isObject(sel.matchLabels) ? Object.entries(sel.matchLabels).map(([k, v]) => `${k}=${asString(v) ?? '?'}`) : [];
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0;
  return `{${labels.join(',')}${exprs ? `${labels.length ? ',' : ''}+${exprs} expressions` : ''}}`;
}

function peersOf(list: Value | undefined): Peer[] {
  if (isUnknown(list)) return [{ kind: 'unknown', value: list }];
  if (list === undefined || list === null || (Array.isArray(list) && list.length === 0)) return [{ kind: 'service-tag', tag: '*' }];
  if (!Array.isArray(list)) return [];
  const out: Peer[] = [];
  for (const p of list) {
    if (isUnknown(p)) out.push({ kind: 'unknown', value: p });
    if (!isObject(p)) continue;
    if (isObject(p.ipBlock)) {
      const cidr = p.ipBlock.cidr;
      if (isUnknown(cidr)) out.push({ kind: 'unknown', value: cidr });
      else if (typeof cidr === 'string') out.push({ kind: 'cidr', cidr });
    }
    if (p.podSelector !== undefined || p.namespaceSelector !== undefined) {
      const ns = p.namespaceSelector === undefined ? 'same-namespace' : `namespaces${selectorText(p.namespaceSelector)}`;
      out.push({ kind: 'group', ref: `${ns}/pods${selectorText(p.podSelector)}` });
    }
  }
  return out;
}

function portRange(entry: ValueObject): PortRange[] | Unknown {
  const port = entry.port;
  if (port === undefined || port === null) return [{ ...ALL_PORTS }];
  if (isUnknown(port)) return port;
  const n = asNumber(port);
  if (typeof n !== 'number') return unknown('named port', asString(port));
  const end = asNumber(entry.endPort);
  if (isUnknown(end)) return end;
  return [{ from: n, to: typeof end === 'number' && end >= n ? end : n }];
}

export const kubernetesNetworkPolicyNormalizer: Normalizer = {
  types: ['NetworkPolicy'],
  normalize(r: Resource) {
    if (r.source !== 'kubernetes') return;
    const spec = r.attributes.spec;
    if (!isObject(spec)) {
      r.network = [];
      return;
    }
    const targets = [`pods${selectorText(spec.podSelector)}`];
    const rules: NetworkRule[] = [];
    for (const [direction, peerKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
      const list = spec[direction];
      if (!Array.isArray(list)) continue;
      list.forEach((rule, i) => {
        if (!isObject(rule)) return;
        const path = `spec.${direction}[${i}]`;
        const peers = peersOf(rule[peerKey]);
        const peersPath = rule[peerKey] === undefined ? path : `${path}.${peerKey}`;
        const ports = rule.ports;
        const entries: Array<{ protocol: string | Unknown; ports: PortRange[] | Unknown; at: string }> = [];
        if (!Array.isArray(ports) || ports.length === 0) entries.push({ protocol: 'all', ports: [{ ...ALL_PORTS }], at: path });
        else
          ports.forEach((p, k) => {
            if (!isObject(p)) return;
            entries.push({ protocol: p.protocol === undefined ? 'tcp' : normalizeProtocol(p.protocol), ports: portRange(p), at: `${path}.ports[${k}]` });
          });
        for (const e of entries) rules.push({ direction, action: 'allow', protocol: e.protocol, ports: e.ports, peers, attributePath: e.at, peersPath, targets });
      });
    }
    r.network = rules;
  },
};

export const KUBERNETES_NETWORK_NORMALIZERS: Normalizer[] = [kubernetesNetworkPolicyNormalizer];
