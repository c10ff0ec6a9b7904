/**
 * AWS IAM policy evaluation, following the documented logic
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 *
 * 1. an explicit Deny in any applicable policy wins;
 * 2. every level of Organizations SCPs must allow (IAM principals only);
 * 3. same account: a resource policy naming the principal grants (for a user
 *    even past its permissions boundary; a role stays limited by it), or an
 *    identity policy grants, limited by the permissions boundary and the
 *    session policies; across accounts both the identity and the resource
 *    policy must allow;
 * 4. otherwise the request is implicitly denied.
 *
 * Every step is three-valued (see tri.ts): a statement whose condition or
 * values depend on unknown keys "may apply", and the decision becomes
 * "allowed-if" with the keys it depends on.
 */
import type { Unknown } from '../../model/index.js';
import { isUnknown, Unknown as UnknownValue } from '../../model/index.js';
import type { PatternList, PolicyStatement, Principals } from '../../checks/_lib/iam-policy.js';
import { evaluateCondition } from './conditions.js';
import { substituteVariables } from './context.js';
import { accountOf, actionMatches, arnMatches } from './match.js';
import { and, keysOf, maybe, NO, not, or, tri, YES, type Tri } from './tri.js';
import type { Decision, EvalPolicy, EvalRequest, PolicyKind, PolicySet, StatementHit } from './types.js';

export interface EvaluateOptions {
  /** resolves an unresolved value (e.g. `aws_iam_role.admin.arn`) to a concrete string */
  resolve?: (value: Unknown) => string | undefined;
}

interface Scored {
  policy: EvalPolicy;
  statement?: PolicyStatement;
  effect: 'Allow' | 'Deny' | 'unknown';
  result: Tri;
  /** for resource policies: the principal is named directly (not only its account) */
  direct?: Tri;
}

const TRUST_ACTION = /^sts:AssumeRole(WithWebIdentity|WithSAML)?$/i;

export function evaluate(request: EvalRequest, policies: PolicySet, options: EvaluateOptions = {}): Decision {
  const resource = request.resource ?? '*';
  const external = request.principal.kind === 'service' || request.principal.kind === 'federated' || request.principal.kind === 'external';
  const layer = (list: EvalPolicy[] | undefined) => (list ?? []).flatMap((p) => score(p, request, resource, options));

  const identity = external ? [] : layer(policies.identity);
  const resourcePol = layer(policies.resource);
  const boundary = external || policies.boundary === undefined ? undefined : layer(policies.boundary);
  const session = external || policies.session === undefined ? undefined : layer(policies.session);
  const scps = external || !policies.scps?.length ? undefined : layer(policies.scps);
  const all = [...identity, ...resourcePol, ...(boundary ?? []), ...(session ?? []), ...(scps ?? [])];

  const denies = all.filter((s) => s.effect !== 'Allow');
  const deny = or(...denies.map((s) => s.result));
  const allowOf = (list: Scored[]) => or(...list.filter((s) => s.effect !== 'Deny').map((s) => s.result));

  const scpAllow = scps ? scpLevels(scps, policies.scps!) : YES;
  const boundaryAllow = boundary ? allowOf(boundary) : YES;
  const sessionAllow = session ? allowOf(session) : YES;
  const identityAllow = allowOf(identity);
  const resourceAllows = resourcePol.filter((s) => s.effect !== 'Deny');
  const resourceDirect = or(...resourceAllows.map((s) => and(s.result, s.direct ?? NO)));
  const resourceAny = or(...resourceAllows.map((s) => s.result));

  const principalAccount = request.principal.account ?? accountOf(request.principal.arn);
  const resourceAccount = request.resourceAccount ?? (resource !== '*' ? accountOf(resource) : undefined);
  const crossAccount = principalAccount !== undefined && resourceAccount !== undefined && principalAccount !== resourceAccount;

  let grant: Tri;
  if (external) grant = resourceAny;
  else if (crossAccount) grant = and(identityAllow, boundaryAllow, sessionAllow, resourceAny);
  else {
    const viaResource = request.principal.kind === 'user' ? and(resourceDirect, sessionAllow) : and(resourceDirect, boundaryAllow, sessionAllow);
    grant = or(and(identityAllow, boundaryAllow, sessionAllow), viaResource);
    // a role's trust policy must always allow the assumption, even when an identity policy does
    if (TRUST_ACTION.test(request.action) && policies.resource?.length) grant = and(grant, resourceAny);
  }
  const final = and(not(deny), scpAllow, grant);

  const hit = (s: Scored): StatementHit => ({
    policy: s.policy.name,
    kind: s.policy.kind,
    ...(s.policy.via ? { via: s.policy.via } : {}),
    effect: s.effect,
    index: s.statement?.index ?? -1,
    ...(s.statement?.sid ? { sid: s.statement.sid } : {}),
    ...(s.statement && s.policy.locate?.(s.statement) ? { location: s.policy.locate(s.statement)! } : {}),
    applies: s.result.kind === 'yes' ? 'applies' : 'may-apply',
    dependsOn: keysOf(s.result),
  });

  if (final.kind === 'no') {
    if (deny.kind === 'yes') {
      return { decision: 'denied', reason: 'explicit-deny', explanation: 'an explicit Deny applies', dependsOn: [], statements: denies.filter((s) => s.result.kind === 'yes').map(hit) };
    }
    const why =
      scpAllow.kind === 'no'
        ? 'no service control policy allows it (every SCP level must allow)'
        : grant.kind === 'no' && identityAllow.kind !== 'no' && boundaryAllow.kind === 'no'
          ? 'the permissions boundary does not allow it'
          : grant.kind === 'no' && identityAllow.kind !== 'no' && sessionAllow.kind === 'no'
            ? 'no session policy allows it'
            : crossAccount && grant.kind === 'no' && identityAllow.kind !== 'no'
              ? 'across accounts the resource policy must also allow it'
              : external
                ? 'no resource (trust) policy allows this principal'
                : 'no identity or resource policy allows it';
    return { decision: 'denied', reason: 'implicit-deny', explanation: `implicitly denied: ${why}`, dependsOn: [], statements: [] };
  }
  const allows = all.filter((s) => s.effect !== 'Deny' && s.result.kind === 'yes');
  if (final.kind === 'yes') {
    return { decision: 'allowed', reason: 'allowed', explanation: 'allowed, and no Deny applies', dependsOn: [], statements: allows.map(hit) };
  }
  const pending = all.filter((s) => s.result.kind === 'maybe');
  return {
    decision: 'allowed-if',
    reason: 'conditional',
    explanation: 'allowed or denied depending on request context keys or unresolved values',
    dependsOn: keysOf(final),
    statements: [...pending, ...allows].map(hit),
  };
}

