/**
 * `tetrad iam escalation [PATHS...]`: every principal that can reach
 * administrator, with the shortest path hop by hop, the technique of each hop
 * and the statements that allow it.
 */
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { loadModel } from '../scan/scan.js';
import { escalatingPaths, escalationOf } from '../graph/iam/escalation/index.js';
import type { EscalationPath } from '../graph/iam/escalation/graph.js';
import type { IamAccount } from '../graph/iam/account.js';
import type { EvalPolicy, StatementHit } from '../graph/iam/types.js';
import { parseVars, UsageError } from './options.js';
import { policyFile } from './policy-file.js';

interface Flags {
  principal?: string;
  account?: string;
  scp: string[];
  all?: boolean;
  var: string[];
  varFile: string[];
  format: 'table' | 'json';
}

const repeat = (v: string, p: string[]) => [...p, v];

const scpFile = (file: string): EvalPolicy[] => policyFile(file, 'scp');

const where = (s: StatementHit) => (s.location ? `${s.location.file}:${s.location.startLine}` : '(no location)');

function statementJson(s: StatementHit) {
  return { policy: s.policy, kind: s.kind, ...(s.via ? { via: s.via } : {}), effect: s.effect, statement: s.index, ...(s.sid ? { sid: s.sid } : {}), ...(s.location ? { location: s.location } : {}), ...(s.dependsOn.length ? { dependsOn: s.dependsOn } : {}) };
}

export function renderEscalation(paths: EscalationPath[], account: IamAccount, adminNode: string): string {
  if (!paths.length) return 'No principal can escalate to administrator.\n';
  const name = (id: string) => {
    if (id === adminNode) return 'administrator';
    const p = account.principals.find((x) => x.id === id);
    return p ? `${p.kind} ${p.name}` : id;
  };
  const lines: string[] = [];
  for (const path of paths) {
    const p = path.principal;
    lines.push(`${p.kind} ${p.name} (${p.arn}) reaches administrator${path.certainty === 'unknown' ? ' IF the conditions below hold' : ''} in ${path.edges.length} step${path.edges.length > 1 ? 's' : ''}`);
    path.edges.forEach((e, i) => {
      lines.push(`  ${i + 1}. ${e.technique} -> ${name(e.to)}${e.certainty === 'unknown' ? ` (if ${e.dependsOn.join(', ')})` : ''}`);
      lines.push(`     ${e.explanation}`);
      for (const s of e.statements) lines.push(`     ${s.effect} ${s.kind} ${s.policy} statement ${s.index}${s.sid ? ` (${s.sid})` : ''}${s.via ? ` via ${s.via}` : ''}  ${where(s)}`);
    });
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function registerEscalation(iam: Command): void {
  iam
    .command('escalation')
    .description('every user and role that can reach administrator (privilege escalation), with the shortest path, the technique of each step and the statements that allow it')
    .argument('[paths...]', 'files or folders to read (default .)')
    .option('--principal <name>', 'only this user or role (name, resource id or ARN)')
    .option('--all', 'also list principals that are administrators through their own policies')
    .option('--account <id>', 'account id for ARNs built from names (default: from authorization details, else unknown)')
    .option('--scp <file>', 'an SCP that applies to the account (JSON/YAML document or list); repeatable', repeat, [])
    .option('--var <name=value>', 'set a Terraform variable or CloudFormation parameter; repeatable', repeat, [])
    .option('--var-file <file>', 'Terraform variable file or CloudFormation parameter file; repeatable', repeat, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (rest: string[], flags: Flags) => {
      const paths = rest.length ? rest : ['.'];
      const missing = paths.filter((p) => !existsSync(p));
      if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
      const { resources, errors } = await loadModel(paths, { vars: parseVars(flags.var), varFiles: flags.varFile });
      for (const e of errors.filter((x) => x.kind === 'parse' || x.kind === 'io')) process.stderr.write(`tetrad: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
      const { account, result } = escalationOf(resources, { account: flags.account, scps: flags.scp.length ? flags.scp.flatMap(scpFile) : undefined });
      let paths2 = flags.all ? [...result.paths.values()] : escalatingPaths(result);
      if (flags.principal) {
        const p = account.findPrincipal(flags.principal);
        if (!p || p.kind === 'group') throw new UsageError(`--principal ${flags.principal}: no such user or role in the scanned files`);
        paths2 = [...result.paths.values()].filter((x) => x.principal.id === p.id);
      }
      if (flags.format === 'json') {
        const out = {
          account: account.account ?? null,
          principals: paths2.map((x) => ({
            principal: { kind: x.principal.kind, name: x.principal.name, arn: x.principal.arn, id: x.principal.id },
            certainty: x.certainty,
            path: x.edges.map((e) => ({ from: e.from, to: e.to === result.adminNode ? 'admin' : e.to, technique: e.technique, certainty: e.certainty, ...(e.dependsOn.length ? { dependsOn: e.dependsOn } : {}), explanation: e.explanation, statements: e.statements.map(statementJson) })),
          })),
          stats: result.stats,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else process.stdout.write(renderEscalation(paths2, account, result.adminNode));
    });
}
