/**
 * Intended network flows (`intent:` in `.tetrad.yaml`), the allow-list of the zero-trust audit:
 *
 *   intent:
 *     - internet -> web:443            # any internet address to the workload/VM named web, tcp 443
 *     - web -> db:5432                 # east-west
 *     - k8s:shop -> k8s:shop           # a whole zone to itself, every port
 *     - "api -> cache:6379,6380/tcp"
 *     - {from: monitoring, to: "*", ports: "9100", protocol: tcp}
 *
 * Ends are names matched (with globs) against each flow's source or destination: `internet`, a
 * workload, VM or instance name, a resource id, or a zone (`k8s:NAMESPACE`, `azure:SUBNET_ID`,
 * `gcp:NETWORK`). Ports are a list of ports or ranges, `*` (or none) for every port; the protocol
 * `tcp`, `udp`, `sctp` or `any` (the default).
 */
import { z } from 'zod';
import type { PortRange, Resource } from '../model/index.js';

export interface IntentFlow {
  from: string;
  to: string;
  protocol: 'tcp' | 'udp' | 'sctp' | 'any';
  /** undefined: every port */
  ports?: PortRange[];
  /** the entry as written, for messages */
  text: string;
}

export interface IntentRule extends IntentFlow {
  file: string;
  line: number;
}

const ARROW = /\s*(?:->|→|=>)\s*/;

/** "80,443", "8000-8100", "*" → ranges (undefined = every port); a string is an error message. */
export function parseIntentPorts(text: string): PortRange[] | undefined | string {
  const t = text.trim();
  if (t === '' || t === '*' || t.toLowerCase() === 'any') return undefined;
  const out: PortRange[] = [];
  for (const part of t.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!m || from > 65535 || to > 65535 || from > to) return `"${part.trim()}" is not a port or range 0-65535`;
    out.push({ from, to });
  }
  return out;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp', 'any']);

/** Parses "FROM -> TO[:PORTS][/PROTOCOL]"; a string result is an error message. */
export function parseIntentText(text: string): IntentFlow | string {
  const parts = text.trim().split(ARROW);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return `"${text}" is not "FROM -> TO[:PORTS][/PROTOCOL]"`;
  const from = parts[0].trim();
  let to = parts[1].trim();
  if (/\s/.test(from) || /\s/.test(to)) return `"${text}": names cannot contain spaces`;
  let protocol: IntentFlow['protocol'] = 'any';
  const proto = /\/(tcp|udp|sctp|any)$/i.exec(to);
  if (proto) {
    protocol = proto[1]!.toLowerCase() as IntentFlow['protocol'];
    to = to.slice(0, proto.index);
  }
  let ports: PortRange[] | undefined;
  const portsMatch = /:([\d,\s*-]+|\*)$/.exec(to);
  if (portsMatch) {
    const p = parseIntentPorts(portsMatch[1]!);
    if (typeof p === 'string') return `"${text}": ${p}`;
    ports = p;
    to = to.slice(0, portsMatch.index);
  }
  if (!to) return `"${text}": no destination before the ports`;
  // a colon belongs to a zone name (k8s:shop) or introduces ports, which are numbers
  for (const name of [from, to]) {
    if (name.includes(':') && !/^(k8s|azure|gcp|aws):[^:]+$/.test(name)) return `"${text}": "${name}": ports are numbers or ranges (a named port is not supported), zones are written k8s:NAME, azure:ID, gcp:NAME or aws:ID`;
  }
  const out: IntentFlow = { from, to, protocol, text: text.trim() };
  if (ports) out.ports = ports;
  return out;
}

const objectSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  ports: z.union([z.string(), z.number().int().min(0).max(65535), z.array(z.union([z.string(), z.number().int().min(0).max(65535)]))]).optional(),
  protocol: z.enum(['tcp', 'udp', 'sctp', 'any', 'TCP', 'UDP', 'SCTP', 'ANY']).optional(),
});

/** One `intent:` entry: a "FROM -> TO:PORTS/PROTO" string or an object; validated as it parses. */
export const intentEntrySchema = z.union([z.string(), objectSchema]).superRefine((v, ctx) => {
  const r = toIntentFlow(v);
  if (typeof r === 'string') ctx.addIssue({ code: 'custom', message: r });
});

export type IntentEntryInput = z.infer<typeof objectSchema> | string;

export function toIntentFlow(v: IntentEntryInput): IntentFlow | string {
  if (typeof v === 'string') return parseIntentText(v);
  const portsText = v.ports === undefined ? '' : Array.isArray(v.ports) ? v.ports.join(',') : String(v.ports);
  const ports = parseIntentPorts(portsText);
  if (typeof ports === 'string') return ports;
  const protocol = (v.protocol?.toLowerCase() ?? 'any') as IntentFlow['protocol'];
  if (!PROTOCOLS.has(protocol)) return `unknown protocol ${v.protocol}`;
  const out: IntentFlow = { from: v.from, to: v.to, protocol, text: `${v.from} -> ${v.to}${portsText ? `:${portsText}` : ''}${protocol !== 'any' ? `/${protocol}` : ''}` };
  if (ports) out.ports = ports;
  return out;
}

export const INTENT_TYPE = 'tetrad-intent';

/**
 * The declared intents as one model resource per configuration file (type `tetrad-intent`), so
 * the zero-trust check reads them through the model like any other input, with their lines.
 */
export function intentResources(configs: ReadonlyArray<{ file: string; intents?: IntentRule[] }>): Resource[] {
  const out: Resource[] = [];
  for (const c of configs) {
    if (!c.intents?.length) continue;
    const first = Math.min(...c.intents.map((i) => i.line));
    const last = Math.max(...c.intents.map((i) => i.line));
    const attributeLocations: Resource['attributeLocations'] = {};
    c.intents.forEach((i, k) => (attributeLocations[`intent[${k}]`] = { file: c.file, startLine: i.line, endLine: i.line }));
    out.push({
      id: `${INTENT_TYPE}:${c.file}`,
      type: INTENT_TYPE,
      provider: 'tetrad',
      source: 'config',
      name: c.file,
      attributes: { intent: c.intents.map((i) => ({ from: i.from, to: i.to, protocol: i.protocol, ports: i.ports ? i.ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(',') : '*', text: i.text })) },
      location: { file: c.file, startLine: Math.max(1, first - 1), endLine: last },
      attributeLocations,
      references: [],
    });
  }
  return out;
}

/** Intents back from a `tetrad-intent` resource. */
export function intentsOf(r: Resource): IntentRule[] {
  const list = r.attributes.intent;
  if (!Array.isArray(list)) return [];
  return list.flatMap((v, k) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return [];
    const o = v as Record<string, unknown>;
    const ports = parseIntentPorts(String(o.ports ?? '*'));
    const flow: IntentRule = { from: String(o.from), to: String(o.to), protocol: String(o.protocol) as IntentFlow['protocol'], text: String(o.text), file: r.location.file, line: r.attributeLocations[`intent[${k}]`]?.startLine ?? r.location.startLine };
    if (Array.isArray(ports)) flow.ports = ports;
    return [flow];
  });
}
