import { describe, expect, it } from 'vitest';
import { simpleCommands, unwrapCommand } from '../src/checks/_lib/shell-words.js';
import { unpinnedPackages } from '../src/checks/patches/dockerfile-package-install-without-version.js';
import { unverifiedEnv, unverifiedInstall } from '../src/checks/patches/dockerfile-disables-package-verification.js';

describe('simpleCommands', () => {
  it('cuts at operators outside quotes and joins continuations', () => {
    expect(simpleCommands('apt-get update && apt-get install -y \\\n  curl "a b" || true; echo \'x && y\' | tee f')).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'curl', 'a b'],
      ['true'],
      ['echo', 'x && y'],
      ['tee', 'f'],
    ]);
  });
  it('drops comments and survives malformed input (unterminated quote, lone operators)', () => {
    expect(simpleCommands('pip install x # pin later\n')).toEqual([['pip', 'install', 'x']]);
    expect(simpleCommands('echo "unterminated && rest')).toEqual([['echo', 'unterminated && rest']]);
    expect(simpleCommands(';; && ||')).toEqual([]);
    expect(simpleCommands('')).toEqual([]);
  });
  it('unwraps sudo, env and assignments', () => {
    expect(unwrapCommand(['sudo', '-E', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install'])).toEqual(['apt-get', 'install']);
    expect(unwrapCommand(['A=1', 'B=2', 'pip', 'install'])).toEqual(['pip', 'install']);
  });
});

describe('unpinnedPackages', () => {
  const u = (line: string): string[] => simpleCommands(line).flatMap((w) => unpinnedPackages(w)?.packages ?? []);
  it.each([
    ['apt-get install -y -o Dpkg::Options::=--force-confold curl=8.5.0-1 git', ['git']],
    ['apt install -t bookworm-backports golang', ['golang']],
    ['apk add --virtual .deps -X https://dl-cdn.alpinelinux.org/alpine/edge/main gcc musl-dev=1.2.5-r0', ['gcc']],
    ['pip3 install --index-url https://pypi.example/simple requests "urllib3<3" -r req.txt', ['requests']],
    ['python -m pip install --upgrade pip', ['pip']],
    ['npm i -g typescript@5.6.3 ts-node @scope/pkg@^2 @scope/other', ['ts-node', '@scope/other']],
    ['yarn global add pm2@latest', ['pm2@latest']],
    ['gem install rails:7.1.3 rack', ['rack']],
    ['dnf install -y --setopt install_weak_deps=False nginx-1.24.0 vim-enhanced', ['vim-enhanced']],
    ['zypper in -y curl', ['curl']],
  ])('%s', (line, expected) => expect(u(line)).toEqual(expected));
  it.each([
    'apt-get update',
    'apt-get install -y ./pkg.deb /tmp/x.deb',
    'pip install -r requirements.txt -c constraints.txt -e .',
    'pip install "$PKG"',
    'npm ci',
    'npm install',
    'npm install user/repo git+https://github.com/a/b.git',
    'gem install bundler -v 2.5.0',
    'gem install --version=2.5.0 bundler',
    'make install',
    'go install example.com/tool@v1.2.3',
    'apk del curl',
  ])('leaves %s alone', (line) => expect(u(line)).toEqual([]));
});

describe('verification switched off (TET-PATCH-029 additions)', () => {
  it.each([
    ['git -c http.sslVerify=false clone https://x', true],
    ['git config --global http.sslVerify "false"', true],
    ['git config --global http.sslVerify true', false],
    ["printf 'sslverify=0\\n' >> /etc/yum.conf", true],
    ['dnf install -y --setopt=sslverify=false foo-1', true],
    ['export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci', true],
    ['NODE_TLS_REJECT_UNAUTHORIZED=1 npm ci', false],
    ['echo PYTHONHTTPSVERIFY', false],
  ])('%s', (cmd, bad) => expect(unverifiedInstall(cmd) !== undefined).toBe(bad));
  it('reads ENV values as Docker stores them', () => {
    expect(unverifiedEnv('NODE_TLS_REJECT_UNAUTHORIZED', '0')).toBe(true);
    expect(unverifiedEnv('node_tls_reject_unauthorized', '1')).toBe(false);
    // git only asks whether GIT_SSL_NO_VERIFY is set (http.c: getenv), so "false" turns verification off too
    expect(unverifiedEnv('GIT_SSL_NO_VERIFY', 'false')).toBe(true);
    expect(unverifiedEnv('GOINSECURE', '*.corp.example')).toBe(true);
    expect(unverifiedEnv('GOSUMDB', 'sum.golang.org')).toBe(false);
    expect(unverifiedEnv('GIT_SSL_NO_VERIFY', 'true')).toBe(true);
    expect(unverifiedEnv('PIP_TRUSTED_HOST', '')).toBe(false);
    expect(unverifiedEnv('HTTPS_PROXY', 'http://proxy:3128')).toBe(false);
  });
});
