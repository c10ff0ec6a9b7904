import { describe, expect, it } from 'vitest';
import {
  awsKeyIds,
  isPlaceholder,
  literalSecret,
  looksSecretName,
  maskSecret,
  nameWords,
  passwordStrength,
  secretAssignments,
  severityForPassword,
  urlCredentials,
} from '../src/checks/_lib/secrets.js';
import { unknown } from '../src/model/index.js';

describe('maskSecret', () => {
  it('shows at most two leading characters, the length and the strength', () => {
    expect(maskSecret('password')).toBe('pa****** (8 chars, very weak, common password)');
    expect(maskSecret('password1234')).toBe('pa********** (12 chars, weak)');
    const m = maskSecret('xK9#mQ2$vL7!pR4&');
    expect(m).toMatch(/^xK\*+ \(16 chars, very strong\)$/);
    expect(m).not.toContain('9#mQ');
  });

  it('shows nothing of a secret shorter than 8 characters', () => {
    expect(maskSecret('hunter2')).toBe('******* (7 chars, weak)');
    expect(maskSecret('a')).toBe('* (1 chars, very weak)');
  });

  it('caps the stars and can leave the strength out for keys', () => {
    const key = 'AKIA' + 'Q'.repeat(16) + 'x'.repeat(40);
    const m = maskSecret(key, { strength: false });
    expect(m).toBe(`AK${'*'.repeat(16)} (60 chars)`);
  });

  it('never contains any three consecutive characters beyond the prefix', () => {
    for (const s of ['Qz-Hj8-Bt4-Sp0-Lk2-Wn6', 'zq8Lw3Nm9Vb2', 'abcdefghijklmnop']) {
      const m = maskSecret(s);
      for (let i = 2; i + 3 <= s.length; i++) expect(m.includes(s.slice(i, i + 3)), `${m} leaks ${s.slice(i, i + 3)}`).toBe(false);
    }
  });
});

describe('passwordStrength', () => {
  it('rates dictionary passwords weak and common', () => {
    for (const p of ['changeme', 'password', 'P@ssw0rd', 'admin123', 'qwerty']) {
      const s = passwordStrength(p);
      expect(s.weak, p).toBe(true);
    }
    expect(passwordStrength('changeme').common).toBe(true);
  });
  it('rates long random passwords strong', () => {
    const s = passwordStrength('xK9#mQ2$vL7!pR4&');
    expect(s.score).toBe(4);
    expect(s.weak).toBe(false);
    expect(s.common).toBe(false);
  });
  it('raises severity one step for weak passwords only', () => {
    expect(severityForPassword('password', 'high')).toBe('critical');
    expect(severityForPassword('xK9#mQ2$vL7!pR4&', 'high')).toBe('high');
    expect(severityForPassword('password', 'critical')).toBe('critical');
  });
});

describe('isPlaceholder', () => {
  it('accepts templates, markers and secret-store references', () => {
    for (const v of [
      '',
      '   ',
      '${var.db_password}',
      '${aws_secretsmanager_secret_version.db.secret_string}',
      '{{ .Values.password }}',
      '{{resolve:secretsmanager:prod/db:SecretString:password}}',
      '{{resolve:ssm-secure:/prod/db/password:1}}',
      '<password>',
      '$DB_PASSWORD',
      'REPLACE_ME',
      'replace-with-your-password',
      'your_password_here',
      'xxx',
      'XXXXXXXX',
      '***',
      '********',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf',
      'arn:aws:ssm:eu-west-1:123456789012:parameter/db',
      'projects/acme/secrets/db-password/versions/latest',
      'https://acme.vault.azure.net/secrets/db',
      '@Microsoft.KeyVault(SecretUri=https://acme.vault.azure.net/secrets/db)',
      'vault://secret/data/db#password',
    ])
      expect(isPlaceholder(v), JSON.stringify(v)).toBe(true);
  });
  it('treats obvious default passwords and real values as literals', () => {
    for (const v of ['changeme', 'password', 'admin', 'secret', 'Sup3rS3cret!', 'foobarbaz', 'x7Gq!2pLm', 'super-secret-123']) expect(isPlaceholder(v), v).toBe(false);
  });
  it('literalSecret ignores Unknown values and non-strings', () => {
    expect(literalSecret(unknown('variable without default', 'var.db_password'))).toBeUndefined();
    expect(literalSecret(null)).toBeUndefined();
    expect(literalSecret(true)).toBeUndefined();
    expect(literalSecret({ a: 'b' })).toBeUndefined();
    expect(literalSecret('${var.x}')).toBeUndefined();
    expect(literalSecret('changeme')).toBe('changeme');
    expect(literalSecret(123456)).toBe('123456');
    expect(literalSecret('yes')).toBeUndefined();
    expect(literalSecret('False')).toBeUndefined();
  });
});

