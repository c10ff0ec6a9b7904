import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPath, locate, type Resource } from '../../model/index.js';
import type { ScanError } from '../../scan/errors.js';
import { loadModel, scan } from '../../scan/scan.js';
import type { Check } from '../../checks/engine/types.js';
import { hostPlace, type HostFileInput, type Parsed } from './common.js';
import { parseMongod, parseMysql, parsePgHba, parseRedis } from './databases.js';
import { parseLoginDefs } from './login-defs.js';
import { parsePam, parseSecurityConf } from './pam.js';
import { parseGrafanaIni, parseJenkins, parseTomcatUsers } from './services.js';
import { parseShadow } from './shadow.js';
import { parseSshd } from './sshd.js';
import { ParseError } from '../../scan/errors.js';
import { hostKind } from './index.js';
import { classifyHash } from './shadow.js';
import { xmlTagLines } from './xml-lines.js';

/** Writes files (relative path → text) into a fresh folder and loads the model of it with the host source. */
async function load(files: Record<string, string>): Promise<{ resources: Resource[]; errors: ScanError[]; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-host-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const { resources, errors } = await loadModel([dir], { cwd: dir });
  return { resources: resources.filter((r) => r.source === 'host'), errors: errors.filter((e) => e.source === 'host'), dir };
}

const at = (r: Resource, path: string) => getPath(r.attributes, path);
const where = (r: Resource, path: string) => `${locate(r, path).file}:${locate(r, path).startLine}`;
const errs = (errors: ScanError[]) => errors.map((e) => `${e.file}:${e.line} ${e.message}`);

describe('host files: where they sit', () => {
  it('names the host from the folder above etc/ and keeps the path as on the host', () => {
    expect(hostPlace('/x/hosts/web-1/etc/ssh/sshd_config', 'hosts/web-1/etc/ssh/sshd_config')).toEqual({ root: '/x/hosts/web-1', host: 'web-1', hostPath: '/etc/ssh/sshd_config' });
    expect(hostPlace('/x/etc/shadow', 'etc/shadow')).toEqual({ root: '/x', host: null, hostPath: '/etc/shadow' });
    expect(hostPlace('/x/sshd_config', 'sshd_config')).toEqual({ root: undefined, host: null, hostPath: null });
    expect(hostPlace('/x/h/db-1/var/lib/jenkins/config.xml', 'h/db-1/var/lib/jenkins/config.xml').host).toBe('db-1');
  });

  it('claims files by name, and by content only where the name says nothing', () => {
    expect(hostKind('/a/etc/ssh/sshd_config', '')).toBe('sshd');
    expect(hostKind('/a/etc/pam.d/sshd', '')).toBe('pam');
    expect(hostKind('/a/etc/shadow', '')).toBe('shadow');
    expect(hostKind('/a/etc/shadow', 'root:*:19700:0:99999:7:::\n')).toBe('shadow');
    expect(hostKind('/a/assets/shadow', '.card { box-shadow: 0 1px 2px; }\n')).toBeUndefined();
    expect(hostKind('/a/backup/web-sshd', 'Port 22\nPermitRootLogin no\nUsePAM yes\n')).toBe('sshd');
    // ssh_config (the client) shares keywords with sshd but not these
    expect(hostKind('/a/ssh-client.conf', 'Host *\n  PasswordAuthentication no\n  IdentityFile ~/.ssh/id\n')).toBeUndefined();
    expect(hostKind('/a/dump/shadow.txt', 'root:*:19700:0:99999:7:::\n')).toBeUndefined();
    expect(hostKind('/a/dump/accounts', 'root:*:19700:0:99999:7:::\nbin:*:19700:0:99999:7:::\n')).toBe('shadow');
    expect(hostKind('/a/notes/sshd.md', 'PermitRootLogin no\nUsePAM yes\n')).toBeUndefined();
    expect(hostKind('/a/conf/users.xml', '<?xml version="1.0"?>\n<tomcat-users>\n')).toBe('tomcat');
    expect(hostKind('/a/jobs/build/config.xml', '<?xml version="1.1"?>\n<project>\n<builders/>\n</project>')).toBeUndefined();
    expect(hostKind('/a/jenkins/config.xml', "<?xml version='1.1'?>\n<hudson>\n<useSecurity>true</useSecurity>\n")).toBe('jenkins');
    expect(hostKind('/a/cfg/db-access.conf', 'local all all peer\nhost all all 10.0.0.0/8 scram-sha-256\n')).toBe('pg-hba');
    expect(hostKind('/a/cfg/server.cnf', '[mysqld]\nport=3306\n')).toBe('mysql');
    // an INI file with `host = ...` keys is not a pg_hba.conf
    expect(hostKind('/a/cfg/app.ini', '[database]\nhost = db.internal\nuser = app\n[replica]\nhost = db2.internal\nuser = app\n')).toBeUndefined();
    expect(hostKind('/a/etc/ssh/sshd_config.d/10-x.conf', 'PasswordAuthentication no\n')).toBe('sshd-fragment');
  });
});

