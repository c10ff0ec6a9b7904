/**
 * The parts of an OSV record (https://ossf.github.io/osv-schema/) that matching and the store read.
 * Validated on import with the schema's own rules for these fields (zod), other fields pass through.
 */
import { z } from 'zod';

const event = z.union([
  z.object({ introduced: z.string() }).strict(),
  z.object({ fixed: z.string() }).strict(),
  z.object({ last_affected: z.string() }).strict(),
  z.object({ limit: z.string() }).strict(),
]);

export const osvRange = z.object({
  type: z.enum(['GIT', 'SEMVER', 'ECOSYSTEM']),
  repo: z.string().optional(),
  events: z.array(event).min(1),
  database_specific: z.unknown().optional(),
});

export const osvAffected = z.object({
  package: z
    .object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() })
    .optional(),
  severity: z.array(z.object({ type: z.string(), score: z.string() })).optional(),
  ranges: z.array(osvRange).optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: z.unknown().optional(),
  database_specific: z.unknown().optional(),
});

export const osvRecord = z
  .object({
    schema_version: z.string().optional(),
    id: z.string().min(1),
    modified: z.string(),
    published: z.string().optional(),
    withdrawn: z.string().optional(),
    aliases: z.array(z.string()).nullish(),
    related: z.array(z.string()).optional(),
    upstream: z.array(z.string()).optional(),
    summary: z.string().optional(),
    details: z.string().optional(),
    severity: z.array(z.object({ type: z.string(), score: z.string() })).nullish(),
    affected: z.array(osvAffected).nullish(),
  })
  .passthrough();

export type OsvEvent = z.infer<typeof event>;
export type OsvRange = z.infer<typeof osvRange>;
export type OsvAffected = z.infer<typeof osvAffected>;
export type OsvRecord = z.infer<typeof osvRecord>;
