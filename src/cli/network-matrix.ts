import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { loadModel } from '../scan/scan.js';
import { loadConfigs } from '../config/load.js';
import { allFlows, auditIntent, buildMatrix, renderMatrix } from '../graph/reachability/matrix/index.js';
import { formatRange } from '../graph/reachability/common/ports.js';
import { parseVars, UsageError } from './options.js';

/**
 * `tetrad network matrix [PATHS...]`: the segmentation matrix, zone × zone × ports, of every flow
 * the configuration allows (AWS, Azure, GCP, Kubernetes), and, when `.tetrad.yaml` declares
 * `intent:`, the allowed flows nobody intended. Exit code 1 when an unintended flow exists.
 */

const repeat = (v: string, p: string[]) => [...p, v];

interface MatrixFlags {
  var: string[];
  varFile: string[];
  config?: string;
  format: 'table' | 'json';
}

export function registerNetworkMatrix(network: Command): void {
  network
    .command('matrix')
    .description('segmentation matrix: for each source zone (internet, namespace, subnet, network) and destination zone, the ports the configuration allows for sure and those it may allow; with `intent:` in .tetrad.yaml, the flows outside the intent')
    .argument('[paths...]', 'files or folders to read (default .)')
    .option('--var <name=value>', 'set a Terraform variable or CloudFormation parameter; repeatable', repeat, [])
    .option('--var-file <file>', 'Terraform variable file or CloudFormation parameter file; repeatable', repeat, [])
    .option('-c, --config <file>', 'configuration file with `intent:` (default: .tetrad.yaml here and at the root of each folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (paths: string[], flags: MatrixFlags) => {
      const targets = paths.length ? paths : ['.'];
      const missing = targets.filter((p) => !existsSync(p));
      if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
      const configs = loadConfigs({ configFile: flags.config, paths: targets });
      const intents = configs.flatMap((c) => c.intents);
      const { resources, errors } = await loadModel(targets, { vars: parseVars(flags.var), varFiles: flags.varFile });
      for (const e of errors.filter((x) => x.kind === 'parse' || x.kind === 'io')) process.stderr.write(`tetrad: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
      const { flows, errors: engineErrors } = allFlows(resources);
      for (const e of engineErrors) process.stderr.write(`tetrad: ${e}\n`);
      const cells = buildMatrix(flows);
      const violations = intents.length ? auditIntent(flows, intents) : undefined;
      if (flags.format === 'json') {
        process.stdout.write(
          `${JSON.stringify(
            {
              matrix: cells.map((c) => ({ from: c.fromZone, to: c.toZone, allowed: c.exposed, unknown: c.unknown, flows: c.flows })),
              intents: intents.map((i) => ({ text: i.text, file: i.file, line: i.line })),
              violations: violations?.map((v) => ({ from: v.flow.from, to: v.flow.workloadId ?? v.flow.endpointId, fromZone: v.flow.fromZone, toZone: v.flow.toZone, protocol: v.flow.protocol, ports: v.ports, verdict: v.flow.verdict })),
              errors: [...errors, ...engineErrors.map((message) => ({ kind: 'engine', message }))],
            },
            null,
            2,
          )}\n`,
        );
      } else {
        process.stdout.write(renderMatrix(cells, violations));
        if (violations) {
          if (violations.length === 0) process.stdout.write(`\nEvery allowed flow is declared in the intent (${intents.length} entries).\n`);
          else {
            process.stdout.write(`\n${violations.length} allowed flow${violations.length === 1 ? '' : 's'} outside the intent:\n`);
            for (const v of violations) {
              const ports = v.ports.map(formatRange).join(',');
              process.stdout.write(`  ${v.flow.from} -> ${v.flow.workloadId ?? v.flow.endpointId} ${v.flow.protocol} ${ports}${v.flow.verdict === 'unknown' ? ' (unknown)' : ''}\n`);
            }
          }
        }
      }
      if (violations?.length) process.exitCode = 1;
    });
}
