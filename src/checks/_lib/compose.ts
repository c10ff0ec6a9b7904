/**
 * Docker Compose services as the checks read them (`compose_service`
 * resources of the docker-compose source): booleans in Compose's spellings,
 * environment entries in map or list form, published ports in short or long
 * syntax, and bind mounts in short or long syntax, each with its attribute path.
 */
import type { Resource, Value } from '../../model/index.js';
import { Unknown, getPath, isObject, isUnknown } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';

export const COMPOSE_TYPES = ['compose_service'];
export const COMPOSE_SOURCES = ['docker-compose'];

export function composeServices(ctx: Pick<CheckContext, 'ofType'>): Resource[] {
  return ctx.ofType('compose_service').filter((r) => r.source === 'docker-compose');
}

/** `true`, or a string Compose reads as true ("true", "yes", "on", "y", "1"). */
export function composeTrue(v: Value | undefined): boolean {
  if (v === true) return true;
  return typeof v === 'string' && /^(true|yes|y|on|1)$/i.test(v.trim());
}

/** A short label for messages: `service "web"`. */
export function serviceLabel(r: Resource): string {
  return `Compose service "${r.name}"`;
}

export interface ComposeEnv {
  name: string;
  /** the value; Unknown when it depends on an unset variable; null for `KEY` alone (taken from the shell) */
  value: Value;
  path: string;
}

/**
 * Every entry of a `KEY: value` / `["KEY=value", "KEY"]` attribute: `environment`
 * (the default) or `build.args`.
 */
export function composeEnv(r: Resource, attribute: 'environment' | 'build.args' = 'environment'): ComposeEnv[] {
  const env = getPath(r.attributes, attribute);
  const out: ComposeEnv[] = [];
  if (isObject(env)) {
    for (const [name, value] of Object.entries(env)) out.push({ name, value: value ?? null, path: `${attribute}.${name}` });
  } else if (Array.isArray(env)) {
    env.forEach((item, i) => {
      const path = `${attribute}[${i}]`;
      // an entry with an unset variable: its name is still in the written text
      const text = isUnknown(item) ? item.expression : typeof item === 'string' ? item : undefined;
      if (text === undefined) return;
      const eq = text.indexOf('=');
      const name = (eq < 0 ? text : text.slice(0, eq)).trim();
      if (name === '') return;
      const value: Value = eq < 0 ? null : isUnknown(item) ? item : text.slice(eq + 1);
      out.push({ name, value, path });
    });
  }
  return out;
}

export interface ComposePort {
  path: string;
  raw: string;
  /** host address the port is published on; null when none is written (all interfaces) */
  hostIp: string | null | Unknown;
  /** published host port or range as written, null for an ephemeral host port */
  published: string | null;
  target: { start: number; end: number } | Unknown;
  protocol: 'tcp' | 'udp';
}

function range(text: string): { start: number; end: number } | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] !== undefined ? Number(m[2]) : start;
  return end >= start && end <= 65535 ? { start, end } : undefined;
}

/**
 * Parses a short-syntax port, `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`
 * with ranges (`"127.0.0.1:8000-8010:8000-8010/udp"`, `"[::1]:80:80"`).
 * Hand-written: Compose's own parser is Go (docker/go-connections nat).
 */
export function parseShortPort(spec: string): Omit<ComposePort, 'path' | 'raw'> | undefined {
  let s = spec.trim();
  let protocol: 'tcp' | 'udp' = 'tcp';
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    const p = s.slice(slash + 1).toLowerCase();
    if (p !== 'tcp' && p !== 'udp' && p !== 'sctp') return undefined;
    protocol = p === 'udp' ? 'udp' : 'tcp';
    s = s.slice(0, slash);
  }
  let hostIp: string | null = null;
  const bracket = /^\[([^\]]*)\]:(.*)$/.exec(s);
  if (bracket) {
    hostIp = bracket[1]!;
    s = bracket[2]!;
  }
  const parts = s.split(':');
  if (!bracket && parts.length > 3) {
    // an unbracketed IPv6 address: the last two parts are the ports
    hostIp = parts.slice(0, -2).join(':');
    parts.splice(0, parts.length - 2);
  } else if (!bracket && parts.length === 3) {
    hostIp = parts.shift()!;
  }
  const target = range(parts[parts.length - 1]!);
  if (!target) return undefined;
  const published = parts.length === 2 && parts[0] !== '' ? parts[0]! : null;
  if (published !== null && !range(published)) return undefined;
  return { hostIp: hostIp === '' ? null : hostIp, published, target, protocol };
}