describe('sshd_config', () => {
  it('first value wins in the global section; Match blocks keep their own; Include resolves inside the host tree', async () => {
    const { resources, errors } = await load({
      'hosts/web-1/etc/ssh/sshd_config': [
        'Include /etc/ssh/sshd_config.d/*.conf', // 1
        'PasswordAuthentication yes', // 2
        'permitrootlogin=no', // 3
        'PermitRootLogin yes', // 4
        'Ciphers "aes256-ctr,aes128-ctr" # trailing comment', // 5
        'Match User backup Address 10.0.0.0/8', // 6
        '  PasswordAuthentication yes', // 7
        '  PasswordAuthentication no', // 8
        'Match all', // 9
        '  X11Forwarding no', // 10
      ].join('\n'),
      'hosts/web-1/etc/ssh/sshd_config.d/50-cloud.conf': 'PasswordAuthentication no\nMatch Group sftp\n  ForceCommand internal-sftp\n',
      'hosts/web-1/etc/ssh/sshd_config.d/README': 'not a conf file',
    });
    expect(errs(errors)).toEqual([]);
    expect(resources).toHaveLength(1);
    const r = resources[0]!;
    expect(r.id).toBe('SshdConfig:hosts/web-1/etc/ssh/sshd_config');
    expect(r.type).toBe('SshdConfig');
    expect(r.provider).toBe('host');
    expect(at(r, 'host')).toBe('web-1');
    expect(at(r, 'path')).toBe('/etc/ssh/sshd_config');
    // the drop-in comes first, so its value wins over line 2
    expect(at(r, 'settings.passwordauthentication')).toEqual({ keyword: 'PasswordAuthentication', value: 'no' });
    expect(where(r, 'settings.passwordauthentication')).toBe('hosts/web-1/etc/ssh/sshd_config.d/50-cloud.conf:1');
    expect(at(r, 'settings.permitrootlogin.value')).toBe('no');
    expect(where(r, 'settings.permitrootlogin')).toBe('hosts/web-1/etc/ssh/sshd_config:3');
    expect(at(r, 'settings.ciphers.value')).toBe('aes256-ctr,aes128-ctr');
    // the drop-in's Match ends with its file: line 2 of the main file is global again
    expect(at(r, 'matchBlocks[0].criteria')).toBe('Group sftp');
    expect(at(r, 'matchBlocks[1].criteria')).toBe('User backup Address 10.0.0.0/8');
    expect(at(r, 'matchBlocks[1].settings.passwordauthentication.value')).toBe('yes');
    expect(where(r, 'matchBlocks[1].settings.passwordauthentication')).toBe('hosts/web-1/etc/ssh/sshd_config:7');
    expect(where(r, 'matchBlocks[1]')).toBe('hosts/web-1/etc/ssh/sshd_config:6');
    expect(at(r, 'includes[0].files')).toEqual(['hosts/web-1/etc/ssh/sshd_config.d/50-cloud.conf']);
  });

  it('an Include inside a Match applies the included file conditionally', async () => {
    const { resources } = await load({
      'etc/ssh/sshd_config': 'PasswordAuthentication no\nMatch Address 192.168.0.0/16\n  Include lan.conf\n',
      'etc/ssh/lan.conf': 'PasswordAuthentication yes\n',
    });
    const r = resources[0]!;
    expect(at(r, 'settings.passwordauthentication.value')).toBe('no');
    expect(at(r, 'matchBlocks[0].settings.passwordauthentication.value')).toBe('yes');
    expect(where(r, 'matchBlocks[0].settings.passwordauthentication')).toBe('etc/ssh/lan.conf:1');
  });

  it('malformed lines and missing includes are errors at file:line; the rest is read', async () => {
    const { resources, errors } = await load({
      'etc/ssh/sshd_config': [
        'Include /etc/ssh/missing.conf', // 1
        'Include ../../../../outside.conf', // 2
        'PermitRootLogin', // 3
        'Banner "unterminated', // 4
        '= nothing', // 5
        'Match Flavour vanilla', // 6
        'Include /etc/ssh/self.conf', // 7
        'Include /etc/ssh/nomatch.d/*.conf', // 8
        'Match User deploy', // 9
        '  Ciphers 3des-cbc', // 10
        'PasswordAuthentication no', // 11 (inside the Match)
      ].join('\n'),
      'etc/ssh/self.conf': 'Include /etc/ssh/self.conf\n',
    });
    expect(errs(errors)).toEqual([
      'etc/ssh/sshd_config:1 Include /etc/ssh/missing.conf: no such file in the collected host tree',
      // as on the host, `..` above / stays at /: the file is looked up at the tree's root
      'etc/ssh/sshd_config:2 Include ../../../../outside.conf: no such file in the collected host tree',
      'etc/ssh/sshd_config:3 PermitRootLogin: missing argument',
      'etc/ssh/sshd_config:4 Banner: unterminated quote',
      'etc/ssh/sshd_config:5 expected a keyword and its arguments',
      'etc/ssh/sshd_config:6 Match: unknown criterion "Flavour"',
      'etc/ssh/self.conf:1 Include /etc/ssh/self.conf: etc/ssh/self.conf includes itself',
      'etc/ssh/sshd_config:10 Ciphers is not allowed inside a Match block (sshd refuses to start); ignored',
    ]);
    expect(resources).toHaveLength(1);
    expect(at(resources[0]!, 'matchBlocks[0].settings.passwordauthentication.value')).toBe('no');
    expect(at(resources[0]!, 'settings.ciphers')).toBeUndefined();
  });

  it('a config outside any etc/ folder resolves relative includes beside itself', async () => {
    const { resources, errors } = await load({ 'collected/sshd_config': 'Include extra.conf\nUsePAM yes\nInclude ../../x.conf\nInclude /usr/local/x.conf\n', 'collected/extra.conf': 'PermitRootLogin yes\n' });
    expect(errs(errors)).toEqual([
      'collected/sshd_config:3 Include ../../x.conf: resolves outside the collected host tree',
      'collected/sshd_config:4 Include /usr/local/x.conf: the file is outside the collected host tree (no etc/ folder above collected/sshd_config)',
    ]);
    expect(at(resources[0]!, 'settings.permitrootlogin.value')).toBe('yes');
    expect(at(resources[0]!, 'host')).toBeNull();
  });
});

