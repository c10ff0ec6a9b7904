#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { registerScan } from './scan.js';
import { registerDocs } from './docs.js';
import { registerIam } from './iam.js';
import { registerDb } from './db.js';
import { registerModel } from './model.js';
import { registerNetwork } from './network.js';
import { registerDiscover } from './discover.js';
import { registerNetworkTighten } from './network-tighten.js';
import { registerGraph } from './graph.js';

export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

export function buildProgram(): Command {
  const program = new Command('tetrad')
    .description('Security posture for the four Ps: open Ports, loose Privileges, weak Passwords, missing Patches')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerScan(program);
  registerDocs(program);
  registerIam(program);
  registerDb(program);
  registerModel(program);
  registerNetwork(program);
  registerDiscover(program);
  registerNetworkTighten(program);
  registerGraph(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.clean;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are not failures
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.clean;
      return EXIT.failure;
    }
    process.stderr.write(`tetrad: ${(err as Error).message}\n`);
    return EXIT.failure;
  }
}

const invoked = process.argv[1] ?? '';
if (/[\\/]cli[\\/]main\.(ts|js)$/.test(invoked)) {
  // set the exit code and let Node exit on its own: process.exit() would cut
  // off a large report still being written to a pipe
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
