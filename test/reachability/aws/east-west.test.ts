/**
 * East-west flows through transit gateways and NAT gateways as the other consumers see them: the
 * segmentation matrix and intent audit (zone `aws:<vpc>` → subnet), the security graph (VPC →
 * workload `reaches` edges), the transit gateway route lookup (fast-check against a brute-force
 * oracle), and `tetrad network exposure --east-west`.
 */
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../src/scan/scan.js';
import { allFlows, auditIntent, buildMatrix, describePortSet } from '../../../src/graph/reachability/matrix/index.js';
import { buildSecurityGraph } from '../../../src/graph/build.js';
import { computeAwsEastWestExposures, tgwLookup } from '../../../src/graph/reachability/aws/index.js';
import type { TgwAttachment, TgwRouteTable } from '../../../src/graph/reachability/aws/topology.js';
import { parseCidr, type Cidr } from '../../../src/graph/reachability/common/addr.js';
import { parseIntentText, type IntentRule } from '../../../src/config/intent.js';
import { tetrad } from '../../support/cli.js';
import { unknown as unknownValue } from '../../../src/model/index.js';
import { normalizeAll } from '../../../src/model/normalize/index.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const TGW = here('./tgw-east-west');
const NAT = here('./nat-egress-admitted-by-eip');

describe('east-west flows in the matrix, the audit and the graph', () => {
  it('the matrix has subnet → subnet cells for transit gateway flows between workloads, VPC → subnet without one', async () => {
    const { resources } = await loadModel([TGW], { cwd: TGW });
    const { flows, errors } = allFlows(resources);
    expect(errors).toEqual([]);
    const cells = buildMatrix(flows);
    const cell = (from: string, to: string) => cells.find((c) => c.fromZone === from && c.toZone === to);
    // the sending workloads are the sources: zoned by their subnets
    expect(describePortSet(cell('aws:aws_subnet.a_app', 'aws:aws_subnet.b_db')!.exposed)).toBe('tcp 5432');
    expect(describePortSet(cell('aws:aws_subnet.b_db', 'aws:aws_subnet.a_app')!.exposed)).toBe('tcp 8080');
    // an intent for app → db covers that flow; db → app stays undeclared
    const intent: IntentRule[] = [{ ...(parseIntentText('app -> db:5432') as Exclude<ReturnType<typeof parseIntentText>, string>), file: '.tetrad.yaml', line: 2 }];
    const undeclared = auditIntent(flows.filter((f) => f.fromZone !== 'internet'), intent);
    expect(undeclared.map((v) => `${v.flow.from} -> ${v.flow.endpointId}`).sort()).toEqual(['aws_instance.db -> aws_instance.app']);

    const nat = await loadModel([NAT], { cwd: NAT });
    const natCells = buildMatrix(allFlows(nat.resources).flows);
    expect(describePortSet(natCells.find((c) => c.fromZone === 'aws:aws_vpc.a' && c.toZone === 'aws:aws_subnet.b_public')!.exposed)).toBe('tcp 443');
  });

  it('the security graph gets a proven workload → workload edge per direction', async () => {
    const { resources } = await loadModel([TGW], { cwd: TGW });
    const { graph } = buildSecurityGraph(resources);
    const edges = graph.edges().filter((e) => e.kind === 'reaches' && e.explanation.includes('east-west'));
    expect(edges.map((e) => `${e.from} -> ${e.to} ${e.certainty}`).sort()).toEqual(['aws_instance.app -> aws_instance.db proven', 'aws_instance.db -> aws_instance.app proven']);
    expect(edges.find((e) => e.to === 'aws_instance.db')!.explanation).toMatch(/tcp\/5432/);
  });
});

describe('security-group references across a transit gateway', () => {
  it('never match by default; with security_group_referencing_support they make the verdict unknown', async () => {
    const { resources } = await loadModel([TGW], { cwd: TGW });
    const redis = (rs: typeof resources) => computeAwsEastWestExposures(rs, { ports: [{ from: 6379, to: 6379 }] }).find((e) => e.endpointId === 'aws_instance.db');
    expect(redis(resources)).toMatchObject({ from: 'aws_instance.app', verdict: 'not-exposed', blockedBy: 'security-group' });
    const withRefs = resources.map((r) => (r.type === 'aws_ec2_transit_gateway' ? { ...r, attributes: { ...r.attributes, security_group_referencing_support: 'enable' } } : r));
    expect(redis(withRefs)).toMatchObject({ from: 'aws_instance.app', verdict: 'unknown' });
  });
});