/** Every SCP level must allow; within a level, one allowing statement suffices. */
function scpLevels(scored: Scored[], scps: EvalPolicy[]): Tri {
  const levels = [...new Set(scps.map((p) => p.level ?? 0))];
  return and(...levels.map((level) => or(...scored.filter((s) => (s.policy.level ?? 0) === level && s.effect !== 'Deny').map((s) => s.result))));
}

function score(policy: EvalPolicy, request: EvalRequest, resource: string, options: EvaluateOptions): Scored[] {
  if (!policy.document) {
    const why = maybe(`unresolved policy ${policy.unresolved ?? policy.name}`);
    return [{ policy, effect: 'unknown', result: why }];
  }
  const out: Scored[] = [];
  for (const st of policy.document.statements) {
    const effect = isUnknown(st.effect) ? 'unknown' : st.effect;
    if (effect === undefined) continue; // a statement without Effect is rejected by IAM
    const principal = policy.kind === 'resource' ? principalMatch(st, request, options) : { any: YES, direct: YES };
    const result = and(actionApplies(st, request.action, options), resourceApplies(st, resource, policy.kind, request, options), principal.any, evaluateCondition(st.condition, request.context));
    out.push({ policy, statement: st, effect: effect === 'unknown' ? 'unknown' : effect, result: effect === 'unknown' ? and(result, maybe(`unresolved Effect in ${policy.name}`)) : result, direct: principal.direct });
  }
  return out;
}

function listMatch(list: PatternList, value: string, match: (pattern: string, value: string) => boolean, request: EvalRequest, options: EvaluateOptions): Tri {
  if (isUnknown(list)) {
    const r = options.resolve?.(list);
    return r === undefined ? maybe(`unresolved value ${list.toString()}`) : tri(match(r, value));
  }
  const parts: Tri[] = [];
  for (const p of list) {
    let pattern: string | undefined = isUnknown(p) ? options.resolve?.(p) : terraformReference(p, options);
    if (pattern === undefined) {
      parts.push(maybe(`unresolved value ${(p as Unknown).toString()}`));
      continue;
    }
    const sub = substituteVariables(pattern.trim(), request.context);
    if (typeof sub !== 'string') {
      parts.push(sub);
      continue;
    }
    pattern = sub;
    parts.push(tri(match(pattern, value)));
    if (parts[parts.length - 1]!.kind === 'yes') return YES;
  }
  return or(...parts);
}

/**
 * Terraform's jsonencode leaves an unresolved reference as the string
 * "${aws_iam_role.admin.arn}"; IAM policy variables always hold a colon
 * (`${aws:username}`), so a colon-free `${a.b.c}` is a reference, resolved
 * like an Unknown.
 */
