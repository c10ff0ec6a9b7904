/**
 * Privilege escalation over the IAM model: the technique catalogue
 * (`catalogue.ts`, data in `data/iam-escalation-techniques.yaml`), the facts
 * preconditions need (`facts.ts`) and the graph with shortest paths to admin
 * (`graph.ts`). Semantics and limits: docs/iam-escalation.md.
 */
import type { Resource } from '../../../model/index.js';
import { buildIamAccount, type IamAccount } from '../account.js';
import { collectFacts } from './facts.js';
import { buildEscalationGraph, type EscalationEdge, type EscalationOptions, type EscalationPath, type EscalationResult } from './graph.js';

export { buildEscalationGraph, collectFacts };
export type { EscalationEdge, EscalationOptions, EscalationPath, EscalationResult };

export function escalationOf(resources: readonly Resource[], options: EscalationOptions & { account?: string } = {}): { account: IamAccount; result: EscalationResult } {
  const account = buildIamAccount(resources, { account: options.account });
  const facts = collectFacts(resources, account);
  return { account, result: buildEscalationGraph(account, facts, options) };
}

/** Escalation paths worth reporting: the principal is not an administrator by its own policies alone. */
export function escalatingPaths(result: EscalationResult): EscalationPath[] {
  return [...result.paths.values()].filter((p) => !(p.edges.length === 1 && p.edges[0]!.technique === 'administrator'));
}

/** "user eve -[create-access-key]-> user boss -[administrator]-> admin" */
export function pathSummary(path: EscalationPath, account: IamAccount): string {
  const name = (id: string) => {
    const p = account.principals.find((x) => x.id === id);
    return p ? `${p.kind} ${p.name}` : 'admin';
  };
  return [name(path.principal.id), ...path.edges.map((e) => `-[${e.technique}${e.certainty === 'unknown' ? '?' : ''}]-> ${name(e.to)}`)].join(' ');
}
