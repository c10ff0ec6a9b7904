/**
 * CPU time (user + system) of one scan restricted to a set of checks, against
 * the same scan restricted to one cheap reference check, in alternating fresh
 * processes: the difference is what the set costs beyond loading the input.
 *
 *   node --import tsx bench/checks-subset-cpu.ts ROOT FILE ID,ID,... [RUNS]
 *
 * ROOT is a directory holding a compiled `dist/` (see plan-cpu.ts); FILE is a
 * generated plan (bench/generate.ts generatePlan) or any scannable path.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REFERENCE = 'TET-PASS-064';
const [root, file, ids, runsArg] = process.argv.slice(2);
if (process.env.CHECKS_SUBSET_CHILD) {
  const { scan } = (await import(pathToFileURL(resolve(root!, 'dist/scan/scan.js')).href)) as typeof import('../src/scan/scan.js');
  const c0 = process.cpuUsage();
  const res = await scan([file!], { selection: { only: ids!.split(',') }, loadConfig: false, noIgnores: true });
  const u = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ cpuMs: Math.round((u.user + u.system) / 1000), findings: res.findings.length }) + '\n');
  process.exit(0);
}
if (!root || !file || !ids) throw new Error('usage: checks-subset-cpu.ts ROOT FILE ID,ID,... [RUNS]');
const runOnce = (only: string): { cpuMs: number; findings: number } =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', process.argv[1]!, root, file, only], { env: { ...process.env, CHECKS_SUBSET_CHILD: '1' }, encoding: 'utf8' })) as { cpuMs: number; findings: number };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const base: number[] = [];
const set: number[] = [];
let findings = 0;
for (let i = 0; i < Number(runsArg ?? 5); i++) {
  base.push(runOnce(REFERENCE).cpuMs);
  const r = runOnce(ids);
  set.push(r.cpuMs);
  findings = r.findings;
}
process.stdout.write(JSON.stringify({ reference: REFERENCE, referenceCpuMs: base, subsetCpuMs: set, medianReference: median(base), medianSubset: median(set), subsetFindings: findings }) + '\n');
