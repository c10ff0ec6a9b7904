import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { loadModel } from '../scan/scan.js';
import { buildIamAccount } from '../graph/iam/account.js';
import { iamCan, type CanAnswer } from '../graph/iam/can.js';
import { modelScps } from '../graph/iam/organizations.js';
import type { StatementHit } from '../graph/iam/types.js';
import { parseVars, UsageError } from './options.js';
import { registerEscalation } from './iam-escalation.js';
import { policyFile } from './policy-file.js';

/** Exit codes of `tetrad iam can`: the answer, so scripts can branch on it. */
export const CAN_EXIT = { allowed: 0, denied: 1, failure: 2, 'allowed-if': 3 } as const;

interface CanFlags {
  resource?: string;
  context: string[];
  absent: string[];
  closedContext?: boolean;
  account?: string;
  scp: string[];
  sessionPolicy: string[];
  var: string[];
  varFile: string[];
  format: 'table' | 'json';
}

const repeat = (v: string, p: string[]) => [...p, v];

/** --context key=value, repeated keys become a multi-valued key. */
function parseContext(pairs: string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--context expects key=value, got "${p}"`);
    const key = p.slice(0, eq);
    const value = p.slice(eq + 1);
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}



function describeHit(s: StatementHit): string {
  const where = s.location ? `${s.location.file}:${s.location.startLine}` : '(no location)';
  const what = s.index >= 0 ? `statement ${s.index}${s.sid ? ` (${s.sid})` : ''}` : 'whole policy';
  const via = s.via ? ` via ${s.via}` : '';
  const depends = s.dependsOn.length ? ` if ${s.dependsOn.join(', ')}` : '';
  return `  ${s.effect.padEnd(7)} ${s.kind.padEnd(8)} ${s.policy} ${what}${via}${depends}\n          ${where}`;
}

export function renderCan(a: CanAnswer): string {
  const who = a.principal.name ? `${a.principal.kind} ${a.principal.name} (${a.principal.arn})` : `${a.principal.kind} ${a.principal.arn}`;
  const d = a.decision;
  const head = d.decision === 'allowed' ? 'ALLOWED' : d.decision === 'denied' ? `DENIED (${d.reason === 'explicit-deny' ? 'explicit deny' : 'implicit deny'})` : `ALLOWED IF ${d.dependsOn.join(', ')}`;
  const lines = [`${who} -> ${a.action} on ${a.resource}`, `${head}: ${d.explanation}`];
  if (d.statements.length) lines.push('deciding statements:', ...d.statements.map(describeHit));
  return `${lines.join('\n')}\n`;
}

export function registerIam(program: Command): void {
  const iam = program.command('iam').description('AWS IAM questions over the scanned files (Terraform, plans, CloudFormation, get-account-authorization-details)');
  iam
    .command('can')
    .description('can PRINCIPAL do ACTION (on RESOURCE)? allowed, denied, or allowed if some condition keys hold; with the deciding statements. Exit 0 allowed, 1 denied, 3 allowed-if, 2 error')
    .argument('<principal>', 'user or role: name, resource id, or ARN; or a service (ec2.amazonaws.com) or identity provider ARN')
    .argument('<action>', 'IAM action, e.g. s3:GetObject')
    .argument('[resource-and-paths...]', 'optional resource (ARN, or a role name for sts:AssumeRole*) followed by the files or folders to read (default .)')
    .option('--resource <arn>', 'the resource, when the first positional argument should be a path')
    .option('--context <key=value>', 'a known request context key; repeat a key for a multi-valued key; repeatable', repeat, [])
    .option('--absent <key>', 'a context key known to be missing from the request; repeatable', repeat, [])
    .option('--closed-context', 'every context key not given is missing (otherwise unknown, giving allowed-if)')
    .option('--account <id>', 'account id for ARNs built from names (default: from authorization details, else unknown)')
    .option('--scp <file>', 'an SCP that applies to the account (JSON/YAML document or list); all given SCPs form one level, beside the SCPs the files attach to the organization root or to --account; repeatable', repeat, [])
    .option('--session-policy <file>', 'a session policy of the principal; repeatable', repeat, [])
    .option('--var <name=value>', 'set a Terraform variable or CloudFormation parameter; repeatable', repeat, [])
    .option('--var-file <file>', 'Terraform variable file or CloudFormation parameter file; repeatable', repeat, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (principal: string, action: string, rest: string[], flags: CanFlags) => {
      let resource = flags.resource;
      let paths = rest;
      if (resource === undefined && rest.length > 0 && !existsSync(rest[0]!)) {
        resource = rest[0];
        paths = rest.slice(1);
      }
      if (paths.length === 0) paths = ['.'];
      const missing = paths.filter((p) => !existsSync(p));
      if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
      const { resources, errors } = await loadModel(paths, { vars: parseVars(flags.var), varFiles: flags.varFile });
      for (const e of errors.filter((x) => x.kind === 'parse' || x.kind === 'io')) process.stderr.write(`tetrad: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}\n`);
      const account = buildIamAccount(resources, { account: flags.account });
      // SCPs declared in the files (root and this account); --scp files form a level of their own
      const org = modelScps(resources, flags.account);
      for (const n of org.notApplied) process.stderr.write(`tetrad: SCP not applied (which OU holds the account is not in the files; pass it with --scp): ${n}\n`);
      const given = flags.scp.flatMap((f) => policyFile(f, 'scp')).map((p) => ({ ...p, level: p.level ?? 1 }));
      const scps = [...org.scps, ...given];
      const answer = iamCan(account, principal, action, resource, {
        context: parseContext(flags.context),
        absent: flags.absent,
        closed: flags.closedContext === true,
        scps: scps.length ? scps : undefined,
        session: flags.sessionPolicy.length ? flags.sessionPolicy.flatMap((f) => policyFile(f, 'session')) : undefined,
      });
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : renderCan(answer));
      process.exitCode = CAN_EXIT[answer.decision.decision];
    });
  registerEscalation(iam);
}
