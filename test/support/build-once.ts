/**
 * Vitest global setup: compiles the CLI once (`npm run build`), so
 * end-to-end tests run `node dist/cli/main.js` — what `npx tetrad` runs —
 * instead of paying TypeScript transpilation in every spawned process.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url)), '--lenient'], { stdio: 'inherit' });
}
