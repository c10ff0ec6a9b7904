import { ALL_PORTS, type PortRange } from '../../network-rule.js';
import { Unknown, isUnknown, unknown } from '../../unknown.js';
import { asNumber, type Value } from '../../value.js';

/** IANA protocol numbers that providers accept in place of names. */
const PROTOCOL_NUMBERS: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'icmpv6', '50': 'esp', '51': 'ah', '132': 'sctp' };
const ALL_PROTOCOL_SPELLINGS = new Set(['-1', 'all', '*', 'any']);

/**
 * Lower-case protocol name: "tcp", "udp", "icmp", "all" (every protocol), or
 * an IANA number as a string when it has no common name. Accepts AWS
 * ("-1", "6"), Azure ("Tcp", "*") and GCP ("all", "tcp") spellings.
 */
export function normalizeProtocol(v: Value | undefined): string | Unknown {
  if (isUnknown(v)) return v;
  if (v === undefined || v === null) return unknown('protocol not set');
  if (typeof v !== 'string' && typeof v !== 'number') return unknown('protocol is not a name or number');
  const s = String(v).trim().toLowerCase();
  if (ALL_PROTOCOL_SPELLINGS.has(s)) return 'all';
  if (/^-?\d+$/.test(s)) return PROTOCOL_NUMBERS[String(Number(s))] ?? String(Number(s));
  if (s === 'icmpv6' || s === 'ipv6-icmp') return 'icmpv6';
  return s;
}

/** True for protocols that carry ports (so a port range means something). */
export function hasPorts(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp' || protocol === 'sctp' || protocol === 'all';
}

function clampRange(from: number, to: number): PortRange | undefined {
  if (!Number.isInteger(from) || !Number.isInteger(to)) return undefined;
  const lo = Math.max(0, Math.min(from, to));
  const hi = Math.min(65535, Math.max(from, to));
  if (hi < 0 || lo > 65535) return undefined;
  return { from: lo, to: hi };
}

/**
 * Parses one port expression as written by Azure and GCP: "22", 22,
 * "1000-2000", "*" (every port). Returns undefined when it is not a port.
 */
export function parsePortExpression(v: Value | undefined): PortRange | Unknown | undefined {
  if (isUnknown(v)) return v;
  if (typeof v === 'number') return clampRange(v, v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s === '*' || s.toLowerCase() === 'any') return { ...ALL_PORTS };
  const m = /^(\d+)\s*(?:-\s*(\d+))?$/.exec(s);
  if (!m) return undefined;
  const from = Number(m[1]);
  return clampRange(from, m[2] === undefined ? from : Number(m[2]));
}

/** A list of port expressions (each possibly a range); any unknown element makes the whole list unknown. */
export function parsePortList(values: Value[]): PortRange[] | Unknown {
  const out: PortRange[] = [];
  for (const v of values) {
    const r = parsePortExpression(v);
    if (isUnknown(r)) return r;
    if (r) out.push(r);
  }
  return mergeRanges(out);
}

/**
 * AWS-style from/to ports. For "all protocols" the ports are ignored by AWS
 * (every port is open); -1 on either side, or 0–0, means "every port" too.
 */
export function fromToPorts(protocol: string | Unknown, fromV: Value | undefined, toV: Value | undefined): PortRange[] | Unknown {
  if (isUnknown(protocol)) return protocol;
  if (protocol === 'all') return [{ ...ALL_PORTS }];
  if (!hasPorts(protocol)) return [];
  const from = asNumber(fromV);
  const to = asNumber(toV);
  if (isUnknown(from)) return from;
  if (isUnknown(to)) return to;
  if (from === undefined && to === undefined) return [{ ...ALL_PORTS }];
  if (from === -1 || to === -1) return [{ ...ALL_PORTS }];
  // 0–0 is written (and read by other scanners) as "every port"; port 0 itself carries no service
  if (from === 0 && to === 0) return [{ ...ALL_PORTS }];
  const lo = from ?? to!;
  const hi = to ?? from!;
  const r = clampRange(lo, hi);
  return r ? [r] : [];
}

/** Sorts and merges overlapping or adjacent ranges. */
export function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: PortRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/** True when the ranges cover every port 0/1–65535. */
export function coversAllPorts(ranges: PortRange[]): boolean {
  return mergeRanges(ranges).some((r) => r.from <= 1 && r.to >= 65535);
}

/** Does a rule protocol carry traffic of the given transport protocol? */
export function protocolMatches(ruleProtocol: string, wanted: 'tcp' | 'udp'): boolean {
  return ruleProtocol === 'all' || ruleProtocol === wanted;
}
