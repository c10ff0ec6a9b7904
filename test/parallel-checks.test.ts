import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../bench/generate.js';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { runChecks } from '../src/checks/engine/run.js';
import type { Check } from '../src/checks/engine/types.js';
import { checkUnits, runChecksWithHelpers, startCheckHelpers, type CheckHelpers } from '../src/scan/parallel-checks.js';
import { loadModel, scan } from '../src/scan/scan.js';
import { tetrad } from './support/cli.js';

// a plan with open SSH, public databases and admin policies, next to Kubernetes, CloudFormation,
// a Dockerfile and host files: every kind of source the helper threads run on
let dir: string;
let checks: Check[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-parallel-'));
  for (const part of ['kubernetes', 'cloudformation', 'docker', 'hosts']) cpSync(join('examples/hybrid-estate', part), join(dir, part), { recursive: true });
  generatePlan(1500, join(dir, 'plan.json'));
  checks = await loadBuiltinChecks();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const strip = (r: Awaited<ReturnType<typeof scan>>) => ({ findings: r.findings, errors: r.errors });

describe('checks on helper threads', () => {
  it('puts the checks of one affinity in one unit, ahead of the single checks', () => {
    const units = checkUnits(checks);
    expect(units.flat().sort((a, b) => a - b)).toEqual(checks.map((_, i) => i));
    const firstSingle = units.findIndex((u) => checks[u[0]!]!.meta.affinity === undefined);
    expect(units.slice(0, firstSingle).every((u) => u.every((i) => checks[i]!.meta.affinity === checks[u[0]!]!.meta.affinity))).toBe(true);
    expect(units.slice(firstSingle).every((u) => u.length === 1 && checks[u[0]!]!.meta.affinity === undefined)).toBe(true);
    const reach = units.find((u) => u.some((i) => checks[i]!.meta.id === 'TET-PORTS-029'))!;
    expect(reach.map((i) => checks[i]!.meta.id).sort()).toEqual(['TET-PORTS-029', 'TET-PORTS-030']);
  });

  it('a helper that takes every unit gives the outcomes this thread would', async () => {
    const helpers = startCheckHelpers({ paths: [dir], options: { cwd: dir, loadConfig: false }, checkIds: checks.map((c) => c.meta.id) }, 1);
    const [out] = await helpers.results;
    expect(out, 'the worker answered').toBeDefined();
    expect(out!.outcomes.map(([i]) => i).sort((a, b) => a - b)).toEqual(checks.map((_, i) => i));
    const { resources } = await loadModel([dir], { cwd: dir });
    const here = runChecks(checks, resources);
    // nothing left for this thread: the counter is past the last unit
    const merged = await runChecksWithHelpers(checks, resources, {}, { counter: helpers.counter, results: Promise.resolve([out]) });
    expect(merged.onHelpers).toBe(checks.length);
    expect(merged.findings).toEqual(here.findings);
    expect(merged.errors).toEqual(here.errors);
    expect(here.findings.length).toBeGreaterThan(100);
  });

  it('runs here what a failed helper did not return', async () => {
    const { resources } = await loadModel([dir], { cwd: dir });
    const failed: CheckHelpers = { counter: new SharedArrayBuffer(4), results: Promise.resolve([undefined]) };
    const merged = await runChecksWithHelpers(checks, resources, {}, failed);
    expect(merged.onHelpers).toBe(0);
    expect(merged.findings).toEqual(runChecks(checks, resources).findings);
  });

  it('scan() on two threads reports exactly what it reports on one', async () => {
    const one = await scan([dir], { cwd: dir, loadConfig: false, threads: 1 });
    const two = await scan([dir], { cwd: dir, loadConfig: false, threads: 2, parallelMinBytes: 0 });
    expect(one.stats.checksOnHelpers).toBe(0);
    expect(strip(two)).toEqual(strip(one));
    expect(new Set(one.findings.map((f) => f.pillar)).size).toBe(4);
  });

  it('keeps HCL trees and small inputs on one thread', async () => {
    const hcl = await scan(['examples/hybrid-estate'], { loadConfig: false, threads: 2, parallelMinBytes: 0 });
    expect(hcl.stats.checksOnHelpers).toBe(0);
    const small = await scan([dir], { cwd: dir, loadConfig: false, threads: 2 });
    expect(small.stats.checksOnHelpers).toBe(0);
  });

  it('the CLI takes --threads and refuses a bad count with exit code 2', () => {
    const out = join(dir, 'report.json');
    const ok = tetrad(['scan', join(dir, 'plan.json'), '--threads', '2', '--format', 'json', '--output', out, '--fail-on', 'none']);
    expect(ok.status, ok.stderr).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] }).findings.length).toBeGreaterThan(100);
    rmSync(out);
    const bad = tetrad(['scan', dir, '--threads', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--threads must be a whole number');
  });
});
