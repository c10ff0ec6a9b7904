/**
 * `tetrad discover TARGET...`: runs the system's nmap (Debian package `nmap`) against the targets
 * the user names, keeps its XML output, and scans that output like any other input, so open
 * sensitive services on on-premises hosts become findings beside the IaC ones.
 *
 * nmap does the probing because it is the standard, well-kept port and service scanner; Tetrad
 * only reads its XML. A TCP connect scan (`-sT`) needs no root. Targets are passed as separate
 * arguments (no shell), and a target that looks like an option is refused.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command, Option } from 'commander';
import { SEVERITIES, type Severity } from '../model/index.js';
import { FORMATS } from '../report/index.js';
import { scan } from '../scan/scan.js';
import { emitScanResult } from './scan.js';
import { UsageError } from './options.js';

const run = promisify(execFile);

interface DiscoverFlags {
  ports?: string;
  topPorts?: string;
  serviceDetection: boolean;
  udp?: boolean;
  nmap: string;
  save?: string;
  timing: string;
  format: string;
  output?: string;
  failOn: Severity | 'none';
  color?: boolean;
}

/** The nmap arguments for a discovery run; exported for tests. */
export function nmapArguments(targets: string[], flags: Pick<DiscoverFlags, 'ports' | 'topPorts' | 'serviceDetection' | 'udp' | 'timing'>, xmlFile: string): string[] {
  for (const t of targets) {
    if (!t || t.startsWith('-')) throw new UsageError(`discover: "${t}" is not a target (host name, address or CIDR range)`);
    if (!/^[A-Za-z0-9.:/\-_[\]]+$/.test(t)) throw new UsageError(`discover: "${t}" is not a host name, address or CIDR range`);
  }
  if (flags.ports !== undefined && !/^[A-Za-z0-9,:\-]+$/.test(flags.ports)) throw new UsageError(`discover: --ports "${flags.ports}" is not an nmap port list such as 22,80,443 or 1-1024`);
  if (flags.topPorts !== undefined && !/^\d+$/.test(flags.topPorts)) throw new UsageError('discover: --top-ports takes a number');
  if (!/^[0-5]$/.test(flags.timing)) throw new UsageError('discover: --timing takes 0 to 5 (nmap -T)');
  const args = [flags.udp ? '-sU' : '-sT', '-Pn', `-T${flags.timing}`, '--open', '-oX', xmlFile];
  if (flags.serviceDetection) args.push('-sV');
  if (flags.ports !== undefined) args.push('-p', flags.ports);
  else if (flags.topPorts !== undefined) args.push('--top-ports', flags.topPorts);
  args.push('--', ...targets);
  return args;
}

export function registerDiscover(program: Command): void {
  program
    .command('discover')
    .description('run nmap against hosts you name (only ones you are allowed to scan), import the result and report open sensitive services')
    .argument('<targets...>', 'host names, addresses or CIDR ranges')
    .option('-p, --ports <list>', 'ports to probe, nmap syntax (22,80,443 or 1-1024); default nmap\'s top 1000')
    .option('--top-ports <n>', 'probe nmap\'s N most common ports')
    .option('--udp', 'UDP scan (-sU; needs root)')
    .option('--no-service-detection', 'skip service and version detection (-sV)')
    .option('--timing <0-5>', 'nmap timing template (-T)', '4')
    .option('--nmap <path>', 'the nmap program', 'nmap')
    .option('--save <file>', 'keep nmap\'s XML output in this file (scan it again later with `tetrad scan FILE`)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(FORMATS)).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('low'))
    .option('--no-color', 'plain text output')
    .action(async (targets: string[], flags: DiscoverFlags) => {
      const tmp = mkdtempSync(join(tmpdir(), 'tetrad-discover-'));
      try {
        const xml = flags.save ? resolve(flags.save) : join(tmp, 'nmap.xml');
        const args = nmapArguments(targets, flags, xml);
        try {
          await run(flags.nmap, args, { maxBuffer: 64 * 1024 * 1024 });
        } catch (err) {
          const e = err as NodeJS.ErrnoException & { stderr?: string };
          if (e.code === 'ENOENT') throw new Error(`discover: ${flags.nmap} not found; install nmap (Debian: apt-get install nmap) or pass --nmap PATH`);
          throw new Error(`discover: nmap failed: ${(e.stderr ?? e.message).trim().split('\n').slice(-3).join(' ')}`);
        }
        const result = await scan([xml], {});
        emitScanResult(result, flags);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
}