describe('login.defs, PAM, pwquality, faillock', () => {
  it('reads settings and PAM entries with their lines, and reports malformed lines', async () => {
    const { resources, errors } = await load({
      'etc/login.defs': '# comment\nPASS_MAX_DAYS 90\nENCRYPT_METHOD SHA512 # trailing\nPASS_MIN_LEN\n1BAD value\n',
      'etc/pam.d/common-auth': [
        'auth [success=1 default=ignore] pam_unix.so nullok', // 1
        'auth requisite pam_deny.so', // 2
        '-auth optional pam_systemd_home.so', // 3
        '@include common-account', // 4
        'auht required pam_env.so', // 5
        'auth [success=ok', // 6
        'auth required', // 7
        'session optional /lib/security/pam_motd.so motd=/run/motd \\', // 8
        '  noupdate', // 9
      ].join('\n'),
      'etc/security/pwquality.conf': 'minlen = 12\n[section]\nenforce_for_root\n',
      'etc/security/faillock.conf': 'deny = 4\nunlock time = 5\n',
    });
    const by = (t: string) => resources.find((r) => r.type === t)!;
    expect(at(by('LoginDefs'), 'settings')).toEqual({ PASS_MAX_DAYS: '90', ENCRYPT_METHOD: 'SHA512' });
    expect(where(by('LoginDefs'), 'settings.ENCRYPT_METHOD')).toBe('etc/login.defs:3');
    const pam = by('PamConfig');
    expect(at(pam, 'service')).toBe('common-auth');
    expect(at(pam, 'entries[0]')).toEqual({ type: 'auth', control: '[success=1 default=ignore]', module: 'pam_unix', args: ['nullok'], optional: false, line: 1 });
    expect(at(pam, 'entries[2].optional')).toBe(true);
    expect(at(pam, 'entries[3]')).toMatchObject({ type: 'include', module: 'common-account' });
    expect(at(pam, 'entries[4]')).toMatchObject({ type: 'session', module: 'pam_motd', args: ['motd=/run/motd', 'noupdate'], line: 8 });
    expect(where(pam, 'entries[4]')).toBe('etc/pam.d/common-auth:8');
    expect(at(by('PwqualityConf'), 'settings')).toEqual({ minlen: '12', enforce_for_root: null });
    expect(at(by('FaillockConf'), 'settings')).toEqual({ deny: '4' });
    expect(errs(errors).sort()).toEqual(
      [
        'etc/login.defs:4 PASS_MIN_LEN: missing value',
        'etc/login.defs:5 expected "NAME value"',
        'etc/pam.d/common-auth:5 unknown module type "auht" (expected auth, account, password or session)',
        'etc/pam.d/common-auth:6 unterminated "[" in the control field',
        'etc/pam.d/common-auth:7 auth: expected a control and a module',
        'etc/security/pwquality.conf:2 section headers are not allowed in this file',
        'etc/security/faillock.conf:2 expected "key = value"',
      ].sort(),
    );
  });
});

