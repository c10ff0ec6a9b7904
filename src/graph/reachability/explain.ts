/**
 * Human-readable explanations of exposures: a one-line path summary (for finding messages) and a
 * hop-by-hop block with the exact rules and their file:line (for `tetrad network exposure`).
 */
import type { Exposure, Hop, RuleRef } from './types.js';

export function portsText(p: { from: number; to: number }): string {
  return p.from === p.to ? String(p.from) : `${p.from}-${p.to}`;
}

export function refLocation(r: RuleRef): string {
  return r.location ? `${r.location.file}:${r.location.startLine}` : '(no location)';
}

function hopLabel(h: Hop): string {
  return h.resourceId === 'internet' ? 'internet' : `${h.kind} ${h.resourceId}`;
}

/** "internet → internet-gateway aws_internet_gateway.igw → ... → instance aws_instance.web". */
export function pathSummary(e: Exposure): string {
  const hops = e.path.map(hopLabel).join(' → ');
  if (e.verdict === 'not-exposed') return `${hops} (blocked: ${e.blockedBy ?? 'unknown'})`;
  if (e.verdict === 'unknown') return `${hops} (unknown: ${(e.unknowns ?? []).slice(0, 2).join('; ')}${(e.unknowns?.length ?? 0) > 2 ? '; ...' : ''})`;
  return hops;
}

export function verdictText(e: Exposure): string {
  if (e.verdict === 'exposed') return 'EXPOSED';
  if (e.verdict === 'unknown') return 'UNKNOWN';
  return `NOT EXPOSED (${e.blockedBy ?? '?'})`;
}

/** The hop-by-hop explanation, one hop per line, each rule with its file:line. */
export function explainExposure(e: Exposure, indent = '  '): string {
  const lines: string[] = [];
  e.path.forEach((h, i) => {
    lines.push(`${indent}${i + 1}. ${hopLabel(h)}${h.note ? ` — ${h.note}` : ''}`);
    for (const r of h.rules) lines.push(`${indent}     ${r.summary}  [${r.resourceId}${r.attributePath ? ` ${r.attributePath}` : ''} @ ${refLocation(r)}]`);
  });
  if (e.verdict === 'unknown' && e.unknowns?.length) lines.push(`${indent}   depends on: ${e.unknowns.join('; ')}`);
  return lines.join('\n');
}

/** Header line: endpoint (→ workload), protocol/port, family, verdict. */
export function exposureHeader(e: Exposure): string {
  const target = e.workloadId ? `${e.endpointId} → ${e.workloadId}${e.workloadPorts ? `:${portsText(e.workloadPorts)}` : ''}` : e.endpointId;
  return `${e.from === 'internet' ? '' : `${e.from} → `}${target}  ${e.protocol}/${portsText(e.ports)}${e.family ? ` ${e.family}` : ''}  ${verdictText(e)}`;
}
