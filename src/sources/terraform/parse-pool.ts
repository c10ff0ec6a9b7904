import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseOneFile, type ParsedFile } from './config.js';

/** Below this many files one thread is faster than starting a worker. */
export const PARALLEL_THRESHOLD = 1500;

/**
 * Parses many configuration files on two threads: this one takes the first
 * half while a worker thread (its own tree-sitter instance) takes the second.
 * Parsing is most of the cost of a large tree, and the machine this runs on
 * has two cores. A worker that fails to start or crashes costs nothing but
 * time: its files are parsed here.
 */
export async function parseFiles(
  files: Array<{ abs: string; shown: string }>,
  threshold = PARALLEL_THRESHOLD,
  /** filled in for tests and benchmarks: how many files the worker parsed */
  stats: { onWorker: number } = { onWorker: 0 },
): Promise<Map<string, ParsedFile>> {
  const out = new Map<string, ParsedFile>();
  // TETRAD_PARSE_THREADS=1 keeps parsing on this thread (for comparisons and constrained machines)
  if (files.length < threshold || availableParallelism() < 2 || process.env.TETRAD_PARSE_THREADS === '1') {
    for (const f of files) out.set(f.abs, parseOneFile(f.abs, f.shown));
    return out;
  }
  const half = Math.floor(files.length / 2);
  const mine = files.slice(0, half);
  const theirs = files.slice(half);
  const remote = runWorker(theirs);
  for (const f of mine) out.set(f.abs, parseOneFile(f.abs, f.shown));
  const results = await remote;
  if (results) {
    for (const [abs, parsed] of results) out.set(abs, parsed);
    stats.onWorker = results.length;
  } else for (const f of theirs) out.set(f.abs, parseOneFile(f.abs, f.shown));
  return out;
}

function runWorker(files: Array<{ abs: string; shown: string }>): Promise<Array<[string, ParsedFile]> | undefined> {
  return new Promise((resolvePromise) => {
    let worker: Worker;
    try {
      worker = startWorker(files);
    } catch {
      resolvePromise(undefined);
      return;
    }
    let settled = false;
    // a worker that neither answers nor fails would hang the scan: give up on it after a generous time
    const timer = setTimeout(() => done(undefined), 60_000 + 20 * files.length);
    const done = (v: Array<[string, ParsedFile]> | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(v);
      void worker.terminate();
    };
    worker.once('message', (m: Array<[string, ParsedFile]>) => done(m));
    worker.once('error', () => done(undefined));
    worker.once('exit', () => done(undefined));
  });
}

/**
 * From the build the worker is plain JavaScript. From TypeScript sources
 * (tests, `tsx`) a small bootstrap loads it through tsx's `tsImport`, since
 * `--import tsx` in a worker's execArgv does not reach its entry on Node 20.
 */
/** tsx's ESM API, resolved from here when the runtime can; else by name from the working directory */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return 'tsx/esm/api';
  }
}

function startWorker(files: Array<{ abs: string; shown: string }>): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', import.meta.url), { workerData: { files } });
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const tsx = tsxApi();
  const boot = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((m) => m.tsImport(workerData.entry, workerData.entry));`;
  return new Worker(boot, { eval: true, workerData: { files, entry, tsx } });
}
