import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnknown, unknown, type Resource, type ValueObject } from '../src/model/index.js';
import { normalizeAll } from '../src/model/normalize/index.js';
import { coversAllPorts, fromToPorts, mergeRanges, normalizeProtocol, parsePortExpression, parsePortList } from '../src/model/normalize/network/ports.js';

function res(type: string, attributes: ValueObject, source = 'terraform'): Resource {
  return { id: `${type}.x`, type, provider: 'aws', source, name: 'x', attributes, location: { file: 'f', startLine: 1, endLine: 1 }, attributeLocations: {}, references: [] };
}
function normalized(type: string, attributes: ValueObject, source?: string): Resource {
  const r = res(type, attributes, source);
  normalizeAll([r]);
  return r;
}

describe('port and protocol parsing', () => {
  it('normalises protocol spellings', () => {
    expect(['-1', 'all', '*', 'ALL', -1].map((p) => normalizeProtocol(p))).toEqual(['all', 'all', 'all', 'all', 'all']);
    expect([6, '6', 'TCP', 'Tcp'].map((p) => normalizeProtocol(p))).toEqual(['tcp', 'tcp', 'tcp', 'tcp']);
    expect(normalizeProtocol('17')).toBe('udp');
    expect(normalizeProtocol(1)).toBe('icmp');
    expect(normalizeProtocol('47')).toBe('47');
    expect(isUnknown(normalizeProtocol(unknown('var', 'var.p')))).toBe(true);
  });

  it('parses single ports, ranges and wildcards', () => {
    expect(parsePortExpression('22')).toEqual({ from: 22, to: 22 });
    expect(parsePortExpression(' 1000 - 2000 ')).toEqual({ from: 1000, to: 2000 });
    expect(parsePortExpression('*')).toEqual({ from: 0, to: 65535 });
    expect(parsePortExpression('ssh')).toBeUndefined();
    expect(parsePortExpression(70000)).toBeUndefined();
  });

  it('a range "a-b" contains exactly the ports between a and b (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }), (a, b, p) => {
        const r = parsePortExpression(`${a}-${b}`);
        if (!r || isUnknown(r)) return false;
        const inside = p >= Math.min(a, b) && p <= Math.max(a, b);
        return (p >= r.from && p <= r.to) === inside;
      }),
    );
  });

  it('merging ranges keeps exactly the same set of ports (property)', () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })).map(([a, b]) => ({ from: Math.min(a, b), to: Math.max(a, b) }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), fc.integer({ min: 0, max: 210 }), (ranges, p) => {
        const merged = mergeRanges(ranges);
        const before = ranges.some((r) => p >= r.from && p <= r.to);
        const after = merged.some((r) => p >= r.from && p <= r.to);
        const disjoint = merged.every((r, i) => i === 0 || r.from > merged[i - 1]!.to + 1);
        return before === after && disjoint;
      }),
    );
  });

  it('AWS from/to ports: all protocols mean every port; icmp has none', () => {
    expect(fromToPorts('all', 0, 0)).toEqual([{ from: 0, to: 65535 }]);
    expect(fromToPorts('tcp', '20', 25)).toEqual([{ from: 20, to: 25 }]);
    expect(fromToPorts('tcp', -1, -1)).toEqual([{ from: 0, to: 65535 }]);
    expect(fromToPorts('tcp', 0, 0)).toEqual([{ from: 0, to: 65535 }]);
    expect(fromToPorts('udp', 0, 1)).toEqual([{ from: 0, to: 1 }]);
    expect(fromToPorts('icmp', 8, 0)).toEqual([]);
    expect(isUnknown(fromToPorts('tcp', unknown('v', 'var.port'), 22))).toBe(true);
    expect(coversAllPorts(parsePortList(['0-100', '101-65535']) as never)).toBe(true);
  });
});

