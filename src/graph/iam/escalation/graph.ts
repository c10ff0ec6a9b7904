/**
 * The privilege-escalation graph: users and roles are nodes; an edge A → B
 * means "A can become or act as B" through a catalogued technique, with the
 * deciding statements of every action the technique needs, each evaluated by
 * the IAM engine (`evaluate.ts`) against the concrete target resource. An
 * edge A → admin means A is an administrator, or can make itself one.
 *
 * Semantics (docs/iam-escalation.md has the long form):
 * - Attacker model: the attacker holds the principal's credentials (a user's
 *   access keys, a role's session) without its MFA device, acts now, over
 *   HTTPS, directly (not through a service). Keys it sets on a call (the
 *   service a role is passed to, the policy it attaches) are set as the
 *   technique says; every other context key (source IP, VPC, region, request
 *   tags) stays unknown, so an edge that depends on it is `unknown`.
 * - Administrator: allowed, with every SCP and the boundary applied, a
 *   synthetic action only `*` (or a NotAction that spares it) grants, plus
 *   probe actions in IAM, STS, EC2, Lambda, S3, KMS and Organizations, all on
 *   `*`. Full IAM control is not admin by itself; it reaches admin in one hop
 *   (put-user-policy on itself).
 * - `grants: admin` techniques re-evaluate the target with an administrator
 *   policy added to its own, so its boundary, SCPs and Deny statements in its
 *   other policies still limit what it gains.
 *
 * Cost: each principal's Allow statements are indexed by action first, so a
 * technique is only evaluated for principals that may be granted all of its
 * actions; a decision that does not depend on the resource (every statement
 * that can match the action is on `*` and has no resource-dependent condition)
 * is computed once per principal and reused for every target; role
 * assumption is only evaluated for the principals a trust policy names (or
 * everyone, for an account or `*` principal); a principal that is already
 * administrator in one hop gets no further outgoing edges.
 */
import type { Unknown, Value } from '../../../model/index.js';
import { isUnknown, Unknown as UnknownValue } from '../../../model/index.js';
import { parsePolicy, type PolicyDocument, type PolicyStatement, type Principals } from '../../../checks/_lib/iam-policy.js';
import { SecurityGraph } from '../../security-graph.js';
import type { IamAccount, IamPrincipal } from '../account.js';
import { RequestContext } from '../context.js';
import { evaluate } from '../evaluate.js';
import { actionMatches, arnMatches } from '../match.js';
import type { Decision, EvalPolicy, RequestPrincipal, StatementHit } from '../types.js';
import { loadTechniques, type RequiredAction, type Technique } from './catalogue.js';
import type { EscalationFacts, ExistingResource } from './facts.js';

export type Certainty = 'proven' | 'unknown';

export interface EscalationEdge {
  from: string;
  /** a principal id, or the admin node id */
  to: string;
  /** technique id, or `administrator` for a principal whose own policies make it one */
  technique: string;
  certainty: Certainty;
  /** condition keys and unresolved values an unknown edge depends on */
  dependsOn: string[];
  /** the deciding statements of every action the technique needed */
  statements: StatementHit[];
  explanation: string;
}

export interface EscalationPath {
  principal: IamPrincipal;
  certainty: Certainty;
  edges: EscalationEdge[];
}

export interface EscalationOptions {
  /** SCPs applying to the account */
  scps?: EvalPolicy[];
  /** the attacker's "now" for aws:CurrentTime / aws:TokenIssueTime (default: the real time) */
  now?: Date;
  techniques?: Technique[];
  /**
   * Also record takeover edges to principals that do not reach admin (every
   * pair is then evaluated: quadratic, for small accounts). By default only
   * edges that lead towards admin are searched for.
   */
  allEdges?: boolean;
}

export interface EscalationResult {
  adminNode: string;
  edges: EscalationEdge[];
  /** principal id → shortest path to admin, for every principal that reaches it */
  paths: Map<string, EscalationPath>;
  graph: SecurityGraph;
  stats: { principals: number; evaluations: number; edges: number; evaluationsByPhase: Record<string, number> };
}

const ADMIN_POLICY_DOC: PolicyDocument = {
  version: '2012-10-17',
  statements: [{ index: 0, effect: 'Allow', action: ['*'], resource: ['*'], path: 'Statement[0]', elementPaths: {} }],
};
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
/** Only `*`, `*:*` or a NotAction that spares it grants this action. */
const PROBE_ANY = 'tetrad-probe:AnyAction';
const PROBES = [PROBE_ANY, 'iam:AttachUserPolicy', 'iam:PutRolePolicy', 'iam:CreateAccessKey', 'iam:PassRole', 'sts:AssumeRole', 'ec2:RunInstances', 'lambda:CreateFunction', 's3:GetObject', 'kms:Decrypt', 'organizations:ListAccounts'];
/** The attacker has the credentials, not the MFA device, and calls AWS directly. */
const ABSENT_KEYS = ['aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast', 'aws:SourceIdentity'];
const NEW_NAME = 'tetrad-escalation';
const IMPLICIT_DENY: Decision = Object.freeze({ decision: 'denied', reason: 'implicit-deny', explanation: 'implicitly denied: no identity policy allows it on this resource', dependsOn: [], statements: [] }) as Decision;
const NO_CONTEXT: Record<string, string> = Object.freeze({}) as Record<string, string>;
const DEFAULT_REGION = 'us-east-1';

interface Verdict {
  kind: 'yes' | 'maybe';
  dependsOn: string[];
  statements: StatementHit[];
}

interface AllowPattern {
  patterns: string[] | 'any';
  not: boolean;
}

/** A principal as an attacker: its policies, request identity and caches. */
interface Actor {
  p: IamPrincipal;
  identity: EvalPolicy[];
  boundary?: EvalPolicy[];
  rp: RequestPrincipal;
  keys: Record<string, string>;
  allows: AllowPattern[];
  mayCache: Map<string, boolean>;
  independentCache: Map<string, boolean>;
  decisionCache: Map<string, Decision>;
  newCache: Map<string, Verdict | undefined>;
}

