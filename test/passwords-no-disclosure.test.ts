/**
 * No finding of the passwords pillar may disclose the secret it found.
 *
 * Differential: every failing fixture of src/checks/passwords is scanned
 * twice with all password checks, once as committed and once with each
 * planted secret replaced by a same-shaped stand-in (ROT13 letters, digits
 * shifted; AWS key prefixes kept so the stand-in is still a key). A
 * 6-character window of a planted secret that appears in the first JSON
 * report but not in the second came from the secret itself: a leak. Words
 * that are in the report anyway ("password" in a message, a host name in
 * the evidence) appear in both and are not counted.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinChecks } from '../src/checks/engine/builtin.js';
import { renderJson } from '../src/report/json.js';
import { scan } from '../src/scan/scan.js';

const ROOT = 'src/checks/passwords';

/** Secrets planted in the failing fixtures (kept in sync: the first test checks each is really there). */
const PLANTED = [
  'foobarbaz', 'Qm7!vR2#kL9@xT4w', 'ops-password-2024', 'Password123!', 'Redshift2024', 'd0cdb-Zx81-Lq5w-Mn3v', 'letmein123', 'Rep0rting-Def4ult-Pw',
  '4-v3ry-l0ng-p4ssw0rd!', 'H@Sh1CoR3!', 'Password1234', 'Legacy-Pg-2019', 'R00t-Passw0rd', 'Autumn2024',
  'AKIAZ7QX3K2LM4NOPQRS', 'q8Vn2Lk5Xw9Tz3Rb7Mc1Hd4Fs6Gp0Ya8Je2Ku5W', 'Zq8~Lm3.Nv7_Xp2-Rt5Wk9Bc4Hd6Fj1Gs0Ya', 'FwoGZXIvYXdzEBYaDHx7Lk2Mn9Pq4Rs8TvWxYz',
  'ASIAQ2W3E4R5T6Y7U2I3', 'AKIAQWERTYUIOPASDFGH', 'MIIEowIBAAKCAQEAx3pQ8vL2mN5kR7tW9zY1bC4dF6gH8jK0lM2nP4qS6uV8wX0y',
  'Winter2024', '9fK2-xQ7w-Lm4z', 'hookpass99', 'rabbit-worker-7', 'gh-builder-Pa55', 'Leg4cy-Vm-Adm1n-Pw', 'SuperSecretPassw0rd', 'Agents!2024',
  'Corp-Directory-2024!', 'Dep10y-Pa55', 'rootroot', 'sk_live_51Hq8Vn2Lk5Xw9Tz3Rb7Mc1', 'xoxb-2471-9fK2xQ7wLm4z', 'wh-secret-Lk8sV2qX7mN4',
  'password123', 'sk_live_51HfQz8Kq2vLmN3pR', 'rk_live_4eC39HqLyjWDarjtT1zdp7dc', 'Xf4!qLr9#Tz2@Wm7', 'glpat-Qx7vK2mN9pL4rT8w',
  'npm_Zt5Kq8Vw2Lm9Xr4Bn7Cj3Hd6Fs1Gp0Ya', 'c0rr3ct-h0rse-b4ttery-st4ple-92!', 'Sup3rS3cr3t', 'hunter22', 'ghp_Lk8sV2qX7mN4pR9tW3zY6cB1dF5gH0jA', 'Pa55w0rd!',
  'Winter2024!', // base64 in a Kubernetes Secret
  'tok-9fK2xQ7wLm4zVb8N', 'r3dis-Auth-T0ken-2024-x9', 'oidc-Cl13nt-S3cr3t-Value', 'ghp_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm7', 'ak-7Hq2Lm9Xv4Tz8Rb3', 'cfn-R3dis-Auth-T0ken-77',
  'Sh0p-Db-2024', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'Spr1ng-Sh0p-Pw', 'Exp0rter-Pg-Pw', 'rootpass',
  'ghp_Zx8Cv7Bn6Mq5Wl4Ek3Rj2Tu1Yi0Op9As8Df7', 'Lm9Xv4Tz8Rb3Qw2Er7Ty6Ui5', 'AIzaSyQ2w3E4r5T6y7U8i9O0p1A2s3D4f5G6h7J', 'npm_Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0LzXcVbNm1', 'Art1fact-Dl-99', 'Ci-Netrc-Pw-42', 'Tf-K8s-Db-Pw-7', 'Tf-Redis-Exp-Pw', 'Aci-Queue-Pw-31', 'Ssm-Secure-Pw-88', 'Kube-Tf-Sign-19', 'Dms-Endpoint-Pw1', 'Glue-Conn-Pw-22', 'Lightsail-Pw-33', 'Iam-Login-Pw-44', 'Gke-Basic-Auth-Pw-2019', 'Gke-Plan-Basic-Pw-1', 'Kust0mize-Db-Pw', 'Hc-Redis-Pw-1', 'Cmd-Redis-Pw-2', 'Partner-Api-Key-Value-5',
  // text-file secrets (TET-PASS-031/032)
  'AKIAZ7QX3K2LM4NOPQRT', 'q8Vn2Lk5Xw9Tz3Rb7Mc1Hd4Fs6Gp0Ya8Je2Ku5Wx', 'ghp_Lk8sV2qX7mN4pR9tW3zY6cB1dF5gH0jA7kQw', 'Rq7-Lm2x-Vb9z', 'xoxb-2471889350-9fK2xQ7wLm4zVb8N3cT6',
  'glpat-Qx7vK2mN9pL4rT8wZ3yB', 'Summer2024!', 'tok9fK2xQ7wLm4zVb8N3cT6pR', 'Sh0p-Db-Pw-2031', 'Tr0ub4dor-Mail-88', 'q8Vn2Lk5Xw9Tz3Rb7Mc1Hd4Fs6',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const failDirs = readdirSync(ROOT)
  .filter((n) => n.endsWith('.fixtures'))
  .map((n) => join(ROOT, n, 'fail'));

function standIn(secret: string): string {
  const key = /^(AKIA|ASIA)/.test(secret);
  const body = key ? secret.slice(4) : secret;
  const rot = body.replace(/[A-Za-z0-9]/g, (c) => {
    if (/[0-9]/.test(c)) return key ? c : String((Number(c) + 5) % 10);
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
  return key ? secret.slice(0, 4) + rot : rot;
}

/** The strength label "common password" is not part of any secret; drop it before comparing. */
function comparable(report: string): string {
  return report.replaceAll('common password', '');
}

function windows(secret: string, size = 6): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= secret.length; i++) out.push(secret.slice(i, i + size));
  return out;
}

describe('password findings never disclose the secret', () => {
  const fixtureText = failDirs.flatMap(filesUnder).map((f) => {
    const text = readFileSync(f, 'utf8');
    // Secrets in Kubernetes `data` and in base64 user data are planted encoded
    const decoded = [...text.matchAll(/[A-Za-z0-9+/]{12,}={0,2}/g)].map((m) => Buffer.from(m[0], 'base64').toString('utf8')).join('\n');
    return `${text}\n${decoded}`;
  }).join('\n');

  it('every planted secret is really in a failing fixture', () => {
    for (const s of PLANTED) expect(fixtureText.includes(s), `${s} is not planted in any fixture`).toBe(true);
  });

  it('the JSON report of all failing fixtures contains no 6-character window of a planted secret', async () => {
    const checks = (await loadBuiltinChecks()).filter((c) => c.meta.pillar === 'passwords');
    const res = await scan(failDirs, { checks });
    const report = comparable(renderJson(res));
    expect(res.findings.length).toBeGreaterThan(30);
    for (const f of res.findings.filter((x) => x.verdict === 'fail')) expect(f.evidence, `${f.checkId} ${f.resource.id} has no evidence`).toBeTruthy();

    const tmp = mkdtempSync(join(tmpdir(), 'tetrad-leak-'));
    try {
      const copies = failDirs.map((d) => {
        const target = join(tmp, relative(ROOT, d));
        cpSync(d, target, { recursive: true });
        return target;
      });
      const longestFirst = [...PLANTED].sort((a, b) => b.length - a.length);
      for (const file of copies.flatMap(filesUnder)) {
        let text = readFileSync(file, 'utf8');
        for (const s of longestFirst) text = text.split(s).join(standIn(s));
        writeFileSync(file, text);
      }
      const baseline = comparable(renderJson(await scan(copies, { checks, cwd: tmp })));
      const leaks = PLANTED.flatMap((s) => windows(s).filter((w) => report.includes(w) && !baseline.includes(w)).map((w) => `${s} -> ${w}`));
      expect(leaks).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
