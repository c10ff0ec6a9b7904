/**
 * The text-file secret scan (src/sources/text-files/, TET-PASS-031/032):
 * the cheap pre-filter stays in step with the secretlint preset, candidates
 * keep their lines, and a secret a resource check reports is reported once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintSource } from '@secretlint/core';
import { creator as preset } from '@secretlint/secretlint-rule-preset-recommend';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { scan } from '../src/scan/scan.js';
import { detectSecrets, mayHoldLibrarySecret } from '../src/sources/text-files/detect.js';

/** A deterministic, token-shaped filler of n characters from an alphabet. */
function filler(n: number, chars = 'abcdefghijkLMNOPQRSTUVWxyz0123456789'): string {
  return Array.from({ length: n }, (_, i) => chars[(i * 7 + 3) % chars.length]).join('');
}

/** A token of the 1Password service-account shape: `ops_` + base64 of a JSON object (the rule decodes it). */
function opsToken(): string {
  for (let pad = ''; ; pad += 'x') {
    const b64 = Buffer.from(JSON.stringify({ signInAddress: 'my.1password.com', email: 'ci@example.org', srpX: filler(64), secretKey: `A3-${filler(30)}`, pad })).toString('base64');
    if (b64.endsWith('fQ==') && /^[A-Za-z0-9+/=]+$/.test(b64)) return `ops_${b64}`;
  }
}

const PEM_BODY = `MII${filler(200, 'ABCDEFGHabcdefgh0123456789+/')}`;

/** One sample per rule of the recommended preset (rule name without its package prefix). */
export const PRESET_SAMPLES: Record<string, string> = {
  aws: `AWS_SECRET_ACCESS_KEY="${filler(40)}"`,
  privatekey: `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----\n`,
  basicauth: `url = "https://deploy:Kq8vLm2xVb9z@git.internal.example.com/repo.git"`,
  'database-connection-string': `DB="mongodb://app:Kq8vLm2xVb9z@mongo.internal:27017/app"`,
  github: `t = "ghp_${filler(36)}"`,
  gitlab: `t = "glpat-${filler(20)}"`,
  slack: `t = "xoxb-1234567890-${filler(24)}"`,
  npm: `t = "npm_${filler(36)}"`,
  sendgrid: `k = "SG.${filler(22)}.${filler(43)}"`,
  shopify: `k = "shpat_${filler(32, 'abcdef0123456789')}"`,
  openai: `k = "sk-${filler(20)}T3BlbkFJ${filler(20)}"`,
  anthropic: `k = "sk-ant-api03-${filler(93)}AA"`,
  groq: `k = "gsk_${filler(52)}"`,
  huggingface: `k = "hf_${filler(34, 'abcdefghijkLMNOPQRSTUVWxyz')}"`,
  linear: `k = "lin_api_${filler(40)}"`,
  notion: `k = "ntn_12345678901${filler(35)}"`,
  '1password': `k = "${opsToken()}"`,
  grafana: `k = "glsa_${filler(32)}_0a1b2c3d"`,
  'hashicorp-vault': `k = "hvs.${filler(95)}"`,
  vercel: `k = "vcp_${filler(30)}"`,
  databricks: `k = "dapi${filler(32, 'abcdef0123456789')}"`,
  docker: `k = "dckr_pat_${filler(27)}"`,
  figma: `k = "figd_${filler(45)}"`,
  gcp: JSON.stringify({ type: 'service_account', private_key_id: 'abc', private_key: `-----BEGIN PRIVATE KEY-----\n${PEM_BODY}\n-----END PRIVATE KEY-----\n` }, null, 2),
};

const config = { rules: [{ id: preset.meta.id, rule: preset as never }] };

