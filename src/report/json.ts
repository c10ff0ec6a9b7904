import type { ScanResult } from '../scan/scan.js';
import { byRisk } from '../risk/score.js';

/** The JSON report (schema: docs/report.schema.json). Never contains resources' raw attributes. */
export function toJsonReport(result: ScanResult): object {
  return {
    tool: result.tool,
    summary: {
      files: result.stats.files,
      resources: result.stats.resources,
      checks: result.stats.checks,
      durationMs: result.stats.durationMs,
      findings: result.findings.filter((f) => !f.suppressed).length,
      suppressed: result.findings.filter((f) => f.suppressed).length,
    },
    // highest risk first; ties keep the scan's order (file, line, check, resource), so the output is deterministic
    findings: byRisk(result.findings),
    errors: result.errors,
  };
}

export function renderJson(result: ScanResult): string {
  return JSON.stringify(toJsonReport(result), null, 2) + '\n';
}
