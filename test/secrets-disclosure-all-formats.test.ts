/**
 * Strength without disclosure, for every output format (issue #5, part 4).
 *
 * One estate full of secrets (every kind the text-file scan and the resource
 * checks find: cloud keys, vendor tokens, a private key, connection strings,
 * literal passwords in .env/.properties/Terraform/Kubernetes/Dockerfile, and a
 * malformed file whose parse error could quote its secret) is scanned with
 * every built-in check and rendered in EVERY format of the report registry
 * (`FORMATS` in src/report/index.ts, so a format added later is covered
 * without touching this test), through the library and through the CLI
 * (stdout and stderr). No substring of 6 characters or more of any planted
 * secret may appear anywhere.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { FORMATS } from '../src/report/index.js';
import { scan, type ScanResult } from '../src/scan/scan.js';
import { tetrad } from './support/cli.js';

process.env.TETRAD_TODAY = '2026-11-30';

const PEM_BODY = 'MIICXQIBAAKBgQDq7Zr2Vw9Lk4Tx8Nb3Hc6Jp1Ys5Gm0Fa7Qe2Ud9Ri4Ow8Kl3Zx6Cv1Bn5Mt0Ps7Ly2Hg9Df4Sa8Qw3Er6Ty1Ui5Op0As9Dk2Fj7Gh4Jl6Zm1Xn8Cb3Vq5Wr0Et2Yu7Io4Pa9Sd6Fg1Hj3Kl8';

/** Every planted secret (the part a leak would show), kept in step with the files below. */
const SECRETS = {
  awsKeyId: 'AKIAZ7QX3K2LM4NOPQRU',
  awsSecret: 'Vq8Ln2Kk5Xw9Tz3Rb7Mc1Hd4Fs6Gp0Ya8Je2Ku5Wy',
  github: 'ghp_Rt5Yw8Qp2Zx7Lm4Nb9Vc3Hd6Js1Kf0Ga8Ue2Io',
  slack: 'xoxb-5839201746-Kq7Wm2Zp9Xr4Lt8Vn3Bc6Hd',
  npm: 'npm_Zt5Kq8Vw2Lm9Xr4Bn7Cj3Hd6Fs1Gp0Ya7Qe',
  dbUrlPassword: 'Pq7-Wz2x-Lm9k-Rt4v',
  envPassword: 'Mv8#Lq2!Zx7@Tr4w',
  weakPassword: 'Mustang4491!',
  propertiesPassword: 'Kd9-Prop-Xq7-Lw2z',
  tfPassword: 'Tf-Rds-Zq8v-Lm3x-Pw',
  k8sPassword: 'K8s-Sec-Wq7z-Rt2v',
  dockerPassword: 'Dkr-Env-Xm4q-Lz8w',
  apiToken: 'tok8fK2xQ7wLm4zVb9N3cT6pRy',
  brokenPassword: 'Brk-Yaml-Qz7x-Wv3k',
  privateKeyBody: PEM_BODY,
};

function windows(secret: string, size = 6): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= secret.length; i++) out.push(secret.slice(i, i + size));
  return out;
}

/** The leaked windows of every secret in a text, as "name: window". */
function leaks(text: string): string[] {
  return Object.entries(SECRETS).flatMap(([name, secret]) => windows(secret).filter((w) => text.includes(w)).map((w) => `${name}: ${w}`));
}

const dir = mkdtempSync(join(tmpdir(), 'tetrad-disclosure-'));
let result: ScanResult;