describe('secretlint pre-filter', () => {
  for (const [rule, content] of Object.entries(PRESET_SAMPLES)) {
    it(`lets the ${rule} rule's sample through, and the rule fires`, async () => {
      // the GCP rule reads key files by their .json extension
      const ext = rule === 'gcp' ? '.json' : '';
      const res = await lintSource({ source: { content, filePath: `/tmp/sample${ext}`, ext, contentType: 'text' }, options: { config } });
      expect(res.messages.map((m) => m.ruleId.replace('@secretlint/secretlint-rule-', ''))).toContain(rule);
      expect(mayHoldLibrarySecret(content)).toBe(true);
    });
  }

  it('covers every scanning rule of the preset', () => {
    const ids = ((preset as unknown as { rules: Array<{ meta: { id: string } }> }).rules ?? [])
      // filter-comments reads `secretlint-disable` comments, it finds nothing itself
      .filter((r) => r.meta.id !== '@secretlint/secretlint-rule-filter-comments')
      .map((r) => r.meta.id.replace('@secretlint/secretlint-rule-', ''));
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => !(id in PRESET_SAMPLES))).toEqual([]);
  });

  it('keeps ordinary files away from secretlint', () => {
    expect(mayHoldLibrarySecret('resource "aws_s3_bucket" "b" {\n  bucket = "logs"\n  tags = { team = "data" }\n}\n')).toBe(false);
    expect(mayHoldLibrarySecret('def main():\n    return requests.get("https://api.example.com/v1/items")\n')).toBe(false);
  });
});

describe('detectSecrets', () => {
  it('gives each candidate its line and column, never secretlint text', async () => {
    const text = `first\nAWS_SECRET_ACCESS_KEY=${filler(40)}\nid: AKIAZ7QX3K2LM4NOPQRT\n  password = "Kq8vLm2xVb9z"\n`;
    const found = await detectSecrets(text, '/tmp/a.env');
    expect(found.map((c) => [c.detector, c.kind, c.line, c.column, c.value])).toEqual([
      ['secretlint', 'AWSSecretAccessKey', 2, 23, filler(40)],
      ['aws-access-key-id', 'AKIA', 3, 5, 'AKIAZ7QX3K2LM4NOPQRT'],
      ['assignment', 'assignment', 4, 15, 'Kq8vLm2xVb9z'],
    ]);
  });

  it('takes the password out of a connection string and the body out of a PEM block', async () => {
    const found = await detectSecrets(`x\n${PRESET_SAMPLES['database-connection-string']}\n${PRESET_SAMPLES.privatekey}`, '/tmp/b.txt');
    expect(found.map((c) => [c.rule, c.line, c.value])).toEqual([
      ['database-connection-string', 2, 'Kq8vLm2xVb9z'],
      ['privatekey', 3, PEM_BODY],
    ]);
  });

  it('reads a conditional as no assignment', async () => {
    expect(await detectSecrets("const label = isPw ? 'password' : 'secret';\n", '/tmp/c.ts')).toEqual([]);
  });
});

describe('comments', () => {
  it('read prose after a colon as prose, and commented-out settings as settings', async () => {
    const lines = ['## SHOULD PASS: This bucket has no public access', '// Note on auth: see the wiki', '# password: hunter2', 'DB_PASSWORD: s3cret more words'];
    const found = await detectSecrets(`${lines.join('\n')}\n`, 'main.tf');
    expect(found.map((c) => [c.line, c.name, c.value])).toEqual([
      [3, 'password', 'hunter2'],
      [4, 'DB_PASSWORD', 's3cret'],
    ]);
  });
});

describe('text-file findings next to resource checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-text-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a secret once: the resource check keeps it, the text check adds what only it sees', async () => {
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'resource "aws_db_instance" "app" {',
        '  identifier     = "app"',
        '  engine         = "postgres"',
        '  instance_class = "db.t3.micro"',
        '  username       = "app_admin"',
        '  password       = "Rq7-Lm2x-Vb9z-Kp4w"',
        '  # old key, remove: AKIAZ7QX3K2LM4NOPQRT',
        '}',
        '',
      ].join('\n'),
    );
    const res = await scan([dir], { checks: await loadBuiltinChecks(), selection: { only: ['passwords'] }, cwd: dir, loadConfig: false });
    const at = res.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`);
    // line 6 is the database check's; the key id in the comment only the text scan can see
    expect(at.filter((a) => a.endsWith(':6'))).toHaveLength(1);
    expect(at.filter((a) => a.endsWith(':6'))[0]).not.toMatch(/TET-PASS-03[12]/);
    expect(at).toContain('TET-PASS-031 main.tf:7');
  });
});

describe('detection cost', () => {
  it('stays linear on a bundle of 40,000 secret-named assignments', async () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `e${i}.password=n${i};auth_mode="bearer${i}"`).join('\n');
    const started = performance.now();
    const found = await detectSecrets(text, '/tmp/bundle.js');
    const ms = performance.now() - started;
    expect(found.length).toBe(80_000);
    // the quadratic dedupe this replaces took ~7 s here; linear is well under a second on a quiet machine
    expect(ms).toBeLessThan(4000);
  });
});
