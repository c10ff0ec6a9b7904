/**
 * Secret candidates in a text: what the text-file source records for the
 * text-secret checks (TET-PASS-031, TET-PASS-032). Detection only: the checks
 * decide what is a finding (placeholders, example values, randomness).
 *
 * Three detectors:
 * - secretlint with its recommended preset (`@secretlint/core` +
 *   `@secretlint/secretlint-rule-preset-recommend`): cloud keys, vendor tokens,
 *   private keys, connection strings, basic-auth URLs. Only the rule id, the
 *   message id and the range are read: secretlint's `message` and `data` hold
 *   the secret itself and are never kept.
 * - AWS access key ids (`AKIA`/`ASIA` + 16 base-32 characters), which the
 *   preset leaves out by default (its id rule also reports account ids and the
 *   ids of users and roles, which are not credentials).
 * - `name = value` / `name: value` assignments whose name mentions a password,
 *   secret, token, key or credential (the checks judge the name with
 *   `looksSecretName` and the value with placeholder and randomness rules).
 *
 * Cost: secretlint takes ~0.5 ms on a small file, too much for every file of a
 * 10,000-file tree, so it runs only on texts that pass `mayHoldLibrarySecret`,
 * one regular expression made of the literal prefixes and keywords every
 * preset rule needs (a test keeps it in step with the preset). The two own
 * detectors are regular expressions over the lines that hold a hint.
 */
import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig } from '@secretlint/types';

export interface SecretCandidate {
  /** `secretlint`, `aws-access-key-id` or `assignment` */
  detector: 'secretlint' | 'aws-access-key-id' | 'assignment';
  /** secretlint rule id without its package prefix (`github`, `aws`, `privatekey`...), else the detector */
  rule: string;
  /** secretlint's message id (`GITHUB_TOKEN`, `AWSSecretAccessKey`), `AKIA`/`ASIA`, or `assignment` */
  kind: string;
  /** the assigned name, for assignments */
  name?: string;
  /** the secret itself: kept in the model like any attribute value, masked by every check before it is shown */
  value: string;
  /** the value was written between quotes (assignments) */
  quoted?: boolean;
  /** 1-based */
  line: number;
  endLine: number;
  /** 1-based column of the value on its line */
  column: number;
}

const SECRETLINT_CONFIG: SecretLintCoreConfig = { rules: [{ id: recommendedPreset.meta.id, rule: recommendedPreset as never }] };

/**
 * True when the text may hold something a rule of the secretlint preset
 * reports: each rule needs one of these literals (case as the rule needs it).
 * Keep in step with the preset: `test/text-secrets.test.ts` plants one sample
 * per rule and asserts both that the rule fires and that this test passes.
 */
const LIBRARY_HINT =
  /-----BEGIN|PRIVATE KEY|[Ss][Ee][Cc][Rr][Ee][Tt]_?[Aa][Cc][Cc][Ee][Ss][Ss]_?[Kk][Ee][Yy]|:\/\/[^\s/@]{1,256}:[^\s/@]{1,256}@|private_key_id|_authToken=|xox[bpaor]-|xapp-|hooks\.slack\.com|T3BlbkFJ|sk-(?:proj|svcacct|admin|ant)-|"auths"|(?<![A-Za-z])(?:npm_|gsk_|hf_|lin_api_|ntn_|SG\.|shp(?:pa|ca|at|ss)_|gh[pousr]_|github_pat_|glpat-|glc_|glsa_|ops_ey|hv[sbr]\.|vc[pickr]_|dapi|dckr_pat_|figd_)/;

export function mayHoldLibrarySecret(text: string): boolean {
  return LIBRARY_HINT.test(text);
}

/** AWS credential key ids: long-term (AKIA) and temporary (ASIA); key ids are base 32 (A-Z, 2-7). */
const AWS_KEY_ID = /(?<![A-Za-z0-9])((?:AKIA|ASIA)[A-Z2-7]{16})(?![A-Za-z0-9])/g;

/**
 * Names that may name a secret (broad on purpose: the checks decide with the
 * secret-name catalogue). Used to pick assignment lines cheaply.
 */
const NAME_HINT = /pass|pwd|secret|token|api[-_.]?key|apikey|credential|auth|private[-_.]?key|access[-_.]?key|signing[-_.]?key|client[-_.]?key/i;

/**
 * `name = value`, `name: value`, `name := value`, `name => value`, with the
 * name optionally quoted (JSON, PHP arrays) and prefixed by `export`/`set`.
 * The value is a quoted string or a bare word up to whitespace or a comment.
 * A quoted name needs its closing quote (`"token.example.com:aud"` is one string, not `token... = aud`).
 * Hand-written: secretlint has no generic rule and none of the maintained
 * detectors on npm exposes one as a library.
 */
