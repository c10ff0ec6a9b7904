import { z } from 'zod';
import { intentEntrySchema } from './intent.js';

/** A calendar date written as YYYY-MM-DD that exists (2027-02-30 does not). */
export const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

/**
 * One `ignores:` entry of `.tetrad.yaml`. `reason` is optional here on
 * purpose: an entry without a reason is a valid file but an invalid
 * suppression, reported as an `errors[]` entry of kind `config` and not applied.
 */
export const ignoreRuleSchema = z.strictObject({
  /** check id or glob (TET-PORTS-001, TET-PORTS-*, *) */
  check: z.string().min(1),
  /** glob over resource ids (aws_security_group.bastion, Deployment/prod/**) */
  resource: z.string().min(1).optional(),
  /** glob over the finding's file, relative to the folder that holds the config */
  path: z.string().min(1).optional(),
  reason: z.string().optional(),
  expires: isoDate.optional(),
});

/**
 * `.tetrad.yaml`. Unknown top-level keys are kept (later settings such as
 * intended network flows live in the same file); known keys are strict.
 */
export const configSchema = z.looseObject({
  ignores: z.array(ignoreRuleSchema).optional(),
  /** intended network flows, the allow-list of the zero-trust audit (src/config/intent.ts) */
  intent: z.array(intentEntrySchema).optional(),
});

export type IgnoreRuleInput = z.infer<typeof ignoreRuleSchema>;
export type TetradConfigInput = z.infer<typeof configSchema>;
