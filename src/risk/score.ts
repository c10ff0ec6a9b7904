/**
 * Finding risk (issue #7 part 6): the one place where the facts known about a
 * finding become a 0–100 score with named contributions.
 *
 * Two steps, kept apart so new facts can join without a rewrite:
 * 1. `gatherRiskInputs` collects the named inputs of one finding (`RiskInputs`)
 *    from a per-scan context (`RiskContext`): exposure and privilege indexes
 *    built once from the findings and the model's references, and the exploit
 *    estimator (the shipped model, loaded lazily).
 * 2. `combineRisk` turns `RiskInputs` into points. It knows nothing about
 *    where an input came from: the reachability engine can later fill
 *    `exposure` (with `source: 'reachability'`), the attack-path engine
 *    `blastRadius`, analyst feedback `feedback` — each is already an input with
 *    a weight here.
 *
 * Weights (points, capped at 100 in total):
 *   severity   critical 40, high 30, medium 20, low 10, info 2 (halved for an unknown verdict)
 *   KEV        +25: a CVE of the finding is known exploited (exploit likelihood is then certain)
 *   exploit    up to +25: 25·√p of the model's calibrated probability (√ because exploitation
 *              probabilities are small by nature — the test months' base rate is 0.3 %; √ keeps
 *              p = 0.1 visible at +8 while certainty stays +25)
 *   EPSS       up to +10: 10·√epss
 *   exposed    +30: the resource is reachable from the internet
 *   privilege  admin-capable identity +20, privileged workload +15, root or escalation-capable +10
 *              (named check lists below; a privileges finding only raises findings of the other pillars)
 *   blast      up to +10 (reserved for the attack-path engine): 10·min(1, reachable/20)
 *   feedback   analyst adjustment, −50…+50 (reserved)
 */
import type { Finding, Resource, RiskContribution, Severity } from '../model/index.js';
import { atLeast } from '../model/index.js';
import type { CveRecord, MetricEntry } from '../ml/cve-record.js';
import { exploitProbability, modelFromArtifact, readArtifact, type ExploitModel } from '../ml/artifact.js';
import { SHIPPED_MODEL_FILE } from '../ml/paths.js';
import type { ModelLookups } from '../checks/engine/context.js';

/** Every named input the score is made of. Absent means "not known", never "safe". */
export interface RiskInputs {
  severity: Severity;
  verdict: 'fail' | 'unknown';
  /** calibrated probability that a CVE of the finding gets exploited (the highest of its CVEs) */
  exploit?: { probability: number; cves: string[]; source: 'finding' | 'model' };
  /** a CVE of the finding is in CISA KEV */
  kev?: { cves: string[] };
  /** EPSS probability (the highest of its CVEs) */
  epss?: number;
  /** the resource is reachable from the internet; `via` names what makes it so */
  exposure?: { via: string; source: 'ports-finding' | 'reachability' };
  /** the resource (or the identity it runs as) holds elevated privileges */
  privilege?: { level: PrivilegeLevel; via: string };
  /** what an attacker reaches from this resource (attack-path engine, later) */
  blastRadius?: { reachable: number; via?: string };
  /** analyst feedback: points to add or remove, with the reason (later) */
  feedback?: { points: number; reason: string };
}

export type PrivilegeLevel = 'admin' | 'privileged-workload' | 'elevated';

export const SEVERITY_POINTS: Record<Severity, number> = { critical: 40, high: 30, medium: 20, low: 10, info: 2 };
export const WEIGHTS = {
  kev: 25,
  exploit: 25,
  epss: 10,
  exposed: 30,
  privilege: { admin: 20, 'privileged-workload': 15, elevated: 10 } satisfies Record<PrivilegeLevel, number>,
  blastRadius: 10,
  feedbackLimit: 50,
} as const;

const PRIVILEGE_LABEL: Record<PrivilegeLevel, string> = {
  admin: 'admin-capable role',
  'privileged-workload': 'privileged workload',
  elevated: 'runs with elevated privileges',
};

export interface RiskScore {
  score: number;
  contributions: RiskContribution[];
}

const signed = (n: number) => (n < 0 ? `${n}` : `+${n}`);