describe('/etc/shadow', () => {
  it('classifies each crypt(5) prefix', () => {
    const cases: [string, string | null, string | null, string][] = [
      ['$1$salt$hash', 'md5', '1', 'password'],
      ['$2b$10$abc', 'bcrypt', '2b', 'password'],
      ['$2y$10$abc', 'bcrypt', '2y', 'password'],
      ['$5$rounds=8000$s$h', 'sha256', '5', 'password'],
      ['$6$s$h', 'sha512', '6', 'password'],
      ['$y$j9T$s$h', 'yescrypt', 'y', 'password'],
      ['$gy$j9T$s$h', 'gost-yescrypt', 'gy', 'password'],
      ['$7$CU..$s$h', 'scrypt', '7', 'password'],
      ['$9$weird$h', 'unknown', 'unknown', 'password'],
      ['Zq7Hn2Kx9Lm4B', 'des', 'des', 'password'],
      ['!Zq7Hn2Kx9Lm4B', 'des', 'des', 'locked'],
      ['!$6$s$h', 'sha512', '6', 'locked'],
      ['*', null, null, 'disabled'],
      ['!!', null, null, 'disabled'],
      ['*LK*', null, null, 'disabled'],
      ['', null, null, 'empty'],
      ['x', null, null, 'disabled'],
    ];
    for (const [field, algorithm, algorithmId, status] of cases) expect(classifyHash(field), field).toEqual({ algorithm, algorithmId, status });
  });

  it('keeps account names and algorithms only; malformed lines are errors that do not quote the line', async () => {
    const hash = '$1$Rt5Yu8Io$Kq2Wm7Zp4Xn9Lb3Vc6Hd1F';
    const { resources, errors } = await load({ 'h/app-1/etc/shadow': `root:*:19700:0:99999:7:::\nlegacy:${hash}:15000::::::\n${hash}\n:${hash}:1::::::\nkiosk::19800::::::\n` });
    const r = resources[0]!;
    expect(at(r, 'accounts')).toEqual([
      { account: 'root', algorithm: null, algorithmId: null, status: 'disabled', line: 1 },
      { account: 'legacy', algorithm: 'md5', algorithmId: '1', status: 'password', line: 2 },
      { account: 'kiosk', algorithm: null, algorithmId: null, status: 'empty', line: 5 },
    ]);
    expect(where(r, 'accounts[1]')).toBe('h/app-1/etc/shadow:2');
    expect(errs(errors)).toEqual([
      'h/app-1/etc/shadow:3 expected "account:password:..." (colon-separated fields); line not read',
      'h/app-1/etc/shadow:4 the account name is missing or not a valid user name; line not read',
    ]);
    const everything = JSON.stringify({ r, errors });
    for (const part of ['Rt5Yu8Io', 'Kq2Wm7Zp4Xn9Lb3Vc6Hd1F', '$1$R']) expect(everything).not.toContain(part);
  });
});

