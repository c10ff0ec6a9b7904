import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseApkInstalled } from '../../src/inventory/parsers/apk.js';
import { parseDpkgStatus } from '../../src/inventory/parsers/dpkg.js';
import { parserFor, systemRoot, withOs } from '../../src/inventory/parsers/index.js';
import { osvEcosystem, parseOsRelease } from '../../src/inventory/parsers/os-release.js';
import { parseRpmList } from '../../src/inventory/parsers/rpm.js';

const DPKG = `Package: runc
Status: install ok installed
Priority: optional
Architecture: amd64
Version: 1.0.0~rc2+docker1.13.1-0ubuntu1~16.04.1
Description: Open Container Project - runtime
 runc is a CLI tool for spawning and running containers
 .
 more text

Package: libssl1.1
Status: deinstall ok config-files
Version: 1.1.1-1

Package: libc6
Status: install ok installed
Source: glibc (2.36-9+deb12u4)
Architecture: amd64
Version: 2.36-9+deb12u4

Package: zlib1g
Status: install ok installed
Source: zlib
Version: 1:1.2.13.dfsg-1
`;

describe('dpkg status', () => {
  it('reads installed packages with source, version and lines', () => {
    const inv = parseDpkgStatus(DPKG, 'var/lib/dpkg/status');
    expect(inv.errors).toEqual([]);
    expect(inv.packages.map((p) => [p.name, p.version, p.sourceName, p.sourceVersion, p.location.startLine, p.location.endLine])).toEqual([
      ['runc', '1.0.0~rc2+docker1.13.1-0ubuntu1~16.04.1', undefined, undefined, 1, 9],
      ['libc6', '2.36-9+deb12u4', 'glibc', '2.36-9+deb12u4', 15, 19],
      ['zlib1g', '1:1.2.13.dfsg-1', 'zlib', '1:1.2.13.dfsg-1', 21, 24],
    ]);
    expect(inv.packages[0]!.ecosystem).toBe('Debian');
    expect(inv.packages[0]!.foundBy).toBe('dpkg');
  });

  it('reports malformed stanzas with file and line and keeps the others', () => {
    const text = 'Package: a\nStatus: install ok installed\nthis is not a field\nVersion: 1\n\nPackage: b\nStatus: install ok installed\nVersion: 2\n\n continuation first\n\nStatus: install ok installed\nVersion: 3\n\nPackage: nover\nStatus: install ok installed\n';
    const inv = parseDpkgStatus(text, 'x/status');
    expect(inv.packages.map((p) => p.name)).toEqual(['b']);
    expect(inv.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['x/status:3', 'x/status:10', 'x/status:12', 'x/status:15']);
    expect(inv.errors[0]!.message).toMatch(/not a "Field: value" line/);
  });

  it('says so when a file holds no package at all', () => {
    expect(parseDpkgStatus('\u0000\u0001garbage', 'f').errors.length).toBe(1);
    expect(parseDpkgStatus('', 'f')).toEqual({ packages: [], errors: [] });
  });

  it.skipIf(!existsSync('/var/lib/dpkg/status'))("parses this machine's own /var/lib/dpkg/status", () => {
    const inv = parseDpkgStatus(readFileSync('/var/lib/dpkg/status', 'utf8'), '/var/lib/dpkg/status');
    expect(inv.errors).toEqual([]);
    expect(inv.packages.length).toBeGreaterThan(50);
    const dpkg = inv.packages.find((p) => p.name === 'dpkg');
    expect(dpkg?.version).toMatch(/^\d+\.\d+/);
    expect(readFileSync('/var/lib/dpkg/status', 'utf8').split('\n')[dpkg!.location.startLine - 1]).toBe('Package: dpkg');
  });
});

describe('os-release', () => {
  it('reads quoted values and gives OSV ecosystems', () => {
    const inv = parseOsRelease('# c\nNAME="Ubuntu"\nVERSION="18.04.6 LTS (Bionic Beaver)"\nID=ubuntu\nPRETTY_NAME="Ubuntu 18.04.6 LTS"\nVERSION_ID="18.04"\n', 'etc/os-release');
    expect(inv.errors).toEqual([]);
    expect(inv.os).toMatchObject({ id: 'ubuntu', versionId: '18.04', prettyName: 'Ubuntu 18.04.6 LTS', location: { startLine: 6 } });
    expect(osvEcosystem(inv.os!)).toBe('Ubuntu:18.04:LTS');
    const eco = (s: string) => osvEcosystem(parseOsRelease(s, 'f').os!);
    expect(eco('ID=debian\nVERSION_ID="12"')).toBe('Debian:12');
    expect(eco('ID=alpine\nVERSION_ID=3.19.1')).toBe('Alpine:v3.19');
    expect(eco('ID="almalinux"\nVERSION_ID="9.4"')).toBe('AlmaLinux:9');
    expect(eco('ID="rocky"\nVERSION_ID="8.9"')).toBe('Rocky Linux:8');
    expect(eco('ID=ubuntu\nVERSION_ID="23.10"\nPRETTY_NAME="Ubuntu 23.10"')).toBe('Ubuntu:23.10');
    expect(eco('ID=debian\nPRETTY_NAME="Debian GNU/Linux trixie/sid"')).toBeUndefined();
  });

  it('reports malformed lines and a missing ID', () => {
    const inv = parseOsRelease('NAME="unterminated\nID=debian\njunk line\n', 'etc/os-release');
    expect(inv.errors.map((e) => e.line)).toEqual([1, 3]);
    expect(inv.os?.id).toBe('debian');
    expect(parseOsRelease('NAME=x\n', 'f').errors[0]!.message).toMatch(/no ID/);
  });

  it.skipIf(!existsSync('/etc/os-release'))("reads this machine's /etc/os-release", () => {
    const inv = parseOsRelease(readFileSync('/etc/os-release', 'utf8'), '/etc/os-release');
    expect(inv.errors).toEqual([]);
    expect(inv.os?.id).toMatch(/^[a-z]/);
  });
});

