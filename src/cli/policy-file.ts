import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parsePolicy } from '../checks/_lib/iam-policy.js';
import type { Value } from '../model/index.js';
import type { EvalPolicy, PolicyKind } from '../graph/iam/types.js';
import { UsageError } from './options.js';

/** A policy file given on the command line (--scp, --session-policy): one JSON/YAML policy document, or a list of them. */
export function policyFile(file: string, kind: PolicyKind): EvalPolicy[] {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  const docs = Array.isArray(raw) ? raw : [raw];
  return docs.map((d, i) => {
    const p = parsePolicy(d as Value);
    if (p.kind !== 'document') throw new UsageError(`${file}${docs.length > 1 ? ` [${i}]` : ''}: not a policy document`);
    return { name: docs.length > 1 ? `${file}[${i}]` : file, kind, document: p.document, level: 0 };
  });
}
