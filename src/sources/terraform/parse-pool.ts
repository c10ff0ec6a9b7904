import { availableParallelism } from 'node:os';
import { firstMessage, startModuleWorker } from '../../scan/start-worker.js';
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
  // a worker that neither answers nor fails would hang the scan: give up on it after a generous time
  return firstMessage(() => startModuleWorker(import.meta.url, 'parse-worker', { files }), 60_000 + 20 * files.length);
}
