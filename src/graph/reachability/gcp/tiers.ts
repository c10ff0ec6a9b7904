/**
 * Rule lists with fall-through, as GCP's Cloud NGFW evaluates them: hierarchical firewall policies
 * (organization, then folders top-down), VPC firewall rules and the global and regional network
 * firewall policies, each a list by priority whose first matching rule decides — `allow` and
 * `deny` end the evaluation, `goto_next` (and no match at all) passes the traffic to the next list —
 * and at the end the implied rule (ingress: deny).
 *
 * `common/levels.ts` chains lists that must *all* admit the traffic (subnet NSG, then NIC NSG); a
 * fall-through chain is different: what one list allows is allowed whatever the later lists say.
 * So each list is read twice with the first-match evaluation of `common/ordered.ts`: once for what
 * it allows (`goto_next` counted as a stop), once for what it passes on (`goto_next` and "no match"
 * counted as admitting). The result is monotone in both sets, so their min/max bounds combine into
 * min/max bounds of the whole chain: admitted = A1 ∪ (P1 ∩ (A2 ∪ (P2 ∩ …))).
 */
import type { Hop, RuleRef } from '../types.js';
import { EMPTY, EVERYTHING, PUBLIC, describePublic, equals, intersect, isEmpty, subtract, toCidrs, union, type AddrSet } from '../common/addr.js';
import { hop } from '../common/flow.js';
import type { Segment } from '../common/levels.js';
import { evaluateOrdered, type OrderedRule } from '../common/ordered.js';
import { segments } from '../common/ports.js';

export type TierAction = 'allow' | 'deny' | 'goto' | 'unknown';

export interface TierRule extends Omit<OrderedRule, 'action'> {
  action: TierAction;
}

export interface Tier {
  hopKind: string;
  resourceId: string;
  label: string;
  rules: TierRule[];
}

/** Past every real priority (hierarchical priorities go up to 2^31-1): "no rule matched". */
const NO_MATCH_PRIORITY = 2 ** 40;

function asOrdered(tier: Tier, mode: 'allows' | 'passes'): OrderedRule[] {
  const out: OrderedRule[] = [];
  for (const r of tier.rules) {
    if (r.action === 'unknown') {
      // may stop or pass: a rule that may be there on both sides, bounded by ordered.ts
      out.push({ ...r, action: 'allow', maybeDisabled: true }, { ...r, action: 'deny', maybeDisabled: true });
      continue;
    }
    const admits = mode === 'allows' ? r.action === 'allow' : r.action === 'goto';
    out.push({ ...r, action: admits ? 'allow' : 'deny' });
  }
  if (mode === 'passes') out.push({ action: 'allow', priority: NO_MATCH_PRIORITY, sources: EVERYTHING, sourcesUnknown: false, protocol: 'all', ports: [{ from: 0, to: 65535 }], ref: { resourceId: tier.resourceId, summary: `${tier.label}: no rule matches, next` } });
  return out;
}

const readingCache = new WeakMap<Tier, { allows: OrderedRule[]; passes: OrderedRule[] }>();

/** Both readings of a tier, built once per tier (a chain is read once per port segment). */
function readings(t: Tier): { allows: OrderedRule[]; passes: OrderedRule[] } {
  let hit = readingCache.get(t);
  if (!hit) readingCache.set(t, (hit = { allows: asOrdered(t, 'allows'), passes: asOrdered(t, 'passes') }));
  return hit;
}

interface Run {
  min: AddrSet;
  max: AddrSet;
  path: Hop[];
  unknowns: string[];
}