describe('transit gateway route lookup', () => {
  const v4 = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(8, 16, 24)).map(([a, b, p]) => parseCidr(`10.${a}.${b}.0/${p}`)!);
  const attachments = ['x', 'y', 'z'].map((n) => ({ r: { id: `att.${n}` }, vpc: undefined }) as unknown as TgwAttachment);
  const ref = (s: string) => ({ resourceId: s, summary: s });

  it('the longest prefix holding the block wins; a static route beats a propagated one of the same length', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(v4, fc.nat(2), fc.boolean()), { maxLength: 5 }), fc.array(fc.tuple(v4, fc.nat(2)), { maxLength: 3 }), v4, (statics, props, probe) => {
        const table: TgwRouteTable = { id: 't', routes: [], propagations: [] };
        for (const [dest, i, blackhole] of statics) table.routes.push({ dest, blackhole, ref: ref(`static ${dest.text}`), ...(blackhole ? {} : { to: { ok: attachments[i]! } }) });
        for (const [c, i] of props) {
          const att = { ...attachments[i]!, vpc: { ok: { r: { id: `vpc${i}` }, cidrs: [c] } } } as unknown as TgwAttachment;
          table.propagations.push({ attachment: att, ref: ref(`prop ${c.text}`) });
        }
        const holds = (c: Cidr) => c.start <= probe.start && probe.end <= c.end;
        const cands = [...statics.filter(([d]) => holds(d)).map(([d, , bh]) => ({ p: d.prefix, s: 1, bh, text: `static ${d.text}` })), ...props.filter(([c]) => holds(c)).map(([c]) => ({ p: c.prefix, s: 0, bh: false, text: `prop ${c.text}` }))];
        const got = tgwLookup(table, probe);
        if (!cands.length) {
          expect('none' in got).toBe(true);
          return;
        }
        const bestP = Math.max(...cands.map((c) => c.p));
        const top = cands.filter((c) => c.p === bestP);
        const winners = top.some((c) => c.s === 1) ? top.filter((c) => c.s === 1) : top;
        if ('blackhole' in got) expect(winners.some((w) => w.bh && got.blackhole.summary === w.text)).toBe(true);
        else if ('to' in got) expect(winners.some((w) => !w.bh && got.ref.summary.startsWith(w.text))).toBe(true);
        else expect.fail(`unexpected ${JSON.stringify(got)}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tetrad network exposure --east-west', () => {
  it('prints the transit gateway path hop by hop and names the blocking hop', () => {
    const r = tetrad(['network', 'exposure', here('./tgw-blackhole-route'), '--east-west', '--port', '5432', '--verdict', 'not-exposed']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/aws_instance\.app → aws_instance\.db\s+tcp\/5432 ipv4\s+NOT EXPOSED \(blackhole-route\)/);
    expect(r.stdout).toMatch(/transit-gateway-route-table aws_ec2_transit_gateway\.hub:default — 10\.1\.1\.0\/24 is a blackhole/);
    const old = tetrad(['network', 'exposure', here('./tgw-blackhole-route'), '--peering', '--port', '5432', '--format', 'json']);
    expect((JSON.parse(old.stdout) as { exposures: Array<{ from: string }> }).exposures.some((e) => e.from === 'aws_instance.app')).toBe(true);
  });
});

describe('security-group egress of the sending workload', () => {
  it('blocks at the egress hop with the group egress rules at file:line, and unknown stays unknown', async () => {
    const dir = here('./tgw-sg-egress-denies');
    const { resources } = await loadModel([dir], { cwd: dir });
    const flows = computeAwsEastWestExposures(resources, { ports: [{ from: 5432, to: 5432 }] });
    const blocked = flows.find((e) => e.endpointId === 'aws_instance.db')!;
    expect(blocked).toMatchObject({ from: 'aws_instance.app', verdict: 'not-exposed', blockedBy: 'security-group' });
    expect(blocked.path.map((h) => h.kind)).toEqual(['instance', 'security-group-egress']);
    const last = blocked.path[1]!;
    expect(last.note).toBe('no egress rule of aws_security_group.app lets aws_instance.app reach aws_instance.db (10.1.1.0/24) on tcp/5432');
    expect(last.rules[0]).toMatchObject({ resourceId: 'aws_security_group.app', attributePath: 'egress[0]' });
    expect(last.rules[0]!.location!.file).toMatch(/main\.tf$/);
    expect(last.rules[0]!.location!.startLine).toBeGreaterThan(1);

    // the workload's groups not known: the flow is unknown, never safe
    const unknownSgs = resources.map((r) => {
      if (r.id !== 'aws_instance.app') return { ...r };
      const c = { ...r, attributes: { ...r.attributes, vpc_security_group_ids: unknownValue('test', 'var.sgs') }, references: r.references.filter((x) => !x.attribute.startsWith('vpc_security_group_ids')) };
      delete c.network;
      return c;
    });
    normalizeAll(unknownSgs);
    const u = computeAwsEastWestExposures(unknownSgs, { ports: [{ from: 5432, to: 5432 }] }).find((e) => e.endpointId === 'aws_instance.db')!;
    expect(u.verdict).toBe('unknown');
  });

  it('keeps the subnet-level flow when the subnet of some workload is not known (it may be a sender too)', async () => {
    const dir = here('./tgw-sg-egress-denies');
    const { resources } = await loadModel([dir], { cwd: dir });
    const app = resources.find((r) => r.id === 'aws_instance.app')!;
    const stray = { ...app, id: 'aws_instance.stray', name: 'stray', attributes: { ...app.attributes, subnet_id: unknownValue('test', 'var.subnet') }, references: app.references.filter((x) => x.attribute !== 'subnet_id') };
    delete stray.network;
    const withStray = [...resources, stray];
    normalizeAll(withStray);
    const flows = computeAwsEastWestExposures(withStray, { ports: [{ from: 5432, to: 5432 }] }).filter((e) => e.endpointId === 'aws_instance.db');
    expect(flows.map((e) => `${e.from} ${e.verdict}`).sort()).toEqual(['aws_instance.app not-exposed', 'aws_vpc.a exposed']);
  });

  it('allows where the egress rule holds the destination subnet and passes the rest of the path', async () => {
    const dir = here('./tgw-sg-egress-allows');
    const { resources } = await loadModel([dir], { cwd: dir });
    const ok = computeAwsEastWestExposures(resources, { ports: [{ from: 5432, to: 5432 }] }).find((e) => e.endpointId === 'aws_instance.db')!;
    expect(ok.verdict).toBe('exposed');
    expect(ok.path.slice(0, 3).map((h) => `${h.kind} ${h.resourceId}`)).toEqual(['instance aws_instance.app', 'security-group-egress aws_security_group.app', 'route-table aws_route_table.a_app']);
    expect(ok.path[1]!.rules[0]!.summary).toMatch(/5432/);
  });
});

describe('IPv6 between VPCs', () => {
  const v6 = (xs: ReturnType<typeof computeAwsEastWestExposures>) => xs.filter((e) => e.family === 'ipv6' && e.endpointId === 'aws_instance.db');

  it('crosses a transit gateway only with ipv6_support on the attachments, by the IPv6 routes', async () => {
    const dir = here('./tgw-ipv6-east-west');
    const { resources } = await loadModel([dir], { cwd: dir });
    const opts = { ports: [{ from: 5432, to: 5432 }] };
    const [ok] = v6(computeAwsEastWestExposures(resources, opts));
    expect(ok).toMatchObject({ from: 'aws_instance.app', verdict: 'exposed' });
    expect(ok!.path.find((h) => h.kind === 'route-table')!.note).toBe('aws_subnet.a_app routes 2600:1f18:b:1::/64 to aws_ec2_transit_gateway.hub');
    const off = resources.map((r) => (r.id === 'aws_ec2_transit_gateway_vpc_attachment.b' ? { ...r, attributes: { ...r.attributes, ipv6_support: 'disable' } } : r));
    const [blocked] = v6(computeAwsEastWestExposures(off, opts));
    expect(blocked).toMatchObject({ verdict: 'not-exposed', blockedBy: 'no-route' });
    expect(blocked!.path[blocked!.path.length - 1]!.note).toBe('IPv6 support is not enabled on aws_ec2_transit_gateway_vpc_attachment.b');
    // IPv4 does not care
    expect(computeAwsEastWestExposures(off, opts).find((e) => e.family === 'ipv4' && e.endpointId === 'aws_instance.db')!.verdict).toBe('exposed');
  });

  it('crosses a peering by IPv6 routes; without the route back it stops there', async () => {
    const dir = here('./peering-ipv6');
    const { resources } = await loadModel([dir], { cwd: dir });
    const opts = { ports: [{ from: 5432, to: 5432 }] };
    const [ok] = v6(computeAwsEastWestExposures(resources, opts));
    expect(ok).toMatchObject({ from: 'aws_instance.web', verdict: 'exposed' });
    const noBack = resources.filter((r) => r.id !== 'aws_route.b_to_a_v6');
    const [blocked] = v6(computeAwsEastWestExposures(noBack, opts));
    expect(blocked).toMatchObject({ from: 'aws_instance.web', verdict: 'not-exposed', blockedBy: 'no-route' });
    expect(blocked!.path[blocked!.path.length - 1]!.note).toBe('aws_subnet.b_db does not route 2600:1f18:a::/56 back through aws_vpc_peering_connection.ab');
  });

  it('a VPC IPv6 block AWS assigns (not in the files) makes a propagated transit gateway route unknown', async () => {
    const dir = here('./tgw-ipv6-east-west');
    const { resources } = await loadModel([dir], { cwd: dir });
    const opts = { ports: [{ from: 5432, to: 5432 }] };
    // VPC b's IPv6 block assigned by AWS (not in the files): propagation may or may not cover the database subnet
    const generated = resources.map((r) => {
      if (r.id !== 'aws_vpc.b') return r;
      const { ipv6_cidr_block: _, ...rest } = r.attributes;
      return { ...r, attributes: { ...rest, assign_generated_ipv6_cidr_block: true } };
    });
    expect(v6(computeAwsEastWestExposures(generated, opts))[0]!.verdict).toBe('unknown');
  });
});
