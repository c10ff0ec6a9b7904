import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../scan/errors.js';
import { matchAdvisory } from '../../vulns/match.js';
import { osvRecord } from '../../vulns/osv.js';
import { parsePurl, purlToPackage, readSbom, sbomFormatOf } from './index.js';

const here = new URL('.', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(here, 'testdata', name), 'utf8');
const OSV = join(here, '../../../../shared/data/osv');

describe('purl → OSV package', () => {
  const cases: Array<[string, string, string, string]> = [
    ['pkg:npm/%40angular/core@16.2.0', 'npm', '@angular/core', '16.2.0'],
    ['pkg:npm/lodash@4.17.20', 'npm', 'lodash', '4.17.20'],
    ['pkg:pypi/django@3.2.1', 'PyPI', 'django', '3.2.1'],
    ['pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar', 'Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1'],
    ['pkg:golang/github.com/opencontainers/runc@v1.1.4', 'Go', 'github.com/opencontainers/runc', 'v1.1.4'],
    ['pkg:cargo/tokio@1.28.0', 'crates.io', 'tokio', '1.28.0'],
    ['pkg:gem/rack@2.2.3', 'RubyGems', 'rack', '2.2.3'],
    ['pkg:nuget/Newtonsoft.Json@12.0.1', 'NuGet', 'Newtonsoft.Json', '12.0.1'],
    ['pkg:composer/symfony/http-kernel@5.4.0', 'Packagist', 'symfony/http-kernel', '5.4.0'],
    ['pkg:deb/debian/curl@7.88.1-10?arch=amd64&distro=debian-12', 'Debian:12', 'curl', '7.88.1-10'],
    ['pkg:deb/debian/curl@7.74.0-1.3?distro=bullseye', 'Debian:11', 'curl', '7.74.0-1.3'],
    ['pkg:deb/debian/libc6@2.36-9?epoch=1&distro=debian-12.4', 'Debian:12', 'libc6', '1:2.36-9'],
    ['pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.10?distro=ubuntu-22.04', 'Ubuntu:22.04:LTS', 'libssl3', '3.0.2-0ubuntu1.10'],
    ['pkg:deb/ubuntu/curl@8.5.0-2ubuntu10?distro=noble', 'Ubuntu:24.04:LTS', 'curl', '8.5.0-2ubuntu10'],
    ['pkg:deb/ubuntu/curl@8.9.1-2ubuntu2?distro=ubuntu-24.10', 'Ubuntu:24.10', 'curl', '8.9.1-2ubuntu2'],
    ['pkg:deb/debian/zlib1g@1.2.13?arch=amd64', 'Debian', 'zlib1g', '1.2.13'],
    ['pkg:apk/alpine/busybox@1.36.1-r5?arch=x86_64&distro=alpine-3.18.4', 'Alpine:v3.18', 'busybox', '1.36.1-r5'],
    ['pkg:apk/wolfi/glibc@2.38-r1', 'Wolfi', 'glibc', '2.38-r1'],
    ['pkg:rpm/almalinux/openssl@3.0.7-24.el9?epoch=1&distro=almalinux-9.3', 'AlmaLinux:9', 'openssl', '1:3.0.7-24.el9'],
    ['pkg:rpm/rocky/bash@4.4.20-4.el8_6?distro=rocky-8.6', 'Rocky Linux:8', 'bash', '4.4.20-4.el8_6'],
  ];
  it.each(cases)('%s', (purl, ecosystem, name, version) => {
    const p = purlToPackage(parsePurl(purl)!);
    expect(p).toMatchObject({ ecosystem, name, version });
  });

  it('keeps the upstream source package of a distro purl', () => {
    expect(purlToPackage(parsePurl('pkg:deb/ubuntu/libssl3@3.0.2?upstream=openssl&distro=ubuntu-22.04')!)?.sourceName).toBe('openssl');
  });

  it('leaves types OSV does not know, and rejects strings that are not purls', () => {
    expect(purlToPackage(parsePurl('pkg:generic/openssl@3.0.0')!)).toBeUndefined();
    expect(purlToPackage(parsePurl('pkg:docker/library/nginx@1.25')!)).toBeUndefined();
    expect(parsePurl('npm/lodash@1.0.0')).toBeUndefined();
    expect(parsePurl('pkg:npm')).toBeUndefined();
  });
});