describe('service configurations', () => {
  it('Grafana: sections and keys with lines; a malformed line is an error', async () => {
    const { resources, errors } = await load({ 'etc/grafana/grafana.ini': '[server]\nhttp_port = 3000 ; inline comment\n[security\nadmin_user = ops\nno equals here\n;admin_password = x\nsecret_key = """a#b;c"""\n' });
    const r = resources[0]!;
    expect(r.type).toBe('GrafanaIni');
    expect(at(r, 'sections')).toEqual({ server: { http_port: '3000', admin_user: 'ops', secret_key: 'a#b;c' } });
    expect(where(r, 'sections.server.admin_user')).toBe('etc/grafana/grafana.ini:4');
    expect(errs(errors)).toEqual(['etc/grafana/grafana.ini:3 malformed section header', 'etc/grafana/grafana.ini:5 expected "key = value"']);
  });

  it('Tomcat: users with lines (multi-line tags, comments skipped); invalid XML is an error with its line and no resource', async () => {
    const good = await load({
      'conf/tomcat-users.xml': '<?xml version="1.0"?>\n<tomcat-users>\n<!-- <user username="x" password="y"/> -->\n  <role rolename="manager-gui"/>\n  <user username="a"\n    password="b" roles="manager-gui, tomcat"/>\n  <user password="nameless"/>\n</tomcat-users>\n',
    });
    const r = good.resources[0]!;
    expect(at(r, 'users')).toEqual([{ username: 'a', password: 'b', roles: ['manager-gui', 'tomcat'], line: 5 }]);
    expect(where(r, 'roles[0]')).toBe('conf/tomcat-users.xml:4');
    expect(errs(good.errors)).toEqual(['conf/tomcat-users.xml:7 <user> without a username attribute']);
    const bad = await load({ 'conf/tomcat-users.xml': '<tomcat-users>\n  <user username="a" password="b">\n</tomcat-users>\n' });
    expect(bad.resources).toEqual([]);
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatchObject({ file: 'conf/tomcat-users.xml', line: 3 });
    expect(bad.errors[0]!.message).toMatch(/^invalid XML/);
  });

  it('Jenkins: the security elements with lines; invalid XML is an error', async () => {
    const good = await load({ 'var/lib/jenkins/config.xml': "<?xml version='1.1'?>\n<hudson>\n  <useSecurity>true</useSecurity>\n  <authorizationStrategy class=\"hudson.security.ProjectMatrixAuthorizationStrategy\">\n    <permission>USER:hudson.model.Hudson.Read:anonymous</permission>\n  </authorizationStrategy>\n</hudson>\n" });
    const r = good.resources[0]!;
    expect(at(r, 'useSecurity')).toBe(true);
    expect(at(r, 'authorizationStrategy')).toBe('hudson.security.ProjectMatrixAuthorizationStrategy');
    expect(at(r, 'permissions')).toEqual(['USER:hudson.model.Hudson.Read:anonymous']);
    expect(where(r, 'permissions[0]')).toBe('var/lib/jenkins/config.xml:5');
    const bad = await load({ 'var/lib/jenkins/config.xml': "<hudson>\n<useSecurity>false</useSecurity>\n<broken attr=>\n</hudson>\n" });
    expect(bad.resources).toEqual([]);
    expect(bad.errors[0]).toMatchObject({ file: 'var/lib/jenkins/config.xml', line: 3 });
  });

  it('databases: pg_hba rules, my.cnf options, redis directives, mongod YAML; malformed lines are errors', async () => {
    const { resources, errors } = await load({
      'etc/postgresql/pg_hba.conf': 'local all all peer\nhost all all 10.0.0.1 255.255.255.255 trust\nhostx all all 0.0.0.0/0 trust\nhost all all\ninclude_dir conf.d\n',
      'etc/mysql/my.cnf': '[mysqld]\nskip_grant_tables   # temporary, for a reset\nbad line with spaces\n!includedir /etc/mysql/conf.d/\nport = 3306 # default\n',
      'etc/redis/redis.conf': 'bind 0.0.0.0\nrequirepass "x y"\nrequirepass later\nuser\nuser default on nopass ~* +@all\n',
      'etc/mongod.conf': 'net:\n  bindIp: 0.0.0.0\nsecurity:\n  authorization: disabled\n',
      'srv/mongo/mongod.conf': 'net:\n  bindIp: [unclosed\n',
    });
    const db = (engine: string) => resources.find((r) => r.attributes.engine === engine)!;
    expect(at(db('postgresql'), 'rules')).toEqual([
      { type: 'local', database: 'all', user: 'all', address: null, method: 'peer', options: [], line: 1 },
      { type: 'host', database: 'all', user: 'all', address: '10.0.0.1/255.255.255.255', method: 'trust', options: [], line: 2 },
    ]);
    expect(at(db('mysql'), 'sections')).toEqual({ mysqld: { 'skip-grant-tables': null, port: '3306' } });
    expect(where(db('mysql'), 'sections.mysqld.skip-grant-tables')).toBe('etc/mysql/my.cnf:2');
    expect(at(db('redis'), 'settings.requirepass')).toBe('later');
    expect(at(db('redis'), 'users[0]')).toEqual({ name: 'default', rules: ['on', 'nopass', '~*', '+@all'], line: 5 });
    expect(at(db('mongodb'), 'config.security.authorization')).toBe('disabled');
    expect(where(db('mongodb'), 'config.security.authorization')).toBe('etc/mongod.conf:4');
    expect(errs(errors).map((e) => e.replace(/ \S+$/, (m) => m)).sort()).toEqual(
      [
        'etc/postgresql/pg_hba.conf:3 unknown connection type "hostx"',
        'etc/postgresql/pg_hba.conf:4 host: expected DATABASE USER ADDRESS METHOD',
        'etc/mysql/my.cnf:3 expected "key = value"',
        'etc/redis/redis.conf:4 user: missing user name',
        expect.stringMatching(/^srv\/mongo\/mongod\.conf:\d+ /),
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
  });
});

describe('XML tag lines', () => {
  it('skips comments, CDATA and declarations and tracks nesting', () => {
    expect(xmlTagLines('<?xml version="1.0"?>\n<!DOCTYPE x>\n<a>\n<!-- <b/>\n -->\n<b attr=">"\n/><![CDATA[<c/>]]>\n<c><d/></c>\n</a>')).toEqual([
      { path: 'a', line: 3 },
      { path: 'a/b', line: 6 },
      { path: 'a/c', line: 8 },
      { path: 'a/c/d', line: 8 },
    ]);
  });
});

describe('suppressions in host files', () => {
  it('an inline comment in sshd_config suppresses the finding on the next line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-host-ignore-'));
    mkdirSync(join(dir, 'etc/ssh'), { recursive: true });
    writeFileSync(join(dir, 'etc/ssh/sshd_config'), 'PasswordAuthentication no\n# tetrad:ignore TET-PASS-047 reason="break-glass console, no network path"\nPermitRootLogin yes\n');
    const check = ((await import('../../checks/passwords/sshd-permit-root-login.js')) as { default: Check }).default;
    const res = await scan([dir], { cwd: dir, checks: [check] });
    expect(res.findings.map((f) => [f.checkId, f.location.startLine, f.suppressed?.reason])).toEqual([['TET-PASS-047', 3, 'break-glass console, no network path']]);
  });
});

