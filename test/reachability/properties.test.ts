/**
 * Property tests: Kubernetes label selectors against a reference written from the API's
 * definition, three-valued soundness when label values are unknown, and the ordered-rule
 * evaluator (Azure/GCP first match by priority, deny first on ties) against a per-address one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unknown, type Value } from '../../src/model/index.js';
import { labelsOf, matchSelector } from '../../src/graph/reachability/kubernetes/selectors.js';
import { evaluateOrdered, type OrderedRule } from '../../src/graph/reachability/common/ordered.js';
import { cidrSet, fromCidrs, intersect, isEmpty, parseCidr } from '../../src/graph/reachability/common/addr.js';

const keys = fc.constantFrom('app', 'tier', 'env', 'team', 'kubernetes.io/metadata.name');
const vals = fc.constantFrom('web', 'db', 'prod', 'dev', 'x');
const labelMap = fc.dictionary(keys, vals, { maxKeys: 5 });
const requirement = fc.record({
  key: keys,
  operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
  values: fc.array(vals, { maxLength: 3 }),
});
const selector = fc.record({ matchLabels: fc.option(fc.dictionary(keys, vals, { maxKeys: 3 }), { nil: undefined }), matchExpressions: fc.option(fc.array(requirement, { maxLength: 3 }), { nil: undefined }) });

/** The definition: every requirement holds; matchLabels k: v is the requirement k In [v]. */
function reference(sel: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values: string[] }> }, labels: Record<string, string>): boolean {
  const reqs = [...Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({ key, operator: 'In', values: [v] })), ...(sel.matchExpressions ?? [])];
  return reqs.every(({ key, operator, values }) => {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'In') return has && values.includes(labels[key]!);
    if (operator === 'NotIn') return !has || !values.includes(labels[key]!);
    if (operator === 'Exists') return has;
    return !has;
  });
}

function clean<T extends object>(o: T): Value {
  return JSON.parse(JSON.stringify(o)) as Value;
}

describe('label selector matching', () => {
  it('agrees with the reference on known labels', () => {
    fc.assert(
      fc.property(selector, labelMap, (sel, labels) => {
        expect(matchSelector(clean(sel), labelsOf(clean(labels)))).toBe(reference(sel, labels) ? 'yes' : 'no');
      }),
      { numRuns: 2000 },
    );
  });

  it('is sound when some values are unknown or the label set is open', () => {
    fc.assert(
      fc.property(selector, labelMap, fc.array(keys, { maxLength: 3 }), fc.boolean(), (sel, labels, hidden, open) => {
        const partial: Record<string, Value> = {};
        for (const [k, v] of Object.entries(labels)) partial[k] = (hidden as string[]).includes(k) ? unknown('label value', `labels.${k}`) : v;
        const seen = labelsOf(partial);
        // an open set may hold more labels than we see: the truth is any completion of it
        const extra: Record<string, string> = open ? { team: 'x' } : {};
        const truth = open ? { ...extra, ...labels } : labels;
        const got = matchSelector(clean(sel), open ? { ...seen, open: true } : seen);
        if (got === 'yes') expect(reference(sel, truth)).toBe(true);
        if (got === 'no') expect(reference(sel, truth)).toBe(false);
        if (!open && hidden.length === 0) expect(got).not.toBe('unknown');
      }),
      { numRuns: 2000 },
    );
  });

  it('treats an empty selector as every pod and a malformed one as unknown', () => {
    expect(matchSelector({}, labelsOf({ app: 'x' }))).toBe('yes');
    expect(matchSelector({ matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] }, labelsOf({ app: 'x' }))).toBe('unknown');
    expect(matchSelector(unknown('var'), labelsOf({}))).toBe('unknown');
  });
});

describe('ordered rules (first match by priority, deny first on ties)', () => {
  const host = fc.integer({ min: 0, max: 255 });
  const cidr = fc.tuple(host, fc.constantFrom(24, 26, 28, 30, 32)).map(([h, bits]) => `198.51.100.${h}/${bits}`);
  const rule = fc.record({ action: fc.constantFrom('allow', 'deny'), priority: fc.integer({ min: 100, max: 110 }), cidrs: fc.array(cidr, { minLength: 1, maxLength: 2 }), port: fc.integer({ min: 20, max: 23 }) });

  it('admits exactly the addresses whose first matching rule allows', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 6 }), fc.integer({ min: 20, max: 23 }), (rules, port) => {
        const ordered: OrderedRule[] = rules.map((r, i) => ({ action: r.action as 'allow' | 'deny', priority: r.priority, sources: fromCidrs(r.cidrs), sourcesUnknown: false, protocol: 'tcp', ports: [{ from: r.port, to: r.port }], ref: { resourceId: `r${i}`, summary: '' } }));
        const space = fromCidrs(['198.51.100.0/24']);
        const res = evaluateOrdered(ordered, 'tcp', port, space);
        expect(res.min).toEqual(res.max);
        const sorted = rules.map((r, i) => ({ ...r, i })).sort((a, b) => a.priority - b.priority || (a.action === b.action ? 0 : a.action === 'deny' ? -1 : 1) || a.i - b.i);
        for (let h = 0; h < 256; h++) {
          const addr = fromCidrs([`198.51.100.${h}/32`]);
          const first = sorted.find((r) => r.port === port && r.cidrs.some((c) => !isEmpty(intersect(addr, cidrSet(parseCidr(c)!)))));
          expect(!isEmpty(intersect(res.min, addr)), `198.51.100.${h}`).toBe(first?.action === 'allow');
        }
      }),
      { numRuns: 120 },
    );
  });
});
