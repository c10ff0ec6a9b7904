/**
 * Reading an `SshdConfig` resource (src/sources/host/sshd.ts) the way sshd
 * does: the global value of a keyword (first value wins) or OpenSSH's
 * default when it is absent, plus each `Match` block that sets it (those
 * values apply only to the connections the block matches), and the
 * algorithm lists with their `+`/`-`/`^` modifiers.
 */
import { minimatch } from 'minimatch';
import { z } from 'zod';
import type { Resource, Severity } from '../../model/index.js';
import type { FindingDraft } from '../engine/types.js';
import { loadCatalogue } from './catalogue.js';

/** OpenSSH ≥ 9 defaults of the settings the checks read (sshd_config(5)). */
export const SSHD_DEFAULTS: Record<string, { keyword: string; value: string }> = {
  passwordauthentication: { keyword: 'PasswordAuthentication', value: 'yes' },
  kbdinteractiveauthentication: { keyword: 'KbdInteractiveAuthentication', value: 'yes' },
  usepam: { keyword: 'UsePAM', value: 'no' },
  permitrootlogin: { keyword: 'PermitRootLogin', value: 'prohibit-password' },
  permitemptypasswords: { keyword: 'PermitEmptyPasswords', value: 'no' },
  maxauthtries: { keyword: 'MaxAuthTries', value: '6' },
};

export interface SshdSetting {
  /** keyword as written, or the canonical spelling for a default */
  keyword: string;
  value: string;
  /** attribute path of the line that set it; undefined for a default */
  path?: string;
  /** the Match criteria when the value comes from a Match block */
  match?: string;
  /** index of the Match block, for finding keys */
  matchIndex?: number;
  defaulted: boolean;
}

interface Written {
  keyword: string;
  value: string;
}

function settingsOf(o: unknown): Record<string, Written> {
  return (o && typeof o === 'object' ? o : {}) as Record<string, Written>;
}

/** The global value of `key` (lower-case), or the default when the global section does not set it; undefined without either. */
export function sshdGlobal(r: Resource, key: string): SshdSetting | undefined {
  const w = settingsOf(r.attributes.settings)[key];
  if (w) return { keyword: w.keyword, value: w.value, path: `settings.${key}`, defaulted: false };
  const d = SSHD_DEFAULTS[key];
  return d ? { ...d, defaulted: true } : undefined;
}

/** The values Match blocks give `key`, one per block that sets it. */
export function sshdMatches(r: Resource, key: string): SshdSetting[] {
  const blocks = (Array.isArray(r.attributes.matchBlocks) ? r.attributes.matchBlocks : []) as { criteria: string; settings: unknown }[];
  const out: SshdSetting[] = [];
  blocks.forEach((b, i) => {
    const w = settingsOf(b.settings)[key];
    if (w) out.push({ keyword: w.keyword, value: w.value, path: `matchBlocks[${i}].settings.${key}`, match: b.criteria, matchIndex: i, defaulted: false });
  });
  return out;
}

/** The global setting (or default) followed by every Match override. */
export function sshdAll(r: Resource, key: string): SshdSetting[] {
  const g = sshdGlobal(r, key);
  return [...(g ? [g] : []), ...sshdMatches(r, key)];
}

/** " inside `Match User backup`" for a Match value, "" for a global one. */
export function scopeText(s: SshdSetting): string {
  return s.match === undefined ? '' : ` inside "Match ${s.match}" (applies to the connections it matches)`;
}

/** A finding key that tells the global value from each Match block's. */
export function scopeKey(s: SshdSetting, what = ''): string {
  return `${what}${s.matchIndex === undefined ? 'global' : `match${s.matchIndex}`}`;
}

/**
 * Whether a password alone can log in, given `AuthenticationMethods` for the
 * scope of `s` (the Match block's own value, else the global one): unset or
 * `any` puts no requirement; otherwise one of the space-separated lists must
 * consist of password / keyboard-interactive methods only. With
 * `AuthenticationMethods publickey,password` a password is a second factor,
 * not a way in by itself.
 */
export function passwordAloneSuffices(r: Resource, s: SshdSetting): boolean {
  const inMatch = s.matchIndex === undefined ? undefined : sshdMatches(r, 'authenticationmethods').find((m) => m.matchIndex === s.matchIndex);
  const methods = inMatch ?? sshdGlobal(r, 'authenticationmethods');
  if (!methods || methods.value.trim().toLowerCase() === 'any') return true;
  return methods.value
    .trim()
    .split(/\s+/)
    .some((list) => list.split(',').every((m) => /^(password|keyboard-interactive)(:.*)?$/i.test(m.trim())));
}

