/**
 * OpenSSH server configuration (`sshd_config`), type `SshdConfig`.
 *
 * Attributes:
 * ```
 * settings:    { <lowercase keyword>: { keyword, value } }   global section, first value wins (as sshd reads it)
 * matchBlocks: [{ criteria, file, line, settings: { <keyword>: { keyword, value } } }]   first value wins inside a block
 * directives:  [{ keyword, value, file, line, match }]       every directive in reading order (match = block index or null)
 * includes:    [{ pattern, file, line, files }]              each Include argument and the files it read
 * ```
 * Locations: `settings.<key>`, `matchBlocks[i]` (the Match line),
 * `matchBlocks[i].settings.<key>`, `directives[i]`; a directive read from an
 * included file is located in that file.
 *
 * Semantics follow sshd: keywords are case-insensitive; `Keyword=value` and
 * `Keyword value` are both accepted; a `#` that starts a word ends the line;
 * `ChallengeResponseAuthentication` is the deprecated alias of
 * `KbdInteractiveAuthentication` (one setting); a `Match` block runs to the
 * next `Match` or the end of its file, so a Match in an included file ends
 * there and the including file carries on in its own context; `Include` paths
 * that are not absolute are relative to `/etc/ssh`, may hold glob(7)
 * wildcards (files taken in lexical order) and are resolved inside the
 * collected host tree, never outside it. A missing file is a warning at the
 * Include line (sshd ignores a pattern that matches nothing, so a wildcard
 * without a match is not); nesting stops at 16 levels, like sshd.
 * A directive sshd does not allow inside a Match block (Ciphers, UsePAM,
 * Port...) and a Match with an unknown criterion are warnings at their line
 * and are ignored.
 * Defaults are not filled in here: checks apply the OpenSSH defaults
 * (`src/checks/_lib/sshd.ts`).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { lineRange, type Location, type Value, type ValueObject } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import { displayPath } from '../../scan/discover.js';
import { isInside, splitLines, type HostFileInput, type Parsed } from './common.js';

const MAX_DEPTH = 16;
const ALIASES: Record<string, string> = { challengeresponseauthentication: 'kbdinteractiveauthentication' };
/** Keywords sshd accepts inside a Match block (sshd_config(5), OpenSSH 9.x); any other stops sshd from starting. */
const MATCH_ALLOWED = new Set(
  [
    'AcceptEnv', 'AllowAgentForwarding', 'AllowGroups', 'AllowStreamLocalForwarding', 'AllowTcpForwarding', 'AllowUsers', 'AuthenticationMethods', 'AuthorizedKeysCommand',
    'AuthorizedKeysCommandUser', 'AuthorizedKeysFile', 'AuthorizedPrincipalsCommand', 'AuthorizedPrincipalsCommandUser', 'AuthorizedPrincipalsFile', 'Banner', 'CASignatureAlgorithms',
    'ChannelTimeout', 'ChrootDirectory', 'ClientAliveCountMax', 'ClientAliveInterval', 'DenyGroups', 'DenyUsers', 'DisableForwarding', 'ExposeAuthInfo', 'ForceCommand', 'GatewayPorts',
    'GSSAPIAuthentication', 'HostbasedAcceptedAlgorithms', 'HostbasedAcceptedKeyTypes', 'HostbasedAuthentication', 'HostbasedUsesNameFromPacketOnly', 'IgnoreRhosts', 'Include', 'IPQoS',
    'KbdInteractiveAuthentication', 'ChallengeResponseAuthentication', 'KerberosAuthentication', 'LogLevel', 'MaxAuthTries', 'MaxSessions', 'PasswordAuthentication', 'PermitEmptyPasswords',
    'PermitListen', 'PermitOpen', 'PermitRootLogin', 'PermitTTY', 'PermitTunnel', 'PermitUserRC', 'PubkeyAcceptedAlgorithms', 'PubkeyAcceptedKeyTypes', 'PubkeyAuthentication',
    'PubkeyAuthOptions', 'RekeyLimit', 'RevokedKeys', 'RDomain', 'SetEnv', 'StreamLocalBindMask', 'StreamLocalBindUnlink', 'TrustedUserCAKeys', 'UnusedConnectionTimeout',
    'X11DisplayOffset', 'X11Forwarding', 'X11UseLocalhost',
  ].map((k) => k.toLowerCase()),
);
const MATCH_CRITERIA = new Set(['all', 'user', 'group', 'host', 'localaddress', 'localport', 'address', 'rdomain', 'invalid-user']);

