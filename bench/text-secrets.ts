/**
 * `node --import tsx bench/text-secrets.ts`:
 * the cost of the text-file secret scan (src/sources/text-files/) on
 * 10,000-file trees. Two trees:
 * - `text-10000`: a mixed repository (Python, JavaScript, shell, .env,
 *   .properties, YAML, JSON, INI, Markdown, Terraform), 1-3 KB per file, words
 *   such as token/auth/password in ordinary code, and a planted secret in one
 *   file of 100;
 * - `hcl-10000`: the Terraform tree of `npm run bench` (10,000 .tf files).
 * For each: files discovered, files that pass the secretlint pre-filter, the
 * source's load time (read + detect; the part the text scan adds to a scan),
 * candidates, and TET-PASS-031/032 findings. BENCH_RUNS=N (default 3) keeps
 * the median of N loads.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHclTree } from './generate.js';
import { discoverFiles } from '../src/scan/discover.js';
import { textFilesSource } from '../src/sources/text-files/index.js';
import { mayHoldLibrarySecret } from '../src/sources/text-files/detect.js';
import { runChecks } from '../src/checks/engine/run.js';
import credential from '../src/checks/passwords/text-file-credential.js';
import assignment from '../src/checks/passwords/text-file-secret-assignment.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = join(here, '.generated');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same tree. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function token(r: () => number, n: number, chars = ALNUM): string {
  return Array.from({ length: n }, () => chars[Math.floor(r() * chars.length)]).join('');
}

const BODIES: Record<string, (i: number) => string> = {
  py: (i) => `import os\nimport requests\n\nTOKEN_URL = "https://auth.internal/oauth/token"\n\n\ndef fetch_${i}(session, item_id):\n    token = os.environ["API_TOKEN"]\n    headers = {"Authorization": f"Bearer {token}"}\n    resp = session.get(f"https://api.internal/items/{item_id}", headers=headers, timeout=10)\n    resp.raise_for_status()\n    return resp.json()\n`,
  js: (i) => `export async function handler${i}(event) {\n  const password = process.env.DB_PASSWORD;\n  const authHeader = event.headers.authorization ?? '';\n  if (!authHeader.startsWith('Bearer ')) return { statusCode: 401 };\n  const client = await connect({ host: 'db.internal', user: 'app', password });\n  return { statusCode: 200, body: JSON.stringify(await client.query('select 1')) };\n}\n`,
  sh: (i) => `#!/bin/sh\nset -eu\n# deploy step ${i}\nexport AWS_REGION=eu-west-1\naws s3 cp "build/app-${i}.tar.gz" "s3://artifacts/app-${i}.tar.gz"\ncurl -fsS -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/repos/acme/app/deployments\n`,
  env: (i) => `APP_NAME=service-${i}\nLOG_LEVEL=info\nDB_HOST=db.internal\nDB_PASSWORD=\${DB_PASSWORD}\nTOKEN_TTL=3600\nSECRET_KEY_FILE=/run/secrets/app-key\n`,
  properties: (i) => `server.port=80${i % 100}\nspring.datasource.url=jdbc:postgresql://db.internal:5432/app\nspring.datasource.username=app\nspring.datasource.password=\${DB_PASSWORD}\nmanagement.endpoints.web.exposure.include=health\n`,
  yaml: (i) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: registry.internal/web:1.${i % 50}\n          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: { name: db, key: password }\n`,
  json: (i) => JSON.stringify({ name: `pkg-${i}`, version: '1.0.0', scripts: { test: 'vitest run', build: 'tsc' }, auth: { provider: 'oidc', tokenUrl: 'https://auth.internal/token', passwordless: true } }, null, 2) + '\n',
  ini: (i) => `[service]\nname = worker-${i}\nretries = 3\n\n[database]\nhost = db.internal\nuser = worker\npassword_file = /run/secrets/db\n`,
  md: (i) => `# Service ${i}\n\nSet \`DB_PASSWORD\` in the environment; the token is read from \`API_TOKEN\`.\n\n| setting | meaning |\n|---|---|\n| TOKEN_TTL | token lifetime in seconds |\n`,
  tf: (i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "logs-${i}"\n  tags = { team = "data", auth = "sso" }\n}\n\nresource "aws_db_instance" "db${i}" {\n  identifier = "db-${i}"\n  engine     = "postgres"\n  username   = "app"\n  password   = var.db_password\n}\n`,
};
const KINDS = Object.keys(BODIES);

function generateTextTree(n: number, dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  const r = rng(20261130);
  let planted = 0;
  for (let f = 0; f < n; f++) {
    const folder = join(dir, `mod_${String(Math.floor(f / 100)).padStart(3, '0')}`);
    if (f % 100 === 0) mkdirSync(folder, { recursive: true });
    const kind = KINDS[f % KINDS.length]!;
    let text = BODIES[kind]!(f);
    // pad to 1-3 KB with more of the same shape
    while (text.length < 1000 + (f % 3) * 1000) text += `\n${BODIES[kind]!(f + text.length)}`;
    if (f % 100 === 37) {
      planted++;
      const secret = [`GITHUB_TOKEN=ghp_${token(r, 36)}`, `AWS_ACCESS_KEY_ID=AKIA${token(r, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`, `DB_PASSWORD=${token(r, 14)}`, `DATABASE_URL=postgres://app:${token(r, 12)}@db.internal/app`][planted % 4]!;
      text += `\n# left over from a debugging session\n${kind === 'py' || kind === 'js' ? `LEFTOVER = "${secret.split('=').slice(1).join('=')}"  # ${secret.split('=')[0]}` : secret}\n`;
    }
    writeFileSync(join(folder, `f${f}.${kind}`), text);
  }
  return planted;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function measure(name: string, dir: string): Promise<void> {
  const t0 = performance.now();
  const { files } = discoverFiles([dir], { cwd: dir });
  const discoverMs = performance.now() - t0;
  const prefiltered = files.filter((f) => mayHoldLibrarySecret(readFileSync(f.path, 'utf8'))).length;
  const times: number[] = [];
  let loaded: Awaited<ReturnType<typeof textFilesSource.load>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    loaded = await textFilesSource.load(files.filter((f) => textFilesSource.claims(f)), { vars: {}, varFiles: [], cwd: dir });
    times.push(performance.now() - t);
  }
  const candidates = loaded!.resources.reduce((n, r) => n + (Array.isArray(r.attributes.secrets) ? r.attributes.secrets.length : 0), 0);
  const tc = performance.now();
  const run = runChecks([credential, assignment], loaded!.resources);
  const checkMs = performance.now() - tc;
  const row = {
    tree: name,
    files: files.length,
    bytesMiB: Math.round(files.reduce((n, f) => n + f.size, 0) / 1048576 * 10) / 10,
    throughSecretlint: prefiltered,
    loadMsMedian: Math.round(median(times)),
    loadMsFirst: Math.round(times[0]!),
    perFileUs: Math.round((median(times) * 1000) / files.length),
    candidates,
    findings: run.findings.length,
    checkMs: Math.round(checkMs),
    discoverMs: Math.round(discoverMs),
  };
  console.log(JSON.stringify(row));
}

mkdirSync(out, { recursive: true });
const textDir = join(out, 'text-10000');
if (!existsSync(textDir)) console.log(`planted ${generateTextTree(10_000, textDir)} secrets in ${textDir}`);
await measure('text-10000', textDir);
const hclDir = join(out, 'hcl-10000');
if (!existsSync(hclDir)) generateHclTree(10_000, 10_000, hclDir);
await measure('hcl-10000', hclDir);