describe('looksSecretName', () => {
  it('splits names into words', () => {
    expect(nameWords('dbPassword')).toEqual(['db', 'password']);
    expect(nameWords('AWS_SECRET_ACCESS_KEY')).toEqual(['aws', 'secret', 'access', 'key']);
    expect(nameWords('APIKey')).toEqual(['api', 'key']);
  });
  it('recognises names that hold secrets', () => {
    for (const n of [
      'PASSWORD', 'DB_PASSWORD', 'POSTGRES_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'DB_PASS', 'MYSQL_PWD', 'REDIS_PASSWD', 'dbPassword', 'adminpassword',
      'JWT_SECRET', 'CLIENT_SECRET', 'SECRET_KEY_BASE', 'GITHUB_TOKEN', 'NPM_TOKEN', 'authToken', 'API_KEY', 'apiKey', 'STRIPE_APIKEY',
      'AWS_SECRET_ACCESS_KEY', 'ACCESS_KEY', 'SSH_PRIVATE_KEY', 'GOOGLE_CREDENTIALS', 'SMTP_CREDENTIALS', 'SIGNING_KEY', 'PASSPHRASE', 'GITHUB_PAT',
    ])
      expect(looksSecretName(n), n).toBe(true);
  });
  it('leaves names that only describe a secret', () => {
    for (const n of [
      'PWD', 'OLDPWD', 'PASSWORD_FILE', 'POSTGRES_PASSWORD_FILE', 'PRIVATE_KEY_PATH', 'SSL_KEY_PATH', 'PASSWORD_MIN_LENGTH', 'TOKEN_URL', 'TOKEN_ENDPOINT',
      'SECRET_NAME', 'SECRET_ARN', 'AWS_ACCESS_KEY_ID', 'TOKEN_TTL', 'PASSWORD_AUTHENTICATION', 'HOME', 'PATH', 'NODE_ENV', 'PUBLIC_KEY', 'CACHE_KEY',
      'TOKENIZERS_PARALLELISM', 'PASSWORD_HASH', 'SECRETS_DIR', 'PASS_MAX_DAYS', 'KEYCLOAK_URL', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD',
      'REQUIRE_PASSWORD', 'GPG_KEY', 'JWT_PUBLIC_KEY',
    ])
      expect(looksSecretName(n), n).toBe(false);
  });
});

