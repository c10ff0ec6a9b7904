import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The compiled CLI entry point, built by test/support/build-once.ts. */
export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Runs `tetrad ARGS...` in a child process (cwd defaults to the repository root). */
export function tetrad(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd ?? fileURLToPath(new URL('../..', import.meta.url)),
    env: { ...process.env, ...opts.env },
  });
}
