import type { CheckContext, FindingDraft } from '../engine/types.js';
import { FIREWALL_TYPES, carriesPort, describeRule, internetIngress, siblingRules } from './exposure.js';
import { sensitivePort, transports } from './sensitive-ports.js';

/**
 * Findings for one catalogued port reachable from the internet through a
 * security group, NSG or GCP firewall rule; severity from the catalogue.
 */
export function portExposureFindings(ctx: CheckContext, port: number): FindingDraft[] {
  const entry = sensitivePort(port) ?? sensitivePort(port, 'udp');
  if (!entry) throw new Error(`port ${port} is not in data/sensitive-ports.yaml`);
  const out: FindingDraft[] = [];
  // one matcher for every firewall resource (it was made again per resource)
  const carries = carriesPort(port, transports(entry));
  for (const resource of ctx.ofType(...FIREWALL_TYPES)) {
    for (const e of internetIngress(resource, carries, siblingRules(ctx, resource))) {
      const draft: FindingDraft = {
        resource,
        key: e.key,
        severity: entry.severity,
        verdict: e.verdict,
        message:
          e.verdict === 'fail'
            ? `${entry.service} (port ${port}) is open to the internet: ${describeRule(e.rule)}`
            : `${entry.service} (port ${port}) may be open to the internet; it depends on unresolved values: ${describeRule(e.rule)}`,
        evidence: describeRule(e.rule),
      };
      if (e.attributePath !== undefined) draft.attributePath = e.attributePath;
      out.push(draft);
    }
  }
  return out;
}