describe('patterns in free text', () => {
  it('finds AWS credential key ids but not role ids', () => {
    expect(awsKeyIds('export AWS_ACCESS_KEY_ID=AKIAZ7QX3K2LM4NOPQRS; aws s3 ls')).toEqual(['AKIAZ7QX3K2LM4NOPQRS']);
    expect(awsKeyIds('ASIAZ7QX3K2LM4NOPQRS')).toEqual(['ASIAZ7QX3K2LM4NOPQRS']);
    expect(awsKeyIds('AROAZ7QX3K2LM4NOPQRS and AKIA123')).toEqual([]);
  });
  it('finds passwords in URLs, skipping templates', () => {
    expect(urlCredentials('DATABASE_URL=postgres://app:s3cr3tP4ss@db.internal:5432/app').map((c) => [c.scheme, c.user, c.host])).toEqual([['postgres', 'app', 'db.internal:5432']]);
    expect(urlCredentials('postgres://app:${DB_PASSWORD}@db:5432/app')).toEqual([]);
    expect(urlCredentials('https://user:<password>@example.com')).toEqual([]);
    expect(urlCredentials('https://example.com/a:b@c')).toEqual([]);
    expect(urlCredentials('git@github.com:org/repo.git')).toEqual([]);
  });
  it('finds secret assignments in scripts', () => {
    const text = [
      '#!/bin/bash',
      'export DB_PASSWORD="Winter2024!"',
      'MYSQL_ROOT_PASSWORD=hunter22 ./start',
      'mysql -u root --password=toor123 -e "select 1"',
      'export TOKEN_URL=https://auth.example.com',
      'export API_KEY=$API_KEY',
      'PASSWORD_FILE=/run/secrets/db',
    ].join('\n');
    expect(secretAssignments(text).map((a) => a.name)).toEqual(['DB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'password']);
  });
});

describe('knownTokens and commandSecrets', async () => {
  const { knownTokens } = await import('../src/checks/_lib/secrets.js');
  const { commandSecrets } = await import('../src/checks/_lib/command-secrets.js');
  it('recognises vendor token formats, whole words only', () => {
    expect(knownTokens('token ghp_Zx8Cv7Bn6Mq5Wl4Ek3Rj2Tu1Yi0Op9As8Df7 end').map((t) => t.name)).toEqual(['GitHub personal access token']);
    expect(knownTokens('xghp_Zx8Cv7Bn6Mq5Wl4Ek3Rj2Tu1Yi0Op9As8Df7')).toEqual([]);
    expect(knownTokens('ghp_tooShort')).toEqual([]);
    expect(knownTokens('key=AIzaSyQ2w3E4r5T6y7U8i9O0p1A2s3D4f5G6h7J').map((t) => t.name)).toEqual(['Google API key']);
  });
  it('finds credentials on command lines and skips variables', () => {
    const found = (c: string) => commandSecrets(c).map((h) => h.what);
    expect(found('curl -u admin:s3cretPw https://x')).toEqual(['curl credentials (-u user:password)']);
    expect(found('curl -u "$USER:$PASS" https://x')).toEqual([]);
    expect(found('mysql -uroot -pToor1234 -e "select 1"')).toEqual(['MySQL client password (-p)']);
    expect(found('mysql -uroot -p -e "select 1"')).toEqual([]);
    expect(found('echo "root:Sup3r" | chpasswd')).toEqual(['chpasswd password']);
    expect(found('app --db-password Xq7-Lm2-Zz9')).toEqual(['--db-password']);
    expect(found('app --db-password=$(DB_PASSWORD) --password-file /etc/pw')).toEqual([]);
    expect(found('docker build --secret id=npm,src=.npmrc .')).toEqual([]);
    expect(found('echo "$PW" | docker login -u bot --password-stdin')).toEqual([]);
    expect(found('docker login -u bot -p Dk-Login-99 registry.example.com')).toEqual(['docker login password (-p)']);
    expect(found('docker login -u bot -p "$REG_PW" registry.example.com')).toEqual([]);
    expect(found('redis-cli -h cache -a R3dis-Cli-Pw ping')).toEqual(['redis-cli password (-a)']);
    expect(found('mysqladmin -u root password N3w-Root-Pw')).toEqual(['mysqladmin password']);
    expect(commandSecrets('openssl passwd -1 -salt xyz Salted-Pw-3').map((h) => h.secret)).toEqual(['Salted-Pw-3']);
    expect(found('useradd -p "$(openssl passwd -6 "$PW")" app')).toEqual([]);
  });
});

describe('scanning large values', async () => {
  const { knownTokens } = await import('../src/checks/_lib/secrets.js');
  it('stays linear on a 1 MB blob without separators', () => {
    const blob = 'a1b2c3d4e5f6'.repeat(90_000);
    const started = performance.now();
    expect(urlCredentials(blob)).toEqual([]);
    expect(awsKeyIds(blob)).toEqual([]);
    expect(knownTokens(blob)).toEqual([]);
    expect(secretAssignments(blob)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
