/**
 * CPU time of the AWS reachability engine behind TET-PORTS-029/030 (`awsFlows`) on a generated
 * plan, loaded like a scan loads it; the engine runs with id/type indexes as the check context
 * passes them. Prints the median CPU of RUNS fresh engine runs and, with --dump FILE, writes the
 * flows as JSON (to compare two builds for identical results). Run with `node --expose-gc` so each
 * run starts after a full collection (the 80 MB model's garbage otherwise lands in random runs).
 *
 *   node --expose-gc --import tsx bench/aws-flows.ts bench/.generated/plan-100000.json [RUNS] [--dump FILE]
 */
import { writeFileSync } from 'node:fs';
import type { Resource } from '../src/model/index.js';
import { loadModel } from '../src/scan/scan.js';
import { awsFlows } from '../src/graph/reachability/aws/index.js';

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : undefined;
const [file, runsArg] = args;
if (!file) throw new Error('usage: aws-flows.ts PLAN [RUNS] [--dump FILE]');
const runs = Number(runsArg ?? 5);
const { resources } = await loadModel([file], { maxFileSize: 1024 * 1024 * 1024 });
const byId = new Map(resources.map((r) => [r.id, r]));
const byType = new Map<string, Resource[]>();
for (const r of resources) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
const index = { byId: (id: string) => byId.get(id), ofType: (t: string) => byType.get(t) ?? [] };
const cpu: number[] = [];
let flows: ReturnType<typeof awsFlows> = [];
const gc = (globalThis as { gc?: () => void }).gc;
for (let i = 0; i < runs; i++) {
  gc?.();
  const c0 = process.cpuUsage();
  flows = awsFlows(resources, {}, index);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const median = [...cpu].sort((a, b) => a - b)[Math.floor((cpu.length - 1) / 2)]!;
console.log(`${resources.length} resources, ${flows.length} flows; awsFlows CPU ms: ${cpu.map((x) => x.toFixed(0)).join(' ')} (median ${median.toFixed(0)})`);
if (dump) writeFileSync(dump, JSON.stringify(flows));
