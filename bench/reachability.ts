/**
 * `npm run bench:reach`: AWS internet exposure of every endpoint in an estate of 50,000 instances,
 * 5,000 security groups and 500 subnets (10 VPCs, each with an internet gateway, a public and a
 * NAT route table, two network ACLs), plus 100 internet-facing load balancers with listeners,
 * target groups and 20 targets each. The model resources are generated directly (Terraform plan
 * shape: literal cloud ids) and normalised like a scan does; the timer covers building the
 * topology and computing every exposure. Figures go to docs/benchmarks.md by hand.
 *
 * Sizes: REACH_BENCH_INSTANCES, REACH_BENCH_SGS, REACH_BENCH_SUBNETS.
 */
import { performance } from 'node:perf_hooks';
import type { Resource, Value, ValueObject } from '../src/model/index.js';
import { normalizeAll } from '../src/model/normalize/index.js';
import { AwsReachability, buildAwsTopology } from '../src/graph/reachability/aws/index.js';

const INSTANCES = Number(process.env.REACH_BENCH_INSTANCES ?? 50_000);
const SGS = Number(process.env.REACH_BENCH_SGS ?? 5_000);
const SUBNETS = Number(process.env.REACH_BENCH_SUBNETS ?? 500);
const VPCS = 10;
const LBS = 100;

const resources: Resource[] = [];
let line = 1;
function add(type: string, name: string, attributes: ValueObject): void {
  const id = `${type}.${name}`;
  resources.push({ id, type, provider: 'aws', source: 'terraform-plan', name, attributes, location: { file: 'bench.tfplan.json', startLine: line, endLine: line }, attributeLocations: {}, references: [] });
  line++;
}
const SENSITIVE = [22, 3389, 3306, 5432, 6379, 9200, 27017, 2375];
function ingress(from: number, to: number, cidr: string[], groups: string[] = []): ValueObject {
  return { from_port: from, to_port: to, protocol: 'tcp', cidr_blocks: cidr, ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: groups, self: false };
}

