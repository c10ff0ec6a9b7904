/**
 * `npm run bench:vulns`: the advisory store at the issue's scale.
 * 1. generates 200,000 synthetic OSV records shaped like the real ones (npm, PyPI, Maven, Go,
 *    RubyGems, Debian, Ubuntu, Alpine; ECOSYSTEM and SEMVER ranges, several introduced/fixed pairs,
 *    `versions` lists on distro records, CVE aliases, a paragraph of details) as JSON lines;
 * 2. imports them into a fresh store (`tetrad db import` code path) and times it;
 * 3. matches 10,000 packages (names drawn from the advisories' packages and unrelated ones) and
 *    times it;
 * 4. scans a tree holding a Debian 12 dpkg status and a package-lock.json with the same number of
 *    packages through the inventory source and TET-PATCH-034 (`scan --db`), and times it.
 * BENCH_ADVISORIES / BENCH_PACKAGES change the sizes; BENCH_KEEP_DB=FILE keeps the store, BENCH_DB=FILE reuses it
 * (same sizes: the generator still runs, so the packages are the same). Figures go to docs/benchmarks.md by hand.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/vulns/store/db.js';
import { importPath } from '../src/vulns/store/import.js';
import { AdvisoryIndex } from '../src/vulns/store/query.js';
import { runChecks } from '../src/checks/engine/run.js';
import { loadModel, scan } from '../src/scan/scan.js';
import { storeAdvisories } from '../src/vulns/advisories.js';

const ADVISORIES = Number(process.env.BENCH_ADVISORIES ?? 200_000);
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 10_000);

// mulberry32: a small seeded generator with well-spread low bits
let seed = 42;
const rnd = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (n: number): number => Math.floor(rnd() * n);

interface Eco {
  name: string;
  weight: number;
  pkg: (i: number) => string;
  version: () => string;
  distro?: boolean;
  semverRange?: boolean;
}
const semverV = () => `${int(5)}.${int(20)}.${int(30)}`;
const ECOS: Eco[] = [
  { name: 'npm', weight: 40, pkg: (i) => (i % 7 === 0 ? `@scope${i % 50}/pkg-${i}` : `pkg-${i}`), version: semverV },
  { name: 'PyPI', weight: 15, pkg: (i) => `py_pkg-${i}`, version: () => `${int(5)}.${int(20)}${rnd() < 0.2 ? `rc${int(3) + 1}` : `.${int(10)}`}` },
  { name: 'Maven', weight: 10, pkg: (i) => `org.example${i % 100}:artifact-${i}`, version: () => `${int(5)}.${int(20)}.${int(10)}${rnd() < 0.1 ? '-beta1' : ''}` },
  { name: 'Go', weight: 10, pkg: (i) => `github.com/org${i % 300}/mod${i}`, version: semverV, semverRange: true },
  { name: 'RubyGems', weight: 5, pkg: (i) => `gem${i}`, version: () => `${int(5)}.${int(20)}.${int(10)}` },
  { name: 'Debian:12', weight: 10, pkg: (i) => `lib${i}`, version: () => `${rnd() < 0.2 ? '1:' : ''}${int(5)}.${int(20)}.${int(10)}-${int(5) + 1}${rnd() < 0.3 ? `+deb12u${int(5) + 1}` : ''}`, distro: true },
  { name: 'Ubuntu:22.04:LTS', weight: 5, pkg: (i) => `lib${i}`, version: () => `${int(5)}.${int(20)}.${int(10)}-${int(5)}ubuntu0.${int(9)}${rnd() < 0.2 ? '~22.04.1' : ''}`, distro: true },
  { name: 'Alpine:v3.19', weight: 5, pkg: (i) => `apk${i}`, version: () => `${int(5)}.${int(20)}.${int(10)}-r${int(5)}`, distro: true },
];
const TOTAL_WEIGHT = ECOS.reduce((n, e) => n + e.weight, 0);
const pickEco = (): Eco => {
  let r = rnd() * TOTAL_WEIGHT;
  for (const e of ECOS) if ((r -= e.weight) < 0) return e;
  return ECOS[0]!;
};
const POOL = 40_000; // package names per ecosystem: several advisories per package, as in OSV
const DETAILS = 'A crafted input can cause the parser to read past the end of a buffer, which may lead to a crash or disclosure of memory. '.repeat(3);

function sortedVersions(eco: Eco, n: number): string[] {
  const vs = new Set<string>();
  while (vs.size < n) vs.add(eco.version());
  return [...vs];
}

function advisory(i: number): object {
  const eco = pickEco();
  const affected = [];
  for (let k = 0; k < 1 + int(2); k++) {
    const name = eco.pkg(int(POOL));
    const [a, b] = sortedVersions(eco, 2);
    const events = rnd() < 0.3 ? [{ introduced: '0' }, { fixed: b }] : [{ introduced: a }, { fixed: b }];
    if (rnd() < 0.1) events.push({ introduced: `${9 + int(3)}.0.0` }, { fixed: `${12 + int(3)}.0.0` });
    affected.push({
      package: { ecosystem: eco.name, name, purl: `pkg:generic/${name}` },
      ranges: [{ type: eco.semverRange ? 'SEMVER' : 'ECOSYSTEM', events }],
      ...(eco.distro ? { versions: sortedVersions(eco, 3 + int(6)) } : {}),
      database_specific: { source: 'synthetic' },
    });
  }
  return {
    schema_version: '1.6.0',
    id: `SYN-${eco.name.split(':')[0]}-${String(i).padStart(7, '0')}`,
    modified: `2024-0${1 + int(9)}-1${int(9)}T00:00:00Z`,
    published: '2023-01-01T00:00:00Z',
    aliases: [`CVE-20${10 + int(14)}-${10000 + i}`],
    summary: 'Out-of-bounds read in a parser',
    details: DETAILS,
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:H' }],
    affected,
    references: [{ type: 'ADVISORY', url: `https://example.org/advisories/${i}` }],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'tetrad-bench-vulns-'));
try {
  let t = performance.now();
  const lines: string[] = [];
  for (let i = 0; i < ADVISORIES; i++) lines.push(JSON.stringify(advisory(i)));
  const file = join(dir, 'advisories.jsonl');
  console.log(`generated ${ADVISORIES} advisories (${(lines.reduce((n, l) => n + l.length, 0) / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // BENCH_DB=FILE: a store kept by an earlier run (BENCH_KEEP_DB) of the same sizes; the import steps are skipped
  if (process.env.BENCH_DB) copyFileSync(process.env.BENCH_DB, join(dir, 'tetrad.db'));
  const db = openStore(join(dir, 'tetrad.db'));
  if (!process.env.BENCH_DB) {
    writeFileSync(file, lines.join('\n'));
    t = performance.now();
    const report = importPath(db, file);
    const importS = (performance.now() - t) / 1000;
    console.log(`import: ${report.osv.inserted} records, ${report.errors.length} errors, ${importS.toFixed(1)} s`);
    t = performance.now();
    const again = importPath(db, file);
    console.log(`re-import (idempotent): ${again.osv.unchanged} unchanged, ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const packages = [];
  for (let i = 0; i < PACKAGES; i++) {
    const eco = pickEco();
    // two thirds of the packages have advisories of their name, a third none
    const name = rnd() < 0.66 ? eco.pkg(int(POOL)) : `unrelated-${i}`;
    packages.push({ ecosystem: eco.name, name, version: eco.version() });
  }
  t = performance.now();
  let cpu = process.cpuUsage();
  const index = new AdvisoryIndex(db);
  let matches = 0;
  let unknown = 0;
  for (const p of packages) {
    for (const m of index.match(p)) {
      if (m.verdict.affected === true) matches++;
      else unknown++;
    }
  }
  const matchS = (performance.now() - t) / 1000;
  // CPU time of this process beside the wall time: on a shared machine the wall time also counts waiting for a core
  const cpuS = (c: NodeJS.CpuUsage): string => ((c.user + c.system) / 1e6).toFixed(2);
  console.log(`match: ${PACKAGES} packages against ${ADVISORIES} advisories in ${matchS.toFixed(2)} s, ${cpuS(process.cpuUsage(cpu))} s CPU (${matches} affected, ${unknown} unknown)`);
  db.close();

  // 4. the same scale through `tetrad scan`: a Debian 12 dpkg status and a package-lock.json of
  // PACKAGES/2 packages each, read by the inventory source and matched by TET-PATCH-034
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'etc'), { recursive: true });
  mkdirSync(join(tree, 'var/lib/dpkg'), { recursive: true });
  writeFileSync(join(tree, 'etc/os-release'), 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
  const debian = ECOS.find((e) => e.name === 'Debian:12')!;
  const npm = ECOS.find((e) => e.name === 'npm')!;
  const half = Math.floor(PACKAGES / 2);
  const stanzas: string[] = [];
  for (let i = 0; i < half; i++) stanzas.push(`Package: ${rnd() < 0.66 ? debian.pkg(int(POOL)) : `unrelated-${i}`}\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${debian.version()}\n`);
  writeFileSync(join(tree, 'var/lib/dpkg/status'), stanzas.join('\n'));
  const lockPackages: Record<string, object> = { '': { name: 'bench' } };
  for (let i = 0; Object.keys(lockPackages).length <= half; i++) lockPackages[`node_modules/${rnd() < 0.66 ? npm.pkg(int(POOL)) : `unrelated-${i}`}`] = { version: npm.version() };
  writeFileSync(join(tree, 'package-lock.json'), JSON.stringify({ name: 'bench', lockfileVersion: 3, packages: lockPackages }, null, 2));
  const check = (await import('../src/checks/patches/package-known-vulnerability.js')).default;
  // the parts first: reading the inventories, then the check alone (store opened, every package matched)
  t = performance.now();
  const model = await loadModel([tree], { cwd: tree });
  const loadS = (performance.now() - t) / 1000;
  t = performance.now();
  cpu = process.cpuUsage();
  const checked = runChecks([check], model.resources, { advisories: storeAdvisories(join(dir, 'tetrad.db')) });
  const checkS = (performance.now() - t) / 1000;
  console.log(`scan parts: inventories read in ${loadS.toFixed(2)} s, TET-PATCH-034 over them in ${checkS.toFixed(2)} s, ${cpuS(process.cpuUsage(cpu))} s CPU (${checked.findings.length} findings)`);
  t = performance.now();
  const res = await scan([tree], { checks: [check], advisoryDb: join(dir, 'tetrad.db'), loadConfig: false, cwd: tree });
  const scanS = (performance.now() - t) / 1000;
  const inventoried = res.resources.reduce((n, r) => n + (Array.isArray(r.attributes.packages) ? r.attributes.packages.length : 0), 0);
  console.log(`scan: ${inventoried} inventoried packages (dpkg status + package-lock.json) through TET-PATCH-034, whole scan (suppressions and risk scores included) in ${scanS.toFixed(2)} s (${res.findings.length} findings, ${res.errors.length} errors)`);
  console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  // BENCH_KEEP_DB=FILE keeps the store for profiling
  if (process.env.BENCH_KEEP_DB) copyFileSync(join(dir, 'tetrad.db'), process.env.BENCH_KEEP_DB);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
