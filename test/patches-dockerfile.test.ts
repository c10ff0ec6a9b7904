import { describe, expect, it } from 'vitest';
import { redactCommand } from '../src/checks/_lib/dockerfile-stages.js';
import { addSources } from '../src/checks/patches/dockerfile-add-remote-without-checksum.js';
import { pipesDownloadToShell } from '../src/checks/patches/dockerfile-pipes-download-to-shell.js';
import { updatesIndexAlone } from '../src/checks/patches/dockerfile-package-index-update-alone.js';
import { unverifiedInstall } from '../src/checks/patches/dockerfile-disables-package-verification.js';

describe('pipesDownloadToShell', () => {
  it.each([
    'curl -fsSL https://x.example/install.sh | sh',
    'curl https://x | bash -s -- --yes',
    'wget -qO- https://x | sudo -E bash',
    'curl -s https://x | /bin/sh',
    'sh -c "$(curl -fsSL https://x)"',
    'bash <(curl -s https://x)',
    'apt-get update && curl https://x | zsh',
  ])('flags %s', (cmd) => expect(pipesDownloadToShell(cmd)).toBe(true));
  it.each([
    'curl -fsSLo /tmp/i.sh https://x && sha256sum -c sums && sh /tmp/i.sh',
    'curl https://x | jq .version',
    'curl https://x | tar -xz -C /opt',
    'echo hi | sh',
    'curl https://x > out; sh other.sh',
    'curl https://x | shasum -a 256',
  ])('leaves %s alone', (cmd) => expect(pipesDownloadToShell(cmd)).toBe(false));
});

describe('addSources', () => {
  it('reads shell and JSON forms, dropping the destination', () => {
    expect(addSources('a b /dst/', null)).toEqual(['a', 'b']);
    expect(addSources('["https://x/a.tgz", "/opt/"]', null)).toEqual(['https://x/a.tgz']);
    expect(addSources('ignored', ['https://y', '/d'])).toEqual(['https://y']);
    expect(addSources('[not json', null)).toEqual(['[not']);
  });
});

describe('redactCommand', () => {
  it('hides credentials in URLs, headers and token flags', () => {
    const out = redactCommand('curl -H "Authorization: Bearer s3cr3t" https://user:pw@x.example/a?token=abc --password hunter2');
    expect(out).not.toMatch(/s3cr3t|user:pw|abc|hunter2/);
    expect(out).toContain('https://***@x.example/a?***');
  });
  it('truncates long evidence', () => {
    expect(redactCommand('x'.repeat(500)).length).toBe(200);
  });
});

describe('updatesIndexAlone', () => {
  it.each(['apt-get update', 'apt-get -q update', 'apt update', 'apk update', 'yum makecache', 'zypper --non-interactive refresh'])('flags %s', (cmd) =>
    expect(updatesIndexAlone(cmd)).toBe(true),
  );
  it.each([
    'apt-get update && apt-get install -y curl',
    'apt-get update && apt-get -y upgrade',
    'apk add --update --no-cache curl',
    'apk update && apk add curl',
    'yum makecache && yum install -y httpd',
    'yum update -y',
    'echo update',
  ])('leaves %s alone', (cmd) => expect(updatesIndexAlone(cmd)).toBe(false));
});

describe('unverifiedInstall', () => {
  it.each([
    ['apt-get install -y --allow-unauthenticated x', /apt/],
    ['apt-get -o APT::Get::AllowUnauthenticated=true install x', /apt/],
    ['apk add --allow-untrusted x.apk', /apk/],
    ['yum -y --nogpgcheck install x', /GPG/],
    ['pip3 install --trusted-host h x', /pip/],
    ['npm config set strict-ssl false', /npm/],
    ['curl -sSk https://x -o y', /curl/],
    ['curl --insecure https://x', /curl/],
    ['wget --no-check-certificate https://x', /wget/],
  ])('flags %s', (cmd, what) => expect(unverifiedInstall(cmd)).toMatch(what));
  it.each(['apt-get install -y curl', 'curl -fsSL https://x | tar -xzk', 'curl -K cfg https://x', 'pip install --require-hashes -r r.txt', 'echo --insecure', 'npm config set registry https://r'])(
    'leaves %s alone',
    (cmd) => expect(unverifiedInstall(cmd)).toBeUndefined(),
  );
});