describe('robustness', () => {
  const parsers: Record<string, (i: HostFileInput) => Parsed> = {
    sshd: (i) => parseSshd(i, tmpdir()),
    loginDefs: parseLoginDefs,
    pam: parsePam,
    pwquality: parseSecurityConf,
    shadow: parseShadow,
    grafana: parseGrafanaIni,
    jenkins: parseJenkins,
    tomcat: parseTomcatUsers,
    pgHba: parsePgHba,
    mysql: parseMysql,
    redis: parseRedis,
    mongod: parseMongod,
  };
  // lines built from the characters these formats give meaning to, so the generator reaches their branches
  const line = fc.array(fc.constantFrom('a', 'Z', '1', ' ', '\t', '=', '#', ';', '[', ']', '"', "'", ':', '$', '!', '*', '<', '>', '/', '-', '+', ',', '.', '{', '}', 'Match', 'Include', 'pam_unix.so', 'host', 'user', '<user ', 'auth'), { maxLength: 12 }).map((p) => p.join(''));
  const text = fc.array(line, { maxLength: 12 }).map((l) => l.join('\n'));
  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name}: any input gives a result or a ParseError with a line, never a crash`, () => {
      fc.assert(
        fc.property(text, (t) => {
          const input: HostFileInput = { absPath: join(tmpdir(), 'no-such-host', 'etc', 'x'), display: 'etc/x', text: t, place: { root: undefined, host: null, hostPath: null } };
          try {
            const out = parse(input);
            for (const w of out.warnings) expect(w.line === undefined || w.line >= 1).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(ParseError);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
