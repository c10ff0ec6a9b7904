/**
 * CPU time (`process.cpuUsage()`, user + system) of one scan of a plan, for
 * comparing two builds on a loaded machine (wall time moves with other jobs).
 *
 *   node --import tsx bench/plan-cpu.ts ROOT FILE            one line: {"scanCpuMs": ...}
 *   node --import tsx bench/plan-cpu.ts ROOT FILE --phases   CPU per phase and per check (top 25)
 *   node --import tsx bench/plan-cpu.ts --compare A B FILE [RUNS]
 *     alternates fresh processes of build root A and build root B (RUNS each, default 5)
 *     and prints every figure and the medians.
 *
 * ROOT is a directory holding a compiled `dist/` (the repository root, or a copy of
 * an older build with `data`, `models`, `package.json` and `node_modules` linked beside it).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const args = process.argv.slice(2);
if (args[0] === '--compare') {
  const [, a, b, file, runsArg] = args;
  if (!a || !b || !file) throw new Error('usage: plan-cpu.ts --compare ROOT_A ROOT_B FILE [RUNS]');
  const runs = Number(runsArg ?? 5);
  const self = new URL(import.meta.url).pathname;
  const once = (root: string): number => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, root, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    return (JSON.parse(out.trim().split('\n').pop()!) as { scanCpuMs: number }).scanCpuMs;
  };
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push(once(a));
    tb.push(once(b));
    console.log(`run ${i + 1}: A ${ta[i]} ms, B ${tb[i]} ms`);
  }
  console.log(JSON.stringify({ a: ta, b: tb, medianA: median(ta), medianB: median(tb) }));
  process.exit(0);
}

const [rootArg, file, flag] = args;
if (!rootArg || !file) throw new Error('usage: plan-cpu.ts ROOT FILE [--phases]');
const dist = (p: string): string => pathToFileURL(resolve(rootArg, 'dist', p)).href;
const { scan, loadModel } = (await import(dist('scan/scan.js'))) as typeof import('../src/scan/scan.js');
const { loadBuiltinChecks } = (await import(dist('checks/engine/builtin.js'))) as typeof import('../src/checks/engine/builtin.js');
const checks = await loadBuiltinChecks();

if (flag !== '--phases') {
  const c0 = process.cpuUsage();
  const result = await scan([file], { maxFileSize: 1024 * 1024 * 1024, loadConfig: false });
  const scanCpuMs = Math.round(cpuMs(c0));
  process.stdout.write(JSON.stringify({ scanCpuMs, findings: result.findings.length }) + '\n');
  process.exit(0);
}

// --phases: the steps of scan() one by one, each check timed on its own
const { runChecks } = (await import(dist('checks/engine/run.js'))) as typeof import('../src/checks/engine/run.js');
const { applySuppressions } = (await import(dist('suppress/apply.js'))) as typeof import('../src/suppress/apply.js');
const { scoreFindings } = (await import(dist('risk/score.js'))) as typeof import('../src/risk/score.js');
let c = process.cpuUsage();
const { resources, files } = await loadModel([file], { maxFileSize: 1024 * 1024 * 1024 });
console.log(`load: ${Math.round(cpuMs(c))} ms (${resources.length} resources)`);
const perCheck = new Map<string, number>();
const timed = checks.map((ch) => ({
  ...ch,
  run: (ctx: Parameters<typeof ch.run>[0]) => {
    const t = process.cpuUsage();
    try {
      return ch.run(ctx);
    } finally {
      perCheck.set(ch.meta.id, cpuMs(t));
    }
  },
}));
c = process.cpuUsage();
const run = runChecks(timed, resources, {});
console.log(`checks: ${Math.round(cpuMs(c))} ms (${run.findings.length} findings)`);
c = process.cpuUsage();
const sup = applySuppressions(run.findings, resources, { cwd: process.cwd(), rules: [], files: files, readText: undefined });
console.log(`suppressions: ${Math.round(cpuMs(c))} ms`);
c = process.cpuUsage();
scoreFindings(sup.findings, resources, {});
console.log(`risk: ${Math.round(cpuMs(c))} ms`);
for (const [id, ms] of [...perCheck].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${id} ${ms.toFixed(0)} ms`);