describe('AWS network normalisers', () => {
  it('reads inline ingress/egress blocks of a security group', () => {
    const r = normalized('aws_security_group', {
      ingress: [
        { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'], security_groups: ['sg-1'], self: true },
        { from_port: 0, to_port: 0, protocol: '-1', prefix_list_ids: ['pl-1'] },
      ],
      egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'] }],
    });
    expect(r.network).toHaveLength(3);
    const [ssh, all, out] = r.network!;
    expect(ssh).toMatchObject({ direction: 'ingress', action: 'allow', protocol: 'tcp', ports: [{ from: 22, to: 22 }], attributePath: 'ingress[0]', peersPath: 'ingress[0].cidr_blocks' });
    expect(ssh!.peers).toEqual([
      { kind: 'cidr', cidr: '0.0.0.0/0' },
      { kind: 'cidr', cidr: '::/0' },
      { kind: 'group', ref: 'sg-1' },
      { kind: 'group', ref: 'self' },
    ]);
    expect(all).toMatchObject({ protocol: 'all', ports: [{ from: 0, to: 65535 }], peers: [{ kind: 'prefix-list', ref: 'pl-1' }] });
    expect(out).toMatchObject({ direction: 'egress' });
  });

  it('keeps unknown CIDRs and ports unknown', () => {
    const r = normalized('aws_security_group', { ingress: [{ from_port: unknown('v', 'var.p'), to_port: 22, protocol: 'tcp', cidr_blocks: unknown('v', 'var.cidrs') }] });
    const rule = r.network![0]!;
    expect(isUnknown(rule.ports)).toBe(true);
    expect(rule.peers[0]!.kind).toBe('unknown');
  });

  it('reads aws_security_group_rule, VPC rules and NACLs', () => {
    const rule = normalized('aws_security_group_rule', { type: 'ingress', from_port: '3389', to_port: '3389', protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], security_group_id: 'sg' });
    expect(rule.network).toEqual([{ direction: 'ingress', action: 'allow', protocol: 'tcp', ports: [{ from: 3389, to: 3389 }], peers: [{ kind: 'cidr', cidr: '0.0.0.0/0' }], peersPath: 'cidr_blocks' }]);
    const vpc = normalized('aws_vpc_security_group_egress_rule', { ip_protocol: '-1', cidr_ipv6: '::/0' });
    expect(vpc.network![0]).toMatchObject({ direction: 'egress', protocol: 'all', peersPath: 'cidr_ipv6', peers: [{ kind: 'cidr', cidr: '::/0' }] });
    const nacl = normalized('aws_network_acl', { ingress: [{ rule_no: 100, action: 'deny', protocol: 'tcp', from_port: 22, to_port: 22, cidr_block: '0.0.0.0/0' }] });
    expect(nacl.network![0]).toMatchObject({ action: 'deny', priority: 100, peersPath: 'ingress[0].cidr_block' });
    const naclRule = normalized('aws_network_acl_rule', { egress: false, rule_number: 200, rule_action: 'allow', protocol: '6', from_port: 0, to_port: 65535, cidr_block: '0.0.0.0/0' });
    expect(naclRule.network![0]).toMatchObject({ direction: 'ingress', action: 'allow', protocol: 'tcp', priority: 200, ports: [{ from: 0, to: 65535 }] });
  });
});

