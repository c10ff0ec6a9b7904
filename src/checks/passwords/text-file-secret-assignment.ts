import { isDottedReference, isExampleValue, isPasswordName, isReference, looksRandom, repeatsName, textSecrets } from '../_lib/text-secrets.js';
import { looksSecretName, maskSecret, severityForPassword } from '../_lib/secrets.js';
import { defineCheck, type FindingDraft } from '../engine/types.js';

export default defineCheck({
  meta: {
    id: 'TET-PASS-032',
    title: 'Password or secret assigned as a literal in a scanned text file',
    pillar: 'passwords',
    severity: 'medium',
    description:
      'A scanned text file assigns a literal to a name that holds a secret: `password = "..."`, `DB_PASSWORD=...`, `secret: ...`, `api_key: ...`, `token=...` in `.env`, `.properties`, `.ini`, YAML, JSON, shell or source code. A password is reported whatever it looks like (weak and common ones one severity higher, rated by zxcvbn); for token, key and secret names the value must also look machine-generated (16+ characters, letters and digits, at least 3.5 bits of entropy per character), because there a word is more often a name than a secret. Placeholders, `${var}`/`$VAR`/template references, environment lookups, paths, documentation example values, values with spaces (prose), unquoted dotted references (`var.db_password`), a value repeating its name in code (`password: \'password\'` field maps), test code and test data (a `test`/`fixtures`/`testdata` folder, `*.test.*`, `*_test.*`), and in source code and documentation anything but a quoted literal are not reported.',
    remediation:
      'Rotate the secret, remove the literal and read the value at run time from the environment or a secret store (AWS Secrets Manager / SSM SecureString, Azure Key Vault, GCP Secret Manager, Vault); keep `.env` files out of version control and images.',
    references: [
      'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html',
      'https://pages.nist.gov/800-63-4/sp800-63b.html',
      'https://cwe.mitre.org/data/definitions/798.html',
    ],
    compliance: { 'nist-800-53': ['IA-5(7)'] },
    sources: ['text'],
    resourceTypes: ['TextFile'],
    defersToCoveringFindings: true,
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    for (const { resource: r, secret: s, path, code, documentation, test } of textSecrets(ctx)) {
      if (s.detector !== 'assignment' || s.name === undefined) continue;
      // test code and test data are made of fake passwords: left to TET-PASS-031's specific formats
      if (test) continue;
      // in source code and prose only a quoted literal is a value (`password: string` is a type, `pw = getPw()` a call)
      if ((code || documentation) && !s.quoted) continue;
      if (!looksSecretName(s.name)) continue;
      const value = s.value;
      if (isReference(value) || isExampleValue(value)) continue;
      // prose and lists, not a secret: `label: 'Passwords and secrets'`, `passwords: [a, b]`
      if (/\s/.test(value.trim()) || /^[[{(]/.test(value)) continue;
      if (!s.quoted && isDottedReference(value)) continue;
      if (code && repeatsName(s.name, value)) continue;
      const password = isPasswordName(s.name);
      if (password ? value.length < 4 : !looksRandom(value)) continue;
      out.push({
        resource: r,
        attributePath: path,
        key: `${s.line}:${s.column}:${s.name}`,
        message: `${r.name} line ${s.line} assigns a literal ${password ? 'password' : 'secret'} to \`${s.name}\``,
        evidence: maskSecret(value, { strength: password }),
        severity: password ? severityForPassword(value, 'medium') : undefined,
      });
    }
    return out;
  },
});
