import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { loadModel } from '../scan/scan.js';
import { computeAwsEastWestExposures, computeAwsExposures, type Transport } from '../graph/reachability/aws/index.js';
import { explainExposure, exposureHeader } from '../graph/reachability/explain.js';
import type { Exposure } from '../graph/reachability/types.js';
import type { PortRange } from '../model/index.js';
import { parseVars, UsageError } from './options.js';
import { registerNetworkMatrix } from './network-matrix.js';

/**
 * `tetrad network ...`: questions about network reachability over the scanned files. One command
 * group; each question is a subcommand registered by its own function (`exposure` here; more,
 * such as a segmentation matrix, attach to the same group through `networkGroup`).
 */

const repeat = (v: string, p: string[]) => [...p, v];

/** The `network` command group, created once. */
export function networkGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'network') ?? program.command('network').description('network reachability: what the internet (or another zone) can reach, hop by hop, with the rules that decide');
}

/** "22", "22,443", "8000-8100", repeatable. */
export function parsePorts(values: string[]): PortRange[] | undefined {
  if (values.length === 0) return undefined;
  const out: PortRange[] = [];
  for (const v of values.flatMap((x) => x.split(','))) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(v);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!m || from > 65535 || to > 65535 || from > to) throw new UsageError(`--port expects a port or range 0-65535 (e.g. 22, 8000-8100), got "${v}"`);
    out.push({ from, to });
  }
  return out;
}

const ORDER: Record<Exposure['verdict'], number> = { exposed: 0, unknown: 1, 'not-exposed': 2 };

export function sortExposures(list: Exposure[]): Exposure[] {
  return [...list].sort(
    (a, b) =>
      ORDER[a.verdict] - ORDER[b.verdict] ||
      Number(a.from !== 'internet') - Number(b.from !== 'internet') ||
      a.from.localeCompare(b.from) ||
      a.endpointId.localeCompare(b.endpointId) ||
      (a.workloadId ?? '').localeCompare(b.workloadId ?? '') ||
      a.protocol.localeCompare(b.protocol) ||
      a.ports.from - b.ports.from ||
      (a.family ?? '').localeCompare(b.family ?? ''),
  );
}

export function renderExposureTable(list: Exposure[]): string {
  if (list.length === 0) return 'No endpoint: no security group opens a port to the internet and no load balancer listens (use --port to judge given ports).\n';
  const counts = { exposed: 0, unknown: 0, 'not-exposed': 0 };
  for (const e of list) counts[e.verdict]++;
  const blocks = list.map((e) => `${exposureHeader(e)}\n${explainExposure(e)}`);
  return `${blocks.join('\n\n')}\n\n${counts.exposed} exposed, ${counts.unknown} unknown, ${counts['not-exposed']} not exposed\n`;
}

interface ExposureFlags {
  port: string[];
  protocol?: Transport;
  ephemeral?: string;
  verdict?: Exposure['verdict'];
  peering?: boolean;
  eastWest?: boolean;
  var: string[];
  varFile: string[];
  format: 'table' | 'json';
}

function registerExposure(network: Command): void {
  network
    .command('exposure')
    .description('for each endpoint (instance, ENI, internet-facing load balancer and its targets), protocol and port: exposed to the internet, not exposed (naming the blocking hop), or unknown (naming the unresolved values), with the path hop by hop and the exact rules (file:line)')
    .argument('[paths...]', 'files or folders to read (default .)')
    .option('-p, --port <ports>', 'judge these ports (22, 22,443, 8000-8100) instead of the ranges security groups open; repeatable', repeat, [])
    .addOption(new Option('--protocol <protocol>', 'transport to judge (default: tcp and udp; tcp with --port)').choices(['tcp', 'udp']))
    .option('--ephemeral <range>', 'client port range the return traffic must be allowed on (default 1024-65535)')
    .option('--east-west', 'also judge east-west flows between VPCs: peering, transit gateways (from every address of one VPC to the endpoints of the other) and NAT gateways (workloads behind a NAT to public endpoints of other VPCs, as its Elastic IP)')
    .option('--peering', 'the same as --east-west (kept for scripts)')
    .addOption(new Option('--verdict <verdict>', 'print only this verdict').choices(['exposed', 'not-exposed', 'unknown']))
    .option('--var <name=value>', 'set a Terraform variable or CloudFormation parameter; repeatable', repeat, [])
    .option('--var-file <file>', 'Terraform variable file or CloudFormation parameter file; repeatable', repeat, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (paths: string[], flags: ExposureFlags) => {
      const targets = paths.length ? paths : ['.'];
      const missing = targets.filter((p) => !existsSync(p));
      if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
      const ports = parsePorts(flags.port);
      const ephemeral = flags.ephemeral === undefined ? undefined : parsePorts([flags.ephemeral])?.[0];
      const { resources, errors } = await loadModel(targets, { vars: parseVars(flags.var), varFiles: flags.varFile });
      for (const e of errors.filter((x) => x.kind === 'parse' || x.kind === 'io')) process.stderr.write(`tetrad: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
      const opts: Parameters<typeof computeAwsExposures>[1] = {};
      if (ports) opts.ports = ports;
      if (flags.protocol) opts.protocols = [flags.protocol];
      if (ephemeral) opts.ephemeral = ephemeral;
      let list = sortExposures([...computeAwsExposures(resources, opts), ...(flags.eastWest || flags.peering ? computeAwsEastWestExposures(resources, opts) : [])]);
      if (flags.verdict) list = list.filter((e) => e.verdict === flags.verdict);
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify({ exposures: list, errors }, null, 2)}\n` : renderExposureTable(list));
    });
}

export function registerNetwork(program: Command): void {
  registerExposure(networkGroup(program));
  registerNetworkMatrix(networkGroup(program));
}
