/**
 * `node --import tsx bench/iam-auth-details-read.ts [FILE]`: times the
 * authorization-details reader alone on the 21 MiB account that
 * `npm run bench:escalation` generates (5,000 roles, 20,000 policies, 500
 * users; `bench/.generated/iam-5000-20000.json` by default). Prints wall and
 * CPU (process.cpuUsage) of the best of BENCH_RUNS runs (default 3) and the
 * load average, plus the number of resources, errors and attribute locations.
 */
import { loadavg } from 'node:os';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAuthorizationDetails } from '../src/sources/aws-authorization-details/index.js';

const file = process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '.generated', 'iam-5000-20000.json');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const text = readFileSync(file, 'utf8');
console.log(`${file}: ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = readAuthorizationDetails(text, 'account.json');
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  const locs = out.resources.reduce((n, res) => n + Object.keys(res.attributeLocations).length, 0);
  console.log(`run ${r + 1}: wall ${(wall / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}), ${out.resources.length} resources, ${out.errors.length} errors, ${locs} attribute locations, load ${loadavg()[0]!.toFixed(2)}`);
}
