import { hash } from 'node:crypto';

/**
 * A fingerprint that survives line moves: it hashes the check, the resource
 * id, the file and a per-finding key, never line numbers or messages.
 */
export function fingerprint(parts: { checkId: string; resourceId: string; file: string; key?: string }): string {
  // one-shot crypto.hash: the same digest as createHash().update().digest(), at half the cost per finding
  return hash('sha256', [parts.checkId, parts.resourceId, parts.file, parts.key ?? ''].join('\u0000'), 'hex').slice(0, 32);
}
