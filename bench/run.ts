/**
 * `npm run bench`: generates synthetic estates (Terraform plan JSON and HCL
 * trees at 1k, 10k and 100k resources), scans each in a fresh process and
 * prints scan time, peak memory, the ratio to a bare JSON.parse of the plan,
 * and the growth ratio between consecutive sizes.
 * BENCH_SIZES=1000,10000 limits the sizes. BENCH_RUNS=N (default 3) repeats
 * each plan measurement in N fresh processes and keeps the median, because
 * wall times on a shared machine move with other jobs.
 *
 * Each plan comes in two shapes: `plan-N.json` holds `planned_values` only, indented (a
 * stripped plan: the smallest JSON.parse for the resources, the hardest ratio), and
 * `plan-show-N.json` is the same estate as `terraform show -json` prints a create plan — one
 * line, `planned_values` without computed attributes, `resource_changes` with
 * `after_unknown`, and `configuration` with every expression and the references between
 * resources, which the scan reads too.
 *
 * Two JSON.parse figures: "cold" is the first parse in a fresh process that
 * does nothing else (what a bare script parsing the plan pays, and what the
 * scan's own parse pays), the median over N processes; "warm" is the best of
 * three parses in the scanning process before the scan (JIT warm, heap grown).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHclTree, generatePlan, generateTerraformShowPlan } from './generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
execFileSync(process.execPath, [join(here, '..', 'scripts', 'build.mjs'), '--lenient'], { cwd: join(here, '..'), stdio: 'inherit' });
const out = join(here, '.generated');
mkdirSync(out, { recursive: true });
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);

interface Row {
  kind: string;
  resources: number;
  files: number;
  findings: number;
  parseErrors: number;
  scanMs: number;
  scanCpuMs?: number;
  jsonParseMs?: number;
  jsonParseCpuMs?: number;
  maxRssMiB: number;
  /** checks that ran on helper threads (src/scan/parallel-checks.ts): 0 = one thread */
  checksOnHelpers?: number;
}

function measureOnce(kind: 'plan' | 'hcl' | 'parse', target: string): Row {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'scan-one.ts'), kind, target], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Row;
}

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** The median scan of N fresh processes (plans); one run for HCL trees. */
function measure(kind: 'plan' | 'hcl', target: string): Row & { coldParseMs?: number; cpuRatio?: string } {
  if (kind === 'hcl') return measureOnce(kind, target);
  const scans = Array.from({ length: RUNS }, () => measureOnce(kind, target));
  const mid = median(scans.map((r) => r.scanMs));
  const row = scans.find((r) => r.scanMs === mid)!;
  const parses = Array.from({ length: RUNS }, () => measureOnce('parse', target));
  const cold = median(parses.map((p) => p.jsonParseMs!));
  // the CPU ratio: median scan CPU over median cold-parse CPU (steadier than wall time under load)
  const cpuScan = median(scans.map((r) => r.scanCpuMs ?? 0));
  const cpuParse = median(parses.map((p) => p.jsonParseCpuMs ?? 0));
  return { ...row, coldParseMs: cold, cpuRatio: cpuParse > 0 ? `${(cpuScan / cpuParse).toFixed(2)}× (${cpuScan} ms / ${cpuParse} ms)` : undefined };
}

const rows: Array<Row & { size: number; mb?: number; coldParseMs?: number; cpuRatio?: string }> = [];
for (const n of sizes) {
  const plan = join(out, `plan-${n}.json`);
  if (!existsSync(plan)) generatePlan(n, plan);
  const r = measure('plan', plan);
  rows.push({ ...r, size: n, mb: Math.round(statSync(plan).size / 1e5) / 10 });
  console.log(`plan ${n}: ${JSON.stringify(r)}`);
}
// the same estates as `terraform show -json` prints a create plan: one line, with resource_changes and configuration
for (const n of sizes) {
  const plan = join(out, `plan-show-${n}.json`);
  if (!existsSync(plan)) generateTerraformShowPlan(n, plan);
  const r = measure('plan', plan);
  rows.push({ ...r, kind: 'show', size: n, mb: Math.round(statSync(plan).size / 1e5) / 10 });
  console.log(`plan (terraform show shape) ${n}: ${JSON.stringify(r)}`);
}
for (const n of sizes) {
  const dir = join(out, `hcl-${n}`);
  const files = Math.min(n, 10_000);
  if (!existsSync(dir)) generateHclTree(n, files, dir);
  const r = measure('hcl', dir);
  rows.push({ ...r, size: n });
  console.log(`hcl ${n}: ${JSON.stringify(r)}`);
}

console.log(`\nplan rows: medians of ${RUNS} fresh processes; JSON.parse cold = first parse in a fresh process, warm = best of three in the scanning process`);
console.log('\n| input | resources | files | findings | checks on a helper thread | scan (ms) | JSON.parse cold (ms) | scan / cold JSON.parse | JSON.parse warm (ms) | scan / warm JSON.parse | peak RSS (MiB) | time ratio to previous size |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
const LABEL: Record<string, string> = { plan: 'plan, planned_values only (indented)', show: 'plan as `terraform show -json` prints it', hcl: 'hcl' };
for (const kind of ['plan', 'show', 'hcl']) {
  const group = rows.filter((r) => r.kind === kind);
  group.forEach((r, i) => {
    const prev = group[i - 1];
    const ratio = r.jsonParseMs ? (r.scanMs / Math.max(1, r.jsonParseMs)).toFixed(2) : '—';
    const coldRatio = r.coldParseMs ? (r.scanMs / Math.max(1, r.coldParseMs)).toFixed(2) : '—';
    const growth = prev ? `${(r.scanMs / Math.max(1, prev.scanMs)).toFixed(2)} (×${r.size / prev.size} resources)` : '—';
    console.log(`| ${LABEL[kind]}${r.mb ? ` (${r.mb} MB)` : ''} | ${r.resources} | ${r.files} | ${r.findings} | ${r.checksOnHelpers ?? 0} | ${r.scanMs} | ${r.coldParseMs ?? '—'} | ${coldRatio} | ${r.jsonParseMs ?? '—'} | ${ratio} | ${r.maxRssMiB} | ${growth} |`);
  });
}
console.log('\nplan rows by CPU time (process.cpuUsage, all threads): median scan CPU / median cold JSON.parse CPU');
for (const r of rows) if (r.kind !== 'hcl' && r.cpuRatio) console.log(`- ${r.kind} ${r.size}: ${r.cpuRatio}`);
const bad = rows.filter((r) => r.parseErrors > 0 || r.resources < r.size);
if (bad.length) console.log(`\nWARNING: ${bad.length} run(s) did not read every resource or had parse errors: ${bad.map((b) => `${b.kind}-${b.size}`).join(', ')}`);
