/**
 * Linux-PAM service files (`/etc/pam.d/<service>`), type `PamConfig`, and the
 * module configuration files `/etc/security/pwquality.conf` (type
 * `PwqualityConf`) and `/etc/security/faillock.conf` (type `FaillockConf`).
 *
 * PamConfig attributes:
 * ```
 * service: file name (common-password, system-auth, sshd...)
 * entries: [{ type, control, module, args, optional, line }]
 *   type     auth | account | password | session | include (`@include x`)
 *   control  required, requisite, sufficient, optional, include, substack, or the [value=action ...] text
 *   module   module name without folder and `.so` (pam_unix), or the included service
 *   args     module arguments ("nullok", "minlen=14"), square-bracket arguments kept whole
 *   optional true for a `-type` line (skipped when the module is missing)
 * ```
 * Located at `entries[i]`. An unknown type, a line with too few fields or an
 * unterminated `[` is a warning at its line; the other lines are read.
 *
 * PwqualityConf / FaillockConf attributes: `settings: { key: value | null }`
 * (null for a flag such as `even_deny_root`), last value wins, located at
 * `settings.<key>`.
 */
import { lineRange, type Location, type ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { lastWins, parseIni, splitLines, type HostFileInput, type Parsed } from './common.js';

const TYPES = new Set(['auth', 'account', 'password', 'session']);
const PAM_LINE = /^[ \t]*-?(auth|account|password|session)[ \t]+(\[[^\]\n]*\]|\S+)[ \t]+\S*pam_\w+\.so\b/gm;

export function looksLikePam(head: string): boolean {
  return [...head.matchAll(PAM_LINE)].length >= 2;
}

/** Splits on white space, keeping `[...]` groups (which may hold spaces) as one word. */
function pamWords(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    if (line[i] === '[') {
      const end = line.indexOf(']', i);
      if (end < 0) return undefined;
      out.push(line.slice(i, end + 1));
      i = end + 1;
    } else {
      const start = i;
      while (i < line.length && !/\s/.test(line[i]!)) i++;
      out.push(line.slice(start, i));
    }
  }
  return out;
}

export function parsePam(input: HostFileInput): Parsed {
  const entries: ValueObject[] = [];
  const attributeLocations: Record<string, Location> = {};
  const warnings: ParseError[] = [];
  const lines = splitLines(input.text);
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let text = lines[i]!;
    // a backslash at the end of a line continues it
    while (text.endsWith('\\') && i + 1 < lines.length) text = text.slice(0, -1) + ' ' + lines[++i]!;
    const t = text.replace(/(^|\s)#.*$/, '').trim();
    if (t === '') continue;
    const warn = (msg: string) => warnings.push(new ParseError(input.display, start, msg));
    if (t.startsWith('@include')) {
      const target = t.split(/\s+/)[1];
      if (!target) warn('@include without a service name');
      else push({ type: 'include', control: 'include', module: target, args: [], optional: false, line: start });
      continue;
    }
    const words = pamWords(t);
    if (!words) {
      warn('unterminated "[" in the control field');
      continue;
    }
    let type = words[0]!;
    const optional = type.startsWith('-');
    if (optional) type = type.slice(1);
    if (!TYPES.has(type.toLowerCase())) {
      warn(`unknown module type "${type}" (expected auth, account, password or session)`);
      continue;
    }
    if (words.length < 3) {
      warn(`${type}: expected a control and a module`);
      continue;
    }
    const control = words[1]!;
    const module = words[2]!.split('/').pop()!.replace(/\.so$/, '');
    push({ type: type.toLowerCase(), control, module, args: words.slice(3), optional, line: start });
  }
  function push(e: ValueObject & { line: number }): void {
    attributeLocations[`entries[${entries.length}]`] = lineRange(input.display, e.line);
    entries.push(e);
  }
  const service = input.display.split('/').pop()!;
  return { attributes: { service, entries }, attributeLocations, warnings };
}

/** pwquality.conf and faillock.conf: `key = value` lines and bare flags, no sections. */
export function parseSecurityConf(input: HostFileInput): Parsed {
  const { entries, warnings } = parseIni(input.text, input.display, { comments: '#', sections: false, bareKeys: true });
  const { values, locations } = lastWins(entries, 'settings.', input.display);
  return { attributes: { settings: values }, attributeLocations: locations, warnings };
}
