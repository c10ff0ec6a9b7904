import pc from 'picocolors';

type Colors = ReturnType<typeof pc.createColors>;
import { PILLARS, SEVERITIES, type Finding, type Severity } from '../model/index.js';
import type { ScanResult } from '../scan/scan.js';
import { topContributions } from '../risk/score.js';

const SEV_COLOR: Record<Severity, (s: string) => string> = {
  critical: (s) => pc.bold(pc.red(s)),
  high: pc.red,
  medium: pc.yellow,
  low: pc.cyan,
  info: pc.dim,
};

const PILLAR_TITLE: Record<string, string> = {
  ports: 'PORTS — network exposure',
  privileges: 'PRIVILEGES — identities, roles and containers',
  passwords: 'PASSWORDS — credentials and secrets',
  patches: 'PATCHES — versions and vulnerable software',
};

/** The human report: findings grouped by pillar, highest risk first, with file:line, resource and fix. */
export function renderTable(result: ScanResult, opts: { color?: boolean; showSuppressed?: boolean } = {}): string {
  const color = opts.color ?? false;
  const c = color ? pc : pc.createColors(false);
  const sevColor = (s: Severity) => (color ? SEV_COLOR[s](s.toUpperCase().padEnd(8)) : s.toUpperCase().padEnd(8));
  const lines: string[] = [];
  const active = result.findings.filter((f) => !f.suppressed);
  const suppressed = result.findings.filter((f) => f.suppressed);
  for (const pillar of PILLARS) {
    const group = active
      .filter((f) => f.pillar === pillar)
      // highest risk first (src/risk/score.ts), then worst severity, then place
      .sort(
        (a, b) =>
          (b.risk?.score ?? -1) - (a.risk?.score ?? -1) ||
          SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
          a.location.file.localeCompare(b.location.file) ||
          a.location.startLine - b.location.startLine,
      );
    if (group.length === 0) continue;
    lines.push('', c.bold(`${PILLAR_TITLE[pillar]} (${group.length})`), '');
    for (const f of group) lines.push(...renderFinding(f, sevColor, c));
  }
  if (opts.showSuppressed && suppressed.length) {
    lines.push('', c.bold(`SUPPRESSED (${suppressed.length})`), '');
    for (const f of suppressed) {
      const s = f.suppressed!;
      lines.push(`  ${f.checkId} ${where(f)} ${f.resource.id} — ${s.reason}${s.expires ? ` (until ${s.expires})` : ''} ${c.dim(`[${s.origin}]`)}`);
    }
  }
  if (result.errors.length) {
    lines.push('', c.bold(`ERRORS (${result.errors.length})`), '');
    for (const e of result.errors) lines.push(`  ${e.kind.padEnd(7)} ${e.file}${e.line ? `:${e.line}` : ''}  ${e.message}`);
  }
  lines.push('', summary(result, c));
  return lines.join('\n') + '\n';
}

function where(f: Finding): string {
  return f.location.uri ?? `${f.location.file}:${f.location.startLine}`;
}

function renderFinding(f: Finding, sev: (s: Severity) => string, c: Colors): string[] {
  const unknown = f.verdict === 'unknown' ? c.dim(' [unknown: depends on an unresolved value]') : '';
  const out = [`  ${sev(f.severity)} ${c.bold(f.checkId)}  ${f.title}${unknown}`, `           ${c.underline(where(f))}  ${f.resource.id} (${f.resource.type})`, `           ${f.message}`];
  if (f.evidence) out.push(`           evidence: ${f.evidence}`);
  if (f.risk) out.push(`           risk ${f.risk.score}: ${topContributions(f.risk)}`);
  out.push(`           fix: ${f.remediation}`, '');
  return out;
}

function summary(result: ScanResult, c: Colors): string {
  const active = result.findings.filter((f) => !f.suppressed);
  const counts = SEVERITIES.map((s) => `${active.filter((f) => f.severity === s).length} ${s}`).join(', ');
  const supp = result.findings.length - active.length;
  return c.bold(
    `${active.length} finding(s): ${counts}` +
      (supp ? `; ${supp} suppressed` : '') +
      ` — ${result.stats.resources} resources from ${result.stats.files} files, ${result.stats.checks} checks, ${result.stats.durationMs} ms`,
  );
}
