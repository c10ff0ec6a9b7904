/**
 * nmap XML output (`nmap -oX FILE`, also what `tetrad discover` writes): one resource per scanned
 * host that is up, with every port nmap reported on it.
 *
 * Resource: type `nmap-host`, provider `onprem`, source `nmap`, id `nmap:<address>` (the IPv4
 * address, else the first address). Attributes:
 * - `address`, `addresses[{addr, addrtype}]`, `hostnames[]`, `status`, `public` (false for private,
 *   loopback, link-local and other non-global addresses; decided with ipaddr.js);
 * - `ports[{protocol, port, state, reason, service: {name, product, version, extrainfo, tunnel, method, conf, cpe[]}}]`
 *   in document order, each located at its `<port>` line (`ports[N]`);
 * - `scan: {args, start, version}` from the `<nmaprun>` element.
 *
 * The structure is parsed with fast-xml-parser; it gives no positions, so the lines of `<host>` and
 * `<port>` elements come from one pass over the text in document order (nmap writes one element
 * start per line, and `<hosthint>`/`<ports>`/`<portused>` do not match the element names).
 * A malformed file is an error at the line fast-xml-parser's validator names; the scan goes on.
 */
import { XMLParser } from 'fast-xml-parser';
import { parseXmlChecked } from '../shared/xml.js';
import ipaddr from 'ipaddr.js';
import type { Resource, Value, ValueObject } from '../../model/index.js';
import { lineRange } from '../../model/index.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { ParseError, toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import type { Source, SourceOutput } from '../types.js';

export const NMAP_SOURCE = 'nmap';
export const NMAP_HOST_TYPE = 'nmap-host';

const ARRAYS = new Set(['host', 'port', 'address', 'hostname', 'cpe']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ARRAYS.has(name),
});

export const nmapSource: Source = {
  kind: NMAP_SOURCE,
  claims(file: DiscoveredFile): boolean {
    return /\.xml$/i.test(file.path) && /<nmaprun[\s>]/.test(file.head);
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        resources.push(...readNmapXml(readSourceText(file), file.displayPath));
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, NMAP_SOURCE));
      }
    }
    return { resources, errors };
  },
};

/** Lines (1-based) of every match of `re` in `text`, in order. */
function elementLines(text: string, re: RegExp): number[] {
  const lines: number[] = [];
  let line = 1;
  // the next newline not yet counted, kept between matches (a search per match from the last one
  // to the end would be quadratic on XML written on one line)
  let newline = text.indexOf('\n');
  for (const m of text.matchAll(re)) {
    while (newline !== -1 && newline < m.index) {
      line++;
      newline = text.indexOf('\n', newline + 1);
    }
    lines.push(line);
  }
  return lines;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** True for an address routable on the internet (ipaddr.js range `unicast`). */
export function isPublicAddress(addr: string): boolean {
  if (!ipaddr.isValid(addr)) return false;
  let ip = ipaddr.parse(addr);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** Parses one nmap XML document into host resources. Throws ParseError with the line of the first problem. */
export function readNmapXml(text: string, file: string): Resource[] {
  const doc = parseXmlChecked(text, file, parser, 'malformed nmap XML');
  const run = doc.nmaprun as Record<string, unknown> | undefined;
  if (!run || typeof run !== 'object') throw new ParseError(file, 1, 'not nmap XML output: no <nmaprun> element');
  const hostLines = elementLines(text, /<host[\s>]/g);
  const portLines = elementLines(text, /<port[\s>]/g);
  const scan: ValueObject = {};
  for (const [k, key] of [['args', 'args'], ['start', 'start'], ['version', 'version']] as const) {
    const v = str(run[key]);
    if (v !== undefined) scan[k] = v;
  }
  const hosts = (run.host as Record<string, unknown>[] | undefined) ?? [];
  const out: Resource[] = [];
  const seen = new Map<string, number>();
  let portIndex = 0;
  hosts.forEach((host, h) => {
    const hostLine = hostLines[h] ?? 1;
    const addresses = ((host.address as Record<string, unknown>[] | undefined) ?? []).map((a) => ({ addr: str(a.addr) ?? '', addrtype: str(a.addrtype) ?? '' }));
    const ports = ((host.ports as Record<string, unknown> | undefined)?.port as Record<string, unknown>[] | undefined) ?? [];
    const firstPort = portIndex;
    portIndex += ports.length;
    const state = str((host.status as Record<string, unknown> | undefined)?.state) ?? 'unknown';
    if (state === 'down') return;
    const ip = addresses.find((a) => a.addrtype === 'ipv4') ?? addresses.find((a) => a.addrtype === 'ipv6');
    if (!ip?.addr) throw new ParseError(file, hostLine, '<host> without an IPv4 or IPv6 <address>');
    const hostnames = (((host.hostnames as Record<string, unknown> | undefined)?.hostname as Record<string, unknown>[] | undefined) ?? [])
      .map((n) => str(n.name))
      .filter((n): n is string => !!n);
    const attributeLocations: Record<string, ReturnType<typeof lineRange>> = {};
    const portValues: Value[] = ports.map((p, i) => {
      const portid = Number(str(p.portid));
      const line = portLines[firstPort + i] ?? hostLine;
      if (!Number.isInteger(portid) || portid < 0 || portid > 65535) throw new ParseError(file, line, `<port> with an invalid portid "${str(p.portid) ?? ''}"`);
      attributeLocations[`ports[${i}]`] = lineRange(file, line);
      const st = (p.state as Record<string, unknown> | undefined) ?? {};
      const svc = p.service as Record<string, unknown> | undefined;
      const service: ValueObject = {};
      if (svc) {
        for (const key of ['name', 'product', 'version', 'extrainfo', 'tunnel', 'method', 'conf', 'ostype']) {
          const v = str(svc[key]);
          if (v !== undefined) service[key] = v;
        }
        const cpes = ((svc.cpe as unknown[] | undefined) ?? []).map((c) => str(c)).filter((c): c is string => !!c);
        if (cpes.length) service.cpe = cpes;
      }
      return { protocol: str(p.protocol) ?? 'tcp', port: portid, state: str(st.state) ?? 'unknown', reason: str(st.reason) ?? '', service };
    });
    const n = (seen.get(ip.addr) ?? 0) + 1;
    seen.set(ip.addr, n);
    const id = n === 1 ? `nmap:${ip.addr}` : `nmap:${ip.addr}#${n}`;
    const endLine = portLines[firstPort + ports.length - 1] ?? hostLine;
    out.push({
      id,
      type: NMAP_HOST_TYPE,
      provider: 'onprem',
      source: NMAP_SOURCE,
      name: hostnames[0] ? `${hostnames[0]} (${ip.addr})` : ip.addr,
      attributes: { address: ip.addr, addresses, hostnames, status: state, public: isPublicAddress(ip.addr), ports: portValues, scan },
      location: lineRange(file, hostLine, endLine),
      attributeLocations,
      references: [],
    });
  });
  return out;
}
