import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unknown, type NetworkRule, type Resource } from '../src/model/index.js';
import { admitsInternet, carriesPort, coversEveryPort, internetIngress, isInternet } from '../src/checks/_lib/exposure.js';
import { parseSensitivePorts, sensitivePort, sensitivePorts } from '../src/checks/_lib/sensitive-ports.js';

function resource(network: NetworkRule[]): Resource {
  return { id: 'r', type: 'azurerm_network_security_group', provider: 'azure', source: 'terraform', name: 'r', attributes: {}, location: { file: 'f', startLine: 1, endLine: 9 }, attributeLocations: {}, references: [], network };
}
const rule = (over: Partial<NetworkRule>): NetworkRule => ({ direction: 'ingress', action: 'allow', protocol: 'tcp', ports: [{ from: 22, to: 22 }], peers: [{ kind: 'cidr', cidr: '0.0.0.0/0' }], ...over });

describe('internet peers', () => {
  it('recognises every spelling of "anyone"', () => {
    for (const cidr of ['0.0.0.0/0', '::/0', '0.0.0.0', ' 0.0.0.0/0 ']) expect(isInternet({ kind: 'cidr', cidr }), cidr).toBe(true);
    for (const tag of ['*', 'Internet', 'INTERNET', 'Any', '<nw>/0', '/0']) expect(isInternet({ kind: 'service-tag', tag }), tag).toBe(true);
    for (const cidr of ['10.0.0.0/8', '0.0.0.0/1', '203.0.113.7/32', '::/1']) expect(isInternet({ kind: 'cidr', cidr }), cidr).toBe(false);
    expect(isInternet({ kind: 'service-tag', tag: 'VirtualNetwork' })).toBe(false);
    expect(isInternet({ kind: 'group', ref: 'sg-1' })).toBe(false);
  });

  it('an unresolved VPC/subnet CIDR or a fixed /n suffix cannot be the internet', () => {
    const peer = (expression: string) => rule({ peers: [{ kind: 'unknown', value: unknown('reference', expression) }] });
    expect(admitsInternet(peer('data.aws_vpc.shared.cidr_block'))).toBe('no');
    expect(admitsInternet(peer('aws_subnet.private[0].cidr_block'))).toBe('no');
    expect(admitsInternet(peer('aws_vpc.main.ipv6_cidr_block'))).toBe('no');
    expect(admitsInternet(peer('"${aws_instance.bastion.private_ip}/32"'))).toBe('no');
    expect(admitsInternet(peer('"${var.base}/0"'))).toBe('unknown');
    expect(admitsInternet(peer('var.admin_cidr'))).toBe('unknown');
    expect(admitsInternet(peer('data.aws_ip_ranges.all.cidr_blocks'))).toBe('unknown');
  });

  it('an unknown peer makes the answer unknown, never "no"', () => {
    expect(admitsInternet(rule({ peers: [{ kind: 'unknown', value: unknown('v', 'var.cidrs') }] }))).toBe('unknown');
    expect(admitsInternet(rule({ peers: [{ kind: 'unknown', value: unknown('v') }, { kind: 'cidr', cidr: '::/0' }] }))).toBe('yes');
    expect(admitsInternet(rule({ peers: [{ kind: 'cidr', cidr: '10.0.0.0/8' }] }))).toBe('no');
  });
});

describe('port coverage', () => {
  it('a rule carries a port exactly when a range contains it and the protocol matches (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }), fc.constantFrom('tcp', 'udp', 'all', 'icmp'), (a, b, port, protocol) => {
        const r = rule({ protocol, ports: [{ from: Math.min(a, b), to: Math.max(a, b) }] });
        const expected = (protocol === 'tcp' || protocol === 'all') && port >= Math.min(a, b) && port <= Math.max(a, b);
        return (carriesPort(port, ['tcp'])(r) === 'yes') === expected;
      }),
    );
  });

  it('unknown protocol or ports give "unknown"', () => {
    expect(carriesPort(22)(rule({ ports: unknown('v', 'var.port') }))).toBe('unknown');
    expect(carriesPort(22)(rule({ protocol: unknown('v', 'var.proto') }))).toBe('unknown');
    expect(coversEveryPort(rule({ ports: [{ from: 0, to: 65535 }] }))).toBe('yes');
    expect(coversEveryPort(rule({ ports: [{ from: 1, to: 65535 }] }))).toBe('yes');
    expect(coversEveryPort(rule({ ports: [{ from: 0, to: 1024 }] }))).toBe('no');
  });
});

