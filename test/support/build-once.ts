/**
 * Vitest global setup: compiles the CLI once (`tsc -p tsconfig.build.json`),
 * so end-to-end tests run `node dist/cli/main.js` — what `npx tetrad` runs —
 * instead of paying TypeScript transpilation in every spawned process.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
