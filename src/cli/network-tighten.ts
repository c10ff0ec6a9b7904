/**
 * `tetrad network tighten`: least-privilege security-group rules from VPC flow logs, proved by
 * replaying the logs (see `src/network/least-privilege/tighten.ts` for the semantics).
 * Exit codes: 0 when the proposal cuts no observed flow, 1 when it would cut one (listed), 2 for
 * unreadable input.
 */
import { Command, Option } from 'commander';
import { readFlowLogFile, type FlowRecord } from '../network/least-privilege/flow-logs.js';
import { readNetworkInterfacesFile, readSecurityGroupsFile } from '../network/least-privilege/ec2-snapshot.js';
import { describeRule, protocolName, tighten, type CutFlow, type TightenResult } from '../network/least-privilege/tighten.js';
import { networkGroup } from './network.js';
import { UsageError } from './options.js';

interface TightenFlags {
  flowLogs: string[];
  securityGroups: string;
  networkInterfaces: string;
  maxSources: string;
  maxPorts: string;
  format: 'table' | 'json';
}

function flowText(c: CutFlow): string {
  const f: FlowRecord = c.flow;
  return `${f.file}:${f.line} ${c.interfaceId} ${c.direction} ${protocolName(f.protocol)} ${f.srcaddr}:${f.srcport} → ${f.dstaddr}:${f.dstport}`;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function renderTightenTable(r: TightenResult, skipped: number): string {
  const lines: string[] = [];
  const window = r.window ? `${iso(r.window.start)} to ${iso(r.window.end)}` : 'unknown';
  lines.push(`Observed: ${r.flowsNeedingRules} flow(s) that opened a connection, ${r.replies} repl(ies) allowed by state, ${r.rejected} rejected, ${skipped} record(s) without data; window ${window}.`);
  lines.push('Rules used by no flow in this window are proposed for removal; traffic that did not happen in the window (monthly jobs, failover) would be cut by that removal — keep such rules by hand.');
  lines.push('');
  for (const p of r.proposals) {
    const head = `${p.groupId} (${p.groupName}) ${p.direction} #${p.ruleIndex}${p.current.line ? ` line ${p.current.line}` : ''}: ${describeRule(p.current)}`;
    if (p.action === 'keep') lines.push(`KEEP    ${head} — ${p.flows} flow(s)`);
    else if (p.action === 'remove') lines.push(`REMOVE  ${head} — unused`);
    else {
      lines.push(`NARROW  ${head} — ${p.flows} flow(s)`);
      for (const rule of p.proposed) lines.push(`          → ${describeRule(rule)}`);
    }
    for (const n of p.notes) lines.push(`          note: ${n}`);
  }
  lines.push('');
  lines.push(`Replay: ${r.flowsNeedingRules - r.unexplained.length} flow(s) replayed against the proposal, ${r.cut.length} cut.`);
  for (const c of r.cut) lines.push(`  CUT ${flowText(c)}`);
  if (r.unexplained.length) {
    lines.push(`${r.unexplained.length} ACCEPTed flow(s) are not explained by the current rules (a rule since removed, or a group missing from the snapshot); the proposal does not allow them either:`);
    for (const c of r.unexplained.slice(0, 50)) lines.push(`  ${flowText(c)}`);
  }
  return lines.join('\n') + '\n';
}

export function registerNetworkTighten(program: Command): void {
  networkGroup(program)
    .command('tighten')
    .description('propose least-privilege security-group rules from VPC flow logs, and prove by replay that no observed flow is cut')
    .requiredOption('--flow-logs <file>', 'VPC flow log file (default v2 format, plain or gzip); repeatable', (v: string, p: string[]) => [...p, v], [])
    .requiredOption('--security-groups <file>', 'output of `aws ec2 describe-security-groups`')
    .requiredOption('--network-interfaces <file>', 'output of `aws ec2 describe-network-interfaces`')
    .option('--max-sources <n>', 'narrow a peer to the observed addresses only up to this many distinct ones', '16')
    .option('--max-ports <n>', 'list observed ports one by one up to this many, else keep their span', '10')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((flags: TightenFlags) => {
      const maxSources = Number(flags.maxSources);
      const maxPorts = Number(flags.maxPorts);
      if (!Number.isInteger(maxSources) || maxSources < 1 || !Number.isInteger(maxPorts) || maxPorts < 1) throw new UsageError('network tighten: --max-sources and --max-ports take positive whole numbers');
      if (flags.flowLogs.length === 0) throw new UsageError('network tighten: name at least one --flow-logs file');
      const groups = readSecurityGroupsFile(flags.securityGroups);
      const interfaces = readNetworkInterfacesFile(flags.networkInterfaces);
      const records: FlowRecord[] = [];
      let skipped = 0;
      for (const file of flags.flowLogs) {
        const read = readFlowLogFile(file);
        records.push(...read.records);
        skipped += read.skipped;
        for (const e of read.errors) process.stderr.write(`tetrad: ${e.message}\n`);
      }
      const result = tighten(groups, interfaces, records, { maxSources, maxPorts });
      if (flags.format === 'json') process.stdout.write(JSON.stringify({ ...result, skipped }, null, 2) + '\n');
      else process.stdout.write(renderTightenTable(result, skipped));
      process.exitCode = result.cut.length > 0 ? 1 : 0;
    });
}
