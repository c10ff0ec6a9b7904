/**
 * The AWS engine on arbitrary, half-broken models (wrong types, dangling references, unknowns,
 * invalid CIDRs, missing attributes): it never throws, and every answer is well formed — a
 * not-exposed verdict names its blocking component, an unknown one what it depends on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unknown, type Resource, type Value } from '../src/model/index.js';
import { normalizeAll } from '../src/model/normalize/index.js';
import { AWS_REACHABILITY_TYPES, computeAwsExposures, computeAwsPeeringExposures } from '../src/graph/reachability/aws/index.js';

const TF_TYPES = AWS_REACHABILITY_TYPES.filter((t) => t.startsWith('aws_'));
const CFN_TYPES = AWS_REACHABILITY_TYPES.filter((t) => t.startsWith('AWS::'));
const CFN_ATTRS = ['VpcId', 'SubnetId', 'Subnets', 'SecurityGroups', 'SecurityGroupIds', 'GroupSet', 'RouteTableId', 'GatewayId', 'NatGatewayId', 'VpcPeeringConnectionId', 'PeerVpcId', 'PeerOwnerId', 'NetworkAclId', 'GroupId', 'InstanceId', 'TargetGroupArn', 'LoadBalancerArn', 'TargetGroupARNs', 'InternetGatewayId', 'CidrBlock', 'DestinationCidrBlock', 'Ipv6CidrBlock', 'AssociatePublicIpAddress', 'MapPublicIpOnLaunch', 'Scheme', 'Port', 'Egress', 'RuleNumber', 'RuleAction', 'Protocol', 'PortRange', 'SecurityGroupIngress', 'SecurityGroupEgress', 'Targets', 'DefaultActions', 'NetworkInterfaces', 'VPCZoneIdentifier', 'LaunchTemplate', 'Entries'];
const ATTRS = ['vpc_id', 'subnet_id', 'subnet_ids', 'subnets', 'security_groups', 'vpc_security_group_ids', 'route_table_id', 'gateway_id', 'nat_gateway_id', 'vpc_peering_connection_id', 'peer_vpc_id', 'network_acl_id', 'security_group_id', 'instance', 'instance_id', 'target_id', 'target_group_arn', 'load_balancer_arn', 'target_group_arns', 'default_route_table_id', 'default_network_acl_id', 'internet_gateway_id', 'cidr_block', 'destination_cidr_block', 'ipv6_cidr_block', 'associate_public_ip_address', 'map_public_ip_on_launch', 'internal', 'port', 'auto_accept', 'ipv6_address_count', 'egress', 'rule_number', 'rule_action', 'protocol', 'from_port', 'to_port', 'type', 'state', 'id', 'arn'];

const scalar = (n: number): fc.Arbitrary<Value> =>
  fc.oneof(
    fc.constantFrom<Value>('0.0.0.0/0', '::/0', '10.0.0.0/16', '10.0.1.0/24', 'not-a-cidr', '300.1.1.1/8', 'local', 'igw-1', 'tcp', '-1', 'allow', 'deny', 'blackhole', 'ingress', 'egress', true, false, 0, 22, 443, 65535, -1, null, ''),
    fc.integer({ min: 0, max: n - 1 }).map((i) => `r${i}`),
    fc.integer({ min: 0, max: n - 1 }).map((i) => unknown('fuzz', `aws_x.r${i}.id`) as Value),
    fc.constant(unknown('fuzz') as Value),
  );
const value = (n: number): fc.Arbitrary<Value> =>
  fc.oneof(
    { weight: 6, arbitrary: scalar(n) },
    { weight: 2, arbitrary: fc.array(scalar(n), { maxLength: 3 }) },
    { weight: 2, arbitrary: fc.array(fc.dictionary(fc.constantFrom(...ATTRS, 'cidr_blocks', 'rule_no', 'action'), scalar(n), { maxKeys: 6 }), { maxLength: 3 }) },
  );

const model = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc.array(
    fc.oneof(
      fc.record({
        type: fc.constantFrom(...TF_TYPES),
        attributes: fc.dictionary(fc.constantFrom(...ATTRS, 'ingress', 'egress', 'route', 'entry', 'default_action', 'subnet_mapping', 'network_interface'), value(n), { maxKeys: 8 }),
      }),
      fc.record({ type: fc.constantFrom(...CFN_TYPES), attributes: fc.dictionary(fc.constantFrom(...CFN_ATTRS), value(n), { maxKeys: 8 }) }),
    ),
    { minLength: n, maxLength: n },
  ),
);

function toResources(list: Array<{ type: string; attributes: Record<string, Value> }>): Resource[] {
  return list.map((x, i) => ({
    id: x.type.startsWith('AWS::') ? `r${i}` : `aws_x.r${i}`,
    type: x.type,
    provider: 'aws',
    source: x.type.startsWith('AWS::') ? 'cloudformation' : i % 3 === 0 ? 'terraform-plan' : 'terraform',
    name: `r${i}`,
    attributes: { ...x.attributes, id: x.attributes.id ?? `r${i}` },
    location: { file: 'fuzz.tf', startLine: i + 1, endLine: i + 1 },
    attributeLocations: {},
    references: [],
  }));
}

describe('AWS reachability on arbitrary models', () => {
  it('never throws and answers in well-formed exposures', () => {
    fc.assert(
      fc.property(model, fc.boolean(), (list, askPort) => {
        const resources = toResources(list);
        normalizeAll(resources);
        const opts = askPort ? { ports: [{ from: 22, to: 22 }] } : {};
        for (const e of [...computeAwsExposures(resources, opts), ...computeAwsPeeringExposures(resources, opts)]) {
          expect(e.ports.from).toBeGreaterThanOrEqual(0);
          expect(e.ports.to).toBeLessThanOrEqual(65535);
          expect(e.ports.from).toBeLessThanOrEqual(e.ports.to);
          expect(e.path.length).toBeGreaterThan(1);
          if (e.verdict === 'not-exposed') expect(e.blockedBy).toBeDefined();
          if (e.verdict === 'unknown') expect(e.unknowns?.length).toBeGreaterThan(0);
          if (e.verdict === 'exposed') expect(e.unknowns).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
