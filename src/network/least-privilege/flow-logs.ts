/**
 * AWS VPC flow log records, as delivered to S3 or CloudWatch Logs in the default (version 2)
 * format: `version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes
 * start end action log-status`, space-separated, `-` for a field without a value (NODATA and
 * SKIPDATA records). A first line that names the fields (S3 delivery writes one) sets the field
 * order, so custom formats that include these fields read too. Plain text or gzip.
 *
 * Hand-written because the format is one split per line; no npm parser for it is maintained.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ParseError } from '../../scan/errors.js';

export interface FlowRecord {
  interfaceId: string;
  srcaddr: string;
  dstaddr: string;
  srcport: number;
  dstport: number;
  /** IANA protocol number: 6 tcp, 17 udp, 1 icmp */
  protocol: number;
  packets: number;
  bytes: number;
  /** seconds since the epoch */
  start: number;
  end: number;
  action: 'ACCEPT' | 'REJECT';
  /** where the record was read, for the replay report */
  file: string;
  line: number;
}

export const DEFAULT_FIELDS = ['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'];
const REQUIRED = ['interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'action'];

export interface FlowLogRead {
  records: FlowRecord[];
  /** records without traffic data (NODATA, SKIPDATA) */
  skipped: number;
  errors: ParseError[];
}

function int(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** Parses flow log text. A malformed line is an error at its line; the other lines still read. */
export function parseFlowLogs(text: string, file: string): FlowLogRead {
  const out: FlowLogRead = { records: [], skipped: 0, errors: [] };
  let fields = DEFAULT_FIELDS;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const parts = raw.split(/\s+/);
    if (i === 0 || (out.records.length === 0 && /^[a-z]/.test(parts[0]!))) {
      if (parts.includes('srcaddr') && parts.includes('dstaddr')) {
        const missing = REQUIRED.filter((f) => !parts.includes(f));
        if (missing.length) {
          out.errors.push(new ParseError(file, i + 1, `flow log header lacks ${missing.join(', ')}`));
          return out;
        }
        fields = parts;
        continue;
      }
    }
    const rec: Record<string, string> = {};
    if (parts.length !== fields.length) {
      out.errors.push(new ParseError(file, i + 1, `expected ${fields.length} fields, found ${parts.length}`));
      continue;
    }
    fields.forEach((f, k) => (rec[f] = parts[k]!));
    const status = rec['log-status'];
    if (status === 'NODATA' || status === 'SKIPDATA' || rec.srcaddr === '-' || rec.action === '-') {
      out.skipped++;
      continue;
    }
    const srcport = int(rec.srcport);
    const dstport = int(rec.dstport);
    const protocol = int(rec.protocol);
    if (srcport === undefined || dstport === undefined || protocol === undefined || srcport > 65535 || dstport > 65535) {
      out.errors.push(new ParseError(file, i + 1, 'ports and protocol must be numbers'));
      continue;
    }
    if (rec.action !== 'ACCEPT' && rec.action !== 'REJECT') {
      out.errors.push(new ParseError(file, i + 1, `action must be ACCEPT or REJECT, found "${rec.action}"`));
      continue;
    }
    out.records.push({
      interfaceId: rec['interface-id']!,
      srcaddr: rec.srcaddr!,
      dstaddr: rec.dstaddr!,
      srcport,
      dstport,
      protocol,
      packets: int(rec.packets) ?? 0,
      bytes: int(rec.bytes) ?? 0,
      start: int(rec.start) ?? 0,
      end: int(rec.end) ?? 0,
      action: rec.action,
      file,
      line: i + 1,
    });
  }
  return out;
}

/** Reads a flow log file, gunzipping it when it starts with the gzip magic bytes. */
export function readFlowLogFile(path: string, displayPath = path): FlowLogRead {
  const bytes = readFileSync(path);
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return parseFlowLogs(text, displayPath);
}
