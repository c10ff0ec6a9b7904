/**
 * Worker thread of parse-pool.ts: parses the configuration files it is given
 * and posts their ASTs (plain objects, so they survive structured cloning).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseOneFile, type ParsedFile } from './config.js';
import { initHclParser } from './hcl-parser.js';

const { files } = workerData as { files: Array<{ abs: string; shown: string }> };
await initHclParser();
const out: Array<[string, ParsedFile]> = files.map((f) => [f.abs, parseOneFile(f.abs, f.shown)]);
parentPort!.postMessage(out);