describe('apk installed', () => {
  it('reads P/V/o and lines', () => {
    const text = 'C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n\nP:busybox\nV:1.36.1-r15\no:busybox\nF:bin\nR:busybox\n';
    const inv = parseApkInstalled(text, 'lib/apk/db/installed');
    expect(inv.errors).toEqual([]);
    expect(inv.packages.map((p) => [p.name, p.version, p.sourceName, p.location.startLine, p.location.endLine])).toEqual([
      ['musl', '1.2.4-r2', 'musl', 1, 5],
      ['busybox', '1.36.1-r15', 'busybox', 7, 11],
    ]);
  });
  it('reports malformed entries', () => {
    const inv = parseApkInstalled('P:a\nV:1\n\nP:b\nnot apk\nV:2\n\nV:3\n', 'inst');
    expect(inv.packages.map((p) => p.name)).toEqual(['a']);
    expect(inv.errors.map((e) => e.line)).toEqual([5, 8]);
  });
});

describe('rpm lists', () => {
  it('reads the documented query format and plain NEVRA', () => {
    const text = '# rpm -qa --queryformat ...\nopenssl-libs 1:3.0.7-27.el9 x86_64 openssl-3.0.7-27.el9.src.rpm\nbash (none):5.1.8-9.el9 x86_64\nbash-completion-2.11-5.el9.noarch\ngpg-pubkey-3228467c-613798eb\n';
    const inv = parseRpmList(text, 'rpm-qa.txt');
    expect(inv.errors).toEqual([]);
    expect(inv.packages.map((p) => [p.name, p.version, p.sourceName, p.location.startLine])).toEqual([
      ['openssl-libs', '1:3.0.7-27.el9', 'openssl', 2],
      ['bash', '5.1.8-9.el9', undefined, 3],
      ['bash-completion', '2.11-5.el9', undefined, 4],
      ['gpg-pubkey', '3228467c-613798eb', undefined, 5],
    ]);
  });
  it('reports malformed lines', () => {
    const inv = parseRpmList('ok-1-2.x86_64\nbad line with too many columns here\nnodashes\n', 'rpm-qa.txt');
    expect(inv.packages.length).toBe(1);
    expect(inv.errors.map((e) => e.line)).toEqual([2, 3]);
  });
});

describe('registry', () => {
  it('maps paths to parsers', () => {
    expect(parserFor('var/lib/dpkg/status')?.kind).toBe('dpkg');
    expect(parserFor('/var/lib/dpkg/status')?.kind).toBe('dpkg');
    expect(parserFor('hosts/web/var/lib/dpkg/status')?.kind).toBe('dpkg');
    expect(parserFor('lib/apk/db/installed')?.kind).toBe('apk');
    expect(parserFor('etc/os-release')?.kind).toBe('os-release');
    expect(parserFor('usr/lib/os-release')?.kind).toBe('os-release');
    expect(parserFor('var/lib/dpkg/status-old')).toBeUndefined();
    expect(systemRoot('hosts/web/var/lib/dpkg/status')).toBe('hosts/web');
    expect(systemRoot('hosts/web/etc/os-release')).toBe('hosts/web');
    expect(systemRoot('var/lib/dpkg/status')).toBe('');
  });
  it('gives OS packages the release ecosystem', () => {
    const os = parseOsRelease('ID=ubuntu\nVERSION_ID="18.04"\nPRETTY_NAME="Ubuntu 18.04.6 LTS"', 'etc/os-release').os;
    const inv = withOs(parseDpkgStatus(DPKG, 'var/lib/dpkg/status'), os);
    expect(inv.packages[0]!.ecosystem).toBe('Ubuntu:18.04:LTS');
    expect(inv.packages[0]!.purl).toMatch(/^pkg:deb\/ubuntu\/runc@/);
    // an apk database is not re-labelled by a Debian os-release
    const alpine = withOs(parseApkInstalled('P:a\nV:1\n', 'x'), os);
    expect(alpine.packages[0]!.ecosystem).toBe('Alpine');
  });
});
