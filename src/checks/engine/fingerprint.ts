import { createHash } from 'node:crypto';

/**
 * A fingerprint that survives line moves: it hashes the check, the resource
 * id, the file and a per-finding key, never line numbers or messages.
 */
export function fingerprint(parts: { checkId: string; resourceId: string; file: string; key?: string }): string {
  return createHash('sha256')
    .update([parts.checkId, parts.resourceId, parts.file, parts.key ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
