import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import type { Severity, Value } from '../../model/index.js';
import { isUnknown } from '../../model/index.js';
import { loadCatalogue } from './catalogue.js';

/**
 * Secrets without disclosure: masking, strength estimation, placeholder and
 * secret-name recognition. Every check of the passwords pillar passes what it
 * saw through `maskSecret` before it reaches a message or evidence.
 *
 * Strength comes from zxcvbn-ts (the maintained TypeScript port of Dropbox's
 * zxcvbn) rather than from length/charset rules, because a composition rule
 * rates "P@ssw0rd1" strong while it is one of the first guesses of any
 * cracking dictionary.
 */

// ---------------------------------------------------------------- strength

export type StrengthLabel = 'very weak' | 'weak' | 'fair' | 'strong' | 'very strong';

export interface Strength {
  /** zxcvbn score, 0 (guessable in < 10^3 tries) to 4 (> 10^10) */
  score: 0 | 1 | 2 | 3 | 4;
  label: StrengthLabel;
  /** the whole value is a (possibly l33t or reversed) entry of a common-password or word list */
  common: boolean;
  /** score <= 1 or common: the kind that falls to an online guessing attack */
  weak: boolean;
}

const LABELS: StrengthLabel[] = ['very weak', 'weak', 'fair', 'strong', 'very strong'];

let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // built lazily: loading the dictionaries takes ~100 ms, and most scans hold no literal password
  if (!factory) {
    const defaults = loadCatalogue('passwords/default-passwords.yaml', z.object({ passwords: z.array(z.string()) })).passwords;
    factory = new ZxcvbnFactory({ dictionary: { ...dictionary, 'tetrad-default-passwords': defaults }, graphs: adjacencyGraphs });
  }
  return factory;
}

/** zxcvbn reads at most this much; longer values (keys, certificates) are not passwords a human chose */
const MAX_ESTIMATED = 100;

/** An estimate costs ~3 ms and each secret is rated for both its severity and its mask: remember recent ones (in memory only, never written anywhere). */
const estimates = new Map<string, Strength>();
const MAX_REMEMBERED = 5000;

export function passwordStrength(value: string): Strength {
  if (value.length > MAX_ESTIMATED) return { score: 4, label: 'very strong', common: false, weak: false };
  const hit = estimates.get(value);
  if (hit) return hit;
  const result = zxcvbn().check(value);
  const score = result.score as Strength['score'];
  const seq = result.sequence;
  const common = seq.length === 1 && seq[0]!.pattern === 'dictionary';
  const strength: Strength = { score, label: LABELS[score]!, common, weak: score <= 1 || common };
  if (estimates.size >= MAX_REMEMBERED) estimates.delete(estimates.keys().next().value!);
  estimates.set(value, strength);
  return strength;
}

// ----------------------------------------------------------------- masking

/** How many leading characters a mask may show: none below 8 characters, 2 from 8 on. */
function shownPrefix(value: string): number {
  return value.length < 8 ? 0 : 2;
}

/** The mask never grows past this many stars, so a pasted key does not flood a report. */
const MAX_STARS = 16;

/**
 * Masks a secret for a message or evidence: at most the first two characters
 * (none when the secret is shorter than 8), never the rest, plus its length
 * and strength, e.g. `pa********** (12 chars, weak, common password)`.
 * `strength: false` leaves the strength out (for keys and tokens, which are
 * not chosen by a human and would only be rated "very strong").
 */
export function maskSecret(value: string, opts: { strength?: boolean } = {}): string {
  const chars = [...value];
  const shown = shownPrefix(value);
  const stars = '*'.repeat(Math.max(1, Math.min(MAX_STARS, chars.length - shown)));
  const parts = [`${chars.length} chars`];
  if (opts.strength !== false) {
    const s = passwordStrength(value);
    parts.push(s.label);
    if (s.common) parts.push('common password');
  }
  return `${chars.slice(0, shown).join('')}${stars} (${parts.join(', ')})`;
}

/** Severity of a hard-coded password: one step up when it is weak or common. */
export function severityForPassword(value: string, base: Severity): Severity {
  if (!passwordStrength(value).weak) return base;
  const order: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
  return order[Math.min(order.length - 1, order.indexOf(base) + 1)]!;
}

// ------------------------------------------------------------ placeholders

const placeholderSchema = z.object({ exact: z.array(z.string()), patterns: z.array(z.string()) });

let placeholderRules: { exact: Set<string>; patterns: RegExp[] } | undefined;
function rules(): { exact: Set<string>; patterns: RegExp[] } {
  if (!placeholderRules) {
    const data = loadCatalogue('passwords/placeholders.yaml', placeholderSchema);
    placeholderRules = { exact: new Set(data.exact.map((s) => s.toLowerCase())), patterns: data.patterns.map((p) => new RegExp(p, 'i')) };
  }
  return placeholderRules;
}