/** Keywords only sshd uses (not ssh_config): two of them at the start of lines make a file an sshd configuration. */
const SSHD_ONLY = /^\s*(PermitRootLogin|UsePAM|PermitEmptyPasswords|AuthorizedKeysFile|Subsystem|MaxAuthTries|MaxSessions|ClientAliveInterval|HostKey|AllowUsers|AllowGroups|UsePrivilegeSeparation|PrintMotd|AcceptEnv|ListenAddress)[\s=]/gim;

export function looksLikeSshd(head: string): boolean {
  const seen = new Set([...head.matchAll(SSHD_ONLY)].map((m) => m[1]!.toLowerCase()));
  return seen.size >= 2;
}

/** Splits a line into words the way sshd does: double quotes group, a `#` that starts a word ends the line. */
export function sshdWords(line: string): string[] | 'unterminated' {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /[\s]/.test(line[i]!)) i++;
    if (i >= line.length || line[i] === '#') break;
    let w = '';
    if (line[i] === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) return 'unterminated';
      w = line.slice(i + 1, end);
      i = end + 1;
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) w += line[i++];
    }
    words.push(w);
  }
  return words;
}

interface State {
  root: string | undefined;
  mainDir: string;
  cwd: string;
  warnings: ParseError[];
  directives: ValueObject[];
  locations: Record<string, Location>;
  settings: ValueObject;
  matchBlocks: { criteria: string; file: string; line: number; settings: ValueObject }[];
  includes: ValueObject[];
  alsoRead: string[];
  stack: string[];
}

export function parseSshd(input: HostFileInput, cwd: string): Parsed {
  const st: State = {
    root: input.place.root,
    mainDir: join(input.absPath, '..'),
    cwd,
    warnings: [],
    directives: [],
    locations: {},
    settings: {},
    matchBlocks: [],
    includes: [],
    alsoRead: [],
    stack: [input.absPath],
  };
  readText(st, input.text, input.display, null, 0);
  const locations = st.locations;
  st.matchBlocks.forEach((b, i) => (locations[`matchBlocks[${i}]`] = lineRange(b.file, b.line)));
  return {
    attributes: { settings: st.settings, matchBlocks: st.matchBlocks as unknown as Value, directives: st.directives, includes: st.includes },
    attributeLocations: locations,
    warnings: st.warnings,
    alsoRead: st.alsoRead,
  };
}

function readText(st: State, text: string, file: string, inherited: number | null, depth: number): void {
  let match = inherited;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    // `Keyword=value`, `Keyword = value`: the first = after the keyword separates like a space
    const kw = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*|\s+|$)(.*)$/.exec(trimmed);
    if (!kw) {
      st.warnings.push(new ParseError(file, line, 'expected a keyword and its arguments'));
      return;
    }
    const keyword = kw[1]!;
    const words = sshdWords(kw[2]!);
    if (words === 'unterminated') {
      st.warnings.push(new ParseError(file, line, `${keyword}: unterminated quote`));
      return;
    }
    const lower = keyword.toLowerCase();
    if (words.length === 0) {
      st.warnings.push(new ParseError(file, line, `${keyword}: missing argument`));
      return;
    }
    if (lower === 'match') {
      const bad = matchProblem(words);
      if (bad) {
        st.warnings.push(new ParseError(file, line, `Match: ${bad}`));
        return;
      }
      st.matchBlocks.push({ criteria: words.join(' '), file, line, settings: {} });
      match = st.matchBlocks.length - 1;
      return;
    }
    if (match !== null && !MATCH_ALLOWED.has(lower)) {
      st.warnings.push(new ParseError(file, line, `${keyword} is not allowed inside a Match block (sshd refuses to start); ignored`));
      return;
    }
    const value = words.join(' ');
    const index = st.directives.length;
    st.directives.push({ keyword, value, file, line, match });
    st.locations[`directives[${index}]`] = lineRange(file, line);
    if (lower === 'include') {
      for (const pattern of words) include(st, pattern, file, line, match, depth);
      return;
    }
    const key = ALIASES[lower] ?? lower;
    if (match === null) {
      if (!(key in st.settings)) {
        st.settings[key] = { keyword, value };
        st.locations[`settings.${key}`] = lineRange(file, line);
      }
    } else {
      const block = st.matchBlocks[match]!;
      if (!(key in block.settings)) {
        block.settings[key] = { keyword, value };
        st.locations[`matchBlocks[${match}].settings.${key}`] = lineRange(file, line);
      }
    }
  });
}

