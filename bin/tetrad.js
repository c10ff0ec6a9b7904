#!/usr/bin/env node
// Runs the compiled CLI (npm ci builds dist/ through the prepare script).
// Falls back to the TypeScript sources through tsx in a development checkout.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
let mod;
if (existsSync(compiled)) {
  mod = await import(compiled.href);
} else {
  const { tsImport } = await import('tsx/esm/api');
  mod = await tsImport('../src/cli/main.ts', import.meta.url);
}
process.exitCode = await mod.main(process.argv.slice(2));
