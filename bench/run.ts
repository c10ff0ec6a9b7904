/**
 * `npm run bench`: generates synthetic estates (Terraform plan JSON and HCL
 * trees at 1k, 10k and 100k resources), scans each in a fresh process and
 * prints scan time, peak memory, the ratio to a bare JSON.parse of the plan,
 * and the growth ratio between consecutive sizes.
 * BENCH_SIZES=1000,10000 limits the sizes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHclTree, generatePlan } from './generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: join(here, '..'), stdio: 'inherit' });
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
  jsonParseMs?: number;
  maxRssMiB: number;
}

function measure(kind: 'plan' | 'hcl', target: string): Row {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'scan-one.ts'), kind, target], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Row;
}

const rows: Array<Row & { size: number; mb?: number }> = [];
for (const n of sizes) {
  const plan = join(out, `plan-${n}.json`);
  if (!existsSync(plan)) generatePlan(n, plan);
  const r = measure('plan', plan);
  rows.push({ ...r, size: n, mb: Math.round(statSync(plan).size / 1e5) / 10 });
  console.log(`plan ${n}: ${JSON.stringify(r)}`);
}
for (const n of sizes) {
  const dir = join(out, `hcl-${n}`);
  const files = Math.min(n, 10_000);
  if (!existsSync(dir)) generateHclTree(n, files, dir);
  const r = measure('hcl', dir);
  rows.push({ ...r, size: n });
  console.log(`hcl ${n}: ${JSON.stringify(r)}`);
}

console.log('\n| input | resources | files | findings | scan (ms) | JSON.parse (ms) | scan / JSON.parse | peak RSS (MiB) | time ratio to previous size |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const kind of ['plan', 'hcl']) {
  const group = rows.filter((r) => r.kind === kind);
  group.forEach((r, i) => {
    const prev = group[i - 1];
    const ratio = r.jsonParseMs ? (r.scanMs / Math.max(1, r.jsonParseMs)).toFixed(2) : '—';
    const growth = prev ? `${(r.scanMs / Math.max(1, prev.scanMs)).toFixed(2)} (×${r.size / prev.size} resources)` : '—';
    console.log(`| ${kind}${r.mb ? ` (${r.mb} MB)` : ''} | ${r.resources} | ${r.files} | ${r.findings} | ${r.scanMs} | ${r.jsonParseMs ?? '—'} | ${ratio} | ${r.maxRssMiB} | ${growth} |`);
  });
}
const bad = rows.filter((r) => r.parseErrors > 0 || r.resources < r.size);
if (bad.length) console.log(`\nWARNING: ${bad.length} run(s) did not read every resource or had parse errors: ${bad.map((b) => `${b.kind}-${b.size}`).join(', ')}`);
