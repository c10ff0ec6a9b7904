/**
 * `tetrad graph paths PATHS...`: scans the files, builds the security graph from every engine and
 * prints the attack paths from the internet: to administrator nodes (AWS account admin, Kubernetes
 * cluster-admin) first, then to every identity an exposed workload holds, each hop with its
 * explanation and evidence. `tetrad graph export` writes the whole graph as JSON (nodes, edges).
 * Exit code 1 when a proven path reaches an administrator, else 0.
 */
import { Command, Option } from 'commander';
import { attackPaths, buildSecurityGraph, type AttackPath } from '../graph/build.js';
import { scan } from '../scan/scan.js';
import { parseVars } from './options.js';

interface GraphFlags {
  format: 'table' | 'json';
  var: string[];
  varFile: string[];
}

function where(e: AttackPath['edges'][number]): string {
  const l = e.evidence[0];
  return l ? ` [${l.file}:${l.startLine}]` : '';
}

export function renderPaths(paths: AttackPath[]): string {
  if (!paths.length) return 'No attack path from the internet was found in the scanned files.\n';
  const lines: string[] = [];
  for (const p of paths) {
    lines.push(`${p.target.kind === 'admin' ? 'ADMIN ' : ''}${p.certainty === 'proven' ? '' : '(unknown) '}internet → ${p.target.label} in ${p.edges.length} step(s)`);
    p.edges.forEach((e, i) => lines.push(`  ${i + 1}. ${e.kind}${e.certainty === 'unknown' ? ' (unknown)' : ''}: ${e.explanation}${where(e)}`));
    lines.push('');
  }
  return lines.join('\n');
}

async function load(paths: string[], flags: GraphFlags) {
  // the checks run too: the patches pillar says whether a node's runtime is vulnerable
  const result = await scan(paths, { vars: parseVars(flags.var), varFiles: flags.varFile });
  for (const e of result.errors) if (e.kind === 'parse') process.stderr.write(`tetrad: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
  const build = buildSecurityGraph(result.resources, result.findings);
  for (const p of build.problems) process.stderr.write(`tetrad: graph: ${p}\n`);
  return build;
}

export function registerGraph(program: Command): void {
  const group = program.command('graph').description('the security graph across layers: reachability, identities, escapes and escalation');
  const common = (c: Command) =>
    c
      .argument('<paths...>', 'files or folders to scan')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
      .option('--var <name=value>', 'set a Terraform variable or a CloudFormation parameter; repeatable', (v: string, p: string[]) => [...p, v], [])
      .option('--var-file <file>', 'read Terraform variables or CloudFormation parameters from a file; repeatable', (v: string, p: string[]) => [...p, v], []);
  common(group.command('paths').description('attack paths from the internet to administrators and to the identities of exposed workloads')).action(async (paths: string[], flags: GraphFlags) => {
    const { graph } = await load(paths, flags);
    const found = attackPaths(graph);
    if (flags.format === 'json') process.stdout.write(JSON.stringify(found.map((p) => ({ target: p.target, certainty: p.certainty, edges: p.edges })), null, 2) + '\n');
    else process.stdout.write(renderPaths(found));
    process.exitCode = found.some((p) => p.target.kind === 'admin' && p.certainty === 'proven') ? 1 : 0;
  });
  common(group.command('export').description('the whole security graph as JSON: nodes and edges with explanations and evidence')).action(async (paths: string[], flags: GraphFlags) => {
    const { graph } = await load(paths, flags);
    process.stdout.write(JSON.stringify({ nodes: graph.nodes(), edges: graph.edges() }, null, flags.format === 'json' ? 2 : 0) + '\n');
  });
}
