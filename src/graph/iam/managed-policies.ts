/**
 * The catalogue of AWS managed policies (data/aws-managed-policies.yaml), so a
 * policy attached by ARN (`arn:aws:iam::aws:policy/PowerUserAccess`) can be
 * evaluated. Looked up by ARN (any partition) or by name.
 */
import { z } from 'zod';
import { loadCatalogue } from '../../checks/_lib/catalogue.js';
import { parsePolicy, type PolicyDocument } from '../../checks/_lib/iam-policy.js';

const Schema = z.object({
  policies: z.array(
    z.object({
      name: z.string(),
      arn: z.string().startsWith('arn:aws:iam::aws:policy/'),
      summary: z.boolean().optional(),
      document: z.object({ Version: z.string(), Statement: z.array(z.record(z.string(), z.unknown())) }),
    }),
  ),
});

export interface ManagedPolicy {
  name: string;
  arn: string;
  /** true for a wildcard summary of a long per-service policy */
  summary: boolean;
  document: PolicyDocument;
}

let index: Map<string, ManagedPolicy> | undefined;

function load(): Map<string, ManagedPolicy> {
  if (index) return index;
  index = new Map();
  for (const p of loadCatalogue('aws-managed-policies.yaml', Schema).policies) {
    const parsed = parsePolicy(p.document as never);
    if (parsed.kind !== 'document') throw new Error(`data/aws-managed-policies.yaml: ${p.name} is not a policy document`);
    const entry = { name: p.name, arn: p.arn, summary: p.summary ?? false, document: parsed.document };
    index.set(p.arn.toLowerCase(), entry);
    index.set(p.name.toLowerCase(), entry);
  }
  return index;
}

/** An AWS managed policy by ARN (aws, aws-cn, aws-us-gov partitions) or name; undefined when not catalogued. */
export function managedPolicy(arnOrName: string): ManagedPolicy | undefined {
  const key = arnOrName.trim().replace(/^arn:aws-[a-z-]+:/, 'arn:aws:').toLowerCase();
  return load().get(key);
}

export function isAwsManagedArn(arn: string): boolean {
  return /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn.trim());
}
