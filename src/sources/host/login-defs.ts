/**
 * `/etc/login.defs` (shadow-utils), type `LoginDefs`.
 *
 * Attributes: `settings: { <NAME>: value }` as written (names upper-case as
 * in the file; the last occurrence wins, as getdef() reads it), located at
 * `settings.<NAME>`. Lines are `NAME value`; a line with a name and no
 * value, or a name that is not a shadow-utils identifier, is a warning at
 * its line.
 */
import { lineRange, type Location, type ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { splitLines, unquote, type HostFileInput, type Parsed } from './common.js';

export function looksLikeLoginDefs(head: string): boolean {
  return new Set([...head.matchAll(/^(PASS_MAX_DAYS|PASS_MIN_DAYS|PASS_WARN_AGE|PASS_MIN_LEN|ENCRYPT_METHOD|UID_MIN|UID_MAX|GID_MIN|UMASK|LOGIN_RETRIES)\s/gm)].map((m) => m[1])).size >= 2;
}

export function parseLoginDefs(input: HostFileInput): Parsed {
  const settings: ValueObject = {};
  const attributeLocations: Record<string, Location> = {};
  const warnings: ParseError[] = [];
  splitLines(input.text).forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+(.*))?$/.exec(t);
    if (!m) {
      warnings.push(new ParseError(input.display, i + 1, 'expected "NAME value"'));
      return;
    }
    const value = (m[2] ?? '').replace(/\s+#.*$/, '').trim();
    if (value === '') {
      warnings.push(new ParseError(input.display, i + 1, `${m[1]}: missing value`));
      return;
    }
    settings[m[1]!] = unquote(value);
    attributeLocations[`settings.${m[1]}`] = lineRange(input.display, i + 1);
  });
  return { attributes: { settings }, attributeLocations, warnings };
}