/**
 * True when a value stands in for a secret rather than being one: empty,
 * a template (`${...}`, `{{ }}`, `<...>`, `$VAR`), a fill-in marker
 * (`REPLACE_ME`, `xxx`, `***`) or a reference to a secret store
 * (`arn:aws:secretsmanager:...`, `{{resolve:secretsmanager:...}}`,
 * `projects/p/secrets/s`, Key Vault URIs).
 *
 * Decision: obvious defaults that are themselves working passwords
 * (`changeme`, `password`, `admin`, `secret`) are NOT placeholders; they are
 * the weakest hard-coded passwords there are and are reported.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  const r = rules();
  if (r.exact.has(v.toLowerCase())) return true;
  return r.patterns.some((re) => re.test(v));
}

/** A value that names a file rather than holding a secret (GOOGLE_APPLICATION_CREDENTIALS=/var/run/key.json). */
export function looksLikePath(value: string): boolean {
  return /^(\/|\.{1,2}\/|~\/|[A-Za-z]:\\)[^\s]*$/.test(value.trim());
}

/**
 * The literal secret held by a value, or undefined when there is none:
 * Unknown (unresolved variable, !Ref to a NoEcho parameter), non-strings,
 * placeholders and secret-store references are not hard-coded secrets.
 */
export function literalSecret(value: Value | undefined): string | undefined {
  if (value === undefined || value === null || isUnknown(value)) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  if (isPlaceholder(value)) return undefined;
  // a switch, not a password: MYSQL_ALLOW_EMPTY_PASSWORD=yes
  if (/^(true|false|yes|no|on|off)$/i.test(value.trim())) return undefined;
  return value;
}

// ------------------------------------------------------------ secret names

const namesSchema = z.object({
  words: z.array(z.string()),
  pairs: z.array(z.tuple([z.string(), z.string()])),
  embedded: z.array(z.string()),
  'not-secret-suffixes': z.array(z.string()),
  'not-secret-names': z.array(z.string()),
  'switch-words': z.array(z.string()),
});

/** Splits a name into lower-case words: "dbPassword" / "DB_PASSWORD" / "db-password" -> [db, password]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * True for environment variable, build argument and attribute names that hold
 * a secret (DB_PASSWORD, apiKey, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY), false
 * for names that only describe one (POSTGRES_PASSWORD_FILE, PRIVATE_KEY_PATH,
 * TOKEN_URL, PASSWORD_MIN_LENGTH) and for the shell's PWD.
 */
export function looksSecretName(name: string): boolean {
  // memoised: scans ask about the same few attribute names on every resource
  let verdict = secretNameVerdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeSecretName(name);
    if (secretNameVerdicts.size >= 20_000) secretNameVerdicts.clear();
    secretNameVerdicts.set(name, verdict);
  }
  return verdict;
}

const secretNameVerdicts = new Map<string, boolean>();

function judgeSecretName(name: string): boolean {
  const data = loadCatalogue('passwords/secret-names.yaml', namesSchema);
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (data['not-secret-names'].includes(words.join('_'))) return false;
  const last = words[words.length - 1]!;
  if (data['not-secret-suffixes'].includes(last)) return false;
  if (words.some((w) => data['switch-words'].includes(w))) return false;
  if (words.length >= 2 && data['not-secret-suffixes'].includes(`${words[words.length - 2]}_${last}`)) return false;
  if (words.some((w) => data.words.includes(w))) return true;
  for (let i = 0; i + 1 < words.length; i++) {
    if (data.pairs.some(([a, b]) => words[i] === a && words[i + 1] === b)) return true;
  }
  return words.some((w) => data.embedded.some((e) => w.includes(e)));
}

// ------------------------------------------------------ patterns in values

/** AWS access key ids: long-term (AKIA) and temporary (ASIA) user keys, plus the other documented prefixes. */
export const AWS_ACCESS_KEY_ID = /\b((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16})\b/g;
/** Only the two prefixes that are credentials (the others are ids of users, roles, groups) */
export const AWS_CREDENTIAL_KEY_ID = /\b((?:AKIA|ASIA)[A-Z2-7]{16})\b/g;

/** PEM / OpenSSH / PGP private key headers. */
export const PRIVATE_KEY_HEADER = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----/;

