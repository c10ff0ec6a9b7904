import type { Finding, Resource } from '../../model/index.js';
import { locate } from '../../model/index.js';
import type { ScanError } from '../../scan/errors.js';
import { createCheckContext } from './context.js';
import { fingerprint } from './fingerprint.js';
import type { Check, FindingDraft } from './types.js';

export interface CheckRunResult {
  findings: Finding[];
  errors: ScanError[];
}

/** Runs every check over the model. A check that throws becomes an error entry; the others go on. */
export function runChecks(checks: readonly Check[], resources: readonly Resource[]): CheckRunResult {
  const ctx = createCheckContext(resources);
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const seen = new Set<string>();
  for (const check of checks) {
    let drafts: FindingDraft[];
    try {
      drafts = check.run(ctx);
    } catch (err) {
      errors.push({ kind: 'check', file: check.file ?? check.meta.id, message: `check ${check.meta.id} failed: ${(err as Error).message}` });
      continue;
    }
    for (const d of drafts) {
      const f = toFinding(check, d);
      if (seen.has(f.fingerprint)) continue;
      seen.add(f.fingerprint);
      findings.push(f);
    }
  }
  return { findings, errors };
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
