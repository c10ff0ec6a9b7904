/**
 * Traffic that must pass several ordered rule lists in turn (an Azure subnet NSG, then the NIC
 * NSG; a GCP network's firewall), port segment by port segment: which internet sources get
 * through, certainly (`min`) and possibly (`max`), and which hop blocks the rest.
 */
import type { PortRange } from '../../../model/index.js';
import type { BlockedBy, Hop } from '../types.js';
import { EMPTY, describePublic, intersect, isEmpty, toCidrs, type AddrSet } from './addr.js';
import { hop } from './flow.js';
import { evaluateOrdered, type OrderedRule } from './ordered.js';
import { segments } from './ports.js';

export type Level =
  | { kind: 'rules'; hopKind: string; resourceId: string; label: string; rules: OrderedRule[]; blockedBy: BlockedBy; /** east-west: the asked space is one source, not addresses */ opaque?: boolean }
  /** no rule list at this level: everything passes */
  | { kind: 'none'; hopKind: string; resourceId: string; note: string }
  /** a level whose rules are not in the model: may pass everything or nothing */
  | { kind: 'unknown'; hopKind: string; resourceId: string; why: string };

export interface Segment {
  range: PortRange;
  verdict: 'exposed' | 'not-exposed' | 'unknown';
  min: AddrSet;
  max: AddrSet;
  /** hops of the levels, ending at the blocking one for a blocked segment */
  path: Hop[];
  blockedBy?: BlockedBy;
  unknowns: string[];
}

export function evaluateLevels(given: readonly Level[], transport: string, space: AddrSet, baseUnknowns: readonly string[] = []): Segment[] {
  // a rule that can match no source in the asked space never decides anything: leave it out (fewer port segments)
  const levels = given.map((l) => (l.kind === 'rules' ? { ...l, rules: l.rules.filter((r) => r.sourcesUnknown || !isEmpty(intersect(r.sources, space))) } : l));
  const ranges = levels.flatMap((l) => (l.kind === 'rules' ? l.rules.flatMap((r) => r.ports ?? []) : []));
  const out: Array<Segment & { key: string }> = [];
  for (const range of segments(ranges)) {
    let min: AddrSet = space;
    let max: AddrSet = space;
    const path: Hop[] = [];
    const unknowns = [...baseUnknowns];
    let blockedBy: BlockedBy | undefined;
    let blockedAt = -1;
    for (const l of levels) {
      if (l.kind === 'none') {
        path.push(hop(l.hopKind, l.resourceId, [], l.note));
        continue;
      }
      if (l.kind === 'unknown') {
        min = EMPTY;
        unknowns.push(l.why);
        path.push(hop(l.hopKind, l.resourceId, [], l.why));
        continue;
      }
      const before = max;
      const res = evaluateOrdered(l.rules, transport, range.from, max);
      min = intersect(min, res.min);
      max = res.max;
      unknowns.push(...res.unknowns);
      path.push(hop(l.hopKind, l.resourceId, isEmpty(res.max) ? res.deniedBy : res.allowedBy, l.opaque ? `${l.label}: ${isEmpty(res.max) ? 'denies' : isEmpty(res.min) ? 'may admit' : 'admits'}` : `${l.label}: admits ${describePublic(res.max)}`));
      if (isEmpty(max) && !isEmpty(before) && blockedAt < 0) {
        blockedAt = path.length;
        blockedBy = l.blockedBy;
      }
    }
    const verdict = !isEmpty(min) ? 'exposed' : isEmpty(max) ? 'not-exposed' : 'unknown';
    const seg: Segment & { key: string } = { range, verdict, min, max, path: blockedAt > 0 ? path.slice(0, blockedAt) : path, unknowns: [...new Set(unknowns)], key: '' };
    if (blockedBy) seg.blockedBy = blockedBy;
    seg.key = `${verdict}|${JSON.stringify(seg.path.map((h) => [h.resourceId, h.rules.map((r) => r.summary)]))}|${seg.unknowns.join(';')}|${toCidrs(min).join()}|${toCidrs(max).join()}`;
    const last = out[out.length - 1];
    if (last && last.key === seg.key && last.range.to + 1 === range.from) last.range = { from: last.range.from, to: range.to };
    else out.push(seg);
  }
  return out.map(({ key: _key, ...s }) => s);
}
