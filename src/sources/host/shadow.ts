/**
 * `/etc/shadow`, type `ShadowFile`.
 *
 * The resource records, per account, ONLY the account name and the hash
 * algorithm read from the hash's `$id$` prefix: never the hash, its salt or
 * its parameters, in attributes, locations, warnings or anywhere else. The
 * text of the file is dropped once read.
 *
 * ```
 * accounts: [{ account, algorithm, algorithmId, status, line }]
 *   algorithm    des | md5 | bcrypt | sha256 | sha512 | yescrypt | gost-yescrypt | scrypt
 *                | sunmd5 | sha1crypt | bsdi-des | nthash | unknown | null (no hash)
 *   algorithmId  the prefix id as written (1, 2b, 5, 6, y, gy, 7...), "des" for a
 *                13-character traditional DES hash, null when there is no hash
 *   status       password   a usable hash
 *                locked     `!` or `*` before a hash (usermod -L): the hash is kept but unusable
 *                disabled   `!`, `!!`, `*` or `*LK*` alone: no password login
 *                empty      an empty field: login without a password
 * ```
 * Located at `accounts[i]`. A line with fewer than two colon-separated fields,
 * or without an account name, is a warning at its line (naming the line,
 * never quoting it).
 */
import { lineRange, type Location, type ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { splitLines, type HostFileInput, type Parsed } from './common.js';

/** crypt(5) prefixes. */
const PREFIXES: Record<string, string> = {
  '1': 'md5',
  '2': 'bcrypt',
  '2a': 'bcrypt',
  '2b': 'bcrypt',
  '2x': 'bcrypt',
  '2y': 'bcrypt',
  '3': 'nthash',
  '5': 'sha256',
  '6': 'sha512',
  '7': 'scrypt',
  y: 'yescrypt',
  gy: 'gost-yescrypt',
  md5: 'sunmd5',
  sha1: 'sha1crypt',
};

const SHADOW_LINE = /^[a-z_][a-z0-9_.-]*\$?:[^:\n]*:\d*:\d*:\d*:\d*:\d*:\d*:[^:\n]*$/i;

export function looksLikeShadow(head: string): boolean {
  const lines = head.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  // the head may end mid-line
  const whole = head.endsWith('\n') ? lines : lines.slice(0, -1);
  return whole.length > 0 && whole.every((l) => SHADOW_LINE.test(l.replace(/\r$/, '')));
}

/** Algorithm of a password field, without keeping any of it. Exported for tests. */
export function classifyHash(field: string): { algorithm: string | null; algorithmId: string | null; status: string } {
  if (field === '') return { algorithm: null, algorithmId: null, status: 'empty' };
  let rest = field;
  let locked = false;
  while (rest.startsWith('!') || rest.startsWith('*')) {
    rest = rest.slice(1);
    locked = true;
  }
  if (rest === '' || /^LK\*?$/.test(rest) || /^NP$/.test(rest)) return { algorithm: null, algorithmId: null, status: 'disabled' };
  const status = locked ? 'locked' : 'password';
  const m = /^\$([^$]+)\$/.exec(rest);
  if (m) {
    const id = m[1]!.split(',')[0]!;
    return { algorithm: PREFIXES[id] ?? 'unknown', algorithmId: PREFIXES[id] ? id : 'unknown', status };
  }
  if (/^[./0-9A-Za-z]{13}$/.test(rest)) return { algorithm: 'des', algorithmId: 'des', status };
  if (/^_[./0-9A-Za-z]{19}$/.test(rest)) return { algorithm: 'bsdi-des', algorithmId: '_', status };
  // anything else cannot verify a password (`x`, `NP`, a note): treated as no password login
  return { algorithm: null, algorithmId: null, status: 'disabled' };
}

export function parseShadow(input: HostFileInput): Parsed {
  const accounts: ValueObject[] = [];
  const attributeLocations: Record<string, Location> = {};
  const warnings: ParseError[] = [];
  splitLines(input.text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    const fields = raw.split(':');
    if (fields.length < 2) {
      warnings.push(new ParseError(input.display, line, 'expected "account:password:..." (colon-separated fields); line not read'));
      return;
    }
    const account = fields[0]!;
    if (!/^[A-Za-z0-9_.][A-Za-z0-9_.-]*\$?$/.test(account)) {
      warnings.push(new ParseError(input.display, line, 'the account name is missing or not a valid user name; line not read'));
      return;
    }
    const c = classifyHash(fields[1]!);
    attributeLocations[`accounts[${accounts.length}]`] = lineRange(input.display, line);
    accounts.push({ account, algorithm: c.algorithm, algorithmId: c.algorithmId, status: c.status, line });
  });
  return { attributes: { accounts }, attributeLocations, warnings };
}