/** Why a Match line is not one sshd accepts, or undefined. */
function matchProblem(words: string[]): string | undefined {
  let i = 0;
  while (i < words.length) {
    let crit = words[i]!.toLowerCase();
    if (crit.startsWith('!')) crit = crit.slice(1);
    if (!MATCH_CRITERIA.has(crit)) return `unknown criterion "${words[i]}"`;
    if (crit === 'all' || crit === 'invalid-user') {
      i++;
      continue;
    }
    if (i + 1 >= words.length) return `"${words[i]}" needs a value`;
    i += 2;
  }
  return undefined;
}

function include(st: State, pattern: string, file: string, line: number, match: number | null, depth: number): void {
  const entry: ValueObject = { pattern, file, line, files: [] };
  st.includes.push(entry);
  if (depth + 1 > MAX_DEPTH) {
    st.warnings.push(new ParseError(file, line, `Include ${pattern}: nested more than ${MAX_DEPTH} levels`));
    return;
  }
  // inside the collected tree: absolute paths under the host root, relative ones under its /etc/ssh
  const base = st.root ?? st.mainDir;
  const hostPath = pattern.startsWith('/') ? pattern : posix.join('/etc/ssh', pattern);
  let target: string;
  if (st.root) target = join(st.root, ...hostPath.split('/').filter(Boolean));
  else if (pattern.startsWith('/etc/ssh/')) target = join(st.mainDir, ...pattern.slice('/etc/ssh/'.length).split('/'));
  else if (!pattern.startsWith('/')) target = join(st.mainDir, ...pattern.split('/'));
  else {
    st.warnings.push(new ParseError(file, line, `Include ${pattern}: the file is outside the collected host tree (no etc/ folder above ${file})`));
    return;
  }
  if (!isInside(target, base)) {
    st.warnings.push(new ParseError(file, line, `Include ${pattern}: resolves outside the collected host tree`));
    return;
  }
  const wildcard = /[*?[]/.test(pattern);
  const found = wildcard ? expandGlob(base, relative(base, target)) : existsSync(target) && statSync(target).isFile() ? [target] : [];
  if (found.length === 0) {
    if (!wildcard) st.warnings.push(new ParseError(file, line, `Include ${pattern}: no such file in the collected host tree`));
    return;
  }
  for (const abs of found) {
    const shown = displayPath(abs, st.cwd);
    (entry.files as Value[]).push(shown);
    if (st.stack.includes(abs)) {
      st.warnings.push(new ParseError(file, line, `Include ${pattern}: ${shown} includes itself`));
      continue;
    }
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      st.warnings.push(new ParseError(file, line, `Include ${pattern}: cannot read ${shown} (${(err as NodeJS.ErrnoException).code ?? 'error'})`));
      continue;
    }
    st.alsoRead.push(abs);
    st.stack.push(abs);
    readText(st, text, shown, match, depth + 1);
    st.stack.pop();
  }
}

/** Expands a relative glob(7) pattern segment by segment below `base`; files only, in lexical order like glob(3). */
function expandGlob(base: string, rel: string): string[] {
  let current = [base];
  const segments = rel.split(sep);
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const dir of current) {
      if (!/[*?[]/.test(seg)) {
        const p = join(dir, seg);
        if (existsSync(p)) next.push(p);
        continue;
      }
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch {
        continue;
      }
      for (const n of names) if (minimatch(n, seg, { dot: false })) next.push(join(dir, n));
    }
    current = last ? next.filter((p) => statSync(p).isFile()) : next.filter((p) => statSync(p).isDirectory());
  });
  return current;
}
