/**
 * CPU time (`process.cpuUsage()`, user + system) of one scan of a plan, for
 * comparing two builds on a loaded machine (wall time moves with other jobs).
 *
 *   node --import tsx bench/plan-cpu.ts ROOT FILE            one line: {"scanCpuMs": ...}
 *   node --import tsx bench/plan-cpu.ts ROOT FILE --phases   CPU per phase and per check (top 25)
 *   node --import tsx bench/plan-cpu.ts --parse FILE          CPU of one cold JSON.parse of FILE in this
 *     fresh process (the read is not counted): the comparator of the 4x target
 *   node --import tsx bench/plan-cpu.ts --compare A B FILE [RUNS]
 *     alternates fresh processes of build root A and build root B (RUNS each, default 5)
 *     and prints every figure and the medians.
 *
 * ROOT is a directory holding a compiled `dist/` (the repository root, or a copy of
 * an older build with `data`, `models`, `package.json` and `node_modules` linked beside it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const args = process.argv.slice(2);
if (args[0] === '--parse') {
  const text = readFileSync(args[1]!, 'utf8');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  JSON.parse(text);
  const parseCpuMs = Math.round(cpuMs(c0));
  process.stdout.write(JSON.stringify({ parseCpuMs, parseWallMs: Math.round(performance.now() - t0) }) + '\n');
  process.exit(0);
}
if (args[0] === '--compare') {
  const [, a, b, file, runsArg] = args;
  if (!a || !b || !file) throw new Error('usage: plan-cpu.ts --compare ROOT_A ROOT_B FILE [RUNS]');
  const runs = Number(runsArg ?? 5);
  const self = new URL(import.meta.url).pathname;
  const once = (root: string): number => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, root, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    return (JSON.parse(out.trim().split('\n').pop()!) as { scanCpuMs: number }).scanCpuMs;
  };
  const parseOnce = (): number => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--parse', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    return (JSON.parse(out.trim().split('\n').pop()!) as { parseCpuMs: number }).parseCpuMs;
  };
  const ta: number[] = [];
  const tb: number[] = [];
  const tp: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push(once(a));
    tb.push(once(b));
    tp.push(parseOnce());
    console.log(`run ${i + 1}: A ${ta[i]} ms, B ${tb[i]} ms, cold JSON.parse ${tp[i]} ms (CPU)`);
  }
  const [ma, mb, mp] = [median(ta), median(tb), median(tp)];
  console.log(JSON.stringify({ a: ta, b: tb, parse: tp, medianA: ma, medianB: mb, medianParse: mp, ratioA: +(ma / mp).toFixed(2), ratioB: +(mb / mp).toFixed(2) }));
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
// with --expose-gc: the heap each check leaves behind (shared derivations, findings), after a full GC
const gc = (globalThis as { gc?: () => void }).gc;
const retained = new Map<string, number>();
const timed = checks.map((ch) => ({
  ...ch,
  run: (ctx: Parameters<typeof ch.run>[0]) => {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const t = process.cpuUsage();
    try {
      return ch.run(ctx);
    } finally {
      perCheck.set(ch.meta.id, cpuMs(t));
      if (gc) {
        gc();
        retained.set(ch.meta.id, (process.memoryUsage().heapUsed - before) / 1048576);
      }
    }
  },
}));
c = process.cpuUsage();
const run = runChecks(timed, resources, {});
console.log(`checks: ${Math.round(cpuMs(c))} ms (${run.findings.length} findings)`);
c = process.cpuUsage();
// (scan() passes a reader that skips files the source read without a marker; this reads the plan again)
const sup = applySuppressions(run.findings, resources, { cwd: process.cwd(), rules: [], files: files, readText: undefined });
console.log(`suppressions (re-reading the file): ${Math.round(cpuMs(c))} ms`);
c = process.cpuUsage();
scoreFindings(sup.findings, resources, { lookups: run.lookups });
console.log(`risk: ${Math.round(cpuMs(c))} ms`);
for (const [id, ms] of [...perCheck].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${id} ${ms.toFixed(0)} ms${gc ? `, ${retained.get(id)!.toFixed(1)} MiB retained` : ''}`);
if (gc) console.log(`heap after the checks: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`);
