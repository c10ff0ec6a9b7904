import type { Resource } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { stringLeaves, type StringLeaf } from './secrets.js';

/** Sources whose resources are scanned string by string for embedded secrets (Dockerfiles have their own checks). */
export const STRING_SCAN_SOURCES = ['terraform', 'terraform-plan', 'cloudformation', 'kubernetes'] as const;

/** Attributes holding boot scripts; TET-PASS-011 reads them (decoding base64), so the generic scans skip them. */
export const USER_DATA_KEYS = new Set(['user_data', 'user_data_base64', 'UserData', 'custom_data', 'metadata_startup_script', 'startup-script', 'startup_script']);

/** Keys whose value duplicates the object (kubectl's last-applied annotation) and would double every finding. */
const DUPLICATE_KEYS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/**
 * Resources and their string attributes for the generic "secret pattern in
 * any attribute" checks. Kubernetes Secrets are left to TET-PASS-016 and
 * provider blocks to TET-PASS-005, so one leak is reported once.
 */
export function scannableResources(ctx: CheckContext): Resource[] {
  return ctx.fromSource(...STRING_SCAN_SOURCES).filter((r) => !(r.source === 'kubernetes' && r.type === 'Secret') && !r.type.startsWith('provider.'));
}

/** Container command lines are read by TET-PASS-025, which finds the same URLs, keys and tokens. */
const CONTAINER_COMMAND = /(containers|initContainers|ephemeralContainers)\[\d+\]\.(command|args)\[\d+\]$/;

export function scannableStrings(resource: Resource): StringLeaf[] {
  return stringLeaves(resource.attributes).filter(
    (leaf) => !pathHasKey(leaf.path, USER_DATA_KEYS) && !DUPLICATE_KEYS.has(leaf.key) && !(resource.source === 'kubernetes' && CONTAINER_COMMAND.test(leaf.path)),
  );
}

function pathHasKey(path: string, keys: Set<string>): boolean {
  return path.split(/[.[\]]/).some((seg) => keys.has(seg));
}