describe('CycloneDX JSON', () => {
  const inv = readSbom(fixture('shop-api.cdx.json'), 'sboms/shop-api.cdx.json');

  it('reads components, nested components and the metadata component, each at its line', () => {
    const rows = inv.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version} @${p.location.startLine}`);
    expect(rows).toEqual([
      'npm @acme/shop-api 3.4.0 @8',
      'npm express 4.17.1 @17',
      'npm qs 6.7.0 @24',
      'Maven org.apache.logging.log4j:log4j-core 2.14.1 @33',
      'Go github.com/opencontainers/runc v1.1.4 @41',
      'PyPI requests 2.25.0 @48',
      'Debian:12 openssl 3.0.11-1~deb12u1 @54',
      'Alpine:v3.18 musl 1.2.4-r2 @60',
    ]);
    expect(inv.packages.every((p) => p.foundBy === 'cyclonedx' && p.location.file === 'sboms/shop-api.cdx.json')).toBe(true);
    expect(inv.skipped).toBe(1); // vendored-thing: no purl
  });

  it('keeps bom-refs, the subject, the OS component and direct dependencies', () => {
    expect(inv.specVersion).toBe('1.5');
    expect(inv.subject).toEqual({ name: 'shop-api', version: '3.4.0', ref: 'shop-api' });
    expect(inv.os).toMatchObject({ id: 'debian', versionId: '12.4', location: { startLine: 71 } });
    const byName = new Map(inv.packages.map((p) => [p.name, p]));
    expect(byName.get('express')?.ref).toBe('pkg:npm/express@4.17.1');
    expect(byName.get('express')?.direct).toBe(true);
    expect(byName.get('org.apache.logging.log4j:log4j-core')?.direct).toBe(true);
    expect(byName.get('qs')?.direct).toBeUndefined();
  });

  it('reads every spec version from 1.4 to 1.6 and rejects others at the specVersion line', () => {
    for (const v of ['1.4', '1.5', '1.6']) {
      const text = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: v, components: [{ type: 'library', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' }] }, null, 2);
      expect(readSbom(text, 'a.json').packages.map((p) => p.name)).toEqual(['lodash']);
    }
    const bad = '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "2.0",\n  "components": []\n}\n';
    expect(() => readSbom(bad, 'x.json')).toThrow(/x\.json:3: unsupported CycloneDX specVersion "2\.0"/);
  });

  it('reports malformed input as file:line and reads the rest', () => {
    const syntax = '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.5",\n  "components": [\n    { "name": "a", }\n  ]\n}\n';
    try {
      readSbom(syntax, 'broken.cdx.json');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ParseError);
      expect((err as ParseError).message).toMatch(/^broken\.cdx\.json:5: invalid JSON/);
    }
    const partial = [
      '{',
      '  "bomFormat": "CycloneDX",',
      '  "specVersion": "1.6",',
      '  "components": [',
      '    { "type": "library", "version": "1.0.0", "purl": "pkg:npm/nameless@1.0.0" },',
      '    { "type": "library", "name": "weird", "purl": "npm:weird" },',
      '    { "type": "library", "name": "noversion", "purl": "pkg:npm/noversion" },',
      '    "not-an-object",',
      '    { "type": "library", "name": "ok", "purl": "pkg:npm/ok@2.0.0" }',
      '  ]',
      '}',
    ].join('\n');
    const out = readSbom(partial, 'p.json');
    expect(out.packages.map((p) => `${p.name}@${p.location.startLine}`)).toEqual(['ok@9']);
    expect(out.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
      'p.json:5: components entry without "name"',
      'p.json:6: invalid package URL "npm:weird"',
      'p.json:7: package noversion has no version (purl pkg:npm/noversion)',
      'p.json:8: components entry must be an object',
    ]);
    expect(() => readSbom('{\n "components": 3,\n "bomFormat": "CycloneDX", "specVersion": "1.5"\n}', 'c.json').errors).not.toThrow();
    expect(readSbom('{\n "components": 3,\n "bomFormat": "CycloneDX", "specVersion": "1.5"\n}', 'c.json').errors[0]).toEqual({ file: 'c.json', line: 2, message: 'components must be an array' });
  });
});

describe('SPDX JSON', () => {
  const inv = readSbom(fixture('node-base.spdx.json'), 'node-base.spdx.json');

  it('reads packages through their PACKAGE-MANAGER / PACKAGE_MANAGER purl, at their line', () => {
    expect(inv.format).toBe('spdx');
    expect(inv.specVersion).toBe('SPDX-2.3');
    expect(inv.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version} @${p.location.startLine}`)).toEqual([
      'Ubuntu:22.04:LTS libssl3 3.0.2-0ubuntu1.10 @26',
      'npm minimist 1.2.5 @39',
      'Go github.com/containerd/containerd v1.6.8 @52',
      'RubyGems rack 2.2.3 @70',
    ]);
    expect(inv.packages[0]!.sourceName).toBe('openssl');
    expect(inv.packages[0]!.ref).toBe('SPDXRef-libssl3');
    expect(inv.subject).toEqual({ name: 'node-base', version: '20', ref: 'SPDXRef-image' });
    expect(inv.os).toMatchObject({ id: 'ubuntu', versionId: '22.04' });
    expect(inv.packages.filter((p) => p.direct).map((p) => p.name)).toEqual(['minimist']);
    expect(inv.skipped).toBe(1); // the described image has no purl
  });

  it('rejects other SPDX versions at their line', () => {
    expect(() => readSbom('{\n  "spdxVersion": "SPDX-3.0",\n  "packages": []\n}', 's.json')).toThrow(/s\.json:2: unsupported spdxVersion "SPDX-3\.0"/);
  });
});

describe('detection by content', () => {
  it('tells CycloneDX and SPDX from other JSON', () => {
    expect(sbomFormatOf(fixture('shop-api.cdx.json').slice(0, 200))).toBe('cyclonedx');
    expect(sbomFormatOf(fixture('node-base.spdx.json').slice(0, 200))).toBe('spdx');
    expect(sbomFormatOf('{"format_version": "1.2", "planned_values": {}}')).toBeUndefined();
  });
});

describe.skipIf(!existsSync(OSV))('SBOM packages against real OSV advisories', () => {
  it('the runc v1.1.4 component is affected by CVE-2024-21626 (GO-2024-2491); v1.1.12 is not', () => {
    const rec = osvRecord.parse(JSON.parse(readFileSync(join(OSV, 'GO-2024-2491.json'), 'utf8')));
    const inv = readSbom(fixture('shop-api.cdx.json'), 's.json');
    const runc = inv.packages.find((p) => p.name === 'github.com/opencontainers/runc')!;
    expect(matchAdvisory(rec, runc)?.verdict).toMatchObject({ affected: true });
    expect(matchAdvisory(rec, { ...runc, version: 'v1.1.12' })).toBeNull();
  });
});
