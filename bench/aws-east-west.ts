/**
 * CPU time of the AWS east-west engine (`computeAwsEastWestExposures`: peering, transit gateways, NAT
 * gateways) on a generated transit gateway estate: two VPCs on one gateway, N instances in one subnet
 * of each, every group admitting the other VPC on 5432 and letting everything out to 10.0.0.0/8.
 * Since the sending workloads are the sources, the flows grow as N × N per direction. Prints the
 * median CPU of RUNS runs (a full collection before each with `node --expose-gc`).
 *
 *   node --expose-gc --import tsx bench/aws-east-west.ts N [RUNS]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../src/scan/scan.js';
import { computeAwsEastWestExposures } from '../src/graph/reachability/aws/index.js';

const n = Number(process.argv[2] ?? 100);
const runs = Number(process.argv[3] ?? 3);
const parts: string[] = ['resource "aws_ec2_transit_gateway" "hub" {}'];
for (const [v, other] of [['a', 'b'], ['b', 'a']] as const) {
  const o = v === 'a' ? 0 : 1;
  parts.push(
    `resource "aws_vpc" "${v}" {\n  cidr_block = "10.${o}.0.0/16"\n}`,
    `resource "aws_subnet" "${v}" {\n  vpc_id     = aws_vpc.${v}.id\n  cidr_block = "10.${o}.1.0/24"\n}`,
    `resource "aws_ec2_transit_gateway_vpc_attachment" "${v}" {\n  transit_gateway_id = aws_ec2_transit_gateway.hub.id\n  vpc_id             = aws_vpc.${v}.id\n  subnet_ids         = [aws_subnet.${v}.id]\n}`,
    `resource "aws_route_table" "${v}" {\n  vpc_id = aws_vpc.${v}.id\n  route {\n    cidr_block         = "10.${1 - o}.0.0/16"\n    transit_gateway_id = aws_ec2_transit_gateway.hub.id\n  }\n}`,
    `resource "aws_route_table_association" "${v}" {\n  subnet_id      = aws_subnet.${v}.id\n  route_table_id = aws_route_table.${v}.id\n}`,
    `resource "aws_security_group" "${v}" {\n  vpc_id = aws_vpc.${v}.id\n  egress {\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n  ingress {\n    from_port   = 5432\n    to_port     = 5432\n    protocol    = "tcp"\n    cidr_blocks = ["10.${1 - o}.0.0/16"]\n  }\n}`,
  );
  for (let i = 0; i < n; i++) parts.push(`resource "aws_instance" "${v}${i}" {\n  ami                    = "ami-12345678"\n  subnet_id              = aws_subnet.${v}.id\n  vpc_security_group_ids = [aws_security_group.${v}.id]\n}`);
  void other;
}
const dir = mkdtempSync(join(tmpdir(), 'tetrad-ew-'));
writeFileSync(join(dir, 'main.tf'), parts.join('\n'));
const { resources } = await loadModel([dir], { cwd: dir });
rmSync(dir, { recursive: true, force: true });
const gc = (globalThis as { gc?: () => void }).gc;
const times: number[] = [];
let flows = 0;
for (let r = 0; r < runs; r++) {
  gc?.();
  const c0 = process.cpuUsage();
  flows = computeAwsEastWestExposures(resources).length;
  const c = process.cpuUsage(c0);
  times.push(Math.round((c.user + c.system) / 1000));
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`${n} instances per VPC, ${flows} flows; east-west CPU ms: ${times.join(' ')} (median ${sorted[Math.floor(sorted.length / 2)]}), heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MiB`);
