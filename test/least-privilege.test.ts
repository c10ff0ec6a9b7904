import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlowLogs, readFlowLogFile, type FlowRecord } from '../src/network/least-privilege/flow-logs.js';
import { parseNetworkInterfaces, parseSecurityGroups, type SecurityGroup, type NetworkInterface } from '../src/network/least-privilege/ec2-snapshot.js';
import { describeRule, exactCidrs, tighten } from '../src/network/least-privilege/tighten.js';
import { tetrad } from './support/cli.js';

const dir = join(import.meta.dirname, 'least-privilege');
const groups = parseSecurityGroups(readFileSync(join(dir, 'security-groups.json'), 'utf8'), 'security-groups.json');
const enis = parseNetworkInterfaces(readFileSync(join(dir, 'network-interfaces.json'), 'utf8'), 'network-interfaces.json');
const logs = parseFlowLogs(readFileSync(join(dir, 'flows.txt'), 'utf8'), 'flows.txt');

describe('VPC flow logs', () => {
  it('reads the default v2 format with its header, skipping NODATA records', () => {
    expect(logs.errors).toEqual([]);
    expect(logs.skipped).toBe(1);
    expect(logs.records).toHaveLength(93);
    expect(logs.records[0]).toMatchObject({ interfaceId: 'eni-0web1', srcaddr: '203.0.113.1', dstaddr: '10.0.1.10', srcport: 40000, dstport: 443, protocol: 6, action: 'ACCEPT', line: 2 });
  });

  it('reads gzip and a custom field order, and names the line of a malformed record', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tetrad-flows-'));
    try {
      const text = 'interface-id action srcaddr dstaddr srcport dstport protocol\neni-1 ACCEPT 10.0.0.1 10.0.0.2 1234 22 6\neni-1 ACCEPT 10.0.0.1 10.0.0.2 x 22 6\neni-1 MAYBE 10.0.0.1 10.0.0.2 1 22 6\neni-1 ACCEPT 10.0.0.1\n';
      writeFileSync(join(tmp, 'f.log.gz'), gzipSync(text));
      const read = readFlowLogFile(join(tmp, 'f.log.gz'), 'f.log.gz');
      expect(read.records).toHaveLength(1);
      expect(read.records[0]).toMatchObject({ interfaceId: 'eni-1', dstport: 22, line: 2 });
      expect(read.errors.map((e) => e.message)).toEqual([
        'f.log.gz:3: ports and protocol must be numbers',
        'f.log.gz:4: action must be ACCEPT or REJECT, found "MAYBE"',
        'f.log.gz:5: expected 7 fields, found 3',
      ]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('EC2 snapshot', () => {
  it('reads groups with rule lines and interfaces with all their addresses', () => {
    expect(groups.map((g) => [g.id, g.line, g.ingress.length, g.egress.length])).toEqual([
      ['sg-0web', 3, 3, 1],
      ['sg-0db', 48, 2, 0],
    ]);
    expect(groups[0]!.ingress[0]).toEqual({ protocol: 6, from: 443, to: 443, peers: [{ kind: 'cidr', cidr: '0.0.0.0/0' }], line: 7 });
    expect(groups[0]!.egress[0]).toMatchObject({ protocol: 'all', from: 0, to: 65535 });
    expect(groups[1]!.ingress[0]!.peers).toEqual([{ kind: 'sg', id: 'sg-0web' }]);
    expect(enis[0]).toEqual({ id: 'eni-0web1', addresses: ['10.0.1.10', '198.51.100.10'], groups: ['sg-0web'] });
  });

  it('names the file and line of malformed input', () => {
    expect(() => parseSecurityGroups('{\n  "SecurityGroups": [\n    {"GroupId": "sg-1",}\n  ]\n}', 'sg.json')).toThrow(/^sg\.json:3: malformed JSON/);
    expect(() => parseSecurityGroups('{"Reservations": []}', 'x.json')).toThrow(/no SecurityGroups list/);
    expect(() => parseSecurityGroups('{"SecurityGroups": [\n{"GroupId": "sg-1", "IpPermissions": [\n{"IpProtocol": "gre?"}]}]}', 'p.json')).toThrow(/^p\.json:3: unknown IpProtocol "gre\?"/);
  });
});

describe('tightening security groups from observed flows', () => {
  const result = tighten(groups, enis, logs.records);
  const find = (gid: string, dir: 'ingress' | 'egress', i: number) => result.proposals.find((p) => p.groupId === gid && p.direction === dir && p.ruleIndex === i)!;

  it('keeps a public port that many clients use, narrows the rest to what was observed', () => {
    expect(find('sg-0web', 'ingress', 0)).toMatchObject({ action: 'keep', flows: 40 });
    expect(find('sg-0web', 'ingress', 0).notes[0]).toContain('40 distinct addresses');
    // 0-65535 from 10/8 → the two ports one monitoring host used
    const internal = find('sg-0web', 'ingress', 1);
    expect(internal.action).toBe('narrow');
    expect(internal.proposed.map(describeRule)).toEqual(['tcp/8080 10.9.0.5/32', 'tcp/9100 10.9.0.5/32']);
    // SSH from the world → the three office addresses, exactly
    expect(find('sg-0web', 'ingress', 2).proposed.map(describeRule)).toEqual(['tcp/22 192.0.2.4/32, 192.0.2.6/31']);
    // egress all → tcp 443 and 5432 to the two destinations seen
    expect(find('sg-0web', 'egress', 0).proposed.map(describeRule)).toEqual(['tcp/443 151.101.2.132/32', 'tcp/5432 10.0.2.20/32']);
  });

  it('keeps a group reference that was used and removes unused rules, saying why', () => {
    expect(find('sg-0db', 'ingress', 0)).toMatchObject({ action: 'keep', flows: 1 });
    const unused = find('sg-0db', 'ingress', 1);
    expect(unused.action).toBe('remove');
    expect(unused.notes[0]).toMatch(/unused: no observed flow/);
  });

  it('treats replies as allowed by state and cuts no observed flow', () => {
    expect(result.replies).toBe(44);
    expect(result.rejected).toBe(1);
    expect(result.cut).toEqual([]);
    expect(result.unexplained).toEqual([]);
  });

  it('lists a flow the current rules do not explain instead of claiming to keep it', () => {
    const stray: FlowRecord = { ...logs.records[0]!, srcaddr: '203.0.113.200', dstaddr: '10.0.2.20', dstport: 6379, line: 999 };
    const r = tighten(groups, enis, [...logs.records, stray]);
    expect(r.unexplained.map((u) => [u.interfaceId, u.flow.line])).toEqual([['eni-0db1', 999]]);
    expect(r.cut).toEqual([]);
  });
});

describe('exact CIDR aggregation', () => {
  it('merges aligned siblings only', () => {
    expect(exactCidrs(['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.5'])).toEqual(['10.0.0.0/30', '10.0.0.5/32']);
    expect(exactCidrs(['10.0.0.1', '10.0.0.2'])).toEqual(['10.0.0.1/32', '10.0.0.2/32']);
  });
});

describe('property: the proposal only narrows and never cuts an observed flow', () => {
  const ip = fc.tuple(fc.constantFrom(10, 192), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([a, b, c]) => `${a}.0.${b}.${c}`);
  const rule = fc.record({
    protocol: fc.constantFrom<6 | 17 | 'all'>(6, 17, 'all'),
    from: fc.integer({ min: 0, max: 30 }),
    width: fc.integer({ min: 0, max: 30 }),
    cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '10.0.1.0/24', '192.0.0.0/8', '192.0.2.0/30'),
  });
  const flow = fc.record({ src: ip, dst: ip, sport: fc.integer({ min: 0, max: 40 }), dport: fc.integer({ min: 0, max: 40 }), proto: fc.constantFrom(6, 17) });

  it('holds for random groups, interfaces and flows', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 5 }), fc.array(flow, { minLength: 1, maxLength: 40 }), fc.array(flow, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 4 }), (rules, flows, probes, maxSources) => {
        const g: SecurityGroup = { id: 'sg-1', name: 'g', ingress: rules.map((r) => ({ protocol: r.protocol, from: r.from, to: r.from + r.width, peers: [{ kind: 'cidr', cidr: r.cidr }] })), egress: [], file: 'x', line: 1 };
        const addrs = ['10.0.0.0', '10.0.0.1', '10.0.1.0', '10.0.1.1'];
        const enis: NetworkInterface[] = [{ id: 'eni-1', addresses: addrs, groups: ['sg-1'] }];
        const records: FlowRecord[] = flows.map((f, i) => ({ interfaceId: 'eni-1', srcaddr: f.src, dstaddr: f.dst, srcport: f.sport, dstport: f.dport, protocol: f.proto, packets: 1, bytes: 1, start: i, end: i, action: 'ACCEPT', file: 'f', line: i + 1 }));
        const r = tighten([g], enis, records, { maxSources });
        expect(r.cut).toEqual([]);
        // anything the proposal admits, the current rules admitted
        const proposed: SecurityGroup = { ...g, ingress: r.proposals.filter((p) => p.direction === 'ingress').flatMap((p) => p.proposed) };
        for (const p of probes) {
          const probe: FlowRecord = { ...records[0]!, srcaddr: p.src, dstaddr: '10.0.0.1', srcport: 50000, dstport: p.dport, protocol: p.proto, line: 10_000 };
          const before = tighten([g], enis, [probe]).unexplained.length === 0;
          const after = tighten([proposed], enis, [probe]).unexplained.length === 0;
          if (after) expect(before).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('tetrad network tighten', () => {
  it('prints the proposal and the replay, and exits 0 when nothing is cut', () => {
    const out = tetrad(['network', 'tighten', '--flow-logs', join(dir, 'flows.txt'), '--security-groups', join(dir, 'security-groups.json'), '--network-interfaces', join(dir, 'network-interfaces.json')]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('NARROW  sg-0web (web) ingress #2 line 25: tcp/22 0.0.0.0/0');
    expect(out.stdout).toContain('→ tcp/22 192.0.2.4/32, 192.0.2.6/31');
    expect(out.stdout).toContain('REMOVE  sg-0db (db) ingress #1');
    expect(out.stdout).toMatch(/Replay: \d+ flow\(s\) replayed against the proposal, 0 cut\./);
    const json = tetrad(['network', 'tighten', '--flow-logs', join(dir, 'flows.txt'), '--security-groups', join(dir, 'security-groups.json'), '--network-interfaces', join(dir, 'network-interfaces.json'), '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ cut: [], skipped: 1, rejected: 1 });
  });

  it('exits 2 naming the file and line of a malformed snapshot', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tetrad-tighten-'));
    try {
      writeFileSync(join(tmp, 'sg.json'), '{\n "SecurityGroups": [\n  {"GroupId": }\n ]\n}\n');
      const out = tetrad(['network', 'tighten', '--flow-logs', join(dir, 'flows.txt'), '--security-groups', join(tmp, 'sg.json'), '--network-interfaces', join(dir, 'network-interfaces.json')]);
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(/sg\.json:3: malformed JSON/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