function run(tiers: readonly Tier[], transport: string, port: number, space: AddrSet, implied: RuleRef): Run {
  let remMin = space;
  let remMax = space;
  let min: AddrSet = EMPTY;
  let max: AddrSet = EMPTY;
  const path: Hop[] = [];
  const unknowns: string[] = [];
  const all = intersect(space, PUBLIC);
  // east-west asks for one source (the whole space stands for it): say "the traffic", not addresses
  const describe = (x: AddrSet) => (equals(space, EVERYTHING) && equals(x, space) ? 'the traffic' : equals(x, all) || equals(x, space) ? 'every internet address' : describePublic(x));
  for (const t of tiers) {
    if (isEmpty(remMax)) break;
    const lists = readings(t);
    const a = evaluateOrdered(lists.allows, transport, port, space);
    const p = evaluateOrdered(lists.passes, transport, port, space);
    const allowed = intersect(remMax, a.max);
    const passed = intersect(remMax, p.max);
    const denied = subtract(subtract(remMax, allowed), passed);
    max = union(max, allowed);
    min = union(min, intersect(remMin, a.min));
    remMin = intersect(remMin, p.min);
    remMax = passed;
    unknowns.push(...a.unknowns, ...p.unknowns);
    const gotoRefs = new Set(t.rules.filter((r) => r.action === 'goto').map((r) => r.ref));
    const rules = [...(isEmpty(allowed) ? [] : a.allowedBy), ...(isEmpty(denied) ? [] : a.deniedBy.filter((r) => !gotoRefs.has(r))), ...p.allowedBy.filter((r) => gotoRefs.has(r))];
    const parts = [!isEmpty(allowed) && `allows ${describe(allowed)}`, !isEmpty(denied) && `denies ${describe(denied)}`, !isEmpty(passed) && `passes ${describe(passed)} on`].filter(Boolean);
    path.push(hop(t.hopKind, t.resourceId, [...new Set(rules)], `${t.label}: ${parts.join(', ') || 'nothing to decide'}`));
  }
  if (!isEmpty(remMax)) path.push(hop('firewall', implied.resourceId, [implied], `${implied.summary}: denies ${describe(remMax)}`));
  return { min, max, path, unknowns };
}

/**
 * The chain for one transport over every port segment the rules distinguish. `orders` holds the
 * possible orders of the tiers (two when the network's enforcement order is unknown): the bounds
 * are taken over all of them, the path from the first.
 */
export function evaluateTiers(orders: readonly Tier[][], transport: string, space: AddrSet, implied: RuleRef, baseUnknowns: readonly string[] = []): Segment[] {
  const ranges = orders[0]!.flatMap((t) => t.rules.flatMap((r) => r.ports ?? []));
  const out: Array<Segment & { key: string }> = [];
  for (const range of segments(ranges)) {
    const runs = orders.map((o) => run(o, transport, range.from, space, implied));
    const first = runs[0]!;
    let min = first.min;
    let max = first.max;
    const unknowns = [...baseUnknowns, ...first.unknowns];
    for (const r of runs.slice(1)) {
      min = intersect(min, r.min);
      max = union(max, r.max);
      unknowns.push(...r.unknowns);
    }
    if (runs.length > 1 && (toCidrs(min).join() !== toCidrs(first.min).join() || toCidrs(max).join() !== toCidrs(first.max).join())) unknowns.push('network_firewall_policy_enforcement_order of the network (the verdict differs between BEFORE_ and AFTER_CLASSIC_FIREWALL)');
    const verdict = !isEmpty(min) ? 'exposed' : isEmpty(max) ? 'not-exposed' : 'unknown';
    const seg: Segment & { key: string } = { range, verdict, min, max, path: first.path, unknowns: [...new Set(unknowns)], key: '' };
    if (verdict === 'not-exposed') seg.blockedBy = 'firewall';
    seg.key = `${verdict}|${JSON.stringify(seg.path.map((h) => [h.resourceId, h.note, h.rules.map((r) => r.summary)]))}|${seg.unknowns.join(';')}|${toCidrs(min).join()}|${toCidrs(max).join()}`;
    const last = out[out.length - 1];
    if (last && last.key === seg.key && last.range.to + 1 === range.from) last.range = { from: last.range.from, to: range.to };
    else out.push(seg);
  }
  return out.map(({ key: _key, ...s }) => s);
}