describe('internetIngress', () => {
  it('reports allow rules, skips egress and deny rules, and keeps unknowns unknown', () => {
    const r = resource([
      rule({ attributePath: 'security_rule[0]', peersPath: 'security_rule[0].source_address_prefix' }),
      rule({ direction: 'egress', attributePath: 'security_rule[1]' }),
      rule({ action: 'deny', attributePath: 'security_rule[2]' }),
      rule({ attributePath: 'security_rule[3]', peers: [{ kind: 'unknown', value: unknown('v', 'var.src') }] }),
    ]);
    expect(internetIngress(r, carriesPort(22)).map((e) => [e.key, e.verdict, e.attributePath])).toEqual([
      ['security_rule[0]', 'fail', 'security_rule[0].source_address_prefix'],
      ['security_rule[3]', 'unknown', 'security_rule[3]'],
    ]);
  });

  it('a deny rule with a lower priority number shadows the allow rule for the ports it covers only', () => {
    const deny = rule({ action: 'deny', priority: 100, ports: [{ from: 22, to: 22 }], attributePath: 'd' });
    const allow = rule({ priority: 200, ports: [{ from: 0, to: 4000 }], attributePath: 'a' });
    const r = resource([deny, allow]);
    expect(internetIngress(r, carriesPort(22))).toEqual([]);
    expect(internetIngress(r, carriesPort(3389)).map((e) => e.key)).toEqual(['a']);
    const later = resource([{ ...deny, priority: 300 }, allow]);
    expect(internetIngress(later, carriesPort(22)).map((e) => e.key)).toEqual(['a']);
  });

  it('a rule that may be disabled yields an unknown verdict', () => {
    const r = resource([rule({ disabled: unknown('v', 'var.off'), attributePath: 'allow[0]' })]);
    expect(internetIngress(r, carriesPort(22)).map((e) => e.verdict)).toEqual(['unknown']);
  });
});

describe('sensitive ports catalogue', () => {
  it('loads, with unique port/protocol pairs and the admin ports flagged', () => {
    const all = sensitivePorts();
    expect(all.length).toBeGreaterThan(40);
    const keys = all.map((p) => `${p.port}/${p.protocol}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sensitivePort(22)).toMatchObject({ service: 'SSH', admin: true, severity: 'critical' });
    expect(sensitivePort(161, 'udp')?.service).toBe('SNMP');
    expect(sensitivePort(161, 'tcp')).toBeUndefined();
    expect(sensitivePort(443)).toBeUndefined();
  });

  it('rejects a malformed catalogue with a message naming the file and the field', () => {
    expect(() => parseSensitivePorts('ports:\n  - {port: 70000, protocol: tcp, service: x, why: y, severity: high}\n', 'bad.yaml')).toThrow(/bad\.yaml.*ports\.0\.port/);
    expect(() => parseSensitivePorts('ports:\n  - {port: 22, protocol: sctp, service: x, why: y, severity: high}\n', 'bad.yaml')).toThrow(/ports\.0\.protocol/);
    expect(() => parseSensitivePorts('nothing: here\n', 'bad.yaml')).toThrow(/bad\.yaml/);
  });
});

describe('port checks on malformed resources', () => {
  it('never throw, whatever the attribute values (property)', async () => {
    const { loadBuiltinChecks } = await import('../src/checks/engine/builtin.js');
    const { createCheckContext } = await import('../src/checks/engine/context.js');
    const { normalizeAll } = await import('../src/model/normalize/index.js');
    const checks = (await loadBuiltinChecks()).filter((c) => c.meta.pillar === 'ports');
    const types = [...new Set(checks.flatMap((c) => c.meta.resourceTypes ?? []))];
    const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 70000 }), fc.constantFrom('22', '-1', 'tcp', '*', '0.0.0.0/0', 'true', 'Allow', 'Inbound', 'NodePort', 'LoadBalancer', 'x'), fc.constant(unknown('fuzz')));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.constantFrom(...types, 'Service', 'Pod', 'Deployment', 'Dockerfile'), fc.constantFrom('terraform', 'cloudformation', 'kubernetes', 'dockerfile'), fc.dictionary(fc.constantFrom('ingress', 'egress', 'spec', 'stages', 'settings', 'vpc_config', 'network_interface', 'publicly_accessible', 'security_rule', 'allow', 'ResourcesVpcConfig', 'VPCOptions', 'network_rules', 'api_server_access_profile', 'master_authorized_networks_config'), value, { maxKeys: 5 }), (type, source, attributes) => {
        const r: Resource = { id: 'x', type, provider: 'aws', source, name: 'x', attributes: attributes as never, location: { file: 'f', startLine: 1, endLine: 1 }, attributeLocations: {}, references: [] };
        normalizeAll([r]);
        const ctx = createCheckContext([r]);
        for (const c of checks) c.run(ctx);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
