// Compiles src/ to dist/ and removes compiled files whose source is gone
// (a renamed check would otherwise still load from dist/ as a duplicate).
// Pruning instead of wiping dist/ keeps concurrent test runs from seeing an
// empty dist/ mid-build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// --lenient (the test setup): emit even when some file does not type-check, so one
// unfinished module does not stop every end-to-end test; `npm test` type-checks
// the whole tree with `tsc --noEmit` before the tests run, so nothing slips through.
const lenient = process.argv.includes('--lenient');
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} catch (err) {
  if (!lenient) throw err;
  console.error('build: type errors above; dist/ emitted anyway (--lenient)');
}

function prune(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      prune(path);
      continue;
    }
    const m = /^(.*)\.js(\.map)?$/.exec(relative(join(root, 'dist'), path));
    if (m && !existsSync(join(root, 'src', `${m[1]}.ts`))) rmSync(path, { force: true });
  }
}
prune(join(root, 'dist'));
