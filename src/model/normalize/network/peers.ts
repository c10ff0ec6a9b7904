import ipaddr from 'ipaddr.js';
import type { Peer } from '../../network-rule.js';
import { isUnknown } from '../../unknown.js';
import { asList, type Value } from '../../value.js';

/** True when the text is an IPv4/IPv6 address or CIDR block. */
export function looksLikeCidr(s: string): boolean {
  const t = s.trim();
  if (t.includes('/')) {
    try {
      ipaddr.parseCIDR(t);
      return true;
    } catch {
      return false;
    }
  }
  return ipaddr.isValid(t);
}

/** CIDR blocks (one value or a list) as peers; unknown elements stay unknown peers. */
export function cidrPeers(v: Value | undefined): Peer[] {
  if (isUnknown(v)) return [{ kind: 'unknown', value: v }];
  const out: Peer[] = [];
  for (const item of asList(v)) {
    if (isUnknown(item)) out.push({ kind: 'unknown', value: item });
    else if (typeof item === 'string' && item.trim() !== '') out.push({ kind: 'cidr', cidr: item.trim() });
  }
  return out;
}

/** References to other groups or prefix lists (one value or a list). */
export function refPeers(v: Value | undefined, kind: 'group' | 'prefix-list'): Peer[] {
  if (isUnknown(v)) return [{ kind: 'unknown', value: v }];
  const out: Peer[] = [];
  for (const item of asList(v)) {
    if (isUnknown(item)) out.push({ kind, ref: item.expression ?? item.reason });
    else if (typeof item === 'string' && item.trim() !== '') out.push({ kind, ref: item });
  }
  return out;
}

/**
 * Azure address prefixes: a CIDR or address becomes a cidr peer; anything
 * else ("*", "Internet", "VirtualNetwork", "AzureLoadBalancer") a service tag.
 */
export function addressPrefixPeers(v: Value | undefined): Peer[] {
  if (isUnknown(v)) return [{ kind: 'unknown', value: v }];
  const out: Peer[] = [];
  for (const item of asList(v)) {
    if (isUnknown(item)) out.push({ kind: 'unknown', value: item });
    else if (typeof item === 'string' && item.trim() !== '') {
      out.push(looksLikeCidr(item) ? { kind: 'cidr', cidr: item.trim() } : { kind: 'service-tag', tag: item.trim() });
    }
  }
  return out;
}