export function buildEscalationGraph(account: IamAccount, facts: EscalationFacts, options: EscalationOptions = {}): EscalationResult {
  const techniques = options.techniques ?? loadTechniques();
  const acct = account.account ?? '000000000000';
  const adminNode = `admin:aws:${account.account ?? 'unknown-account'}`;
  const now = options.now ?? new Date();
  const attackerContext: Record<string, string> = {
    'aws:CurrentTime': now.toISOString(),
    'aws:EpochTime': String(Math.floor(now.getTime() / 1000)),
    'aws:TokenIssueTime': now.toISOString(),
    'aws:SecureTransport': 'true',
    'aws:ViaAWSService': 'false',
  };
  // `aws_lambda_function.f.arn` (an existing resource of the facts) resolves to the ARN it was given there
  const existingArns = new Map(facts.existing.map((e) => [e.id, e.arn]));
  const resolve = (u: Unknown) => {
    const hit = account.resolve(u);
    if (hit !== undefined) return hit;
    const m = /^(?:\$\{)?(.+)\.arn\}?$/.exec(u.expression?.trim() ?? '');
    return m ? existingArns.get(m[1]!) : undefined;
  };
  let evaluations = 0;

  const principals = account.principals.filter((p) => p.kind !== 'group');
  const groups = account.principals.filter((p) => p.kind === 'group');
  const users = principals.filter((p) => p.kind === 'user');
  const roles = principals.filter((p) => p.kind === 'role');
  const actors = new Map<string, Actor>();
  const actorOf = (p: IamPrincipal): Actor => {
    let a = actors.get(p.id);
    if (!a) {
      const identity = account.identityPolicies(p).map(allowOnlyAwsManaged);
      const keys: Record<string, string> = { 'aws:PrincipalArn': p.arn, 'aws:PrincipalType': p.kind === 'user' ? 'User' : 'AssumedRole', 'aws:PrincipalAccount': acct };
      if (p.kind === 'user') keys['aws:username'] = p.name;
      for (const [k, v] of Object.entries(p.tags)) keys[`aws:PrincipalTag/${k}`] = v;
      a = {
        p,
        identity,
        boundary: account.boundaryPolicies(p),
        rp: { kind: p.kind === 'user' ? 'user' : 'role', arn: p.arn, account: acct },
        keys,
        allows: allowPatterns(identity),
        mayCache: new Map(),
        independentCache: new Map(),
        decisionCache: new Map(),
        newCache: new Map(),
      };
      actors.set(p.id, a);
    }
    return a;
  };

  /** Cheap pre-filter: may any Allow statement of the actor's identity policies grant the action? */
  const mayAllow = (a: Actor, action: string): boolean => {
    let hit = a.mayCache.get(action);
    if (hit === undefined) {
      hit = a.allows.some((s) => (s.patterns === 'any' ? true : s.not ? !s.patterns.some((x) => actionMatches(x, action)) : s.patterns.some((x) => actionMatches(x, action))));
      a.mayCache.set(action, hit);
    }
    return hit;
  };

  /** True when the decision for the action is the same for every resource (see the header). */
  const independent = (a: Actor, action: string): boolean => {
    let hit = a.independentCache.get(action);
    if (hit === undefined) {
      const pols = [...a.identity, ...(a.boundary ?? []), ...(options.scps ?? [])];
      hit = pols.every((pol) => (pol.document?.statements ?? []).every((st) => !statementMayMatch(st, action) || resourceFree(st)));
      a.independentCache.set(action, hit);
    }
    return hit;
  };

  const decide = (
    a: Actor,
    action: string,
    resource: string,
    extra: Record<string, string> = NO_CONTEXT,
    target?: IamPrincipal,
    resourcePolicies?: EvalPolicy[],
    identity?: EvalPolicy[],
  ): Decision => {
    const cacheable = !resourcePolicies && !identity;
    const key = cacheable ? `${action}|${independent(a, action) ? '*' : resource}|${contextKey(extra)}` : '';
    if (cacheable) {
      const hit = a.decisionCache.get(key);
      if (hit) return hit;
    }
    const ctx: Record<string, string> = { ...attackerContext, ...a.keys, ...extra };
    if (target) {
      for (const [k, v] of Object.entries(target.tags)) {
        ctx[`aws:ResourceTag/${k}`] = v;
        ctx[`iam:ResourceTag/${k}`] = v;
      }
    }
    // no Allow statement of the actor can cover this resource: implicitly denied without an evaluation
    if (!resourcePolicies && !identity && !identityMayCover(a, action, resource)) {
      a.decisionCache.set(key, IMPLICIT_DENY);
      return IMPLICIT_DENY;
    }
    evaluations++;
    const d = evaluate(
      { principal: a.rp, action, resource, context: new RequestContext(ctx, ABSENT_KEYS, false) },
      { identity: identity ?? a.identity, resource: resourcePolicies ?? [], boundary: a.boundary, scps: options.scps?.length ? options.scps : undefined },
      { resolve },
    );
    if (cacheable) a.decisionCache.set(key, d);
    return d;
  };

  const allowStatements = new Map<string, PolicyStatement[] | 'any'>();
  /** Cheap pre-check: may one of the actor's Allow statements for the action cover the resource? */
  const identityMayCover = (a: Actor, action: string, resource: string): boolean => {
    const key = `${a.p.id}|${action}`;
    let list = allowStatements.get(key);
    if (list === undefined) {
      list = [];
      for (const pol of a.identity) {
        if (!pol.document) {
          list = 'any';
          break;
        }
        for (const st of pol.document.statements) if (st.effect !== 'Deny' && statementMayMatch(st, action)) list.push(st);
      }
      allowStatements.set(key, list);
    }
    if (list === 'any') return true;
    return list.some((st) => {
      if (st.resource === undefined) return true; // NotResource: leave it to the engine
      if (isUnknown(st.resource)) return true;
      return st.resource.some((r) => typeof r !== 'string' || r.includes('${') || arnMatches(r.trim(), resource));
    });
  };

  /** Is the actor (with replaced identity policies) an administrator? */
  const adminVerdict = (a: Actor, identity?: EvalPolicy[]): Verdict | undefined => {
    const parts: Decision[] = [];
    for (const probe of PROBES) {
      const d = decide(a, probe, '*', {}, undefined, undefined, identity);
      if (d.decision === 'denied') return undefined;
      parts.push(d);
    }
    return combine(parts);
  };

  /** A resource the attacker creates: any name an Allow statement admits (see `arn` in the catalogue). */
  const newResource = (a: Actor, req: RequiredAction): Verdict | undefined => {
    const key = `${req.action}|${JSON.stringify(req.context ?? {})}`;
    if (a.newCache.has(key)) return a.newCache.get(key);
    let best: Verdict | undefined;
    for (const arn of candidateArns(a, req, acct)) {
      const v = verdictOf(decide(a, req.action, arn, req.context));
      if (v && (!best || (v.kind === 'yes' && best.kind !== 'yes'))) best = v;
      if (best?.kind === 'yes') break;
    }
    a.newCache.set(key, best);
    return best;
  };

  const policiesOfGroup = (g: IamPrincipal, like: IamPrincipal): EvalPolicy[] => {
    const fake: IamPrincipal = { ...like, kind: 'user', groups: [{ id: g.id }], inline: [], attached: [] };
    return account.identityPolicies(fake);
  };
  const memberOf = (u: IamPrincipal, g: IamPrincipal): boolean => u.kind === 'user' && u.groups.some((t) => account.findPrincipal(t, 'group')?.id === g.id);

  const trustIndex = buildTrustIndex(roles, account, resolve);
  const trustsService = new Map<string, Set<string>>();
  const roleTrustsService = (role: IamPrincipal, service: string): boolean => {
    let set = trustsService.get(role.id);
    if (!set) trustsService.set(role.id, (set = new Set()));
    const k = service.toLowerCase();
    if (set.has(k)) return true;
    if (set.has(`!${k}`)) return false;
    const trust = trustIndex.sanitized.get(role.id);
    const ok = trust !== undefined && evaluate({ principal: { kind: 'service', arn: service, account: 'aws-service' }, action: 'sts:AssumeRole', resource: role.arn, context: new RequestContext({}, [], false) }, { identity: [], resource: [trust] }, { resolve }).decision !== 'denied';
    set.add(ok ? k : `!${k}`);
    return ok;
  };

  const existingByKind = new Map<string, ExistingResource[]>();
  for (const e of facts.existing) existingByKind.set(e.kind, [...(existingByKind.get(e.kind) ?? []), e]);
  const edges: EscalationEdge[] = [];
  const addEdge = (e: EscalationEdge) => edges.push(e);

  // 1. administrators by their own policies
  const adminDirect = new Map<string, Certainty>();
  for (const p of principals) {
    const v = adminVerdict(actorOf(p));
    if (!v) continue;
    const certainty: Certainty = v.kind === 'yes' ? 'proven' : 'unknown';
    adminDirect.set(p.id, certainty);
    addEdge({ from: p.id, to: adminNode, technique: 'administrator', certainty, dependsOn: v.dependsOn, statements: v.statements, explanation: `${label(p)} is an administrator through its own policies` });
  }

  // 2. techniques
  /**
   * Tries technique `t` from actor `a` against `targets`. An edge to a
   * principal (grants: target) or to admin (grants: admin/group-permissions,
   * when the subject is the attacker itself) is recorded and returned; with
   * `first`, the search stops at the first proven edge. For `grants: admin`
   * on another principal, `empowered` receives the target instead.
   */
  /**
   * When none of the technique's actions depends on the target, its verdict is
   * the same for every target: 'no' (never applies), 'maybe' (never proven) or
   * 'yes'; undefined when it depends on the target.
   */
  const ceilings = new Map<string, 'no' | 'maybe' | 'yes' | undefined>();
  const ceiling = (a: Actor, t: Technique): 'no' | 'maybe' | 'yes' | undefined => {
    const key = `${a.p.id}>${t.id}`;
    if (ceilings.has(key)) return ceilings.get(key);
    let out: 'no' | 'maybe' | 'yes' | undefined = 'yes';
    const alwaysUnknown = t.preconditions.some((c) => (c === 'existing-resource' || c === 'existing-any-resource') && !existingByKind.get(t.existing!)?.length) || t.preconditions.some((c) => c === 'no-login-profile' || c === 'has-login-profile');
    for (const req of t.actions) {
      if (req.trust === 'role' || req.on === 'policy' || req.on === 'existing' || ((req.on === 'target' || req.on === 'passed-role') && !independent(a, req.action))) {
        out = undefined;
        break;
      }
      const anyTarget = `arn:aws:iam::${acct}:${t.target === 'group' ? 'group' : t.target === 'user' ? 'user' : 'role'}/tetrad-any-target`;
      // a trust policy rewritten to name the attacker is the same for every target
      const sample = req.on === 'new' ? newResource(a, req) : verdictOf(decide(a, req.action, anyTarget, req.context, undefined, req.trust === 'attacker' ? [attackerTrust(a.p)] : undefined));
      if (!sample) {
        out = 'no';
        break;
      }
      if (sample.kind === 'maybe') out = 'maybe';
    }
    if (out === undefined && alwaysUnknown) out = 'maybe';
    else if (out === 'yes' && alwaysUnknown) out = 'maybe';
    ceilings.set(key, out);
    return out;
  };
  const applicable = (a: Actor, t: Technique): boolean => t.actions.every((r) => mayAllow(a, r.action) || r.trust !== undefined) && !(t.preconditions.includes('attacker-is-user') && a.p.kind !== 'user');
  const tryTechnique = (
    a: Actor,
    t: Technique,
    targets: Iterable<IamPrincipal>,
    first: boolean,
    empowered?: (x: IamPrincipal, after: () => Verdict | undefined, on: string) => boolean,
    onlyProven = false,
  ): EscalationEdge[] => {
    const p = a.p;
    const out: EscalationEdge[] = [];
    if (!applicable(a, t)) return out;
    for (const x of targets) {
      if (t.preconditions.includes('other-principal') && x.id === p.id) continue;
      const pre = preconditions(t, p, x);
      if (pre === false) continue;
      for (const policy of pre.policies) {
        const parts: Verdict[] = pre.extra ? [pre.extra] : [];
        let ok = true;
        for (const req of t.actions) {
          const v = actionVerdict(a, req, x, policy, pre.existing);
          if (!v) {
            ok = false;
            break;
          }
          parts.push(v);
        }
        if (!ok) continue;
        let verdict = merge(parts);
        const on = policy ?? pre.existing?.arn ?? x.arn;
        if (t.grants === 'target') {
          const e = edgeOf(p, x.id, t, verdict, `${label(p)} can become ${label(x)}: ${t.how}${on !== x.arn ? ` (${on})` : ''}`);
          if (onlyProven && e.certainty !== 'proven') continue;
          addEdge(e);
          out.push(e);
          if (first && e.certainty === 'proven') return out;
          continue;
        }
        // admin / group-permissions: does the subject end up an administrator?
        const subject = t.grants === 'group-permissions' || t.target === 'group' || t.target === 'self' ? p : x;
        const sa = actorOf(subject);
        const added: EvalPolicy[] =
          t.grants === 'group-permissions'
            ? policiesOfGroup(x, p)
            : t.id === 'set-default-policy-version'
              ? (pre.versions ?? [])
              : [{ name: `administrator policy written by ${p.name} (${t.id})`, kind: 'identity', document: ADMIN_POLICY_DOC, via: 'escalation' }];
        const afterOf = (): Verdict | undefined => {
          const after = adminVerdict(sa, [...sa.identity, ...added]);
          return after ? merge([verdict, { ...after, statements: [] }]) : undefined;
        };
        if (subject.id !== p.id) {
          // whether the attacker can become the subject is cheaper to learn first
          if (empowered?.(subject, afterOf, on) && first) return out;
          continue;
        }
        const after = afterOf();
        if (!after) continue;
        verdict = after;
        const e = edgeOf(p, adminNode, t, verdict, `${label(p)} ${t.how} (${on}) and becomes administrator`);
        addEdge(e);
        out.push(e);
        if (first && e.certainty === 'proven') return out;
      }
    }
    return out;
  };

  interface Pre {
    policies: Array<string | undefined>;
    existing?: ExistingResource;
    extra?: Verdict;
    versions?: EvalPolicy[];
  }
  const preconditions = (t: Technique, p: IamPrincipal, x: IamPrincipal): Pre | false => {
    const out: Pre = { policies: [undefined] };
    const unknownBecause: string[] = [];
    for (const c of t.preconditions) {
      switch (c) {
        case 'no-login-profile':
        case 'has-login-profile': {
          const has = facts.loginProfile.get(x.id);
          if (has === undefined) unknownBecause.push(`login profile of ${x.name} (not in the input)`);
          else if (has !== (c === 'has-login-profile')) return false;
          break;
        }
        case 'trusts-service':
          if (!roleTrustsService(x, t.service!)) return false;
          break;
        case 'instance-profile':
          if (!facts.instanceProfileRoles.has(x.id)) return false;
          break;
        case 'attacker-in-group':
          if (!memberOf(p, x)) return false;
          break;
        case 'attacker-not-in-group':
          if (memberOf(p, x)) return false;
          break;
        case 'policy-attached': {
          const arns = attachedCustomerPolicies(account, p);
          if (!arns.length) return false;
          out.policies = arns;
          break;
        }
        case 'policy-other-version':
          out.versions = otherVersions(account, out.policies.filter((x): x is string => x !== undefined), unknownBecause);
          if (!out.versions.length && !unknownBecause.length) return false;
          if (!out.versions.length) out.versions = [{ name: 'other versions of the attached policies', kind: 'identity', unresolved: 'policy versions not in the input', via: 'policy version' }];
          break;
        case 'existing-resource':
        case 'existing-any-resource': {
          const ofKind = existingByKind.get(t.existing!) ?? [];
          const hit = c === 'existing-any-resource' ? ofKind[0] : ofKind.find((e) => e.role === x.id);
          if (hit) out.existing = hit;
          // the input describes resources of this kind: none of them qualifies
          else if (ofKind.length) return false;
          else unknownBecause.push(`${c === 'existing-resource' ? `a ${t.existing} running as ${x.name}` : `a ${t.existing}`} (none in the scanned files)`);
          break;
        }
        default:
          break;
      }
    }
    if (unknownBecause.length) out.extra = { kind: 'maybe', dependsOn: unknownBecause, statements: [] };
    return out;
  };

  const actionVerdict = (a: Actor, req: RequiredAction, x: IamPrincipal, policy: string | undefined, existing: ExistingResource | undefined): Verdict | undefined => {
    switch (req.on) {
      case 'target':
      case 'passed-role': {
        let rp: EvalPolicy[] | undefined;
        // a trust policy open to the whole account without conditions: the identity decision alone (cached)
        if (req.trust === 'role' && trustIndex.accountOpen.has(x.id) && !trustIndex.admits(x, a.p, () => false)) return verdictOf(decide(a, req.action, x.arn, req.context, x));
        if (req.trust === 'role') rp = [trustIndex.sanitized.get(x.id) ?? { name: `${x.id} trust policy`, kind: 'resource', unresolved: `${x.id} has no readable trust policy` }];
        else if (req.trust === 'attacker') rp = [attackerTrust(a.p)];
        return verdictOf(decide(a, req.action, x.arn, req.context, x, rp));
      }
      case 'policy':
        return policy ? verdictOf(decide(a, req.action, policy, req.context)) : undefined;
      case 'new':
        return newResource(a, req);
      case 'existing':
        return existing ? verdictOf(decide(a, req.action, existing.arn, req.context)) : newResource(a, req);
    }
  };

  const becomeTechniques = techniques.filter((t) => t.grants === 'target');
  const selfTechniques = techniques.filter((t) => t.grants !== 'target');
  const status = new Map<string, Certainty>();
  /** Records that a principal reaches admin; true when that is news (new, or now proven). */
  const reach = (id: string, c: Certainty): boolean => {
    const prev = status.get(id);
    if (prev === 'proven' || prev === c) return false;
    status.set(id, c);
    return true;
  };
  for (const [id, c] of adminDirect) reach(id, c);
  const reachThrough = (e: EscalationEdge): boolean => reach(e.from, e.certainty === 'proven' && (e.to === adminNode || status.get(e.to) === 'proven') ? 'proven' : 'unknown');

  const phase: Record<string, number> = { admin: evaluations };
  // 2a. making itself administrator (its own policies, its groups, its policy versions)
  for (const p of principals) {
    if (status.get(p.id) === 'proven') continue;
    const a = actorOf(p);
    for (const t of selfTechniques) {
      const targets = t.target === 'self' || t.target === p.kind ? [p] : t.target === 'group' ? (t.grants === 'group-permissions' ? groups : groups.filter((g) => memberOf(p, g))) : [];
      for (const e of tryTechnique(a, t, targets, true)) reachThrough(e);
      if (status.get(p.id) === 'proven') break;
    }
  }

  phase.self = evaluations - phase.admin!;
  // 2b. making another principal administrator pays off when the attacker can also become it
  for (const p of principals) {
    if (status.get(p.id) === 'proven') continue;
    const a = actorOf(p);
    for (const t of selfTechniques) {
      if (t.target !== 'user' && t.target !== 'role') continue;
      if (!applicable(a, t)) continue;
      // only principals some technique may let the attacker become (cheap checks, no evaluation)
      const ways = becomeTechniques.filter((bt) => applicable(a, bt) && ceiling(a, bt) !== 'no');
      const mayBecome = (x: IamPrincipal) =>
        ways.some(
          (bt) =>
            bt.target === x.kind &&
            (bt.id !== 'assume-role' || trustIndex.admits(x, p, (q) => mayAllow(actorOf(q), 'sts:AssumeRole'))) &&
            (bt.service === undefined || !bt.preconditions.includes('trusts-service') || roleTrustsService(x, bt.service)) &&
            (!bt.preconditions.includes('instance-profile') || facts.instanceProfileRoles.has(x.id)),
        );
      const pool = (t.target === 'user' ? users : roles).filter((x) => x.id !== p.id && mayBecome(x));
      tryTechnique(a, t, pool, true, (x, afterOf, on) => {
        for (const bt of becomeTechniques) {
          if (!applicable(a, bt) || ceiling(a, bt) === 'no') continue;
          if (bt.id === 'assume-role' && !trustIndex.admits(x, p, (q) => mayAllow(actorOf(q), 'sts:AssumeRole'))) continue;
          if (status.has(p.id) && ceiling(a, bt) === 'maybe') continue;
          const hop = tryTechnique(a, bt, [x], true, undefined, status.has(p.id))[0];
          if (!hop) continue;
          const v = afterOf();
          if (!v) return false;
          const both = merge([v, { kind: hop.certainty === 'proven' ? 'yes' : 'maybe', dependsOn: hop.dependsOn, statements: hop.statements }]);
          const e = edgeOf(p, adminNode, t, both, `${label(p)} ${t.how} (${label(x)}, ${on}), then becomes it through ${hop.technique}`);
          addEdge(e);
          reachThrough(e);
          return e.certainty === 'proven';
        }
        return false;
      });
    }
  }

  phase.other = evaluations - phase.admin! - phase.self!;
  // 2c. becoming other principals, breadth-first back from admin: round k looks only for
  // edges into the principals whose standing changed in round k-1; an attacker stops at
  // its first proven edge into a proven principal
  const tried = new Map<string, EscalationEdge>();
  /** preconditions that do not depend on the attacker, per technique and target (computed once) */
  const eligibleCache = new Map<string, boolean>();
  const eligible = (t: Technique, x: IamPrincipal): boolean => {
    const key = `${t.id}>${x.id}`;
    let ok = eligibleCache.get(key);
    if (ok === undefined) {
      ok = t.preconditions.every((c) => {
        switch (c) {
          case 'trusts-service':
            return roleTrustsService(x, t.service!);
          case 'instance-profile':
            return facts.instanceProfileRoles.has(x.id);
          case 'no-login-profile':
            return facts.loginProfile.get(x.id) !== true;
          case 'has-login-profile':
            return facts.loginProfile.get(x.id) !== false;
          case 'existing-resource': {
            const ofKind = existingByKind.get(t.existing!) ?? [];
            return !ofKind.length || ofKind.some((e) => e.role === x.id);
          }
          case 'existing-any-resource':
            return true;
          default:
            return true;
        }
      });
      eligibleCache.set(key, ok);
    }
    return ok;
  };
  const everInFrontier = new Set<string>();
  let frontier = principals.filter((p) => status.has(p.id));
  while (frontier.length) {
    const pools = new Map<string, IamPrincipal[]>();
    for (const t of becomeTechniques) pools.set(t.id, frontier.filter((x) => x.kind === t.target && eligible(t, x)));
    const revisited = new Set(frontier.filter((x) => everInFrontier.has(x.id)).map((x) => x.id));
    for (const x of frontier) everInFrontier.add(x.id);
    const changed: IamPrincipal[] = [];
    for (const p of principals) {
      if (status.get(p.id) === 'proven') continue;
      const a = actorOf(p);
      const before = status.get(p.id);
      outer: for (const t of becomeTechniques) {
        const pool = pools.get(t.id)!;
        if (!pool.length || !applicable(a, t)) continue;
        const top = ceiling(a, t);
        if (top === 'no' || (top === 'maybe' && status.has(p.id))) continue;
        for (const x of pool) {
          if (x.id === p.id) continue;
          if (t.id === 'assume-role' && !trustIndex.admits(x, p, (q) => mayAllow(actorOf(q), 'sts:AssumeRole'))) continue;
          // a pair is looked at again only when its target comes back upgraded (unknown → proven)
          const key = revisited.has(x.id) ? `${p.id}>${t.id}>${x.id}` : undefined;
          let e = key ? tried.get(key) : undefined;
          if (e === undefined) {
            // once the attacker reaches admin at all, only a proven edge can improve on it
            e = tryTechnique(a, t, [x], true, undefined, status.has(p.id))[0];
            if (e) tried.set(`${p.id}>${t.id}>${x.id}`, e);
          }
          if (e) reachThrough(e);
          if (status.get(p.id) === 'proven') break outer;
        }
      }
      if (status.get(p.id) !== before) changed.push(p);
    }
    frontier = changed;
  }

  phase.become = evaluations - phase.admin! - phase.self! - phase.other!;
  // 2d. on request, every takeover edge (to principals that do not reach admin too): quadratic, for small accounts
  if (options.allEdges) {
    for (const p of principals) {
      if (adminDirect.get(p.id) === 'proven') continue;
      const a = actorOf(p);
      for (const t of becomeTechniques) {
        const pool = (t.target === 'user' ? users : t.target === 'role' ? roles : []).filter((x) => !tried.has(`${p.id}>${t.id}>${x.id}`));
        tryTechnique(a, t, t.id === 'assume-role' ? pool.filter((x) => trustIndex.admits(x, p, (q) => mayAllow(actorOf(q), 'sts:AssumeRole'))) : pool, false);
      }
    }
  }

  // 3. shortest paths: breadth-first from admin over reversed edges, proven edges first
  const incoming = new Map<string, EscalationEdge[]>();
  for (const e of edges) {
    const list = incoming.get(e.to);
    if (list) list.push(e);
    else incoming.set(e.to, [e]);
  }
  const next = new Map<string, EscalationEdge>();
  const certaintyOf = new Map<string, Certainty>();
  for (const pass of ['proven', 'unknown'] as const) {
    const seen = new Set<string>([adminNode, ...next.keys()]);
    let frontier = [adminNode, ...[...next.keys()].filter((k) => certaintyOf.get(k) === 'proven')];
    while (frontier.length) {
      const nextFrontier: string[] = [];
      for (const v of frontier) {
        for (const e of incoming.get(v) ?? []) {
          if (seen.has(e.from) || (pass === 'proven' && e.certainty !== 'proven')) continue;
          seen.add(e.from);
          next.set(e.from, e);
          certaintyOf.set(e.from, pass);
          nextFrontier.push(e.from);
        }
      }
      frontier = nextFrontier;
    }
  }
  const paths = new Map<string, EscalationPath>();
  const byId = new Map(principals.map((p) => [p.id, p]));
  for (const p of principals) {
    if (!next.has(p.id)) continue;
    const path: EscalationEdge[] = [];
    for (let at = p.id, guard = 0; at !== adminNode && guard < 1000; guard++) {
      const e = next.get(at)!;
      path.push(e);
      at = e.to;
    }
    paths.set(p.id, { principal: p, certainty: path.every((e) => e.certainty === 'proven') ? 'proven' : 'unknown', edges: path });
  }

  // 4. the shared security graph
  const graph = new SecurityGraph();
  graph.addNode({ id: adminNode, kind: 'admin', label: `administrator of AWS account ${account.account ?? '(unknown)'}` });
  for (const p of principals) graph.addNode({ id: p.id, kind: 'principal', label: label(p), resourceId: p.resource.id });
  for (const e of edges) {
    if (!byId.has(e.from) || (e.to !== adminNode && !byId.has(e.to))) continue;
    graph.addEdge({
      from: e.from,
      to: e.to,
      kind: 'can-become',
      explanation: e.explanation,
      detail: { technique: e.technique, ...(e.dependsOn.length ? { dependsOn: e.dependsOn.join(', ') } : {}) },
      evidence: e.statements.flatMap((s) => (s.location ? [s.location] : [])),
      certainty: e.certainty,
    });
  }
  return { adminNode, edges, paths, graph, stats: { principals: principals.length, evaluations, edges: edges.length, evaluationsByPhase: phase } };
}

