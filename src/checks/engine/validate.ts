import { z } from 'zod';
import { PILLARS, SEVERITIES } from '../../model/index.js';
import type { Check } from './types.js';

export const checkMetaSchema = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'id must look like TET-PORTS-001 or ACME-001'),
  title: z.string().min(3),
  pillar: z.enum(PILLARS),
  severity: z.enum(SEVERITIES),
  description: z.string().min(10),
  remediation: z.string().min(5),
  references: z.array(z.string()).optional(),
  compliance: z.record(z.string(), z.array(z.string())).optional(),
  sources: z.array(z.string()).min(1),
  resourceTypes: z.array(z.string()).optional(),
  defersToCoveringFindings: z.boolean().optional(),
});

export class CheckLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Validates a loaded module's check; throws CheckLoadError with a readable reason. */
export function validateCheck(candidate: unknown, file: string): Check {
  if (candidate === null || typeof candidate !== 'object') throw new CheckLoadError(file, 'module does not export a check (export default defineCheck({ meta, run }))');
  const c = candidate as Partial<Check>;
  const parsed = checkMetaSchema.safeParse(c.meta);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `meta.${i.path.join('.')}: ${i.message}`).join('; ');
    throw new CheckLoadError(file, `invalid check metadata: ${issues}`);
  }
  if (typeof c.run !== 'function') throw new CheckLoadError(file, 'check has no run(ctx) function');
  return { meta: c.meta!, run: c.run.bind(c), file };
}
