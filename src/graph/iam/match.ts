/**
 * Matching of actions, resources and strings as IAM does it.
 *
 * Actions use the shared case-insensitive matcher of the policy checks
 * (`wildcardMatch`). ARNs and condition strings are case-sensitive and may
 * carry the literal escapes `${*}`, `${?}` left by variable substitution, so
 * they get their own small matcher (`globMatch`): the shared one folds case.
 */
import { wildcardMatch } from '../../checks/_lib/iam-policy.js';

const cache = new Map<string, RegExp>();

/** `*` any run of characters, `?` one character; `\u0000*` / `\u0000?` are literal. */
export function globMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!/[*?]/.test(pattern)) return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = cache.get(cacheKey);
  if (!re) {
    let body = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\u0000' && i + 1 < pattern.length) {
        body += escape(pattern[++i]!);
      } else if (c === '*') body += '[\\s\\S]*';
      else if (c === '?') body += '[\\s\\S]';
      else body += escape(c);
    }
    re = new RegExp(`^${body}$`, ignoreCase ? 'i' : '');
    if (cache.size > 10_000) cache.clear();
    cache.set(cacheKey, re);
  }
  return re.test(value);
}

function escape(c: string): string {
  return /[.+^${}()|[\]\\*?]/.test(c) ? `\\${c}` : c;
}

/** Action names are case-insensitive (`S3:getobject` is `s3:GetObject`). */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern.trim(), action);
}

/**
 * ARN matching for `Resource`/`NotResource` and the `Arn*` operators: the six
 * colon-separated parts (the last one keeps its colons) are compared one by
 * one, so a wildcard never spans a part boundary. Anything that is not a
 * six-part ARN is compared as a whole.
 */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const p = splitArn(pattern);
  const a = splitArn(arn);
  if (!p || !a) return globMatch(pattern, arn);
  for (let i = 0; i < 6; i++) if (!globMatch(p[i]!, a[i]!)) return false;
  return true;
}

function splitArn(s: string): string[] | undefined {
  const parts = s.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/** The account id of an ARN, when it has one. */
export function accountOf(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && /^\d{12}$/.test(parts[4]!) ? parts[4] : undefined;
}