/**
 * An AWS managed policy outside the catalogue: AWS managed policies grant
 * (only a few, named *Deny* or *Quarantine*, deny), so one of unknown content
 * may allow anything but denies nothing. Otherwise every principal holding,
 * say, AmazonSSMManagedInstanceCore beside AdministratorAccess would be an
 * administrator only "if".
 */
function allowOnlyAwsManaged(pol: EvalPolicy): EvalPolicy {
  if (pol.document || !/^arn:aws[a-z-]*:iam::aws:policy\//.test(pol.name) || /deny|quarantine/i.test(pol.name)) return pol;
  const unknownActions = new UnknownValue(`content of AWS managed policy ${pol.name} (not in the catalogue)`, pol.name);
  return { ...pol, document: { statements: [{ index: 0, effect: 'Allow', action: unknownActions, resource: ['*'], path: 'Statement[0]', elementPaths: {} }] } };
}

const contextKeys = new WeakMap<object, string>();
/** A cache key for a technique's context object (the same object for every call of one required action). */
function contextKey(extra: Record<string, string>): string {
  let k = contextKeys.get(extra);
  if (k === undefined) {
    k = Object.keys(extra).length ? JSON.stringify(extra) : '';
    contextKeys.set(extra, k);
  }
  return k;
}

function label(p: IamPrincipal): string {
  return `${p.kind} ${p.name}`;
}

function edgeOf(p: IamPrincipal, to: string, t: Technique, v: Verdict, explanation: string): EscalationEdge {
  return { from: p.id, to, technique: t.id, certainty: v.kind === 'yes' ? 'proven' : 'unknown', dependsOn: v.dependsOn, statements: v.statements, explanation };
}

function verdictOf(d: Decision): Verdict | undefined {
  if (d.decision === 'denied') return undefined;
  return { kind: d.decision === 'allowed' ? 'yes' : 'maybe', dependsOn: d.dependsOn, statements: d.statements };
}

function combine(ds: Decision[]): Verdict {
  return merge(ds.map((d) => verdictOf(d)!));
}

function merge(vs: Verdict[]): Verdict {
  const dependsOn = [...new Set(vs.flatMap((v) => v.dependsOn))].sort();
  const seen = new Set<string>();
  const statements: StatementHit[] = [];
  for (const v of vs) {
    for (const s of v.statements) {
      const k = `${s.policy}#${s.index}#${s.effect}`;
      if (seen.has(k)) continue;
      seen.add(k);
      statements.push(s);
    }
  }
  return { kind: vs.every((v) => v.kind === 'yes') ? 'yes' : 'maybe', dependsOn, statements };
}

function allowPatterns(policies: EvalPolicy[]): AllowPattern[] {
  const out: AllowPattern[] = [];
  for (const pol of policies) {
    if (!pol.document) {
      out.push({ patterns: 'any', not: false });
      continue;
    }
    for (const st of pol.document.statements) {
      if (st.effect === 'Deny' || st.effect === undefined) continue;
      const list = st.action ?? st.notAction;
      if (list === undefined) continue;
      if (isUnknown(list) || list.some((x) => isUnknown(x))) {
        out.push({ patterns: 'any', not: false });
        continue;
      }
      out.push({ patterns: list as string[], not: st.action === undefined });
    }
  }
  return out;
}

function statementMayMatch(st: PolicyStatement, action: string): boolean {
  const list = st.action ?? st.notAction;
  if (list === undefined) return false;
  if (isUnknown(list) || list.some((x) => isUnknown(x))) return true;
  const hit = (list as string[]).some((x) => actionMatches(x, action));
  return st.action !== undefined ? hit : !hit;
}

/** A statement whose answer cannot depend on the resource: Resource "*" and no resource-related condition. */
function resourceFree(st: PolicyStatement): boolean {
  if (st.notResource !== undefined || st.resource === undefined || isUnknown(st.resource)) return false;
  if (!st.resource.every((r) => r === '*')) return false;
  if (st.condition === undefined) return true;
  return !/resource|\$\{/i.test(JSON.stringify(st.condition));
}

/** Concrete ARNs to try for a resource the attacker creates. */
function candidateArns(a: Actor, req: RequiredAction, acct: string): string[] {
  const fill = (tpl: string) => tpl.replaceAll('{region}', DEFAULT_REGION).replaceAll('{account}', acct).replaceAll('{name}', NEW_NAME);
  const out = [fill(req.arn!)];
  const service = req.arn!.split(':')[2];
  for (const pol of a.identity) {
    for (const st of pol.document?.statements ?? []) {
      if (st.effect !== 'Allow' || !statementMayMatch(st, req.action) || st.resource === undefined || isUnknown(st.resource)) continue;
      for (const r of st.resource) {
        if (typeof r !== 'string' || r === '*' || r.includes('${') || r.split(':')[2] !== service) continue;
        const concrete = r.replace(/\*/g, 'x').replace(/\?/g, 'x');
        if (!out.includes(concrete)) out.push(concrete);
      }
    }
  }
  return out;
}

/** Customer-managed policies attached to the principal (directly or through its groups): their ARNs. */
function attachedCustomerPolicies(account: IamAccount, p: IamPrincipal): string[] {
  const targets = [...p.attached];
  if (p.kind === 'user') for (const g of p.groups) targets.push(...(account.findPrincipal(g, 'group')?.attached ?? []));
  const out = new Set<string>();
  for (const t of targets) {
    const own = account.findPolicy(t);
    if (own) out.add(own.arn);
    else if ('text' in t && /^arn:aws[a-z-]*:iam::\d{12}:policy\//.test(t.text)) out.add(t.text);
  }
  return [...out];
}

/** The non-default versions of the given policies, when the input lists them (authorization details). */
function otherVersions(account: IamAccount, arns: string[], unknownBecause: string[]): EvalPolicy[] {
  const out: EvalPolicy[] = [];
  for (const arn of arns) {
    const pol = account.findPolicy({ text: arn });
    const versions = pol?.resource.attributes.PolicyVersionList;
    if (!pol || !Array.isArray(versions)) {
      unknownBecause.push(`other versions of ${arn} (not in the input)`);
      continue;
    }
    versions.forEach((v, i) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || isUnknown(v)) return;
      const o = v as Record<string, unknown>;
      if (o.IsDefaultVersion === true) return;
      const f = pol.eval('identity', `version ${String(o.VersionId ?? i)}`);
      // the policy's own eval reads the default version; re-read this one
      out.push(versionPolicy(pol.resource.attributes, i, f.name, String(o.VersionId ?? i)) ?? f);
    });
  }
  return out;
}

function versionPolicy(attrs: Record<string, unknown>, i: number, name: string, id: string): EvalPolicy | undefined {
  const doc = (attrs.PolicyVersionList as Array<Record<string, unknown>>)[i]?.Document;
  const parsed = parsePolicyLazy(doc);
  return parsed ? { name: `${name.replace(/ \(.*\)$/, '')} (${id})`, kind: 'identity', document: parsed, via: `policy version ${id}` } : undefined;
}

function parsePolicyLazy(doc: unknown): PolicyDocument | undefined {
  const p = parsePolicy(doc as Value);
  return p.kind === 'document' ? p.document : undefined;
}

function attackerTrust(p: IamPrincipal): EvalPolicy {
  return {
    name: `trust policy rewritten to name ${p.name}`,
    kind: 'resource',
    document: { statements: [{ index: 0, effect: 'Allow', action: ['sts:AssumeRole'], principal: { anyone: false, byType: { AWS: [p.arn] } }, path: 'Statement[0]', elementPaths: {} }] },
  };
}

/**
 * A Terraform trust policy written with jsonencode and a principal that is a
 * reference (`Principal = { AWS = aws_iam_role.x.arn }`) is Unknown as a
 * whole (the source cannot render the JSON string). When the expression is a
 * plain Allow of sts:AssumeRole (no Condition, Deny or NotPrincipal), its
 * principals are read from the expression text: references to users and roles
 * of the model, literal ARNs and service names. Anything else stays unresolved.
 */
function recoverTrust(role: IamPrincipal, account: IamAccount): EvalPolicy | undefined {
  const raw = role.resource.attributes.assume_role_policy;
  const text = isUnknown(raw) ? raw.expression ?? '' : '';
  if (!/^jsonencode\(/.test(text) || /Condition|Deny|NotPrincipal|NotAction|dynamic|for\s/.test(text) || !/sts:AssumeRole"/.test(text)) return undefined;
  const aws: string[] = [];
  for (const m of text.matchAll(/\baws_iam_(?:role|user)\.[A-Za-z0-9_-]+\.arn\b/g)) {
    const arn = account.resolve(new UnknownValue('reference', m[0]));
    if (arn) aws.push(arn);
  }
  for (const m of text.matchAll(/"(arn:aws[a-z-]*:iam::\d{12}:(?:root|user\/[^"]+|role\/[^"]+))"/g)) aws.push(m[1]!);
  const services = [...text.matchAll(/"([a-z0-9.-]+\.amazonaws\.com)"/g)].map((m) => m[1]!);
  const byType: Record<string, string[]> = {};
  if (aws.length) byType.AWS = aws;
  if (services.length) byType.Service = services;
  return {
    name: `${role.id} trust policy (principals read from the expression)`,
    kind: 'resource',
    document: { statements: [{ index: 0, effect: 'Allow', action: ['sts:AssumeRole'], principal: { anyone: false, byType }, path: 'Statement[0]', elementPaths: {} }] },
  };
}

interface TrustIndex {
  sanitized: Map<string, EvalPolicy>;
  /** may the role's trust policy admit the principal (named, or the account / anyone with sts:AssumeRole)? */
  admits(role: IamPrincipal, p: IamPrincipal, mayAssume: (p: IamPrincipal) => boolean): boolean;
  /** roles whose trust allows every principal of the account, with no condition and no Deny */
  accountOpen: Set<string>;
}

/**
 * Trust policies with principals the model cannot resolve (a variable, a data
 * source) taken to name someone outside the scanned principals, and an index
 * from each principal to the roles whose trust may admit it.
 */
function buildTrustIndex(roles: IamPrincipal[], account: IamAccount, resolve: (u: Unknown) => string | undefined): TrustIndex {
  const sanitized = new Map<string, EvalPolicy>();
  const named = new Map<string, IamPrincipal[]>();
  const open: IamPrincipal[] = [];
  const accountOpen = new Set<string>();
  for (const role of roles) {
    if (!role.trust) continue;
    const trust = role.trust.document ? role.trust : (recoverTrust(role, account) ?? role.trust);
    if (!trust.document) {
      sanitized.set(role.id, trust);
      continue;
    }
    let isOpen = false;
    const statements = trust.document.statements.map((st) => {
      const fix = (pr: Principals | Unknown | undefined): Principals | undefined => {
        if (pr === undefined) return undefined;
        if (isUnknown(pr)) return { anyone: false, byType: {} };
        const byType: Record<string, Array<string | Unknown>> = {};
        for (const [type, values] of Object.entries(pr.byType)) {
          byType[type] = values.flatMap((v) => {
            const s = isUnknown(v) ? resolve(v) : v;
            return s === undefined ? [] : [s];
          });
        }
        return { anyone: pr.anyone, byType };
      };
      const principal = fix(st.principal);
      const notPrincipal = fix(st.notPrincipal);
      if (st.effect !== 'Deny') {
        if (notPrincipal || principal?.anyone) isOpen = true;
        for (const [type, values] of Object.entries(principal?.byType ?? {})) {
          if (type.toLowerCase() !== 'aws') continue;
          for (const v of values as string[]) {
            if (v === '*' || /^\d{12}$/.test(v) || /:root$/.test(v)) isOpen = true;
            else {
              const who = account.findPrincipal(v);
              if (who) named.set(who.id, [...(named.get(who.id) ?? []), role]);
            }
          }
        }
      }
      return { ...st, ...(principal ? { principal } : {}), ...(notPrincipal ? { notPrincipal } : {}) };
    });
    sanitized.set(role.id, { ...trust, document: { ...trust.document, statements } });
    if (isOpen) open.push(role);
    // every statement an unconditional Allow of sts:AssumeRole to the account root only
    const fixed = statements as Array<PolicyStatement & { principal?: Principals; notPrincipal?: Principals }>;
    const simple = fixed.every(
      (st) =>
        st.effect === 'Allow' &&
        st.condition === undefined &&
        st.notPrincipal === undefined &&
        st.principal !== undefined &&
        !st.principal.anyone &&
        Object.entries(st.principal.byType).every(([type, values]) => type.toLowerCase() !== 'aws' || values.every((v: string | Unknown) => typeof v === 'string' && (/^\d{12}$/.test(v) || /:root$/.test(v)))),
    );
    const rootAllowed = fixed.some((st) => st.principal && Object.entries(st.principal.byType).some(([type, values]) => type.toLowerCase() === 'aws' && values.length > 0) && st.action !== undefined && !isUnknown(st.action) && st.action.some((x) => typeof x === 'string' && actionMatches(x, 'sts:AssumeRole')));
    if (simple && rootAllowed) accountOpen.add(role.id);
  }
  const namedBy = new Map<string, Set<string>>();
  for (const [pid, rs] of named) for (const r of rs) namedBy.set(r.id, (namedBy.get(r.id) ?? new Set()).add(pid));
  const openIds = new Set(open.map((r) => r.id));
  return {
    sanitized,
    accountOpen,
    admits(role, p, mayAssume) {
      return namedBy.get(role.id)?.has(p.id) === true || (openIds.has(role.id) && mayAssume(p));
    },
  };
}