beforeAll(async () => {
  writeFileSync(
    join(dir, 'leaky.env'),
    [
      `AWS_ACCESS_KEY_ID=${SECRETS.awsKeyId}`,
      `AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret}`,
      `GITHUB_TOKEN=${SECRETS.github}`,
      `SLACK_BOT_TOKEN=${SECRETS.slack}`,
      `NPM_TOKEN=${SECRETS.npm}`,
      `DATABASE_URL=postgres://app:${SECRETS.dbUrlPassword}@db.internal:5432/app`,
      `ADMIN_PASSWORD=${SECRETS.envPassword}`,
      `SMTP_PASSWORD=${SECRETS.weakPassword}`,
      `PAYMENTS_API_TOKEN=${SECRETS.apiToken}`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'application.properties'), `spring.datasource.password=${SECRETS.propertiesPassword}\n`);
  writeFileSync(join(dir, 'deploy.pem'), `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY.match(/.{1,64}/g)!.join('\n')}\n-----END RSA PRIVATE KEY-----\n`);
  writeFileSync(
    join(dir, 'main.tf'),
    [
      'resource "aws_db_instance" "app" {',
      '  identifier     = "app"',
      '  engine         = "postgres"',
      '  instance_class = "db.t3.micro"',
      '  username       = "app_admin"',
      `  password       = "${SECRETS.tfPassword}"`,
      '}',
      '',
      'resource "aws_lambda_function" "sync" {',
      '  function_name = "sync"',
      '  role          = "arn:aws:iam::123456789012:role/sync"',
      '  environment {',
      '    variables = {',
      `      AWS_ACCESS_KEY_ID = "${SECRETS.awsKeyId}"`,
      `      GITHUB_TOKEN      = "${SECRETS.github}"`,
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'secret.yaml'),
    ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db', '  namespace: shop', 'stringData:', `  password: ${SECRETS.k8sPassword}`, `  url: postgres://app:${SECRETS.dbUrlPassword}@db:5432/app`, ''].join('\n'),
  );
  writeFileSync(join(dir, 'Dockerfile'), ['FROM alpine:3.20', `ENV DB_PASSWORD=${SECRETS.dockerPassword}`, 'USER 1000', 'CMD ["/app"]', ''].join('\n'));
  // malformed YAML (a tab-indented mapping under a sequence) whose parser error could quote the line
  writeFileSync(join(dir, 'broken.yaml'), ['apiVersion: v1', 'kind: ConfigMap', 'data:', `  password: "${SECRETS.brokenPassword}`, '  - : [', ''].join('\n'));
  result = await scan([dir], { checks: await loadBuiltinChecks(), cwd: dir, loadConfig: false });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no secret in any output', () => {
  it('the estate really holds the secrets, and they are found', () => {
    const checks = new Set(result.findings.map((f) => f.checkId));
    for (const id of ['TET-PASS-031', 'TET-PASS-032', 'TET-PASS-006']) expect(checks, id).toContain(id);
    // every file with a secret yields a finding
    const files = new Set(result.findings.filter((f) => f.pillar === 'passwords').map((f) => f.location.file));
    for (const f of ['leaky.env', 'application.properties', 'deploy.pem', 'main.tf', 'secret.yaml', 'Dockerfile']) expect([...files], f).toContain(f);
    expect(result.errors.some((e) => e.file === 'broken.yaml'), 'the malformed file is an error').toBe(true);
  });

  it('covers every registered format', () => {
    expect(Object.keys(FORMATS).length).toBeGreaterThanOrEqual(3);
  });

  for (const format of Object.keys(FORMATS)) {
    it(`${format}: rendered by the library`, () => {
      const text = FORMATS[format]!(result, { color: false, showSuppressed: true });
      expect(text.length).toBeGreaterThan(0);
      expect(leaks(text)).toEqual([]);
    });

    it(`${format}: printed by the CLI (stdout and stderr)`, () => {
      const run = tetrad(['scan', dir, '--format', format], { cwd: dir, env: { TETRAD_TODAY: '2026-11-30' } });
      expect([0, 1], run.stderr).toContain(run.status);
      expect(run.stdout.length).toBeGreaterThan(0);
      expect(leaks(run.stdout)).toEqual([]);
      expect(leaks(run.stderr)).toEqual([]);
    });
  }

  it('error entries and the findings as objects hold no secret either', () => {
    expect(leaks(JSON.stringify(result.errors))).toEqual([]);
    expect(leaks(JSON.stringify(result.findings))).toEqual([]);
  });
});
