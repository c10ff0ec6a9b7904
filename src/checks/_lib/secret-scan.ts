import type { Resource } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { stringLeavesWhere } from '../../model/index.js';
import { looksSecretName, mayHoldKnownToken, stringLeaves, type StringLeaf } from './secrets.js';

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
  // several checks ask: filtered once per scan, a fresh copy for each
  return ctx.shared('secret-scan:resources', () => ctx.fromSource(...STRING_SCAN_SOURCES).filter((r) => !(r.source === 'kubernetes' && r.type === 'Secret') && !r.type.startsWith('provider.'))).slice();
}

/** Container command lines are read by TET-PASS-025, which finds the same URLs, keys and tokens. */
const CONTAINER_COMMAND = /(containers|initContainers|ephemeralContainers)\[\d+\]\.(command|args)\[\d+\]$/;

/**
 * The strings of a resource the generic scans read. With the check context,
 * computed once per resource and scan from the context's memoised leaves and
 * shared by every check that asks (read them, never change them).
 */
export function scannableStrings(resource: Resource, ctx?: Pick<CheckContext, 'stringLeaves' | 'shared'>): readonly StringLeaf[] {
  if (!ctx) return scannable(resource, stringLeaves(resource.attributes));
  const memo = ctx.shared('secret-scan:strings', () => new Map<Resource, readonly StringLeaf[]>());
  let leaves = memo.get(resource);
  if (leaves === undefined) {
    leaves = Object.freeze(scannable(resource, ctx.stringLeaves(resource)));
    memo.set(resource, leaves);
  }
  return leaves;
}

function scannable(resource: Resource, leaves: readonly StringLeaf[]): StringLeaf[] {
  return leaves.filter((leaf) => !USER_DATA_PATH.test(leaf.path) && !DUPLICATE_KEYS.has(leaf.key) && !(resource.source === 'kubernetes' && CONTAINER_COMMAND.test(leaf.path)));
}

/** A path with a user-data key as one of its segments (segments are separated by ".", "[" and "]"). */
const USER_DATA_PATH = new RegExp(`(?:^|[.\\[\\]])(?:${[...USER_DATA_KEYS].map(escapeRegExp).join('|')})(?=[.\\[\\]]|$)`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text every credential pattern of the value checks contains: AWS key ids, PEM headers, URLs with user-info. */
const CREDENTIAL_HINT = /AKIA|ASIA|-----BEGIN |:\/\//;

/**
 * True when a value may hold what TET-PASS-006 (AKIA/ASIA key ids), 007
 * (`-----BEGIN ... PRIVATE KEY-----`), 008 (`scheme://user:password@host`)
 * or 027 (vendor tokens) look for; each of their patterns implies it.
 */
export function mayHoldCredential(value: string): boolean {
  return CREDENTIAL_HINT.test(value) || mayHoldKnownToken(value);
}

export interface CredentialLeaves {
  resource: Resource;
  leaves: readonly StringLeaf[];
}

/**
 * The scannable strings that may hold a credential (`mayHoldCredential`),
 * grouped by resource in model order: found in one pass per scan and shared by
 * the value-pattern checks, which then test only these few (read them, never
 * change them).
 */
export function credentialLeaves(ctx: CheckContext): readonly CredentialLeaves[] {
  return candidateLeaves(ctx).credentials;
}

/** A key TET-PASS-023 reads: a secret-like name, or `value`/`Value` (the value of a secret block). */
export function mayNameSecret(key: string): boolean {
  return key !== '' && (looksSecretName(key) || key === 'value' || key === 'Value');
}

const NO_LEAVES: readonly StringLeaf[] = Object.freeze([]);

/**
 * The raw string leaves of a resource whose key `mayNameSecret` (TET-PASS-023's candidates, in
 * walk order; no `scannable` filter), for resources of the string-scan sources other than
 * Kubernetes Secrets and provider blocks. Found in the same walk as `credentialLeaves`.
 */
export function secretNamedLeaves(ctx: CheckContext, resource: Resource): readonly StringLeaf[] {
  return candidateLeaves(ctx).named.get(resource) ?? NO_LEAVES;
}

/**
 * One walk over every scannable resource's strings for both kinds of candidates (a value that
 * may hold a credential, a key that may name a secret), instead of one walk per kind: on a
 * 100k-resource plan each full walk costs ~70 ms. Paths are built only for kept leaves; each
 * list keeps walk order, so it is exactly what a walk with its own test alone would return.
 */
function candidateLeaves(ctx: CheckContext): { credentials: CredentialLeaves[]; named: Map<Resource, StringLeaf[]> } {
  return ctx.shared('secret-scan:candidate-leaves', () => {
    const credentials: CredentialLeaves[] = [];
    const named = new Map<Resource, StringLeaf[]>();
    for (const resource of scannableResources(ctx)) {
      const both = stringLeavesWhere(resource.attributes, (key, value) => mayNameSecret(key) || mayHoldCredential(value));
      if (both.length === 0) continue;
      const cred = scannable(resource, both.filter((leaf) => mayHoldCredential(leaf.value)));
      if (cred.length > 0) credentials.push({ resource, leaves: cred });
      const names = both.filter((leaf) => mayNameSecret(leaf.key));
      if (names.length > 0) named.set(resource, names);
    }
    return { credentials, named };
  });
}
