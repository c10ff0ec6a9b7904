/**
 * Ordered rule lists (Azure NSG priorities, GCP firewall priorities): for one transport and port,
 * which source addresses get through. The first rule matching an address decides; at equal
 * priority a deny comes first (GCP; Azure priorities are unique). Unknown parts of a rule are
 * bounded from both sides: `max` lets every unknown allow match and every unknown deny miss,
 * `min` the other way round, so the truth lies between them (first match is monotone in each
 * rule's match set).
 */
import type { PortRange } from '../../../model/index.js';
import type { RuleRef } from '../types.js';
import { EVERYTHING, intersect, isEmpty, subtract, union, type AddrSet } from './addr.js';

export interface OrderedRule {
  action: 'allow' | 'deny';
  /** undefined when the priority is unknown */
  priority: number | undefined;
  /** known source addresses */
  sources: AddrSet;
  /** part of the source list is unknown (a variable, an unmapped service tag) */
  sourcesUnknown: boolean;
  /** 'all', 'tcp', 'udp', ... or undefined when unknown */
  protocol: string | undefined;
  /** undefined when unknown; ignored for protocols without ports */
  ports: PortRange[] | undefined;
  /** true when the rule may be switched off by an unknown value */
  maybeDisabled?: boolean;
  ref: RuleRef;
  /** what is unknown about the rule, for `Exposure.unknowns` */
  unknowns?: string[];
}

export interface OrderedResult {
  /** sources certainly admitted */
  min: AddrSet;
  /** sources possibly admitted */
  max: AddrSet;
  /** the allow rules that admitted part of `max` */
  allowedBy: RuleRef[];
  /** the rules that denied part of the asked space (in the `max` bound: what blocks for sure) */
  deniedBy: RuleRef[];
  /** what the difference between min and max hangs on */
  unknowns: string[];
}

type Match = 'yes' | 'no' | 'unknown';

function matchesPort(rule: OrderedRule, transport: string, port: number): Match {
  if (rule.protocol === undefined) return 'unknown';
  if (rule.protocol !== 'all' && rule.protocol !== transport) return 'no';
  if (rule.ports === undefined) return 'unknown';
  return rule.ports.some((r) => port >= r.from && port <= r.to) ? 'yes' : 'no';
}

function bound(rules: readonly OrderedRule[], transport: string, port: number, space: AddrSet, mode: 'min' | 'max') {
  const permissive = (r: OrderedRule) => (mode === 'max') === (r.action === 'allow');
  const entries = rules.flatMap((r, index) => {
    const m = matchesPort(r, transport, port);
    if (m === 'no') return [];
    if ((m === 'unknown' || r.maybeDisabled) && !permissive(r)) return [];
    const sources = r.sourcesUnknown && permissive(r) ? EVERYTHING : r.sources;
    let priority = r.priority;
    if (priority === undefined) priority = permissive(r) ? -Infinity : Infinity;
    return [{ r, index, sources, priority }];
  });
  entries.sort((a, b) => a.priority - b.priority || (a.r.action === b.r.action ? 0 : a.r.action === 'deny' ? -1 : 1) || a.index - b.index);
  let remaining = space;
  let admitted: AddrSet = [];
  const allowedBy: RuleRef[] = [];
  const deniedBy: RuleRef[] = [];
  for (const e of entries) {
    if (isEmpty(remaining)) break;
    const hit = intersect(remaining, e.sources);
    if (isEmpty(hit)) continue;
    if (e.r.action === 'allow') {
      admitted = union(admitted, hit);
      allowedBy.push(e.r.ref);
    } else deniedBy.push(e.r.ref);
    remaining = subtract(remaining, hit);
  }
  return { admitted, allowedBy, deniedBy };
}

/** Which of `space` the rules admit on `transport`/`port`; whatever no rule matches is denied. */
export function evaluateOrdered(rules: readonly OrderedRule[], transport: string, port: number, space: AddrSet): OrderedResult {
  const max = bound(rules, transport, port, space, 'max');
  const min = bound(rules, transport, port, space, 'min');
  const unknowns = new Set<string>();
  if (max.admitted.length !== min.admitted.length || max.admitted.some((x, i) => x[0] !== min.admitted[i]![0] || x[1] !== min.admitted[i]![1])) {
    for (const r of rules) if (matchesPort(r, transport, port) !== 'no') for (const u of r.unknowns ?? []) unknowns.add(u);
  }
  return { min: min.admitted, max: max.admitted, allowedBy: max.allowedBy, deniedBy: max.deniedBy.length ? max.deniedBy : min.deniedBy, unknowns: [...unknowns] };
}