for (let v = 0; v < VPCS; v++) {
  add('aws_vpc', `v${v}`, { id: `vpc-${v}`, cidr_block: `10.${v}.0.0/16` });
  add('aws_internet_gateway', `igw${v}`, { id: `igw-${v}`, vpc_id: `vpc-${v}` });
  add('aws_nat_gateway', `nat${v}`, { id: `nat-${v}`, subnet_id: `subnet-${v}` });
  add('aws_route_table', `public${v}`, { id: `rtb-p${v}`, vpc_id: `vpc-${v}`, route: [{ cidr_block: '0.0.0.0/0', gateway_id: `igw-${v}` }] });
  add('aws_route_table', `private${v}`, { id: `rtb-n${v}`, vpc_id: `vpc-${v}`, route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: `nat-${v}` }] });
  const rule = (n: number, action: string, from: number, to: number): ValueObject => ({ rule_no: n, action, protocol: 'tcp', cidr_block: '0.0.0.0/0', from_port: from, to_port: to });
  add('aws_network_acl', `strict${v}`, {
    id: `acl-s${v}`,
    vpc_id: `vpc-${v}`,
    ingress: [rule(90, 'deny', 22, 22), rule(100, 'allow', 80, 80), rule(110, 'allow', 443, 443), rule(120, 'allow', 1024, 65535)],
    egress: [rule(100, 'allow', 1024, 65535), rule(110, 'allow', 443, 443)],
  });
  add('aws_network_acl', `open${v}`, { id: `acl-o${v}`, vpc_id: `vpc-${v}`, ingress: [{ rule_no: 100, action: 'allow', protocol: '-1', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 0 }], egress: [{ rule_no: 100, action: 'allow', protocol: '-1', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 0 }] });
}
for (let s = 0; s < SUBNETS; s++) {
  const v = s % VPCS;
  const pub = s % 2 === 0;
  add('aws_subnet', `s${s}`, { id: `subnet-${s}`, vpc_id: `vpc-${v}`, cidr_block: `10.${v}.${Math.floor(s / VPCS)}.0/24`, map_public_ip_on_launch: pub && s % 4 === 0 });
  add('aws_route_table_association', `s${s}`, { subnet_id: `subnet-${s}`, route_table_id: pub ? `rtb-p${v}` : `rtb-n${v}` });
  add('aws_network_acl_association', `s${s}`, { subnet_id: `subnet-${s}`, network_acl_id: s % 3 === 0 ? `acl-s${v}` : `acl-o${v}` });
}
for (let g = 0; g < SGS; g++) {
  const rules: Value[] = [ingress(443, 443, ['0.0.0.0/0'])];
  if (g % 5 === 0) rules.push(ingress(SENSITIVE[g % SENSITIVE.length]!, SENSITIVE[g % SENSITIVE.length]!, ['0.0.0.0/0']));
  if (g % 7 === 0) rules.push(ingress(8000, 8100, ['10.0.0.0/8']));
  if (g % 11 === 0) rules.push(ingress(8080, 8080, [], [`sg-${(g + 1) % SGS}`]));
  if (g % 13 === 0) rules.push(ingress(0, 65535, ['0.0.0.0/0']));
  const egress: Value[] = [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }];
  add('aws_security_group', `g${g}`, { id: `sg-${g}`, vpc_id: `vpc-${g % VPCS}`, ingress: rules, egress });
}
for (let i = 0; i < INSTANCES; i++) {
  const s = i % SUBNETS;
  const v = s % VPCS;
  const sg1 = (i * 7) % SGS;
  // groups of the instance's own VPC
  const sgA = sg1 - (sg1 % VPCS) + v;
  const sgB = (sgA + VPCS * 3) % SGS;
  add('aws_instance', `i${i}`, { id: `i-${i}`, subnet_id: `subnet-${s}`, vpc_security_group_ids: [`sg-${sgA}`, `sg-${sgB}`], associate_public_ip_address: i % 3 === 0 });
}
for (let l = 0; l < LBS; l++) {
  const v = l % VPCS;
  add('aws_lb', `lb${l}`, { id: `lb-${l}`, arn: `arn:lb/${l}`, internal: false, load_balancer_type: 'application', subnets: [`subnet-${v}`, `subnet-${v + VPCS * 2}`], security_groups: [`sg-${v}`] });
  add('aws_lb_target_group', `tg${l}`, { id: `tg-${l}`, arn: `arn:tg/${l}`, port: 8080, protocol: 'HTTP' });
  add('aws_lb_listener', `ln${l}`, { load_balancer_arn: `arn:lb/${l}`, port: 443, protocol: 'HTTPS', default_action: [{ type: 'forward', target_group_arn: `arn:tg/${l}` }] });
  for (let t = 0; t < 20; t++) add('aws_lb_target_group_attachment', `a${l}_${t}`, { target_group_arn: `arn:tg/${l}`, target_id: `i-${(l * 20 + t) * 17 % INSTANCES}` });
}

normalizeAll(resources);
if (global.gc) global.gc();
const heapBefore = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const topo = buildAwsTopology(resources);
const t1 = performance.now();
const engine = new AwsReachability(topo);
const exposures = engine.compute();
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const mem = process.memoryUsage();
const counts = { exposed: 0, unknown: 0, 'not-exposed': 0 };
for (const e of exposures) counts[e.verdict]++;
const MB = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`estate: ${INSTANCES} instances, ${SGS} security groups, ${SUBNETS} subnets, ${VPCS} VPCs, ${LBS} load balancers (${resources.length} resources)`);
console.log(`topology: ${(t1 - t0).toFixed(0)} ms; exposures: ${(t2 - t1).toFixed(0)} ms; total ${((t2 - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (user+system, GC threads included)`);
console.log(`exposures: ${exposures.length} (${counts.exposed} exposed, ${counts.unknown} unknown, ${counts['not-exposed']} not exposed)`);
console.log(`heap: ${MB(mem.heapUsed)} used (${MB(mem.heapUsed - heapBefore)} for topology and exposures), rss ${MB(mem.rss)}`);