function terraformReference(p: string, options: EvaluateOptions): string {
  const m = /^\$\{([A-Za-z_][\w.[\]"-]*)\}$/.exec(p.trim());
  if (!m || !options.resolve) return p;
  return options.resolve(new UnknownValue('unresolved reference', m[1]!)) ?? p;
}

function actionApplies(st: PolicyStatement, action: string, options: EvaluateOptions): Tri {
  if (st.action !== undefined) return listMatchPlain(st.action, action, actionMatches, options);
  if (st.notAction !== undefined) return not(listMatchPlain(st.notAction, action, actionMatches, options));
  return NO;
}

/** Action lists hold no policy variables. */
function listMatchPlain(list: PatternList, value: string, match: (p: string, v: string) => boolean, options: EvaluateOptions): Tri {
  if (isUnknown(list)) {
    const r = options.resolve?.(list);
    return r === undefined ? maybe(`unresolved value ${list.toString()}`) : tri(match(r, value));
  }
  const parts: Tri[] = [];
  for (const p of list) {
    const pattern = isUnknown(p) ? options.resolve?.(p) : p;
    if (pattern === undefined) parts.push(maybe(`unresolved value ${(p as Unknown).toString()}`));
    else if (match(pattern, value)) return YES;
    else parts.push(NO);
  }
  return or(...parts);
}

function resourceApplies(st: PolicyStatement, resource: string, kind: PolicyKind, request: EvalRequest, options: EvaluateOptions): Tri {
  if (st.resource !== undefined) return listMatch(st.resource, resource, arnMatches, request, options);
  if (st.notResource !== undefined) return not(listMatch(st.notResource, resource, arnMatches, request, options));
  // a resource policy (and a trust policy) applies to the resource it is attached to
  return kind === 'resource' ? YES : NO;
}

/**
 * Does a resource-policy statement's Principal cover the request principal?
 * `any`: it covers it (directly, through its account, or "*");
 * `direct`: it names the principal itself or "*", which grants on its own in the same account.
 */
function principalMatch(st: PolicyStatement, request: EvalRequest, options: EvaluateOptions): { any: Tri; direct: Tri } {
  if (st.principal !== undefined) return principalsCover(st.principal, request, options);
  if (st.notPrincipal !== undefined) {
    const m = principalsCover(st.notPrincipal, request, options);
    return { any: not(m.any), direct: not(m.any) };
  }
  return { any: NO, direct: NO };
}

function principalsCover(p: Principals | Unknown, request: EvalRequest, options: EvaluateOptions): { any: Tri; direct: Tri } {
  if (isUnknown(p)) return { any: maybe(`unresolved Principal ${p.toString()}`), direct: maybe(`unresolved Principal ${p.toString()}`) };
  if (p.anyone) return { any: YES, direct: YES };
  const who = request.principal;
  const account = who.account ?? accountOf(who.arn);
  const anyParts: Tri[] = [];
  const directParts: Tri[] = [];
  for (const [type, values] of Object.entries(p.byType)) {
    const t = type.toLowerCase();
    for (const raw of values) {
      const v = isUnknown(raw) ? options.resolve?.(raw) : raw.trim();
      if (v === undefined) {
        const m = maybe(`unresolved Principal ${(raw as Unknown).toString()}`);
        anyParts.push(m);
        directParts.push(m);
        continue;
      }
      if (t === 'aws') {
        if (v === '*') {
          anyParts.push(YES);
          directParts.push(YES);
        } else if (/^\d{12}$/.test(v) || /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(v)) {
          const acct = /^\d{12}$/.test(v) ? v : accountOf(v);
          anyParts.push(account === undefined ? maybe('principal account') : tri(acct === account && !['service', 'federated'].includes(who.kind)));
          directParts.push(tri(who.kind === 'root' && acct === account));
        } else {
          const same = samePrincipal(v, who.arn);
          anyParts.push(tri(same));
          directParts.push(tri(same));
        }
      } else if (t === 'service' || t === 'federated' || t === 'canonicaluser') {
        const same = v.toLowerCase() === who.arn.toLowerCase();
        anyParts.push(tri(same));
        directParts.push(tri(same));
      }
    }
  }
  return { any: or(...anyParts), direct: or(...directParts) };
}

/** A role's ARN also names the sessions of that role (assumed-role ARNs). */
function samePrincipal(policyArn: string, requestArn: string): boolean {
  if (policyArn === requestArn) return true;
  const session = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(requestArn);
  if (session) return new RegExp(`^arn:${session[1]}:iam::${session[2]}:role/(.*/)?${session[3]}$`).test(policyArn);
  return false;
}