/** The combination: named inputs → points. Pure; contributions worth 0 points are left out. */
export function combineRisk(inputs: RiskInputs): RiskScore {
  const out: RiskContribution[] = [];
  const add = (factor: string, points: number, name: string) => {
    const p = Math.round(points);
    if (p !== 0) out.push({ factor, points: p, label: `${name} ${signed(p)}` });
  };
  const sev = SEVERITY_POINTS[inputs.severity] * (inputs.verdict === 'unknown' ? 0.5 : 1);
  add('severity', sev, inputs.verdict === 'unknown' ? `${inputs.severity} severity (unknown verdict)` : `${inputs.severity} severity`);
  if (inputs.kev) add('kev', WEIGHTS.kev, 'KEV');
  // KEV makes exploitation certain: the model's estimate is then not added on top
  else if (inputs.exploit) add('exploit-likelihood', WEIGHTS.exploit * Math.sqrt(clamp01(inputs.exploit.probability)), `exploit likelihood ${pct(inputs.exploit.probability)}`);
  if (inputs.epss !== undefined) add('epss', WEIGHTS.epss * Math.sqrt(clamp01(inputs.epss)), `EPSS ${pct(inputs.epss)}`);
  if (inputs.exposure) add('internet-exposed', WEIGHTS.exposed, 'internet-exposed');
  if (inputs.privilege) add('privilege', WEIGHTS.privilege[inputs.privilege.level], PRIVILEGE_LABEL[inputs.privilege.level]);
  if (inputs.blastRadius) add('blast-radius', WEIGHTS.blastRadius * Math.min(1, inputs.blastRadius.reachable / 20), `blast radius ${inputs.blastRadius.reachable}`);
  if (inputs.feedback) add('feedback', Math.max(-WEIGHTS.feedbackLimit, Math.min(WEIGHTS.feedbackLimit, inputs.feedback.points)), `analyst: ${inputs.feedback.reason}`);
  out.sort((a, b) => b.points - a.points || a.factor.localeCompare(b.factor));
  const total = out.reduce((s, c) => s + c.points, 0);
  return { score: Math.max(0, Math.min(100, total)), contributions: out };
}

const clamp01 = (p: number) => (Number.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0);
function pct(p: number): string {
  const v = clamp01(p) * 100;
  return v >= 10 || v === 0 ? `${Math.round(v)}%` : v >= 1 ? `${v.toFixed(1)}%` : `${v.toPrecision(1)}%`;
}

// ---------------------------------------------------------------------------
// Exploit likelihood: the shipped model, loaded once per scan and only when a
// finding carries CVE ids.

/** A CVE JSON 5 record by id (e.g. from the advisory store); undefined when not known. */
export type CveRecordLookup = (cveId: string) => CveRecord | undefined;

export interface ExploitEstimatorOptions {
  /** how to load the model (default: the shipped artifact `models/exploit-v1.json`) */
  loadModel?: () => ExploitModel;
  /** full CVE records; without one the model scores what the finding states (CVSS vectors) */
  records?: CveRecordLookup;
}

const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

/** The CVE ids of a finding's vulnerability facts, sorted and unique. */
const NO_CVES: string[] = [];

export function findingCves(f: Finding): string[] {
  return [...new Set((f.vulnerability?.ids ?? []).filter((id) => CVE_ID.test(id)))].sort();
}

/**
 * The exploit model for one scan. It reads the artifact the first time a
 * CVE has to be scored (never for a scan without CVE ids), and scores each
 * CVE once.
 */
export class ExploitEstimator {
  private model: ExploitModel | undefined;
  private failed: Error | undefined;
  private readonly cache = new Map<string, number>();
  /** how many times the model was loaded (0 or 1; for tests) */
  loads = 0;

  constructor(private readonly options: ExploitEstimatorOptions = {}) {}

  /** The highest calibrated probability among the CVEs, or undefined when the model cannot be loaded. */
  probability(cves: readonly string[], f?: Finding): number | undefined {
    if (cves.length === 0) return undefined;
    let best: number | undefined;
    for (const id of cves) {
      let p = this.cache.get(id);
      if (p === undefined) {
        const model = this.load();
        if (!model) return undefined;
        const record = this.options.records?.(id) ?? recordFromFacts(id, f);
        p = exploitProbability(model, record);
        this.cache.set(id, p);
      }
      if (best === undefined || p > best) best = p;
    }
    return best;
  }