/** URL with a password in its user-info: scheme://user:password@host */
const BASIC_AUTH_URL = /\b([a-z][a-z0-9+.-]*):\/\/([^\s:/?#@'"]+):([^\s/?#@'"]+)@([^\s/?#'"]+)/gi;

export interface UrlCredential {
  scheme: string;
  user: string;
  password: string;
  host: string;
}

/** Credentials embedded in URLs inside a text, skipping placeholder passwords (`${PASS}`, `<password>`, `****`). */
export function urlCredentials(text: string): UrlCredential[] {
  const out: UrlCredential[] = [];
  // cheap pre-check: without both there is no credential URL, and the regex is not run over long blobs
  if (!text.includes('://') || !text.includes('@')) return out;
  BASIC_AUTH_URL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BASIC_AUTH_URL.exec(text)) !== null) {
    const password = decodeSafely(m[3]!);
    if (isPlaceholder(password) || /^\$/.test(password)) continue;
    out.push({ scheme: m[1]!.toLowerCase(), user: m[2]!, password, host: m[4]! });
  }
  return out;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const tokenSchema = z.object({ tokens: z.array(z.object({ name: z.string(), pattern: z.string() })) });
let tokenRules: Array<{ name: string; re: RegExp }> | undefined;
/** Every token pattern in one expression: one test per value instead of one per pattern, for the values that hold none */
let anyToken: RegExp | undefined;

export interface KnownToken {
  name: string;
  token: string;
}

/** Tokens with a documented prefix (GitHub, GitLab, npm, Slack, Stripe, Google API keys...; data/passwords/token-patterns.yaml). */
export function knownTokens(text: string): KnownToken[] {
  const out: KnownToken[] = [];
  if (!mayHoldKnownToken(text)) return out;
  tokenRules ??= loadCatalogue('passwords/token-patterns.yaml', tokenSchema).tokens.map((t) => ({ name: t.name, re: new RegExp(`(?<![A-Za-z0-9_])${t.pattern}(?![A-Za-z0-9_])`, 'g') }));
  for (const { name, re } of tokenRules) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) if (!out.some((o) => o.token === m[0])) out.push({ name, token: m[0] });
  }
  return out;
}

/**
 * True when some token pattern matches somewhere in the text: every pattern of
 * the catalogue in one expression, so a value without a token costs one test
 * instead of one per pattern.
 */
export function mayHoldKnownToken(text: string): boolean {
  anyToken ??= new RegExp(
    `(?<![A-Za-z0-9_])(?:${loadCatalogue('passwords/token-patterns.yaml', tokenSchema)
      .tokens.map((t) => `(?:${t.pattern})`)
      .join('|')})(?![A-Za-z0-9_])`,
  );
  return anyToken.test(text);
}

/** Every AWS credential key id in a text. */
export function awsKeyIds(text: string): string[] {
  if (!text.includes('AKIA') && !text.includes('ASIA')) return [];
  AWS_CREDENTIAL_KEY_ID.lastIndex = 0;
  return [...text.matchAll(AWS_CREDENTIAL_KEY_ID)].map((m) => m[1]!);
}

export interface Assignment {
  name: string;
  value: string;
}

/**
 * `NAME=value`, `NAME: value`, `export NAME="value"`, `--name value`,
 * `--name=value` assignments with a secret-looking name inside free text such
 * as a user-data script or a RUN command. Values that are placeholders or
 * variable references are skipped.
 */
export function secretAssignments(text: string): Assignment[] {
  const out: Assignment[] = [];
  const re = /(?:^|[\s;&|(,{"':])(?:export\s+|set\s+)?(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=|:\s|\s(?=["']))\s*("([^"]*)"|'([^']*)'|([^\s;&|"',)}]+))/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const rawName = m[1]!;
    const flag = rawName.startsWith('-');
    const name = rawName.replace(/^-+/, '');
    const value = m[3] ?? m[4] ?? m[5] ?? '';
    if (!looksSecretName(name)) {
      // resume right after the name: the "value" may hold the real assignment (echo "PASSWORD=x")
      re.lastIndex = m.index + m[0].indexOf(rawName) + rawName.length;
      continue;
    }
    if (flag && /^-/.test(value)) continue;
    // `--secret=name` / `--secrets ...` name a secret in a store (gcloud, docker build), they do not hold one
    if (flag && /^secrets?$/i.test(name)) continue;
    if (isPlaceholder(value) || /^\$/.test(value) || looksLikePath(value) || /^(true|false|yes|no)$/i.test(value)) continue;
    out.push({ name, value });
  }
  return out;
}

// ----------------------------------------------------------- walk strings

/** Every string (and its path) inside a value tree; the model's walk, which `CheckContext.stringLeaves` memoises per resource. */
export { stringLeaves, type StringLeaf } from '../../model/index.js';
