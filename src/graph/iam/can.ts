/**
 * "Can PRINCIPAL do ACTION on RESOURCE?": the policy-simulator question,
 * answered over the IAM account model with the deciding statements.
 */
import { RequestContext } from './context.js';
import { evaluate } from './evaluate.js';
import type { IamAccount, IamPrincipal } from './account.js';
import type { Decision, EvalPolicy, RequestPrincipal } from './types.js';

export interface CanOptions {
  /** known request context keys; a list is a multi-valued key */
  context?: Record<string, string | string[]>;
  /** keys known to be missing from the request */
  absent?: string[];
  /** every key not given is missing (a fully described request) */
  closed?: boolean;
  /** SCPs that apply to the principal's account; `level` separates root, OUs and account */
  scps?: EvalPolicy[];
  /** session policies of the principal's session */
  session?: EvalPolicy[];
}

export interface CanAnswer {
  principal: { kind: RequestPrincipal['kind']; arn: string; id?: string; name?: string };
  action: string;
  resource: string;
  decision: Decision;
}

export class IamQueryError extends Error {}

const ASSUME = /^sts:AssumeRole(WithWebIdentity|WithSAML)?$/i;

export function iamCan(account: IamAccount, principalRef: string, action: string, resourceRef = '*', options: CanOptions = {}): CanAnswer {
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action.trim())) throw new IamQueryError(`"${action}" is not an IAM action (service:Action)`);
  const found = account.findPrincipal(principalRef);
  if (found?.kind === 'group') throw new IamQueryError(`${principalRef} is a group: groups cannot make requests; ask about one of its users`);
  const principal: RequestPrincipal = found ? { kind: found.kind, arn: found.arn, account: account.account } : externalPrincipal(principalRef);

  const target = resourceRef === '*' ? undefined : account.findPrincipal(resourceRef);
  const resource = target ? target.arn : resourceRef;
  const resourcePolicies: EvalPolicy[] = [];
  if (ASSUME.test(action.trim())) {
    if (target?.kind === 'role' && target.trust) resourcePolicies.push(target.trust);
    else if (target?.kind === 'role') resourcePolicies.push({ name: `${target.id} trust policy`, kind: 'resource', unresolved: `${target.id} has no readable trust policy` });
  } else if (!target) {
    // the resource's own policy (an S3 bucket policy) grants and denies too
    resourcePolicies.push(...account.resourcePolicies(resource));
  }

  const ctx = new RequestContext(options.context ?? {}, options.absent ?? [], options.closed ?? false);
  if (found) for (const [k, v] of Object.entries(principalKeys(found, account.account))) ctx.setDefault(k, v);

  const decision = evaluate(
    { principal, action: action.trim(), resource, context: ctx },
    {
      identity: found ? account.identityPolicies(found) : [],
      resource: resourcePolicies,
      boundary: found ? account.boundaryPolicies(found) : undefined,
      scps: options.scps,
      session: options.session,
    },
    { resolve: (u) => account.resolve(u) },
  );
  return { principal: { kind: principal.kind, arn: principal.arn, ...(found ? { id: found.id, name: found.name } : {}) }, action: action.trim(), resource, decision };
}

/** Keys IAM sets from the principal itself. */
function principalKeys(p: IamPrincipal, account: string | undefined): Record<string, string> {
  const out: Record<string, string> = { 'aws:PrincipalArn': p.arn, 'aws:PrincipalType': p.kind === 'user' ? 'User' : 'AssumedRole' };
  if (p.kind === 'user') out['aws:username'] = p.name;
  if (account) out['aws:PrincipalAccount'] = account;
  for (const [k, v] of Object.entries(p.tags)) out[`aws:PrincipalTag/${k}`] = v;
  return out;
}

/** A principal outside the model: a service, an identity provider, or an ARN of another account. */
function externalPrincipal(ref: string): RequestPrincipal {
  const s = ref.trim();
  if (/\.amazonaws\.com(\.cn)?$/.test(s) && !s.startsWith('arn:')) return { kind: 'service', arn: s };
  if (/:(oidc|saml)-provider\//.test(s) || /^(cognito-identity\.amazonaws\.com|accounts\.google\.com|graph\.facebook\.com|www\.amazon\.com)$/.test(s)) return { kind: 'federated', arn: s };
  if (/^arn:aws[a-z-]*:(iam|sts)::\d{12}:/.test(s)) {
    const kind = /:root$/.test(s) ? 'root' : /:user\//.test(s) ? 'user' : 'role';
    return { kind, arn: s };
  }
  throw new IamQueryError(`principal "${ref}" is not in the scanned files (give a user or role name, resource id or ARN, a service such as ec2.amazonaws.com, or an identity provider ARN)`);
}
