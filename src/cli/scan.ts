import { existsSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { atLeast, SEVERITIES, type Severity } from '../model/index.js';
import { FORMATS } from '../report/index.js';
import { parseVars, UsageError } from './options.js';
import { loadBuiltinChecks } from '../checks/engine/builtin.js';
import { loadUserChecks } from '../checks/engine/user-checks.js';
import { scan, type ScanProgress, type ScanResult } from '../scan/scan.js';
import { DEFAULT_MAX_FILE_SIZE } from '../scan/discover.js';
import { defaultDbPath } from '../vulns/store/db.js';

interface ScanFlags {
  format: string;
  output?: string;
  failOn: Severity | 'none';
  check: string[];
  skipCheck: string[];
  severity?: Severity[];
  minSeverity?: Severity;
  var: string[];
  varFile: string[];
  checksDir: string[];
  maxFileSize: string;
  progress: boolean;
  color?: boolean;
  showSuppressed?: boolean;
  config?: string;
  ignores: boolean;
  db?: string;
  threads?: string;
}

const collect = (v: string, prev: string[]) => [...prev, ...v.split(',').map((s) => s.trim()).filter(Boolean)];


function threadsOption(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`scan: --threads must be a whole number from 1 to 64, not "${v}"`);
  return n;
}

/** A one-line progress display on stderr, only on a TTY. */
function progressReporter(enabled: boolean): ((p: ScanProgress) => void) | undefined {
  if (!enabled || !process.stderr.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (p.phase !== 'done' && now - last < 80) return;
    last = now;
    const text = p.phase === 'done' ? '' : `tetrad: ${p.phase} ${p.done}/${p.total}${p.detail ? ` (${p.detail})` : ''}`;
    process.stderr.write(`\r\x1b[2K${text}`);
  };
}

export interface EmitFlags {
  format: string;
  output?: string;
  failOn: Severity | 'none';
  color?: boolean;
  showSuppressed?: boolean;
}

/**
 * Writes the report of a finished scan in the chosen format and sets the exit code: 2 when no
 * file could be read, 1 for a finding at or above `--fail-on`, else 0. Shared by `scan` and `discover`.
 */
export function emitScanResult(result: ScanResult, flags: EmitFlags): void {
  const fmt = FORMATS[flags.format]!;
  const color = flags.color !== false && !flags.output && process.stdout.isTTY === true;
  const text = fmt(result, { color, showSuppressed: flags.showSuppressed });
  if (flags.output) writeFileSync(flags.output, text);
  else process.stdout.write(text);
  const ioFailure = result.errors.some((e) => e.kind === 'io') && result.files.length === 0;
  if (ioFailure) {
    process.exitCode = 2;
    return;
  }
  const failing = flags.failOn !== 'none' && result.findings.some((f) => !f.suppressed && f.verdict === 'fail' && atLeast(f.severity, flags.failOn as Severity));
  process.exitCode = failing ? 1 : 0;
}

/** `--db`, else `$TETRAD_DB`, else the default store of `tetrad db import` when it exists. */
function scanDbPath(flag: string | undefined): string | undefined {
  if (flag) return flag;
  if (process.env.TETRAD_DB) return process.env.TETRAD_DB;
  const path = defaultDbPath();
  return existsSync(path) ? path : undefined;
}

export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('scan files and folders (Terraform, CloudFormation, Kubernetes, Dockerfiles, ...) and report the four Ps')
    .argument('<paths...>', 'files or folders to scan')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATS)).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('low'))
    .option('-c, --check <ids>', 'run only these checks (ids, globs like TET-PORTS-*, or pillar names); repeatable', collect, [])
    .option('-s, --skip-check <ids>', 'skip these checks (ids, globs or pillar names); repeatable', collect, [])
    .addOption(new Option('--severity <levels...>', 'run only checks of these severities').choices([...SEVERITIES]))
    .addOption(new Option('--min-severity <level>', 'run only checks at or above this severity').choices([...SEVERITIES]))
    .option('--var <name=value>', 'set a Terraform variable or a CloudFormation parameter; repeatable', (v: string, p: string[]) => [...p, v], [])
    .option('--var-file <file>', 'read Terraform variables from a .tfvars file, or CloudFormation parameters from a JSON parameter file; repeatable', (v: string, p: string[]) => [...p, v], [])
    .option('--checks-dir <dir>', 'also run the checks in this folder (.ts/.js modules and .yaml declarative checks); repeatable', (v: string, p: string[]) => [...p, v], [])
    .option('--max-file-size <bytes>', 'skip files larger than this', String(DEFAULT_MAX_FILE_SIZE))
    .option('--no-progress', 'no progress display on a TTY')
    .option('--no-color', 'plain text output')
    .option('--show-suppressed', 'list suppressed findings in the table')
    .option('--config <file>', 'read settings and ignores from this file instead of ./.tetrad.yaml')
    .option('--no-ignores', 'apply no suppression (inline tetrad:ignore comments and config ignores)')
    .option('--db <file>', 'advisory store to match package inventories against (default: $TETRAD_DB, else the tetrad db default when it exists)')
    .option('--threads <n>', 'threads for the checks of a large JSON/YAML input, each loading its own copy of the model (default: $TETRAD_THREADS, else 1: on 2 cores a second thread did not pay off)')
    .action(async (paths: string[], flags: ScanFlags) => {
      // a bad user check stops the scan (exit 2) before any file is read
      const extraChecks = flags.checksDir.length ? await loadUserChecks(flags.checksDir, (await loadBuiltinChecks()).map((c) => c.meta.id)) : [];
      const result = await scan(paths, {
        extraChecks,
        vars: parseVars(flags.var),
        varFiles: flags.varFile,
        maxFileSize: Number(flags.maxFileSize),
        selection: { only: flags.check, skip: flags.skipCheck, severities: flags.severity, minSeverity: flags.minSeverity },
        onProgress: progressReporter(flags.progress),
        configFile: flags.config,
        noIgnores: flags.ignores === false,
        advisoryDb: scanDbPath(flags.db),
        threads: threadsOption(flags.threads),
      });
      emitScanResult(result, flags);
      for (const note of result.notes ?? []) process.stderr.write(`tetrad: note: ${note}\n`);
    });
}
