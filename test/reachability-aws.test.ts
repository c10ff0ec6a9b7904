/**
 * AWS reachability topology fixtures: each folder under test/reachability/aws/ is scanned as a unit
 * and its exposures must equal expected.yaml exactly (endpoint, workload, protocol, ports, family,
 * verdict, blockedBy). `options.ports` in expected.yaml asks for those ports instead of the ranges
 * the security groups open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadModel } from '../src/scan/scan.js';
import { computeAwsEastWestExposures, computeAwsExposures, computeAwsPeeringExposures } from '../src/graph/reachability/aws/index.js';
import type { Exposure } from '../src/graph/reachability/types.js';

const ROOT = fileURLToPath(new URL('./reachability/aws/', import.meta.url));
const CASES = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface Expected {
  endpoint: string;
  from?: string;
  workload?: string;
  protocol: string;
  ports: string;
  family?: string;
  verdict: string;
  blockedBy?: string;
}

function row(e: Exposure): Expected {
  const out: Expected = {
    endpoint: e.endpointId,
    protocol: e.protocol,
    ports: e.ports.from === e.ports.to ? String(e.ports.from) : `${e.ports.from}-${e.ports.to}`,
    verdict: e.verdict,
  };
  if (e.workloadId) out.workload = e.workloadId;
  if (e.from !== 'internet') out.from = e.from;
  if (e.family) out.family = e.family;
  if (e.blockedBy) out.blockedBy = e.blockedBy;
  return out;
}

const key = (x: Expected): string => JSON.stringify([x.from ?? '', x.endpoint, x.workload ?? '', x.protocol, x.family ?? '', x.ports.padStart(11, '0'), x.verdict, x.blockedBy ?? '']);

describe('AWS reachability topology fixtures', () => {
  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of CASES) {
    it(name, async () => {
      const dir = join(ROOT, name);
      const expected = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as { options?: { ports?: number[]; peering?: boolean; eastWest?: boolean }; exposures: Expected[] };
      const { resources, errors } = await loadModel([dir]);
      expect(errors).toEqual([]);
      const opts = expected.options?.ports ? { ports: expected.options.ports.map((p) => ({ from: p, to: p })) } : {};
      const got = (expected.options?.eastWest ? computeAwsEastWestExposures(resources, opts) : expected.options?.peering ? computeAwsPeeringExposures(resources, opts) : computeAwsExposures(resources, opts)).map(row).sort((a, b) => key(a).localeCompare(key(b)));
      const want = expected.exposures.map((x) => ({ ...x, ports: String(x.ports) })).sort((a, b) => key(a).localeCompare(key(b)));
      expect(got).toEqual(want);
    });
  }

  it('explains an exposure hop by hop with the exact rules and lines', async () => {
    const { resources } = await loadModel([join(ROOT, 'nacl-deny-before-allow')]);
    const all = computeAwsExposures(resources);
    const open = all.find((e) => e.ports.from === 80)!;
    expect(open.path.map((h) => h.kind)).toEqual(['internet', 'public-address', 'internet-gateway', 'route-table', 'nacl', 'nacl-return', 'security-group', 'instance']);
    const nacl = open.path.find((h) => h.kind === 'nacl')!;
    expect(nacl.rules[0]).toMatchObject({ resourceId: 'aws_network_acl.public', attributePath: 'ingress[1]' });
    expect(nacl.rules[0]!.summary).toBe('rule 200 allow all 0-65535 from 0.0.0.0/0');
    expect(nacl.rules[0]!.location!.startLine).toBeGreaterThan(1);
    const blocked = all.find((e) => e.ports.from === 22)!;
    expect(blocked.path[blocked.path.length - 1]).toMatchObject({ kind: 'nacl', resourceId: 'aws_network_acl.public' });
    expect(blocked.path[blocked.path.length - 1]!.rules[0]!.summary).toBe('rule 100 deny tcp 22 from 0.0.0.0/0');
  });

  it('names what an unknown verdict depends on', async () => {
    const { resources } = await loadModel([join(ROOT, 'unknown-public-ip')]);
    const [e] = computeAwsExposures(resources);
    expect(e!.verdict).toBe('unknown');
    expect(e!.unknowns!.join(' ')).toContain('associate_public_ip_address');
  });
});

describe('AWS reachability across several scanned roots', () => {
  it('follows each root to its own copy when two roots share addresses', async () => {
    const { resources } = await loadModel([join(ROOT, 'public-instance-ssh'), join(ROOT, 'private-subnet-open-sg')]);
    const byEndpoint = new Map(computeAwsExposures(resources).map((e) => [e.endpointId, e]));
    const renamed = [...byEndpoint.keys()].find((id) => id.startsWith('aws_instance.web@'))!;
    expect(byEndpoint.get('aws_instance.web')).toMatchObject({ verdict: 'not-exposed', blockedBy: 'no-route' });
    expect(byEndpoint.get(renamed)).toMatchObject({ verdict: 'exposed' });
    expect(byEndpoint.get(renamed)!.path.every((h) => h.resourceId === 'internet' || h.resourceId.includes('@'))).toBe(true);
  });
});
