import type * as Sarif from 'sarif';
import type { CheckMeta } from '../checks/engine/types.js';
import type { Finding, Location, Severity } from '../model/index.js';
import type { ScanError } from '../scan/errors.js';
import type { ScanResult } from '../scan/scan.js';
import { suppressionKind } from '../suppress/apply.js';

/**
 * SARIF 2.1.0 (OASIS), one run, shaped for GitHub code scanning:
 * `properties["security-severity"]` and a `security` tag on every rule,
 * paths relative to `%SRCROOT%`, our fingerprint in `partialFingerprints`,
 * suppressions as `inSource` (comment) or `external` (.tetrad.yaml), scan
 * errors as tool execution notifications.
 */

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** GitHub code scanning reads this number (0.0–10.0) to rank security alerts. */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export const SARIF_LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** "Container runs privileged" → "ContainerRunsPrivileged": SARIF rule names are identifiers. */
export function ruleName(title: string): string {
  return title
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function isAbsoluteUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function complianceTags(compliance: Record<string, string[] | undefined> | undefined): string[] {
  return Object.entries(compliance ?? {}).flatMap(([framework, ids]) => (ids ?? []).map((id) => `${framework}:${id}`));
}

export function toRule(meta: CheckMeta): Sarif.ReportingDescriptor {
  const refs = meta.references ?? [];
  const helpText = [meta.description, '', `Remediation: ${meta.remediation}`, ...(refs.length ? ['', 'References:', ...refs.map((r) => `- ${r}`)] : [])].join('\n');
  const helpMarkdown = [meta.description, '', `**Remediation:** ${meta.remediation}`, ...(refs.length ? ['', ...refs.map((r) => `- ${r}`)] : [])].join('\n');
  const rule: Sarif.ReportingDescriptor = {
    id: meta.id,
    name: ruleName(meta.title),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.description },
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: SARIF_LEVEL[meta.severity] },
    properties: {
      tags: [...new Set(['security', meta.pillar, ...complianceTags(meta.compliance)])],
      'security-severity': SECURITY_SEVERITY[meta.severity],
      precision: 'very-high',
      pillar: meta.pillar,
      severity: meta.severity,
      ...(meta.compliance && Object.keys(meta.compliance).length ? { compliance: meta.compliance } : {}),
    },
  };
  const helpUri = refs.find(isAbsoluteUrl);
  if (helpUri) rule.helpUri = helpUri;
  return rule;
}

/** A path as a URI reference: POSIX separators, each segment percent-encoded. */
export function pathToUriReference(path: string): string {
  return path
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** Relative paths hang off %SRCROOT%; absolute ones become file: URIs; live resources keep their URI. */
export function physicalLocation(loc: Location): Sarif.PhysicalLocation {
  if (loc.uri) return { artifactLocation: { uri: loc.uri } };
  const file = loc.file.replace(/\\/g, '/');
  const artifactLocation: Sarif.ArtifactLocation = file.startsWith('/')
    ? { uri: `file://${pathToUriReference(file)}` }
    : /^[A-Za-z]:\//.test(file)
      ? { uri: `file:///${pathToUriReference(file)}` }
      : { uri: pathToUriReference(file), uriBaseId: '%SRCROOT%' };
  const region: Sarif.Region = { startLine: Math.max(1, loc.startLine), endLine: Math.max(1, loc.startLine, loc.endLine) };
  if (loc.startColumn !== undefined && loc.startColumn >= 1) region.startColumn = loc.startColumn;
  return { artifactLocation, region };
}

function toResult(f: Finding, ruleIndex: number): Sarif.Result {
  const unknown = f.verdict === 'unknown';
  const result: Sarif.Result = {
    ruleId: f.checkId,
    ruleIndex,
    // SARIF: a result whose kind is not "fail" has level "none"
    ...(unknown ? { kind: 'review' as const, level: 'none' as const } : { kind: 'fail' as const, level: SARIF_LEVEL[f.severity] }),
    message: { text: unknown ? `${f.message} (verdict unknown: depends on a value that could not be resolved)` : f.message },
    locations: [
      {
        physicalLocation: physicalLocation(f.location),
        logicalLocations: [{ name: f.resource.id, fullyQualifiedName: f.resource.id, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'tetrad/v1': f.fingerprint },
    // SARIF's rank (0–100, higher is more important) is the finding's risk score
    ...(f.risk ? { rank: f.risk.score } : {}),
    properties: {
      severity: f.severity,
      'security-severity': SECURITY_SEVERITY[f.severity],
      pillar: f.pillar,
      verdict: f.verdict,
      resourceType: f.resource.type,
      provider: f.resource.provider,
      ...(f.evidence !== undefined ? { evidence: f.evidence } : {}),
      ...(f.risk ? { risk: f.risk.score, riskContributions: f.risk.contributions.map((c) => c.label) } : {}),
    },
  };
  if (f.suppressed) {
    const s: Sarif.Suppression = {
      kind: suppressionKind(f.suppressed),
      status: 'accepted',
      justification: f.suppressed.reason,
      properties: { origin: f.suppressed.origin, ...(f.suppressed.expires ? { expires: f.suppressed.expires } : {}) },
    };
    result.suppressions = [s];
  }
  return result;
}

const NOTIFICATION_LEVEL: Record<ScanError['kind'], Sarif.Notification.level> = {
  parse: 'error',
  check: 'error',
  io: 'error',
  config: 'warning',
  skipped: 'note',
};

function toNotification(e: ScanError): Sarif.Notification {
  const n: Sarif.Notification = {
    level: NOTIFICATION_LEVEL[e.kind] ?? 'warning',
    message: { text: e.message },
    descriptor: { id: `tetrad/${e.kind}` },
  };
  if (e.file) {
    const line = e.line !== undefined && e.line >= 1 ? e.line : undefined;
    const loc = physicalLocation({ file: e.file, startLine: line ?? 1, endLine: line ?? 1, startColumn: line && e.column ? e.column : undefined });
    if (line === undefined) delete loc.region;
    n.locations = [{ physicalLocation: loc }];
  }
  const props: Record<string, string> = { kind: e.kind };
  if (e.source) props.source = e.source;
  n.properties = props;
  return n;
}

export function toSarif(result: ScanResult): Sarif.Log {
  const metas = [...result.checks];
  const index = new Map(metas.map((m, i) => [m.id, i]));
  for (const f of result.findings) {
    if (!index.has(f.checkId)) {
      index.set(f.checkId, metas.length);
      metas.push(metaFromFinding(f));
    }
  }
  const rules = metas.map(toRule);
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: result.tool.name,
        version: result.tool.version,
        semanticVersion: result.tool.version,
        informationUri: result.tool.informationUri,
        rules,
      },
    },
    invocations: [
      {
        // the scan ran to the end; problems with single files or checks are notifications
        executionSuccessful: true,
        toolExecutionNotifications: result.errors.map(toNotification),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results: result.findings.map((f) => toResult(f, index.get(f.checkId)!)),
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/** Rule metadata rebuilt from a finding whose check is not among the checks that ran (keeps ruleIndex valid). */
function metaFromFinding(f: Finding): CheckMeta {
  return { id: f.checkId, title: f.title, pillar: f.pillar, severity: f.severity, description: f.title, remediation: f.remediation, references: f.references, compliance: f.compliance, sources: [] };
}

export function renderSarif(result: ScanResult): string {
  return JSON.stringify(toSarif(result), null, 2) + '\n';
}