  /** The error that kept the model from loading, if any (the scan reports it once). */
  get loadError(): Error | undefined {
    return this.failed;
  }

  private load(): ExploitModel | undefined {
    if (this.model || this.failed) return this.model;
    this.loads++;
    try {
      this.model = (this.options.loadModel ?? (() => modelFromArtifact(readArtifact(SHIPPED_MODEL_FILE))))();
    } catch (err) {
      this.failed = err as Error;
    }
    return this.model;
  }
}

const METRIC_KEY: Record<string, keyof MetricEntry> = { '2.0': 'cvssV2_0', '3.0': 'cvssV3_0', '3.1': 'cvssV3_1', '4.0': 'cvssV4_0' };

/**
 * A minimal CVE record from what a finding states: its CVSS vectors. The
 * model then judges on the vector alone (no description, vendor or CWE), so
 * the probability is less informed than from the full record.
 */
export function recordFromFacts(cveId: string, f?: Finding): CveRecord {
  const metrics: MetricEntry[] = [];
  for (const c of f?.vulnerability?.cvss ?? []) {
    const key = METRIC_KEY[c.version];
    if (key) metrics.push({ [key]: { version: c.version, vectorString: c.vector, baseScore: c.score } });
  }
  return { cveMetadata: { cveId }, containers: { cna: { metrics } } };
}

// ---------------------------------------------------------------------------
// Exposure and privilege from the findings of the same scan.

/**
 * Privilege checks whose finding means the identity can become an
 * administrator (full admin, NotAction *, escalation actions, AdministratorAccess,
 * cluster-admin, wildcard or escalation-prone RBAC, Azure role assignment,
 * GCP Owner/Editor, project-wide impersonation, admin roles on service accounts).
 */
export const ADMIN_CAPABLE_CHECKS = new Set([
  'TET-PRIV-002', 'TET-PRIV-003', 'TET-PRIV-004', 'TET-PRIV-005', 'TET-PRIV-016', 'TET-PRIV-017', 'TET-PRIV-018',
  'TET-PRIV-021', 'TET-PRIV-022', 'TET-PRIV-029', 'TET-PRIV-038', 'TET-PRIV-040',
]);
/** Privilege checks whose finding means a workload runs with host-level power. */
export const PRIVILEGED_WORKLOAD_CHECKS = new Set(['TET-PRIV-001', 'TET-PRIV-013', 'TET-PRIV-014', 'TET-PRIV-015', 'TET-PRIV-026', 'TET-PRIV-041']);

/** Privilege checks whose finding means the workload runs as root or can gain privileges. */
export const ELEVATED_CHECKS = new Set(['TET-PRIV-011', 'TET-PRIV-012', 'TET-PRIV-020', 'TET-PRIV-024', 'TET-PRIV-030', 'TET-PRIV-039']);
/** Ports checks that do not mean the internet reaches the resource (host network, a Dockerfile's EXPOSE). */
export const NOT_INTERNET_EXPOSURE = new Set(['TET-PORTS-018', 'TET-PORTS-019', 'TET-PORTS-020']);
/** Firewall-like resources: an exposure found on one also exposes what is attached to it. */
const FIREWALL_TYPE = /security_?group|network_acl|firewall|network_security_group|NetworkAcl/i;
/** Rule resources that belong to a firewall (`aws_security_group_rule`, `AWS::EC2::SecurityGroupIngress`, NSG rules, NACL entries). */
const RULE_TYPE = /rule|entry|Ingress|Egress/i;
/** Identity resources walked from a workload to the policies it runs with. */
const IDENTITY_TYPE = /iam|role|polic|instance_profile|InstanceProfile|service_?account|ServiceAccount|binding/i;
/** Identity resources that carry grants for a principal pointing at it (attachments, inline policies, bindings). */
const GRANT_TYPE = /attachment|role_policy|user_policy|group_policy|binding|member|Policy$/i;

/** The id and referrer indexes of a model, for a caller without a check context. */
function indexModel(resources: readonly Resource[]): ModelLookups {
  const ids = new Map<string, Resource>();
  const referrers = new Map<string, Resource[]>();
  for (const r of resources) {
    ids.set(r.id, r);
    for (const ref of r.references) {
      const list = referrers.get(ref.target);
      if (list) list.push(r);
      else referrers.set(ref.target, [r]);
    }
  }
  return { byId: (id) => ids.get(id), referrers: (id) => referrers.get(id) ?? [] };
}