const ASSIGNMENT =
  /(?:^|[\s{,;(\[])(?:export\s+|set\s+|const\s+|let\s+|var\s+|final\s+|private\s+|public\s+|static\s+)*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\1\s*(?::=|=>|=(?![=~>])|:(?![:/=]))\s*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|`([^`\n$]*)`|([^\s"'`,;#)}\]]+))/g;

/** Candidates in a text, in line order. */
export interface DetectOptions {
  /**
   * Keep only quoted assignment values: source code and documentation, where a
   * bare value is a type, a variable or prose (`password: string`), which the
   * checks never report; a minified bundle would otherwise yield tens of
   * thousands of candidates.
   */
  quotedOnly?: boolean;
}

export async function detectSecrets(text: string, filePath: string, options: DetectOptions = {}): Promise<SecretCandidate[]> {
  const lineStarts = lineIndex(text);
  const out: SecretCandidate[] = [];
  if (mayHoldLibrarySecret(text)) out.push(...(await librarySecrets(text, filePath, lineStarts)));
  if (text.includes('AKIA') || text.includes('ASIA')) {
    for (const m of text.matchAll(AWS_KEY_ID)) {
      const start = m.index;
      const pos = position(lineStarts, start);
      out.push({ detector: 'aws-access-key-id', rule: 'aws-access-key-id', kind: m[1]!.slice(0, 4), value: m[1]!, line: pos.line, endLine: pos.line, column: pos.column });
    }
  }
  if (NAME_HINT.test(text)) out.push(...assignments(text, lineStarts, options.quotedOnly === true));
  return dedupe(out);
}

async function librarySecrets(text: string, filePath: string, lineStarts: number[]): Promise<SecretCandidate[]> {
  const result = await lintSource({ source: { content: text, filePath, ext: extOf(filePath), contentType: 'text' }, options: { config: SECRETLINT_CONFIG, maskSecrets: true } });
  const out: SecretCandidate[] = [];
  for (const msg of result.messages) {
    // never msg.message or msg.data: they carry the secret
    const [from, to] = msg.range;
    const rule = msg.ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
    const kind = msg.messageId ?? rule;
    const found = secretIn(text, from, to, kind);
    if (!found) continue;
    const start = position(lineStarts, found.start);
    const end = position(lineStarts, Math.max(found.start, found.start + found.value.length - 1));
    out.push({ detector: 'secretlint', rule, kind, value: found.value, line: start.line, endLine: end.line, column: start.column });
  }
  return out;
}

/**
 * The secret inside a reported range. Most rules report exactly the token;
 * some report more (a whole PEM block, a URL with its user-info, a whole JSON
 * key file) or, for the AWS secret key, a range that starts at the variable
 * name: the secret is taken from the range the way the rule matched it.
 */
function secretIn(text: string, from: number, to: number, kind: string): { value: string; start: number } | undefined {
  const raw = text.slice(from, to);
  if (kind === 'AWSSecretAccessKey') {
    const lineEnd = text.indexOf('\n', from);
    const rest = text.slice(from, lineEnd < 0 ? undefined : lineEnd);
    const m = /(?:[:=]|=>)\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/.exec(rest);
    return m ? { value: m[1]!, start: from + m.index + m[0].length - 40 } : undefined;
  }
  if (kind === 'PrivateKeyJSON' || /PRIVATE KEY/.test(raw) || kind.startsWith('PrivateKey')) {
    // the key body, located at its BEGIN line
    const begin = text.indexOf('-----BEGIN', from);
    if (begin < 0 || begin >= to) return raw.length > 0 ? { value: raw, start: from } : undefined;
    const afterHeader = text.indexOf('-----', begin + 10);
    const bodyStart = afterHeader < 0 ? begin : afterHeader + 5;
    const endMarker = text.indexOf('-----END', bodyStart);
    const body = text.slice(bodyStart, endMarker < 0 ? to : endMarker).replace(/\\n|\s/g, '');
    return { value: body || raw, start: begin };
  }
  const url = /:\/\/([^:/\s@]{1,256}):([^@/\s]{1,256})@/.exec(raw);
  if (url) {
    const password = url[2]!;
    return { value: password, start: from + url.index + 3 + url[1]!.length + 1 };
  }
  const trimmed = raw.replace(/^["'`]+|["'`,;]+$/g, '');
  const lead = raw.indexOf(trimmed);
  return trimmed ? { value: trimmed, start: from + Math.max(0, lead) } : undefined;
}

/** A line that is a comment in the common syntaxes (shell, HCL, YAML, C-like, SQL, INI, Markdown/XML). */
const COMMENT_LINE = /^\s*(?:#|\/\/|--|;|\/\*|\*|<!--)/;

/** Same as NAME_HINT, to find every hint in a text. */
const NAME_HINTS = new RegExp(NAME_HINT.source, 'gi');

function assignments(text: string, lineStarts: number[], quotedOnly: boolean): SecretCandidate[] {
  const out: SecretCandidate[] = [];
  // only the lines that hold a hint are read with the (costlier) assignment expression
  let lastLine = -1;
  for (const hint of text.matchAll(NAME_HINTS)) {
    const line = position(lineStarts, hint.index).line - 1;
    if (line === lastLine) continue;
    lastLine = line;
    const start = lineStarts[line]!;
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : text.length;
    assignmentsIn(text, start, end, lineStarts, quotedOnly, out);
  }
  return out;
}

function assignmentsIn(text: string, start: number, end: number, lineStarts: number[], quotedOnly: boolean, out: SecretCandidate[]): void {
  const lineText = text.slice(start, end);
  ASSIGNMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ASSIGNMENT.exec(lineText)) !== null) {
    const name = m[2]!;
    if (!NAME_HINT.test(name)) {
      // go on right after the name: the value may hold the real assignment (`echo "PASSWORD=x"`)
      ASSIGNMENT.lastIndex = m.index + Math.max(1, m[0].indexOf(name) + name.length);
      continue;
    }
    // `cond ? 'password' : 'secret'` is a conditional, not a key and its value
    if (/\?\s*["']?$/.test(lineText.slice(Math.max(0, m.index - 40), m.index + m[0].indexOf(name)))) continue;
    const quotedValue = m[3] ?? m[4] ?? m[5];
    const value = quotedValue ?? m[6] ?? '';
    if (value === '' || (quotedOnly && quotedValue === undefined)) continue;
    // an expression, not a literal: `process.env.X`, `os.environ["X"]`, `getPw()`, `$VAR`, `${x}`, `{{ x }}`, `[a, b]`
    // (never reported by the checks, and most of the candidates of ordinary code)
    if (quotedValue === undefined && (/^[$({[<%@&*!]/.test(value) || /[()[\]]/.test(value) || /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/.test(value))) continue;
    if (quotedValue !== undefined && /^\$\{[^}]*\}$|^\{\{.*\}\}$/.test(value)) continue;
    // prose in a comment: `## SHOULD PASS: This bucket is private`, `# Note on auth: see the wiki` (a bare
    // value after a colon with more words after it); `# password: hunter2` (commented-out config) stays
    if (quotedValue === undefined && COMMENT_LINE.test(lineText) && /:\s*$/.test(m[0].slice(0, m[0].length - value.length)) && /^[ \t]+[A-Za-z]/.test(lineText.slice(m.index + m[0].length))) continue;
    const valueOffset = start + m.index + m[0].length - value.length - (quotedValue !== undefined ? 1 : 0);
    const pos = position(lineStarts, valueOffset);
    out.push({ detector: 'assignment', rule: 'assignment', kind: 'assignment', name, value, quoted: quotedValue !== undefined, line: pos.line, endLine: pos.line, column: pos.column });
  }
}

/**
 * One candidate per secret and line: a specific detector (secretlint, key id)
 * wins over the generic assignment that holds the same value, and two
 * secretlint rules reporting one value (basic auth and a database URL) count once.
 */
function dedupe(candidates: SecretCandidate[]): SecretCandidate[] {
  const rank = { secretlint: 0, 'aws-access-key-id': 1, assignment: 2 } as const;
  const sorted = [...candidates].sort((a, b) => a.line - b.line || rank[a.detector] - rank[b.detector] || a.column - b.column);
  const out: SecretCandidate[] = [];
  // compared with the candidates of the same line and the few that span lines (PEM blocks): linear in a 70k-candidate bundle
  const byLine = new Map<number, SecretCandidate[]>();
  const spanning: SecretCandidate[] = [];
  // the same value, or one detector's secret inside another's (a token inside a `TOKEN="..."` assignment, a URL password inside a longer match)
  const overlaps = (o: SecretCandidate, c: SecretCandidate): boolean =>
    o.value === c.value || (o.detector !== c.detector && Math.min(o.value.length, c.value.length) >= 8 && (o.value.includes(c.value) || c.value.includes(o.value)));
  for (const c of sorted) {
    const same = byLine.get(c.line);
    if (same?.some((o) => overlaps(o, c)) || spanning.some((o) => o.line <= c.line && c.line <= o.endLine && overlaps(o, c))) continue;
    out.push(c);
    if (same) same.push(c);
    else byLine.set(c.line, [c]);
    if (c.endLine > c.line) spanning.push(c);
  }
  return out;
}

function extOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash ? path.slice(dot) : '';
}

function lineIndex(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function position(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}
