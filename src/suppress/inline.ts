/**
 * Inline suppression comments, read from the raw text of any format that has
 * `#` or `//` line comments (HCL, YAML, Dockerfiles):
 *
 *   # tetrad:ignore TET-PORTS-001 reason="bastion, reviewed" expires=2027-03-01
 *   // tetrad:ignore TET-PORTS-001,TET-PORTS-002 reason="lab only"
 *   # tetrad:ignore * reason="generated fixture"
 *
 * Hand-written rather than taken from a library: no comment parser covers all
 * three formats, and the sources do not keep comments. The directive must
 * start a comment; text after the keyword is a list of check ids or globs
 * (comma-separated) followed by key=value pairs (value quoted with " or ', or
 * bare).
 */

export interface InlineDirective {
  file: string;
  /** 1-based line of the comment */
  line: number;
  /** check ids or globs */
  checks: string[];
  reason?: string;
  expires?: string;
}

export interface DirectiveProblem {
  file: string;
  line: number;
  message: string;
}

const DIRECTIVE = /(?:^|\s)(?:#|\/\/)\s*tetrad:ignore\b(.*)$/;
const PAIR = /([A-Za-z_][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"'][^\s]*))/y;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KNOWN_KEYS = new Set(['reason', 'expires']);

/** True for a YYYY-MM-DD string naming a real calendar day. */
export function isValidDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Parses the text after `tetrad:ignore`. */
export function parseDirectiveArgs(rest: string): { checks: string[]; pairs: Record<string, string>; problems: string[] } {
  const problems: string[] = [];
  const pairs: Record<string, string> = {};
  let s = rest.trim();
  // ids: everything up to the first key=value pair
  const firstPair = s.search(/(?:^|\s)[A-Za-z_][\w-]*=/);
  const idsText = (firstPair === -1 ? s : s.slice(0, firstPair)).trim();
  s = firstPair === -1 ? '' : s.slice(firstPair).trim();
  const checks = idsText
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (checks.some((c) => /\s/.test(c))) problems.push(`check ids must be separated by commas: "${idsText}"`);
  let pos = 0;
  while (pos < s.length) {
    PAIR.lastIndex = pos;
    const m = PAIR.exec(s);
    if (!m) {
      problems.push(`cannot read "${s.slice(pos)}" (expected key=value)`);
      break;
    }
    const key = m[1]!;
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4] ?? '');
    if (!KNOWN_KEYS.has(key)) problems.push(`unknown key "${key}" (expected reason= or expires=)`);
    else pairs[key] = value;
    pos = PAIR.lastIndex;
    while (s[pos] === ' ' || s[pos] === '\t') pos++;
  }
  return { checks, pairs, problems };
}

/**
 * Every well-formed `tetrad:ignore` directive in a text, and the problems of
 * the malformed ones (no check id, unknown key, bad date), which are not
 * returned as directives and so never suppress anything. A missing reason is
 * not a parse problem: the caller reports it (the directive is then not applied).
 */
export function parseInlineDirectives(text: string, file: string): { directives: InlineDirective[]; problems: DirectiveProblem[] } {
  const directives: InlineDirective[] = [];
  const problems: DirectiveProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (!raw.includes('tetrad:ignore')) return;
    const m = DIRECTIVE.exec(raw);
    if (!m) return;
    const line = i + 1;
    const { checks, pairs, problems: p } = parseDirectiveArgs(m[1] ?? '');
    if (checks.length === 0) p.unshift('tetrad:ignore needs a check id, a comma-separated list of ids, or *');
    if (pairs.expires !== undefined && !isValidDate(pairs.expires)) p.push(`expires must be a date written YYYY-MM-DD, got "${pairs.expires}"`);
    for (const message of p) problems.push({ file, line, message });
    if (p.length === 0) {
      const d: InlineDirective = { file, line, checks };
      if (pairs.reason !== undefined) d.reason = pairs.reason;
      if (pairs.expires !== undefined) d.expires = pairs.expires;
      directives.push(d);
    }
  });
  return { directives, problems };
}