export interface RiskContext {
  inputs(f: Finding): RiskInputs;
}

export interface RiskOptions extends ExploitEstimatorOptions {
  /** share one estimator between calls (tests, long-running servers) */
  estimator?: ExploitEstimator;
  /**
   * the model's id and referrer indexes when the caller has them (the check
   * context's, `runChecks().lookups`): the model is then not indexed again
   */
  lookups?: ModelLookups;
}

/**
 * Indexes one scan's findings and model: which resources are internet-exposed
 * (a ports finding of severity ≥ high on the resource, on a firewall it points
 * at, or on a firewall pointing at it) and which hold elevated privileges
 * (a privileges finding on the resource or on the identity it runs as).
 */
export function createRiskContext(findings: readonly Finding[], resources: readonly Resource[], options: RiskOptions = {}): RiskContext {
  // the check context's indexes when given (the same maps: last resource per id, referrers in model order)
  const { byId, referrers } = options.lookups ?? indexModel(resources);
  const out = (r: Resource) => r.references.flatMap((ref) => byId(ref.target) ?? []);
  const into = (r: Resource) => referrers(r.id);

  // exposure: the first ports finding (worst severity, then check id) that makes each resource exposed
  const exposed = new Map<string, string>();
  const exposers = findings
    .filter((f) => f.pillar === 'ports' && f.verdict === 'fail' && !f.suppressed && atLeast(f.severity, 'high') && !NOT_INTERNET_EXPOSURE.has(f.checkId))
    .sort((a, b) => bySeverity(a, b) || a.checkId.localeCompare(b.checkId) || a.resource.id.localeCompare(b.resource.id));
  const mark = (id: string, via: string) => {
    if (!exposed.has(id)) exposed.set(id, via);
  };
  for (const f of exposers) {
    const via = `${f.checkId} on ${f.resource.id}`;
    mark(f.resource.id, via);
    const r = byId(f.resource.id);
    if (!r) continue;
    // a rule resource exposes the firewall it belongs to; a firewall exposes what is attached to it
    // (not the firewalls it names as peers: a group admitting another group does not expose that one)
    const firewalls = FIREWALL_TYPE.test(r.type) ? [r] : [];
    if (RULE_TYPE.test(r.type)) firewalls.push(...out(r).filter((t) => FIREWALL_TYPE.test(t.type) && !RULE_TYPE.test(t.type)));
    for (const fw of firewalls) {
      mark(fw.id, via);
      for (const holder of into(fw)) mark(holder.id, via);
    }
  }

  // privilege: the strongest privileges finding per resource
  const ownPrivilege = new Map<string, { level: PrivilegeLevel; f: Finding }>();
  for (const f of findings) {
    if (f.pillar !== 'privileges' || f.verdict !== 'fail' || f.suppressed) continue;
    const level = privilegeLevel(f);
    if (!level) continue;
    const had = ownPrivilege.get(f.resource.id);
    if (!had || LEVEL_RANK[level] > LEVEL_RANK[had.level] || (level === had.level && f.checkId < had.f.checkId)) ownPrivilege.set(f.resource.id, { level, f });
  }
  const privilegeCache = new Map<string, { level: PrivilegeLevel; via: string } | null>();
  const privilegeOf = (findingResource: string): { level: PrivilegeLevel; via: string } | undefined => {
    const key = findingResource;
    const hit = privilegeCache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const r = byId(findingResource);
    let best: { level: PrivilegeLevel; via: string } | undefined;
    const consider = (id: string) => {
      const p = ownPrivilege.get(id);
      if (p && (!best || LEVEL_RANK[p.level] > LEVEL_RANK[best.level])) best = { level: p.level, via: `${p.f.checkId} on ${id}` };
    };
    consider(findingResource);
    if (r) for (const id of identityNeighbourhood(r, out, into)) consider(id);
    privilegeCache.set(key, best ?? null);
    return best;
  };

  const estimator = options.estimator ?? new ExploitEstimator(options);

  return {
    inputs(f: Finding): RiskInputs {
      const inputs: RiskInputs = { severity: f.severity, verdict: f.verdict };
      const v = f.vulnerability;
      // most findings carry no vulnerability: no CVE list to build for them
      const cves = v ? findingCves(f) : NO_CVES;
      if (v?.kev) inputs.kev = { cves };
      if (v && !v.kev) {
        if (v.exploitProbability !== undefined) inputs.exploit = { probability: v.exploitProbability, cves, source: 'finding' };
        else {
          const p = estimator.probability(cves, f);
          if (p !== undefined) {
            inputs.exploit = { probability: p, cves, source: 'model' };
            v.exploitProbability = Number(p.toPrecision(6));
          }
        }
      }
      if (v?.epss !== undefined) inputs.epss = v.epss;
      // a ports finding is itself the exposure and a privileges finding the privilege: the
      // context inputs come from the other pillars, so nothing counts twice
      const via = exposed.get(f.resource.id);
      if (via && f.pillar !== 'ports') inputs.exposure = { via, source: 'ports-finding' };
      if (f.pillar !== 'privileges') {
        const p = privilegeOf(f.resource.id);
        if (p) inputs.privilege = p;
      }
      return inputs;
    },
  };
}