describe('CloudFormation network normalisers', () => {
  it('reads SecurityGroupIngress lists, standalone rules and NACL entries', () => {
    const sg = normalized('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }, { IpProtocol: -1, SourceSecurityGroupId: 'sg-1' }] }, 'cloudformation');
    expect(sg.network![0]).toMatchObject({ direction: 'ingress', ports: [{ from: 22, to: 22 }], peersPath: 'SecurityGroupIngress[0].CidrIp' });
    expect(sg.network![1]).toMatchObject({ protocol: 'all', peers: [{ kind: 'group', ref: 'sg-1' }] });
    const ing = normalized('AWS::EC2::SecurityGroupIngress', { IpProtocol: 'tcp', FromPort: '0', ToPort: '65535', CidrIpv6: '::/0' }, 'cloudformation');
    expect(ing.network![0]).toMatchObject({ peersPath: 'CidrIpv6', ports: [{ from: 0, to: 65535 }] });
    const entry = normalized('AWS::EC2::NetworkAclEntry', { Egress: false, Protocol: 6, RuleAction: 'allow', RuleNumber: 100, CidrBlock: '0.0.0.0/0', PortRange: { From: 3389, To: 3389 } }, 'cloudformation');
    expect(entry.network![0]).toMatchObject({ direction: 'ingress', action: 'allow', protocol: 'tcp', priority: 100, ports: [{ from: 3389, to: 3389 }] });
  });
});

describe('CloudFormation VPC CIDR references', () => {
  it('turns !GetAtt Vpc.CidrBlock into a group peer, but leaves other unresolved attributes unknown', () => {
    const vpc = res('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' }, 'cloudformation');
    vpc.id = 'Vpc';
    const lb = res('AWS::ElasticLoadBalancingV2::LoadBalancer', {}, 'cloudformation');
    lb.id = 'Lb';
    const sg = res('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: unknown('resource attribute', 'Vpc.CidrBlock') }, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: unknown('resource attribute', 'Lb.SomeCidr') }] }, 'cloudformation');
    normalizeAll([vpc, lb, sg]);
    expect(sg.network![0]!.peers).toEqual([{ kind: 'group', ref: 'Vpc.CidrBlock' }]);
    expect(sg.network![1]!.peers[0]!.kind).toBe('unknown');
  });
});

describe('Azure and GCP network normalisers', () => {
  it('reads NSG security rules with service tags, ranges and lists', () => {
    const nsg = normalized('azurerm_network_security_group', {
      security_rule: [
        { name: 'a', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', destination_port_range: '*', source_address_prefix: 'Internet' },
        { name: 'b', priority: 200, direction: 'Inbound', access: 'Deny', protocol: '*', destination_port_ranges: ['22', '3000-3100'], source_address_prefixes: ['10.0.0.0/8', 'VirtualNetwork'] },
        { name: 'c', priority: 300, direction: 'Outbound', access: 'Allow', protocol: 'Icmp', destination_port_range: '*', destination_address_prefix: '*' },
      ],
    });
    const [a, b, c] = nsg.network!;
    expect(a).toMatchObject({ direction: 'ingress', action: 'allow', protocol: 'tcp', ports: [{ from: 0, to: 65535 }], peers: [{ kind: 'service-tag', tag: 'Internet' }], priority: 100, peersPath: 'security_rule[0].source_address_prefix' });
    expect(b).toMatchObject({ action: 'deny', protocol: 'all', ports: [{ from: 22, to: 22 }, { from: 3000, to: 3100 }], peers: [{ kind: 'cidr', cidr: '10.0.0.0/8' }, { kind: 'service-tag', tag: 'VirtualNetwork' }] });
    expect(c).toMatchObject({ direction: 'egress', protocol: 'icmp', ports: [], peers: [{ kind: 'service-tag', tag: '*' }] });
    const rule = normalized('azurerm_network_security_rule', { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', destination_port_range: '3389', source_address_prefix: '0.0.0.0/0' });
    expect(rule.network![0]).toMatchObject({ ports: [{ from: 3389, to: 3389 }], peers: [{ kind: 'cidr', cidr: '0.0.0.0/0' }], peersPath: 'source_address_prefix' });
  });

  it('reads GCP firewalls: default direction and priority, port lists, disabled rules', () => {
    const fw = normalized('google_compute_firewall', { allow: [{ protocol: 'tcp', ports: ['22', '8000-8080'] }, { protocol: 'icmp' }, { protocol: 'udp' }], source_ranges: ['0.0.0.0/0'], target_tags: ['web'] });
    expect(fw.network).toHaveLength(3);
    expect(fw.network![0]).toMatchObject({ direction: 'ingress', action: 'allow', priority: 1000, ports: [{ from: 22, to: 22 }, { from: 8000, to: 8080 }], peersPath: 'source_ranges', targets: ['web'], attributePath: 'allow[0]' });
    expect(fw.network![1]).toMatchObject({ protocol: 'icmp', ports: [] });
    expect(fw.network![2]).toMatchObject({ protocol: 'udp', ports: [{ from: 0, to: 65535 }] });
    expect(normalized('google_compute_firewall', { disabled: true, allow: [{ protocol: 'all' }], source_ranges: ['0.0.0.0/0'] }).network).toEqual([]);
    const maybe = normalized('google_compute_firewall', { disabled: unknown('v', 'var.off'), deny: [{ protocol: 'all' }], direction: 'EGRESS', destination_ranges: ['0.0.0.0/0'] });
    expect(maybe.network![0]).toMatchObject({ direction: 'egress', action: 'deny', peersPath: 'destination_ranges' });
    expect(isUnknown(maybe.network![0]!.disabled)).toBe(true);
  });
});

describe('normalisers on malformed attributes', () => {
  const TYPES = [
    'aws_security_group',
    'aws_default_security_group',
    'aws_security_group_rule',
    'aws_vpc_security_group_ingress_rule',
    'aws_network_acl',
    'aws_network_acl_rule',
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::SecurityGroupIngress',
    'AWS::EC2::NetworkAclEntry',
    'azurerm_network_security_group',
    'azurerm_network_security_rule',
    'google_compute_firewall',
  ];
  const keys = fc.constantFrom('ingress', 'egress', 'security_rule', 'allow', 'deny', 'from_port', 'to_port', 'protocol', 'cidr_blocks', 'type', 'SecurityGroupIngress', 'IpProtocol', 'FromPort', 'CidrIp', 'PortRange', 'direction', 'access', 'destination_port_range', 'source_address_prefix', 'source_ranges', 'ports', 'disabled', 'priority', 'rule_no', 'action', 'egress');
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 70000 }), fc.constantFrom('22', '-1', 'tcp', '*', '0.0.0.0/0', 'Inbound', 'Allow', '1-2-3', 'x'), fc.constant(unknown('fuzz'))),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keys, tie('node'), { maxKeys: 4 })),
  })).node;

  it('never throw and always leave a network list (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TYPES), fc.dictionary(keys, value, { maxKeys: 6 }), (type, attributes) => {
        const r = normalized(type, attributes as ValueObject);
        return Array.isArray(r.network);
      }),
      { numRuns: 400 },
    );
  });
});

