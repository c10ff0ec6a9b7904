/**
 * The privilege-escalation technique catalogue (`data/iam-escalation-techniques.yaml`),
 * validated with zod when it loads so a typo in the data fails loudly.
 */
import { z } from 'zod';
import { loadCatalogue, parseCatalogue } from '../../../checks/_lib/catalogue.js';

export const CATEGORIES = ['other-user', 'policy', 'trust', 'passrole-new-service', 'existing-resource', 'assume'] as const;
export const PRECONDITIONS = [
  'other-principal',
  'no-login-profile',
  'has-login-profile',
  'trusts-service',
  'instance-profile',
  'policy-attached',
  'policy-other-version',
  'attacker-in-group',
  'attacker-not-in-group',
  'attacker-is-user',
  'existing-resource',
  'existing-any-resource',
] as const;
export const EXISTING_KINDS = ['lambda-function', 'glue-dev-endpoint', 'cloudformation-stack', 'sagemaker-notebook', 'ec2-instance'] as const;

const requiredAction = z
  .object({
    action: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/, 'service:Action'),
    on: z.enum(['target', 'passed-role', 'policy', 'new', 'existing']),
    arn: z.string().startsWith('arn:aws:').optional(),
    context: z.record(z.string(), z.string()).optional(),
    /** for sts:AssumeRole: the trust policy to evaluate (the role's own, or one naming the attacker after a rewrite) */
    trust: z.enum(['role', 'attacker']).optional(),
  })
  .strict()
  .refine((a) => (a.on === 'new' || a.on === 'existing') === (a.arn !== undefined), { message: '`arn` is required for on: new/existing and only there' });

const technique = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    category: z.enum(CATEGORIES),
    target: z.enum(['user', 'role', 'group', 'self']),
    service: z.string().endsWith('.amazonaws.com').optional(),
    existing: z.enum(EXISTING_KINDS).optional(),
    actions: z.array(requiredAction).min(1),
    preconditions: z.array(z.enum(PRECONDITIONS)),
    grants: z.enum(['target', 'admin', 'group-permissions']),
    how: z.string().min(1),
  })
  .strict()
  .refine((t) => !t.preconditions.includes('trusts-service') || t.service !== undefined, { message: 'trusts-service needs `service`' })
  .refine((t) => !(t.preconditions.includes('existing-resource') || t.preconditions.includes('existing-any-resource')) || t.existing !== undefined, {
    message: 'existing-resource needs `existing`',
  });

export const catalogueSchema = z
  .object({ techniques: z.array(technique).min(1) })
  .strict()
  .refine((c) => new Set(c.techniques.map((t) => t.id)).size === c.techniques.length, { message: 'technique ids must be unique' });

export type Technique = z.infer<typeof technique>;
export type RequiredAction = z.infer<typeof requiredAction>;
export type ExistingKind = (typeof EXISTING_KINDS)[number];

export const CATALOGUE_FILE = 'iam-escalation-techniques.yaml';

export function loadTechniques(): Technique[] {
  return loadCatalogue(CATALOGUE_FILE, catalogueSchema).techniques;
}

/** For tests: validates catalogue text. */
export function parseTechniques(text: string, file = `data/${CATALOGUE_FILE}`): Technique[] {
  return parseCatalogue(text, file, catalogueSchema).techniques;
}
