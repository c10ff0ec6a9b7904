/**
 * Checks on several threads. Each worker thread loads the model itself from the same
 * files (a structured clone of 100k resources costs about as much as loading them, and
 * Unknown values would lose their class), then main thread and workers take units of
 * checks from one shared counter until none are left. A unit is either the checks of one
 * `affinity` (they share a costly derivation, computed once on their thread) or one
 * check; affinity units come first, since they are the heavy ones. Each check's outcome
 * is put back in check order, so the findings are the same as on one thread. A worker
 * that fails, crashes or hangs costs time, not results: main runs what it did not return.
 *
 * Worth it only when loading is cheap next to the checks: large JSON or YAML inputs (a
 * 100 MB plan). A Terraform HCL tree is not run this way: its parse already uses a second
 * thread (`sources/terraform/parse-pool.ts`) and would be paid twice.
 */
import { freemem } from 'node:os';
import type { Resource } from '../model/index.js';
import { assembleRun, runCheck, type CheckOutcome, type CheckRunResult } from '../checks/engine/run.js';
import { createCheckContext } from '../checks/engine/context.js';
import type { Check, CheckServices } from '../checks/engine/types.js';
import { firstMessage, startModuleWorker } from './start-worker.js';

/** Below this many bytes of input a second thread costs more than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Threads for the checks when the caller names none: TETRAD_THREADS, else one. Measured on the
 * 2-core machine this was built on (docs/benchmarks.md), a second thread did not pay off: V8's
 * own garbage-collection threads already keep the second core busy during a one-thread scan of a
 * large plan, and the helper's copy of the model costs a second load. `--threads N` opts in (a
 * machine with more cores), and then only when free memory holds another copy (about 8× the input).
 */
export function defaultThreads(inputBytes: number): number {
  const env = Number(process.env.TETRAD_THREADS);
  if (Number.isInteger(env) && env >= 1) return fitMemory(env, inputBytes);
  return 1;
}

/** At most as many threads as free memory holds copies of the model (about 8× the input each). */
export function fitMemory(threads: number, inputBytes: number): number {
  return Math.max(1, Math.min(threads, Math.floor(freemem() / Math.max(1, 8 * inputBytes))));
}

/** Units of work in the order threads take them: affinity groups first, then single checks, by index. */
export function checkUnits(checks: readonly Check[]): number[][] {
  const groups = new Map<string, number[]>();
  const singles: number[][] = [];
  checks.forEach((c, i) => {
    const a = c.meta.affinity;
    if (a === undefined) singles.push([i]);
    else {
      const g = groups.get(a);
      if (g) g.push(i);
      else groups.set(a, [i]);
    }
  });
  return [...groups.values(), ...singles];
}

/** What the check worker is given (`check-worker.ts`). */
export interface CheckWorkerInput {
  paths: string[];
  /** scan options the model and the checks depend on */
  options: { cwd: string; vars?: Record<string, string>; varFiles?: string[]; maxFileSize?: number; loadConfig?: boolean; configFile?: string; advisoryDb?: string };
  /** the selected built-in checks, in order: the worker resolves the same list */
  checkIds: string[];
  /** Int32 counter of the next unit, shared by every thread */
  counter: SharedArrayBuffer;
}

export interface CheckWorkerOutput {
  outcomes: Array<[number, CheckOutcome]>;
}

/** Takes units from the counter and runs them until none are left; returns the outcomes by check index. */
export function drainUnits(counter: Int32Array, units: readonly number[][], run: (index: number) => CheckOutcome): Array<[number, CheckOutcome]> {
  const out: Array<[number, CheckOutcome]> = [];
  for (;;) {
    const u = Atomics.add(counter, 0, 1);
    if (u >= units.length) return out;
    for (const i of units[u]!) out.push([i, run(i)]);
  }
}

/** A started set of check workers: they load the model while this thread does. */
export interface CheckHelpers {
  counter: SharedArrayBuffer;
  results: Promise<Array<CheckWorkerOutput | undefined>>;
}

export function startCheckHelpers(input: Omit<CheckWorkerInput, 'counter'>, workers: number): CheckHelpers {
  const counter = new SharedArrayBuffer(4);
  const results: Array<Promise<CheckWorkerOutput | undefined>> = [];
  for (let w = 0; w < workers; w++) {
    results.push(firstMessage<CheckWorkerOutput>(() => startModuleWorker(import.meta.url, 'check-worker', { ...input, counter }), 30 * 60_000));
  }
  return { counter, results: Promise.all(results) };
}

/**
 * Runs `checks` over `resources` on this thread and the helpers' threads; the result is
 * the one `runChecks` gives. Checks the helpers did not return (a helper that failed) run here.
 */
export async function runChecksWithHelpers(checks: readonly Check[], resources: readonly Resource[], services: CheckServices, helpers: CheckHelpers): Promise<CheckRunResult & { onHelpers: number }> {
  const ctx = createCheckContext(resources, services);
  const units = checkUnits(checks);
  const outcomes: Array<CheckOutcome | undefined> = new Array(checks.length);
  for (const [i, o] of drainUnits(new Int32Array(helpers.counter), units, (i) => runCheck(checks[i]!, ctx))) outcomes[i] = o;
  let onHelpers = 0;
  for (const result of await helpers.results) {
    for (const [i, o] of result?.outcomes ?? []) {
      if (outcomes[i] !== undefined) continue;
      outcomes[i] = o;
      onHelpers++;
    }
  }
  for (let i = 0; i < checks.length; i++) outcomes[i] ??= runCheck(checks[i]!, ctx);
  return { ...assembleRun(checks, outcomes as CheckOutcome[], ctx), onHelpers };
}