describe('Kubernetes NetworkPolicy normaliser', () => {
  it('reads ingress/egress rules, peers, ports and targets', async () => {
    const { parseManifests } = await import('../src/sources/kubernetes/index.js');
    const [policy] = parseManifests(
      [
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: api, namespace: shop}',
        'spec:',
        '  podSelector: {matchLabels: {app: api}}',
        '  ingress:',
        '    - from:',
        '        - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}',
        '        - namespaceSelector: {matchLabels: {team: web}}',
        '          podSelector: {matchLabels: {app: web}}',
        '      ports:',
        '        - {port: 8443}',
        '        - {protocol: UDP, port: 5000, endPort: 5010}',
        '        - {port: http}',
        '    - {}',
        '  egress:',
        '    - to: [{podSelector: {}}]',
      ].join('\n'),
      'np.yaml',
    );
    normalizeAll([policy!]);
    const rules = policy!.network!;
    expect(rules).toHaveLength(5);
    expect(rules[0]).toMatchObject({ direction: 'ingress', action: 'allow', protocol: 'tcp', ports: [{ from: 8443, to: 8443 }], targets: ['pods{app=api}'], attributePath: 'spec.ingress[0].ports[0]', peersPath: 'spec.ingress[0].from' });
    expect(rules[0]!.peers).toEqual([
      { kind: 'cidr', cidr: '0.0.0.0/0' },
      { kind: 'group', ref: 'namespaces{team=web}/pods{app=web}' },
    ]);
    expect(rules[1]).toMatchObject({ protocol: 'udp', ports: [{ from: 5000, to: 5010 }] });
    expect(isUnknown(rules[2]!.ports)).toBe(true);
    expect(rules[3]).toMatchObject({ protocol: 'all', ports: [{ from: 0, to: 65535 }], peers: [{ kind: 'service-tag', tag: '*' }] });
    expect(rules[4]).toMatchObject({ direction: 'egress', peers: [{ kind: 'group', ref: 'same-namespace/pods{}' }] });
  });
});