/** sshd's yes/no values are case-insensitive. */
export function isYes(v: string): boolean {
  return v.trim().toLowerCase() === 'yes';
}

// ---- algorithm lists ------------------------------------------------------------

export type AlgorithmList = 'ciphers' | 'macs' | 'kexalgorithms';

const WeakEntry = z.object({ pattern: z.string().min(1), reason: z.string().min(1), severity: z.enum(['critical', 'high', 'medium', 'low', 'info']) });
const Catalogue = z.object({
  defaults: z.object({ ciphers: z.array(z.string()).min(1), macs: z.array(z.string()).min(1), kexalgorithms: z.array(z.string()).min(1) }),
  weak: z.object({ ciphers: z.array(WeakEntry), macs: z.array(WeakEntry), kexalgorithms: z.array(WeakEntry) }),
});

export function sshAlgorithms(): z.infer<typeof Catalogue> {
  return loadCatalogue('hosts/ssh-algorithms.yaml', Catalogue);
}

export interface ListReading {
  /** the algorithms sshd offers with this value */
  effective: string[];
  /** the names the value itself enables (a plain list, or the names after `+`/`^`); `-` enables none */
  enabled: string[];
}

/**
 * Applies sshd's list syntax to the default list: `a,b` replaces it, `+a,b`
 * appends, `-pat,...` removes every name matching a pattern, `^a,b` moves the
 * names to the head.
 */
export function readAlgorithmList(value: string, defaults: readonly string[]): ListReading {
  const v = value.trim();
  const op = /^[+\-^]/.test(v) ? v[0] : '';
  const names = (op ? v.slice(1) : v).split(',').map((s) => s.trim()).filter(Boolean);
  switch (op) {
    case '+':
      return { effective: [...defaults, ...names.filter((n) => !defaults.includes(n))], enabled: names };
    case '-':
      return { effective: defaults.filter((d) => !names.some((p) => sshMatch(d, p))), enabled: [] };
    case '^':
      return { effective: [...names, ...defaults.filter((d) => !names.includes(d))], enabled: names };
    default:
      return { effective: names, enabled: names };
  }
}

/** sshd's pattern matching: `*` and `?`, case-insensitive for algorithm names. */
export function sshMatch(name: string, pattern: string): boolean {
  return minimatch(name.toLowerCase(), pattern.toLowerCase(), { noglobstar: true, nobrace: true, noext: true, nocomment: true, nonegate: true });
}

export interface WeakAlgorithm {
  name: string;
  reason: string;
  severity: Severity;
}

/** The weak algorithms a directive's value enables, each with the first catalogue entry it matches. */
export function weakAlgorithms(list: AlgorithmList, value: string): WeakAlgorithm[] {
  const cat = sshAlgorithms();
  const { enabled } = readAlgorithmList(value, cat.defaults[list]);
  const out: WeakAlgorithm[] = [];
  for (const name of enabled) {
    const hit = cat.weak[list].find((w) => sshMatch(name, w.pattern));
    if (hit) out.push({ name, reason: hit.reason, severity: hit.severity });
  }
  return out;
}

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
export function worst(severities: Severity[]): Severity {
  return severities.reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'info' as Severity);
}

/**
 * The findings of one weak-algorithm check (TET-PASS-050 ciphers, 051 MACs, 052 key exchange):
 * every sshd_config whose explicit `list` directive enables catalogued weak algorithms, at the
 * directive, with the weakest one's severity. `what` names the algorithms in the message.
 */
export function weakAlgorithmFindings(resources: Resource[], list: AlgorithmList, what: string): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const r of resources) {
    const s = sshdGlobal(r, list);
    if (!s || s.defaulted) continue;
    const weak = weakAlgorithms(list, s.value);
    if (weak.length === 0) continue;
    out.push({
      resource: r,
      attributePath: s.path,
      message: `${s.keyword} enables weak ${what}: ${weak.map((w) => `${w.name} (${w.reason})`).join('; ')}`,
      evidence: `${s.keyword} ${s.value}`,
      severity: worst(weak.map((w) => w.severity)),
    });
  }
  return out;
}
