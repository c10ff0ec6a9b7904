import type { Finding, Resource } from '../../model/index.js';
import { locate } from '../../model/index.js';
import type { ScanError } from '../../scan/errors.js';
import { createCheckContext, modelLookupsOf, type ModelLookups } from './context.js';
import { fingerprint } from './fingerprint.js';
import type { Check, CheckContext, CheckServices, FindingDraft } from './types.js';

export interface CheckRunResult {
  findings: Finding[];
  errors: ScanError[];
  /** the id and referrer indexes of the checks' context, reused by the risk scores */
  lookups: ModelLookups;
}

/** What one check gave: its findings, or the error it threw. */
export interface CheckOutcome {
  findings: Finding[];
  error?: ScanError;
  /** indexes of the findings located at their whole resource (no attribute): they cover no one line */
  resourceLevel?: number[];
}

/** Runs every check over the model. A check that throws becomes an error entry; the others go on. */
export function runChecks(checks: readonly Check[], resources: readonly Resource[], services: CheckServices = {}): CheckRunResult {
  const ctx = createCheckContext(resources, services);
  return assembleRun(
    checks,
    checks.map((check) => runCheck(check, ctx)),
    ctx,
  );
}

/** One check over a context, its drafts made findings. */
export function runCheck(check: Check, ctx: CheckContext): CheckOutcome {
  let drafts: FindingDraft[];
  try {
    drafts = check.run(ctx);
  } catch (err) {
    return { findings: [], error: { kind: 'check', file: check.file ?? check.meta.id, message: `check ${check.meta.id} failed: ${(err as Error).message}` } };
  }
  const findings: Finding[] = [];
  const resourceLevel: number[] = [];
  for (const d of drafts) {
    const f = toFinding(check, d);
    // located by the resource itself: the attribute is absent or has no position of its own
    if (d.location === undefined && f.location === d.resource.location) resourceLevel.push(findings.length);
    findings.push(f);
  }
  return resourceLevel.length ? { findings, resourceLevel } : { findings };
}

/**
 * The run's result from each check's outcome, in check order (wherever each ran): one
 * finding per fingerprint, deferring checks dropped where another finding covers them.
 */
export function assembleRun(checks: readonly Check[], outcomes: readonly CheckOutcome[], ctx: CheckContext): CheckRunResult {
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const seen = new Set<string>();
  const resourceLevel = new Set<Finding>();
  for (const outcome of outcomes) {
    if (outcome.error) errors.push(outcome.error);
    for (const i of outcome.resourceLevel ?? []) resourceLevel.add(outcome.findings[i]!);
    for (const f of outcome.findings) {
      if (seen.has(f.fingerprint)) continue;
      seen.add(f.fingerprint);
      findings.push(f);
    }
  }
  return { findings: dropDeferred(checks, findings, resourceLevel), errors, lookups: modelLookupsOf(ctx) };
}

/**
 * Drops the findings of checks marked `defersToCoveringFindings` whose line a
 * finding of another check of the same pillar covers in the same file: one
 * secret, one finding, from the check that knows the resource. A finding
 * located at its whole resource (`resourceLevel`: "this database has no IAM
 * authentication") covers no line: it is about the resource, not about what
 * one of its lines holds.
 */
export function dropDeferred(checks: readonly Check[], findings: Finding[], resourceLevel: ReadonlySet<Finding> = new Set()): Finding[] {
  const deferring = new Map(checks.filter((c) => c.meta.defersToCoveringFindings).map((c) => [c.meta.id, c.meta.pillar]));
  if (deferring.size === 0) return findings;
  const covering = new Map<string, Finding[]>();
  for (const f of findings) {
    if (deferring.has(f.checkId) || resourceLevel.has(f)) continue;
    const key = `${f.pillar}\0${f.location.file}`;
    const list = covering.get(key);
    if (list) list.push(f);
    else covering.set(key, [f]);
  }
  return findings.filter((f) => {
    const pillar = deferring.get(f.checkId);
    if (pillar === undefined) return true;
    const others = covering.get(`${pillar}\0${f.location.file}`);
    return !others?.some((o) => o.location.startLine <= f.location.startLine && f.location.startLine <= o.location.endLine);
  });
}

export function toFinding(check: Check, d: FindingDraft): Finding {
  const { meta } = check;
  const location = d.location ?? locate(d.resource, d.attributePath);
  const finding: Finding = {
    checkId: meta.id,
    pillar: meta.pillar,
    severity: d.severity ?? meta.severity,
    title: meta.title,
    verdict: d.verdict ?? 'fail',
    message: d.message,
    resource: { id: d.resource.id, type: d.resource.type, provider: d.resource.provider },
    location,
    remediation: meta.remediation,
    fingerprint: fingerprint({
      checkId: meta.id,
      resourceId: d.resource.id,
      file: d.resource.location.file,
      key: d.key ?? d.attributePath,
    }),
  };
  if (d.evidence !== undefined) finding.evidence = d.evidence;
  if (d.vulnerability) finding.vulnerability = d.vulnerability;
  if (meta.references?.length) finding.references = meta.references;
  if (meta.compliance && Object.keys(meta.compliance).length) finding.compliance = meta.compliance as Record<string, string[]>;
  return finding;
}
