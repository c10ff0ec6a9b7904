import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { loadBuiltinChecks } from '../checks/engine/builtin.js';
import { renderChecksMarkdown } from '../checks/engine/docs.js';

export function registerDocs(program: Command): void {
  const docs = program.command('docs').description('generate documentation from metadata');
  docs
    .command('checks')
    .description('write docs/checks.md from the checks\' metadata')
    .option('-o, --output <file>', 'file to write', 'docs/checks.md')
    .action(async (flags: { output: string }) => {
      writeFileSync(flags.output, renderChecksMarkdown(await loadBuiltinChecks()));
    });
}
