/**
 * `npx tsx bench/hosts.ts [HOSTS]` (default 2000): generates HOSTS collected
 * host trees (`hosts/<name>/etc/...`: sshd_config with an Include and a
 * drop-in with a Match block, login.defs, three PAM files, pwquality.conf,
 * a 40-account shadow file, and on every fourth host a tomcat-users.xml and a
 * pg_hba.conf), then times, in this process: file discovery, the host
 * source's load (claims + parse), and the 20 host checks (TET-PASS-046..065)
 * over the resulting model. Prints one JSON line.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks } from '../src/checks/engine/run.js';
import type { Check } from '../src/checks/engine/types.js';
import { discoverFiles } from '../src/scan/discover.js';
import { hostSource } from '../src/sources/host/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const hosts = Number(process.argv[2] ?? 2000);
const root = join(here, '.generated', `hosts-${hosts}`);
rmSync(root, { recursive: true, force: true });

const write = (rel: string, text: string) => {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
};
const salt = (i: number, j: number) => `${(i * 7919 + j * 104729).toString(36).padStart(8, 'x').slice(0, 8)}`;
for (let i = 0; i < hosts; i++) {
  const h = `hosts/node-${i}/etc`;
  write(`${h}/ssh/sshd_config`, `Include /etc/ssh/sshd_config.d/*.conf\nPort 22\nPermitRootLogin ${i % 10 === 0 ? 'yes' : 'no'}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\nMaxAuthTries ${i % 3 === 0 ? 6 : 3}\nCiphers ${i % 5 === 0 ? 'aes256-ctr,aes128-cbc' : 'chacha20-poly1305@openssh.com,aes256-gcm@openssh.com'}\nSubsystem sftp /usr/lib/openssh/sftp-server\n`);
  write(`${h}/ssh/sshd_config.d/50-admins.conf`, `Match Group admins Address 10.0.0.0/8\n  PasswordAuthentication ${i % 7 === 0 ? 'yes' : 'no'}\n  MaxAuthTries 3\n`);
  write(`${h}/login.defs`, `PASS_MAX_DAYS 99999\nPASS_MIN_DAYS 0\nPASS_WARN_AGE 7\nUID_MIN 1000\nUID_MAX 60000\nENCRYPT_METHOD ${i % 11 === 0 ? 'MD5' : 'YESCRYPT'}\n`);
  write(`${h}/pam.d/common-auth`, `auth required pam_faillock.so preauth\nauth [success=1 default=ignore] pam_unix.so${i % 4 === 0 ? ' nullok' : ''}\nauth [default=die] pam_faillock.so authfail\nauth requisite pam_deny.so\nauth required pam_permit.so\n`);
  write(`${h}/pam.d/common-password`, `password requisite pam_pwquality.so retry=3\npassword [success=1 default=ignore] pam_unix.so obscure use_authtok yescrypt\npassword requisite pam_deny.so\npassword required pam_permit.so\n`);
  write(`${h}/pam.d/sshd`, `@include common-auth\naccount required pam_nologin.so\n@include common-account\nsession required pam_limits.so\n@include common-password\n`);
  write(`${h}/security/pwquality.conf`, `minlen = ${i % 6 === 0 ? 10 : 15}\ndictcheck = 1\n`);
  const accounts = ['root:*:19700:0:99999:7:::'];
  for (let j = 0; j < 40; j++) accounts.push(`user${j}:${j === 3 && i % 9 === 0 ? `$1$${salt(i, j)}$Kq2Wm7Zp4Xn9Lb3Vc6Hd1F` : `$y$j9T$${salt(i, j)}Lm2Zx4Vb6Nc1Q$Tp7Yu9Io0Pa2Sd4Fg6Hj8Kl1Zx3Cv5Bn7Mq9We2`}:19800:0:99999:7:::`);
  write(`${h}/shadow`, accounts.join('\n') + '\n');
  if (i % 4 === 0) {
    write(`${h}/tomcat9/tomcat-users.xml`, `<?xml version="1.0"?>\n<tomcat-users>\n  <role rolename="manager-gui"/>\n  <user username="${i % 8 === 0 ? 'tomcat' : 'ops'}" password="${i % 8 === 0 ? 'tomcat' : 'Kx8-Wq3m-Zt6v-Lb1n'}" roles="manager-gui"/>\n</tomcat-users>\n`);
    write(`${h}/postgresql/16/main/pg_hba.conf`, `local all postgres peer\nhost all all 10.0.0.0/8 ${i % 12 === 0 ? 'trust' : 'scram-sha-256'}\n`);
  }
}

const checkFiles = [
  'sshd-password-authentication', 'sshd-permit-root-login', 'sshd-permit-empty-passwords', 'sshd-max-auth-tries', 'sshd-weak-ciphers', 'sshd-weak-macs', 'sshd-weak-kex', 'sshd-protocol-1',
  'login-defs-weak-password-hashing', 'password-minimum-length-host', 'pam-no-password-quality', 'pam-no-lockout', 'pam-nullok', 'login-defs-forced-rotation',
  'shadow-weak-password-hash', 'shadow-empty-password', 'grafana-default-admin-password', 'jenkins-security-disabled', 'tomcat-default-credentials', 'database-without-authentication',
];
const checks: Check[] = [];
for (const f of checkFiles) checks.push(((await import(`../src/checks/passwords/${f}.js`)) as { default: Check }).default);

let t = performance.now();
const { files } = discoverFiles([root], { cwd: here });
const discoverMs = performance.now() - t;
t = performance.now();
const claimed = files.filter((f) => hostSource.claims(f));
const { resources, errors } = await hostSource.load(claimed, { vars: {}, varFiles: [], cwd: here });
const loadMs = performance.now() - t;
t = performance.now();
const run = runChecks(checks, resources);
const checkMs = performance.now() - t;
const bytes = files.reduce((n, f) => n + f.size, 0);
console.log(
  JSON.stringify({
    hosts,
    files: files.length,
    claimed: claimed.length,
    mib: +(bytes / 1048576).toFixed(1),
    resources: resources.length,
    errors: errors.length,
    findings: run.findings.length,
    discoverMs: Math.round(discoverMs),
    loadMs: Math.round(loadMs),
    checkMs: Math.round(checkMs),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
