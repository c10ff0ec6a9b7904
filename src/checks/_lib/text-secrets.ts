import { z } from 'zod';
import type { Resource } from '../../model/index.js';
import type { CheckContext } from '../engine/types.js';
import { loadCatalogue } from './catalogue.js';
import { isPlaceholder, looksLikePath, nameWords } from './secrets.js';

/**
 * Helpers of the text-file secret checks (TET-PASS-031, TET-PASS-032), which
 * read the candidates of the `text` source (src/sources/text-files/).
 */

export interface TextSecret {
  detector: 'secretlint' | 'aws-access-key-id' | 'assignment';
  rule: string;
  kind: string;
  name?: string;
  value: string;
  quoted?: boolean;
  line: number;
  endLine: number;
  column: number;
}

export interface TextSecretAt {
  resource: Resource;
  secret: TextSecret;
  /** attribute path of the candidate (`secrets[3]`), which gives the finding its line */
  path: string;
  /** the file is a programming-language file */
  code: boolean;
  /** the file is documentation (.md, .txt, .html...) */
  documentation: boolean;
  /** the file is test code or test data (by its path) */
  test: boolean;
}

/** Every candidate of every text file, in model order. */
export function textSecrets(ctx: CheckContext): readonly TextSecretAt[] {
  return ctx.shared('text-secrets:candidates', () => {
    const out: TextSecretAt[] = [];
    for (const r of ctx.fromSource('text')) {
      const list = r.attributes.secrets;
      if (!Array.isArray(list)) continue;
      list.forEach((s, i) => out.push({ resource: r, secret: s as unknown as TextSecret, path: `secrets[${i}]`, code: r.attributes.code === true, documentation: r.attributes.documentation === true, test: r.attributes.test === true }));
    }
    return out;
  });
}

const examplesSchema = z.object({ exact: z.array(z.string()), patterns: z.array(z.string()) });
let examples: { exact: Set<string>; patterns: RegExp[] } | undefined;

/** A documentation or test stand-in (AKIAIOSFODNN7EXAMPLE, "dummy-token", "xxxxxxxx"): data/passwords/text-secret-examples.yaml. */
export function isExampleValue(value: string): boolean {
  if (!examples) {
    const data = loadCatalogue('passwords/text-secret-examples.yaml', examplesSchema);
    examples = { exact: new Set(data.exact), patterns: data.patterns.map((p) => new RegExp(p, 'i')) };
  }
  const v = value.trim();
  return examples.exact.has(v) || examples.patterns.some((re) => re.test(v));
}

/**
 * A value that refers to a secret instead of holding one: a placeholder, a
 * shell/template variable (`$DB_PASS`, `${var.x}`, `{{ .Values.pw }}`,
 * `#{pw}`, `%(pw)s`, `{password}`), a path, a switch, a YAML tag
 * (`!secret db_pw`, `!Ref`), or a call (`os.environ["X"]`, `getenv(...)`).
 */
export function isReference(value: string): boolean {
  const v = value.trim();
  if (isPlaceholder(v) || looksLikePath(v)) return true;
  if (/^(true|false|yes|no|on|off|null|none|nil|undefined)$/i.test(v)) return true;
  if (/^[$!%@&*]/.test(v)) return true;
  if (/\$\{|\{\{|#\{|%\(|%s|^\{[A-Za-z_][\w.]*\}$/.test(v)) return true;
  if (/^[A-Za-z_][\w.]*\(.*\)?$/.test(v) || /(environ|getenv|process\.env|ENV\[|System\.getenv|secrets\.|vault:)/.test(v)) return true;
  return false;
}

/** An unquoted dotted identifier: an HCL or code reference (`var.db_password`, `local.creds.pw`, `settings.password`). */
export function isDottedReference(value: string): boolean {
  return /^[a-z_][a-z0-9_-]*(\.[a-z_][a-z0-9_-]*|\[[^\]]*\])+$/.test(value.trim());
}

/** The value repeats the name (`password: 'password'` in a field mapping of source code). */
export function repeatsName(name: string, value: string): boolean {
  const flat = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return flat(name) === flat(value) || flat(name).endsWith(flat(value)) && flat(value).length >= 4;
}

/** The name is about a password (DB_PASSWORD, adminPass, pwd), not a token or key. */
export function isPasswordName(name: string): boolean {
  return nameWords(name).some((w) => /^(password|passwd|passwort|pwd|pass|passphrase|pw)$/.test(w) || w.includes('password') || w.includes('passwd'));
}

/** Shannon entropy of a string, in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A value that looks machine-generated (an API token, a signing key): at least
 * 16 characters without spaces, letters and digits mixed, and at least 3.5
 * bits of entropy per character (base64 and mixed-case tokens measure 4-6,
 * hex about 3.7-4, English identifiers such as `my-service-account-name`
 * under 3.5). Used for names that are not about passwords, where a word or an
 * identifier is far more often a name than a secret (`token_type: bearer`).
 */
export function looksRandom(value: string): boolean {
  if (value.length < 16 || /\s/.test(value)) return false;
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return false;
  return shannonEntropy(value) >= 3.5;
}
