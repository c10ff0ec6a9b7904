/**
 * Worker thread of parallel-checks.ts: loads the model from the same inputs as the main
 * thread, takes units of checks from the shared counter and posts each check's outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuiltinChecks } from '../checks/engine/builtin.js';
import { createCheckContext } from '../checks/engine/context.js';
import { runCheck } from '../checks/engine/run.js';
import { checkUnits, drainUnits, type CheckWorkerInput, type CheckWorkerOutput } from './parallel-checks.js';
import { checkModel, configsOf } from './scan.js';

const input = workerData as CheckWorkerInput;
const builtin = new Map((await loadBuiltinChecks()).map((c) => [c.meta.id, c]));
const checks = input.checkIds.map((id) => {
  const c = builtin.get(id);
  if (!c) throw new Error(`check worker: no built-in check ${id}`);
  return c;
});
const { options } = input;
const { resources, vulns } = await checkModel(input.paths, options, configsOf(input.paths, options), checks);
const ctx = createCheckContext(resources, { advisories: vulns.service });
const out: CheckWorkerOutput = { outcomes: drainUnits(new Int32Array(input.counter), checkUnits(checks), (i) => runCheck(checks[i]!, ctx)) };
parentPort!.postMessage(out);
