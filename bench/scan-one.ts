/**
 * Measures one scan in a fresh process, so peak memory (max RSS) belongs to
 * that scan alone. Prints one JSON line.
 *   node --import tsx bench/scan-one.ts plan FILE
 *   node --import tsx bench/scan-one.ts hcl DIR
 *   node --import tsx bench/scan-one.ts parse FILE   (only read and JSON.parse the file once, as a
 *     bare script would: the first, cold parse in a fresh process)
 */
import { readFileSync } from 'node:fs';

/** CPU (user + system, every thread: parallel GC counts) since `c0`, in ms: steadier than wall time on a shared machine. */
function cpuSince(c0: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(c0);
  return Math.round((u.user + u.system) / 1000);
}

if (process.argv[2] === 'parse') {
  const text = readFileSync(process.argv[3]!, 'utf8');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  JSON.parse(text);
  const jsonParseMs = Math.round(performance.now() - t0);
  process.stdout.write(JSON.stringify({ kind: 'parse', jsonParseMs, jsonParseCpuMs: cpuSince(c0) }) + '\n');
  process.exit(0);
}

// Measure the compiled build (what `npx tetrad` runs); run.ts builds it first.
const { scan } = (await import(new URL('../dist/scan/scan.js', import.meta.url).href)) as typeof import('../src/scan/scan.js');
const { loadBuiltinChecks } = (await import(new URL('../dist/checks/engine/builtin.js', import.meta.url).href)) as typeof import('../src/checks/engine/builtin.js');
// loading the check modules is a fixed start-up cost, not scan work
await loadBuiltinChecks();

const [kind, target] = process.argv.slice(2);
if (!kind || !target) throw new Error('usage: scan-one.ts plan|hcl PATH');

let jsonParseMs: number | undefined;
if (kind === 'plan') {
  const text = readFileSync(target, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    JSON.parse(text);
    times.push(performance.now() - t0);
  }
  jsonParseMs = Math.min(...times);
}
const c0 = process.cpuUsage();
const t0 = performance.now();
const result = await scan([target], { maxFileSize: 1024 * 1024 * 1024 });
const scanMs = performance.now() - t0;
const scanCpuMs = cpuSince(c0);
const parseErrors = result.errors.filter((e) => e.kind === 'parse').length;
process.stdout.write(
  JSON.stringify({
    kind,
    resources: result.stats.resources,
    files: result.stats.files,
    findings: result.findings.length,
    parseErrors,
    scanMs: Math.round(scanMs),
    scanCpuMs,
    jsonParseMs: jsonParseMs === undefined ? undefined : Math.round(jsonParseMs),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    checksOnHelpers: result.stats.checksOnHelpers,
  }) + '\n',
);
