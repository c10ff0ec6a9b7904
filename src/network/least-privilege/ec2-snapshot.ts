/**
 * Security groups and network interfaces as the EC2 API returns them: the JSON output of
 * `aws ec2 describe-security-groups` (SecurityGroups[].{GroupId, GroupName, VpcId, IpPermissions,
 * IpPermissionsEgress}) and `aws ec2 describe-network-interfaces` (NetworkInterfaces[].
 * {NetworkInterfaceId, PrivateIpAddresses[].{PrivateIpAddress, Association.PublicIp},
 * Ipv6Addresses[].Ipv6Address, Groups[].GroupId}). Flow logs name interfaces and addresses, so the
 * tightening works on these live shapes rather than on IaC, whose ids are not known until apply.
 * Every group and permission keeps its line (jsonc-parser gives node offsets).
 */
import { readFileSync } from 'node:fs';
import { findNodeAtLocation, parseTree, type Node, type ParseError as JsonParseError } from 'jsonc-parser';
import { ParseError } from '../../scan/errors.js';

export type SgPeer = { kind: 'cidr'; cidr: string } | { kind: 'sg'; id: string } | { kind: 'prefix-list'; id: string };

export interface SgRule {
  /** IANA protocol number, or 'all' for IpProtocol "-1" */
  protocol: number | 'all';
  /** inclusive; 0–65535 for every port (also for "-1" and ICMP, whose FromPort/ToPort are type/code) */
  from: number;
  to: number;
  peers: SgPeer[];
  line?: number;
}

export interface SecurityGroup {
  id: string;
  name: string;
  vpcId?: string;
  ingress: SgRule[];
  egress: SgRule[];
  file: string;
  line: number;
}

export interface NetworkInterface {
  id: string;
  /** private, public and IPv6 addresses */
  addresses: string[];
  groups: string[];
}

const PROTOCOLS: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58 };

function lineAt(text: string, offset: number, starts: number[]): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function parseJson(text: string, file: string): { root: Node; starts: number[] } {
  const errors: JsonParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const starts = lineStarts(text);
  if (errors.length || !root) throw new ParseError(file, lineAt(text, errors[0]?.offset ?? 0, starts), 'malformed JSON');
  return { root, starts };
}

function value(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.type === 'object') return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value as string, value(p.children![1])]));
  if (node.type === 'array') return (node.children ?? []).map(value);
  return node.value;
}

function rulesOf(node: Node | undefined, text: string, starts: number[], file: string): SgRule[] {
  if (!node) return [];
  return (node.children ?? []).map((perm) => {
    const p = value(perm) as Record<string, unknown>;
    const line = lineAt(text, perm.offset, starts);
    const proto = String(p.IpProtocol ?? '');
    const protocol = proto === '-1' ? 'all' : (PROTOCOLS[proto.toLowerCase()] ?? (/^\d+$/.test(proto) ? Number(proto) : undefined));
    if (protocol === undefined) throw new ParseError(file, line, `unknown IpProtocol "${proto}"`);
    const portsApply = protocol === 6 || protocol === 17;
    const from = portsApply && typeof p.FromPort === 'number' ? p.FromPort : 0;
    const to = portsApply && typeof p.ToPort === 'number' ? p.ToPort : 65535;
    const peers: SgPeer[] = [];
    for (const r of (p.IpRanges as Array<Record<string, unknown>> | undefined) ?? []) if (typeof r.CidrIp === 'string') peers.push({ kind: 'cidr', cidr: r.CidrIp });
    for (const r of (p.Ipv6Ranges as Array<Record<string, unknown>> | undefined) ?? []) if (typeof r.CidrIpv6 === 'string') peers.push({ kind: 'cidr', cidr: r.CidrIpv6 });
    for (const r of (p.UserIdGroupPairs as Array<Record<string, unknown>> | undefined) ?? []) if (typeof r.GroupId === 'string') peers.push({ kind: 'sg', id: r.GroupId });
    for (const r of (p.PrefixListIds as Array<Record<string, unknown>> | undefined) ?? []) if (typeof r.PrefixListId === 'string') peers.push({ kind: 'prefix-list', id: r.PrefixListId });
    return { protocol, from, to, peers, line };
  });
}

/** Reads `aws ec2 describe-security-groups` output. */
export function parseSecurityGroups(text: string, file: string): SecurityGroup[] {
  const { root, starts } = parseJson(text, file);
  const list = findNodeAtLocation(root, ['SecurityGroups']);
  if (!list || list.type !== 'array') throw new ParseError(file, 1, 'not `aws ec2 describe-security-groups` output: no SecurityGroups list');
  return (list.children ?? []).map((g) => {
    const line = lineAt(text, g.offset, starts);
    const id = value(findNodeAtLocation(g, ['GroupId']));
    if (typeof id !== 'string') throw new ParseError(file, line, 'security group without a GroupId');
    return {
      id,
      name: String(value(findNodeAtLocation(g, ['GroupName'])) ?? id),
      vpcId: (value(findNodeAtLocation(g, ['VpcId'])) as string | undefined) ?? undefined,
      ingress: rulesOf(findNodeAtLocation(g, ['IpPermissions']), text, starts, file),
      egress: rulesOf(findNodeAtLocation(g, ['IpPermissionsEgress']), text, starts, file),
      file,
      line,
    };
  });
}

/** Reads `aws ec2 describe-network-interfaces` output. */
export function parseNetworkInterfaces(text: string, file: string): NetworkInterface[] {
  const { root, starts } = parseJson(text, file);
  const list = findNodeAtLocation(root, ['NetworkInterfaces']);
  if (!list || list.type !== 'array') throw new ParseError(file, 1, 'not `aws ec2 describe-network-interfaces` output: no NetworkInterfaces list');
  return (list.children ?? []).map((n) => {
    const e = value(n) as Record<string, unknown>;
    if (typeof e.NetworkInterfaceId !== 'string') throw new ParseError(file, lineAt(text, n.offset, starts), 'network interface without a NetworkInterfaceId');
    const addresses = new Set<string>();
    if (typeof e.PrivateIpAddress === 'string') addresses.add(e.PrivateIpAddress);
    for (const a of (e.PrivateIpAddresses as Array<Record<string, unknown>> | undefined) ?? []) {
      if (typeof a.PrivateIpAddress === 'string') addresses.add(a.PrivateIpAddress);
      const pub = (a.Association as Record<string, unknown> | undefined)?.PublicIp;
      if (typeof pub === 'string') addresses.add(pub);
    }
    const pub = (e.Association as Record<string, unknown> | undefined)?.PublicIp;
    if (typeof pub === 'string') addresses.add(pub);
    for (const a of (e.Ipv6Addresses as Array<Record<string, unknown>> | undefined) ?? []) if (typeof a.Ipv6Address === 'string') addresses.add(a.Ipv6Address);
    const groups = ((e.Groups as Array<Record<string, unknown>> | undefined) ?? []).map((g) => g.GroupId).filter((g): g is string => typeof g === 'string');
    return { id: e.NetworkInterfaceId, addresses: [...addresses], groups };
  });
}

export function readSecurityGroupsFile(path: string, display = path): SecurityGroup[] {
  return parseSecurityGroups(readFileSync(path, 'utf8'), display);
}

export function readNetworkInterfacesFile(path: string, display = path): NetworkInterface[] {
  return parseNetworkInterfaces(readFileSync(path, 'utf8'), display);
}
