import { asBool, getPath, isUnknown, type Resource } from '../../model/index.js';
import type { FindingDraft } from '../engine/types.js';

/** Where a boolean switch lives for one resource type, and what an absent value means. */
export interface FlagSpec {
  type: string;
  path: string;
  /** the value the provider assumes when the attribute is absent */
  defaultValue?: boolean;
}

/**
 * Findings for resources whose boolean switch is `true` (explicitly, or by
 * the provider default when absent). Unknown values yield `verdict: unknown`;
 * a finding for an absent attribute points at the resource itself.
 */
export function flagFindings(resources: (type: string) => Resource[], specs: FlagSpec[], message: (r: Resource, explicit: boolean) => string): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const spec of specs) {
    for (const r of resources(spec.type)) {
      const raw = getPath(r.attributes, spec.path);
      const v = asBool(raw);
      if (isUnknown(v)) {
        out.push({ resource: r, attributePath: spec.path, verdict: 'unknown', message: `${r.type} ${r.name}: ${spec.path} is unresolved (${v.toString()})` });
      } else if (v === true) {
        out.push({ resource: r, attributePath: spec.path, message: message(r, true), evidence: `${spec.path} = true` });
      } else if (v === undefined && (raw === undefined || raw === null) && spec.defaultValue === true) {
        out.push({ resource: r, message: message(r, false), evidence: `${spec.path} not set (defaults to true)` });
      }
    }
  }
  return out;
}
