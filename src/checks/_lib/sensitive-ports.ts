import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SEVERITIES, type Severity } from '../../model/index.js';
import { parseCatalogue } from './catalogue.js';

/** One entry of data/sensitive-ports.yaml. */
export interface SensitivePort {
  port: number;
  protocol: 'tcp' | 'udp' | 'both';
  service: string;
  why: string;
  severity: Severity;
  /** remote administration / shell access */
  admin: boolean;
}

const entrySchema = z.object({
  port: z.number().int().min(0).max(65535),
  protocol: z.enum(['tcp', 'udp', 'both']),
  service: z.string().min(1),
  why: z.string().min(1),
  severity: z.enum(SEVERITIES),
  admin: z.boolean().optional(),
});
const catalogueSchema = z.object({ ports: z.array(entrySchema).min(1) });

/** data/ sits three folders above this file in both src/checks/_lib and dist/checks/_lib. */
export const SENSITIVE_PORTS_FILE = fileURLToPath(new URL('../../../data/sensitive-ports.yaml', import.meta.url));

export function parseSensitivePorts(text: string, file = SENSITIVE_PORTS_FILE): SensitivePort[] {
  return parseCatalogue(text, file, catalogueSchema).ports.map((p) => ({ ...p, admin: p.admin ?? false }));
}

let cache: SensitivePort[] | undefined;

/** The sensitive ports catalogue, loaded once. */
export function sensitivePorts(): SensitivePort[] {
  cache ??= parseSensitivePorts(readFileSync(SENSITIVE_PORTS_FILE, 'utf8'));
  return cache;
}

/** The catalogue entries for a port and transport protocol. */
export function sensitivePort(port: number, protocol: 'tcp' | 'udp' = 'tcp'): SensitivePort | undefined {
  return sensitivePorts().find((p) => p.port === port && (p.protocol === 'both' || p.protocol === protocol));
}

/** Transport protocols an entry applies to. */
export function transports(p: SensitivePort): Array<'tcp' | 'udp'> {
  return p.protocol === 'both' ? ['tcp', 'udp'] : [p.protocol];
}
