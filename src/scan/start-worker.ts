import { Worker } from 'node:worker_threads';

/** tsx's ESM API, resolved from here when the runtime can; else by name from the working directory */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return 'tsx/esm/api';
  }
}

/**
 * Starts the worker module `name` (without extension) that sits beside `from` (an
 * `import.meta.url`). From the build the worker is plain JavaScript. From TypeScript
 * sources (tests, `tsx`) a small bootstrap loads it through tsx's `tsImport`, since
 * `--import tsx` in a worker's execArgv does not reach its entry on Node 20.
 */
export function startModuleWorker(from: string, name: string, workerData: Record<string, unknown>): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData });
  const entry = new URL(`./${name}.ts`, from).href;
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((m) => m.tsImport(workerData.entry, workerData.entry));`;
  return new Worker(boot, { eval: true, workerData: { ...workerData, entry, tsx: tsxApi() } });
}

/**
 * The first message of a worker, or undefined when it fails to start, throws, exits
 * without answering or takes longer than `timeoutMs`; the worker is terminated either way.
 */
export function firstMessage<T>(start: () => Worker, timeoutMs: number): Promise<T | undefined> {
  return new Promise((resolvePromise) => {
    let worker: Worker;
    try {
      worker = start();
    } catch {
      resolvePromise(undefined);
      return;
    }
    let settled = false;
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const done = (v: T | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(v);
      void worker.terminate();
    };
    worker.once('message', (m: T) => done(m));
    worker.once('error', () => done(undefined));
    worker.once('exit', () => done(undefined));
  });
}