/** Every published port of a service (`expose` only opens ports to other containers and is not read). */
export function composePorts(r: Resource): ComposePort[] {
  const ports = r.attributes.ports;
  if (!Array.isArray(ports)) return [];
  const out: ComposePort[] = [];
  ports.forEach((p, i) => {
    const path = `ports[${i}]`;
    if (typeof p === 'number') {
      out.push({ path, raw: String(p), hostIp: null, published: null, target: { start: p, end: p }, protocol: 'tcp' });
    } else if (typeof p === 'string') {
      const parsed = parseShortPort(p);
      if (parsed) out.push({ path, raw: p, ...parsed });
    } else if (isUnknown(p)) {
      // `"${BIND_ADDR}:5432:5432"`: the ports are known even when the address is not
      // (each variable stands for one part; a variable alone may hold the whole mapping)
      const text = p.expression ?? '';
      const vars: string[] = [];
      const masked = text.replace(/\$\{[^}]*\}|\$[A-Za-z_]\w*/g, (v) => `${vars.push(v) - 1}`.replace(/^/, 'V'));
      const parts = masked.replace(/\/\w+$/, '').split(':');
      const known = (s: string | undefined) => s !== undefined && !/V\d/.test(s);
      const whole = parts.length === 1 && !known(parts[0]);
      const parsed = parseShortPort(masked.replace(/V\d+/g, '1'));
      const target = !whole && parsed && known(parts[parts.length - 1]) ? parsed.target : p;
      const hostIp = whole ? p : parts.length >= 3 ? (known(parts[0]) ? (parsed?.hostIp ?? null) : p) : null;
      out.push({ path, raw: text, hostIp, published: parsed?.published ?? null, target, protocol: parsed?.protocol ?? 'tcp' });
    } else if (isObject(p)) {
      const t = p.target;
      const target = isUnknown(t) ? t : typeof t === 'number' ? { start: t, end: t } : typeof t === 'string' ? range(t) : undefined;
      if (!target) return;
      let hostIp = isUnknown(p.host_ip) ? p.host_ip : typeof p.host_ip === 'string' && p.host_ip !== '' ? p.host_ip : null;
      let published = typeof p.published === 'number' ? String(p.published) : typeof p.published === 'string' && p.published !== '' ? p.published : null;
      // `published: 127.0.0.1:8080` (or only an address): not in the spec, but the intent is a bound address
      if (published !== null && hostIp === null && !range(published)) {
        const addr = /^\[([0-9a-fA-F:.]+)\](?::(\d+(?:-\d+)?))?$|^(\d+\.\d+\.\d+\.\d+)(?::(\d+(?:-\d+)?))?$|^([0-9a-fA-F]*:[0-9a-fA-F:]*)$/.exec(published);
        if (addr) {
          hostIp = addr[1] ?? addr[3] ?? addr[5]!;
          published = addr[2] ?? addr[4] ?? null;
        }
      }
      const protocol = typeof p.protocol === 'string' && p.protocol.toLowerCase() === 'udp' ? 'udp' : 'tcp';
      // mode: host publishes on the node where the task runs, ingress on every swarm node: both are host ports
      out.push({ path, raw: `${published ?? ''}:${isUnknown(target) ? '?' : target.start}`, hostIp, published, target, protocol });
    }
  });
  return out;
}

/** True when a host address listens on every interface (none written, 0.0.0.0, ::). */
export function allInterfaces(hostIp: string | null): boolean {
  return hostIp === null || ['0.0.0.0', '::', '[::]', '*'].includes(hostIp.trim());
}

export interface ComposeMount {
  path: string;
  /** the host path of a bind mount */
  source: string;
  target: string | null;
  readOnly: boolean;
}

/**
 * Bind mounts of a service: short syntax `SOURCE:TARGET[:MODE]` whose source
 * is a host path (named volumes have no slash) and long syntax `type: bind`.
 */
export function composeBindMounts(r: Resource): ComposeMount[] {
  const vols = r.attributes.volumes;
  if (!Array.isArray(vols)) return [];
  const out: ComposeMount[] = [];
  vols.forEach((v, i) => {
    const path = `volumes[${i}]`;
    if (typeof v === 'string') {
      const parts = v.split(':');
      // Windows drive letters ("C:\\data:/data") are not host paths this catalogue knows
      if (parts.length < 2 || !/^(\/|\.|~)/.test(parts[0]!)) return;
      const mode = parts[2] ?? '';
      out.push({ path, source: parts[0]!, target: parts[1] ?? null, readOnly: /(^|,)ro(,|$)/.test(mode) });
    } else if (isObject(v) && v.type === 'bind' && typeof v.source === 'string') {
      out.push({ path: `${path}.source`, source: v.source, target: typeof v.target === 'string' ? v.target : null, readOnly: composeTrue(v.read_only) });
    }
  });
  return out;
}
