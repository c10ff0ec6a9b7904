/**
 * Service control policies declared in the scanned files (`aws_organizations_policy` of type
 * SERVICE_CONTROL_POLICY with an `aws_organizations_policy_attachment`), as SCP levels for the IAM
 * engine:
 * - attached to the organization root (`r-…`, or `aws_organizations_organization.X.roots[0].id`):
 *   level 0, applies to every account;
 * - attached to the account asked about (`--account`, a 12-digit target id): level 2;
 * - attached to an organizational unit or another account: which OU holds the account is not in
 *   the files, so these are not applied and are listed in `notApplied`, to pass with `--scp`.
 *
 * AWS attaches FullAWSAccess to every root, OU and account by default, and Terraform rarely
 * declares it; each level therefore gets FullAWSAccess beside the declared SCPs, so their Deny
 * statements restrict. An allow-list SCP strategy (FullAWSAccess detached) is not visible in the
 * files; pass such SCPs with `--scp` instead.
 */
import type { Resource, Value } from '../../model/index.js';
import { isUnknown } from '../../model/index.js';
import { parsePolicy } from '../../checks/_lib/iam-policy.js';
import { evalPolicy } from './account.js';
import type { EvalPolicy } from './types.js';

export interface ModelScps {
  scps: EvalPolicy[];
  /** attachments whose scope could not be tied to the account */
  notApplied: string[];
}

function refId(v: Value | undefined): string | undefined {
  if (!isUnknown(v)) return undefined;
  return /^([A-Za-z0-9_.\-[\]"]+?)\.(?:id|arn)$/.exec(v.expression?.trim() ?? '')?.[1];
}

export function modelScps(resources: readonly Resource[], account?: string): ModelScps {
  const byId = new Map(resources.map((r) => [r.id, r]));
  const scps: EvalPolicy[] = [];
  const notApplied: string[] = [];
  const levels = new Set<number>();
  for (const a of resources) {
    if (a.type !== 'aws_organizations_policy_attachment') continue;
    const policy = byId.get(refId(a.attributes.policy_id) ?? '');
    if (!policy || policy.type !== 'aws_organizations_policy') continue;
    const kind = policy.attributes.type;
    if (kind !== undefined && kind !== 'SERVICE_CONTROL_POLICY') continue;
    const target = a.attributes.target_id;
    const targetExpr = isUnknown(target) ? (target.expression ?? '') : typeof target === 'string' ? target : '';
    let level: number | undefined;
    if (/^r-[0-9a-z]{4,32}$/.test(targetExpr) || /^aws_organizations_organization\.[^.]+\.roots\[0\]\.id$/.test(targetExpr)) level = 0;
    else if (account && targetExpr === account) level = 2;
    if (level === undefined) {
      notApplied.push(`${policy.id} attached by ${a.id} to ${targetExpr || 'an unknown target'}`);
      continue;
    }
    scps.push({ ...evalPolicy(`${policy.id} (SCP)`, 'scp', parsePolicy(policy.attributes.content), policy, 'content'), level });
    levels.add(level);
  }
  const full = evalPolicy('FullAWSAccess (attached by default)', 'scp', parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'), resources[0]!, '');
  for (const level of levels) scps.push({ ...full, level });
  return { scps, notApplied };
}
