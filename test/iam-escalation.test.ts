/**
 * Data-driven escalation cases: every YAML file in test/iam-escalation-cases
 * holds small accounts (users, groups, roles, managed policies, existing
 * resources, SCPs) written inline and, per principal, whether it reaches
 * administrator (yes = proven, unknown = allowed-if, no) and a technique the
 * shortest path must use. The account goes through the real
 * authorization-details reader and IAM model, then the escalation graph.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadTechniques } from '../src/graph/iam/escalation/catalogue.js';
import { runEscalationCase, type Case } from './support/escalation-cases.js';

const dir = join(import.meta.dirname, 'iam-escalation-cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const allCases = files.flatMap((f) => (parse(readFileSync(join(dir, f), 'utf8')) as Case[]).map((c) => ({ file: f, c })));

describe('IAM escalation cases', () => {
  it('has at least 60 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(60);
  });
  it('every catalogued technique has a case where it is on the path and one where a look-alike is not exploitable', () => {
    const positive = new Set(allCases.flatMap(({ c }) => c.expect.filter((e) => e.admin !== 'no' && e.technique).map((e) => e.technique!)));
    const negative = new Set(allCases.flatMap(({ c }) => c.expect.filter((e) => e.admin === 'no' && e.technique).map((e) => e.technique!)));
    for (const e of allCases.flatMap(({ c }) => c.expect.filter((x) => x.edge && x.edge.certainty !== undefined))) positive.add(e.edge!.technique);
    const ids = loadTechniques().map((t) => t.id);
    expect(ids.filter((id) => !positive.has(id)), 'techniques without a positive case').toEqual([]);
    expect(ids.filter((id) => !negative.has(id)), 'techniques without a negative case').toEqual([]);
  });
  it('the pruned search (default) finds the same principals, certainties and path lengths as the full graph', () => {
    for (const { c } of allCases) {
      const full = runEscalationCase(c, true).result.paths;
      const pruned = runEscalationCase(c, false).result.paths;
      const summary = (m: typeof full) => [...m.values()].map((p) => `${p.principal.id} ${p.certainty} ${p.edges.length}`).sort();
      expect(summary(pruned), c.name).toEqual(summary(full));
    }
  });
  for (const { file, c } of allCases) {
    it(`${file}: ${c.name}`, () => {
      const { account, result } = runEscalationCase(c);
      for (const e of c.expect) {
        const p = account.findPrincipal(e.principal);
        expect(p, `principal ${e.principal}`).toBeDefined();
        const path = result.paths.get(p!.id);
        const got = path ? (path.certainty === 'proven' ? 'yes' : 'unknown') : 'no';
        const shown = path ? path.edges.map((x) => `${x.from} -[${x.technique} ${x.certainty}${x.dependsOn.length ? ` if ${x.dependsOn.join(', ')}` : ''}]-> ${x.to}`).join('\n') : '(no path)';
        expect(got, `${e.principal} reaches admin:\n${shown}`).toBe(e.admin);
        if (e.technique && e.admin !== 'no') expect(path!.edges.map((x) => x.technique), shown).toContain(e.technique);
        if (e.hops !== undefined && path) expect(path.edges.length, shown).toBe(e.hops);
        if (e.edge) {
          const to = e.edge.to === 'admin' ? result.adminNode : account.findPrincipal(e.edge.to)!.id;
          const hit = result.edges.find((x) => x.from === p!.id && x.to === to && x.technique === e.edge!.technique);
          if (e.edge.certainty === undefined) expect(hit, `no ${e.edge.technique} edge ${e.principal} -> ${e.edge.to}`).toBeUndefined();
          else expect(hit?.certainty, `${e.edge.technique} edge ${e.principal} -> ${e.edge.to}`).toBe(e.edge.certainty);
        }
      }
    });
  }
});