const LEVEL_RANK: Record<PrivilegeLevel, number> = { elevated: 1, 'privileged-workload': 2, admin: 3 };

function privilegeLevel(f: Finding): PrivilegeLevel | undefined {
  if (ADMIN_CAPABLE_CHECKS.has(f.checkId)) return 'admin';
  if (PRIVILEGED_WORKLOAD_CHECKS.has(f.checkId)) return 'privileged-workload';
  return ELEVATED_CHECKS.has(f.checkId) ? 'elevated' : undefined;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_POINTS[b.severity] - SEVERITY_POINTS[a.severity];
}

/**
 * The identity resources a workload runs with: outgoing references through
 * identity types (instance → instance profile → role → managed policy →
 * policy document), and at each identity the grants pointing at it
 * (attachments, inline policies, bindings), followed outwards only — never
 * back in from a policy, so a policy shared by many roles does not lend one
 * role's grants to another. At most 6 steps.
 */
function identityNeighbourhood(start: Resource, out: (r: Resource) => readonly Resource[], into: (r: Resource) => readonly Resource[]): string[] {
  const seen = new Set<string>([start.id]);
  let frontier: { r: Resource; inward: boolean }[] = [{ r: start, inward: IDENTITY_TYPE.test(start.type) }];
  for (let depth = 0; depth < 6 && frontier.length; depth++) {
    const next: { r: Resource; inward: boolean }[] = [];
    for (const { r, inward } of frontier) {
      for (const t of out(r)) {
        if (!seen.has(t.id) && IDENTITY_TYPE.test(t.type)) {
          seen.add(t.id);
          next.push({ r: t, inward: true });
        }
      }
      if (!inward) continue;
      for (const g of into(r)) {
        if (!seen.has(g.id) && GRANT_TYPE.test(g.type)) {
          seen.add(g.id);
          // a grant is followed outwards only (to the policy it attaches)
          next.push({ r: g, inward: false });
        }
      }
    }
    frontier = next;
  }
  seen.delete(start.id);
  return [...seen];
}

// ---------------------------------------------------------------------------

/** Scores every finding in place (sets `finding.risk`). Returns the estimator, e.g. to report a model that failed to load. */
export function scoreFindings(findings: Finding[], resources: readonly Resource[], options: RiskOptions = {}): ExploitEstimator {
  const estimator = options.estimator ?? new ExploitEstimator(options);
  const ctx = createRiskContext(findings, resources, { ...options, estimator });
  for (const f of findings) f.risk = combineRisk(ctx.inputs(f));
  return estimator;
}

/** Findings by risk, highest first; ties keep the given (deterministic) order. */
export function byRisk<T extends Pick<Finding, 'risk'>>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (b.f.risk?.score ?? -1) - (a.f.risk?.score ?? -1) || a.i - b.i)
    .map((x) => x.f);
}

/** "internet-exposed +30, KEV +25, admin-capable role +20": the top contributions, for reports. */
export function topContributions(risk: RiskScore | undefined, n = 3): string {
  return (risk?.contributions ?? []).slice(0, n).map((c) => c.label).join(', ');
}
