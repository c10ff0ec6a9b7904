/**
 * Data-driven IAM evaluation: every YAML file in test/iam-cases holds cases of
 * policies + a request → the expected decision, the keys it depends on, and
 * the deciding statements ("policy-name#statement-index").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePolicy } from '../src/checks/_lib/iam-policy.js';
import type { Value } from '../src/model/index.js';
import { RequestContext } from '../src/graph/iam/context.js';
import { evaluate } from '../src/graph/iam/evaluate.js';
import type { EvalPolicy, PolicyKind, PrincipalKind } from '../src/graph/iam/types.js';

interface Case {
  name: string;
  principal?: { kind?: PrincipalKind; arn?: string; account?: string };
  action: string;
  resource?: string;
  resourceAccount?: string;
  context?: Record<string, string | string[]>;
  absent?: string[];
  closed?: boolean;
  identity?: PolicyIn[];
  resourcePolicies?: PolicyIn[];
  boundary?: PolicyIn[];
  scps?: PolicyIn[][];
  session?: PolicyIn[];
  expect: 'allowed' | 'denied' | 'allowed-if';
  reason?: string;
  dependsOn?: string[];
  deciding?: string[];
}
type PolicyIn = { name?: string; document?: Value; unresolved?: string } | Value;

const dir = join(import.meta.dirname, 'iam-cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function policies(list: PolicyIn[] | undefined, kind: PolicyKind, level?: number): EvalPolicy[] {
  return (list ?? []).map((p, i) => {
    const named = p !== null && typeof p === 'object' && !Array.isArray(p) && ('document' in p || 'unresolved' in p);
    const name = (named && typeof (p as { name?: string }).name === 'string' ? (p as { name: string }).name : undefined) ?? `${kind}${level === undefined ? '' : level}[${i}]`;
    if (named && (p as { unresolved?: string }).unresolved) return { name, kind, unresolved: (p as { unresolved: string }).unresolved, level };
    const doc = parsePolicy((named ? (p as { document: Value }).document : p) as Value);
    if (doc.kind !== 'document') throw new Error(`case policy ${name} is not a document: ${JSON.stringify(doc)}`);
    return { name, kind, document: doc.document, level };
  });
}

export function runCase(c: Case) {
  const principal = { kind: c.principal?.kind ?? 'user', arn: c.principal?.arn ?? 'arn:aws:iam::111122223333:user/alice', account: c.principal?.account };
  return evaluate(
    { principal, action: c.action, resource: c.resource, resourceAccount: c.resourceAccount, context: new RequestContext(c.context ?? {}, c.absent ?? [], c.closed ?? false) },
    {
      identity: policies(c.identity, 'identity'),
      resource: policies(c.resourcePolicies, 'resource'),
      boundary: c.boundary ? policies(c.boundary, 'boundary') : undefined,
      scps: c.scps ? c.scps.flatMap((level, i) => policies(level, 'scp', i)) : undefined,
      session: c.session ? policies(c.session, 'session') : undefined,
    },
  );
}

const allCases = files.flatMap((f) => (parse(readFileSync(join(dir, f), 'utf8')) as Case[]).map((c) => ({ file: f, c })));

describe('IAM evaluation cases', () => {
  it('has at least 60 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(60);
  });
  for (const { file, c } of allCases) {
    it(`${file}: ${c.name}`, () => {
      const d = runCase(c);
      expect(d.decision, d.explanation).toBe(c.expect);
      if (c.reason) expect(d.reason).toBe(c.reason);
      if (c.dependsOn) expect(d.dependsOn).toEqual([...c.dependsOn].sort());
      else if (c.expect === 'allowed-if') throw new Error('allowed-if cases must list dependsOn');
      if (c.deciding) expect(d.statements.map((s) => `${s.policy}#${s.index}`).sort()).toEqual([...c.deciding].sort());
    });
  }
});
