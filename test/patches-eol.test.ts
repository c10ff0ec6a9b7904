import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { compareVersions, eolCatalogue, eolToday, lambdaRuntime, lookupCycle, rdsEngine, setEolToday, statusOf, describeVerdict } from '../src/checks/_lib/eol.js';
import { imageEol, isDigestPinned, officialImageName, parseImage, usesLatest } from '../src/checks/_lib/images.js';

afterEach(() => setEolToday());

const version = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 4 }).map((xs) => xs.join('.'));

describe('compareVersions', () => {
  it('is antisymmetric and reflexive', () => {
    fc.assert(fc.property(version, version, (a, b) => compareVersions(a, b) === -compareVersions(b, a) && compareVersions(a, a) === 0));
  });
  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0) return compareVersions(a, c) <= 0;
        return true;
      }),
    );
  });
  it('orders like numeric tuples, not strings', () => {
    expect(compareVersions('1.10', '1.9')).toBe(1);
    expect(compareVersions('1.29', '1.29.0')).toBe(0);
    expect(compareVersions('5.7.mysql_aurora.2.11.2', '5.7')).toBe(0);
    expect(compareVersions('3.8-slim', '3.10')).toBe(-1);
    expect(compareVersions('v1.28', '1.28')).toBe(0);
  });
});

describe('today', () => {
  it('defaults to the real date and can be pinned', () => {
    expect(eolToday()).toBe(new Date().toISOString().slice(0, 10));
    setEolToday('2020-01-01');
    expect(eolToday()).toBe('2020-01-01');
    expect(() => setEolToday('yesterday')).toThrow(/YYYY-MM-DD/);
  });
  it('decides support status on the pinned day', () => {
    const lc = { eol: '2024-02-29', extended: '2027-02-28' };
    expect(statusOf(lc, '2024-02-28')).toBe('supported');
    expect(statusOf(lc, '2024-02-29')).toBe('extended');
    expect(statusOf(lc, '2027-02-28')).toBe('eol');
    expect(statusOf({ eol: '2026-01-31', extended: true }, '2030-01-01')).toBe('extended');
  });
});

describe('catalogue look-ups', () => {
  it('loads and validates data/eol.yaml', () => {
    const cat = eolCatalogue();
    expect(Object.keys(cat.lambda.runtimes)).toContain('python2.7');
    expect(cat.components.runc[0].cve).toBe('CVE-2019-5736');
  });
  it('knows deprecated Lambda runtimes', () => {
    setEolToday('2025-01-01');
    expect(lambdaRuntime('python3.8')?.status).toBe('eol');
    expect(lambdaRuntime('nodejs20.x')?.status).toBe('supported');
    expect(lambdaRuntime('Python2.7')?.status).toBe('eol');
    expect(lambdaRuntime('made-up')).toBeUndefined();
    setEolToday('2026-05-01');
    expect(lambdaRuntime('nodejs20.x')?.status).toBe('eol');
  });
  it('maps RDS engine versions to their major cycle', () => {
    setEolToday('2025-06-01');
    expect(rdsEngine('mysql', '5.7.44')).toMatchObject({ cycle: '5.7', status: 'extended' });
    expect(rdsEngine('MySQL', '8.0.35')).toMatchObject({ cycle: '8.0', status: 'supported' });
    expect(rdsEngine('postgres', '13.7')).toMatchObject({ cycle: '13', status: 'supported' });
    expect(rdsEngine('postgres', '9.6.20')).toMatchObject({ cycle: '9.6', status: 'eol' });
    expect(rdsEngine('postgres', '9.5.3')).toMatchObject({ status: 'eol', implied: true });
    expect(rdsEngine('aurora-mysql', '5.7.mysql_aurora.2.11.2')).toMatchObject({ cycle: '5.7', status: 'extended' });
    expect(rdsEngine('aurora-mysql', '8.0.mysql_aurora.3.05.2')).toBeUndefined();
    expect(rdsEngine('aurora', undefined)).toMatchObject({ status: 'eol' });
    expect(rdsEngine('mysql', undefined)).toBeUndefined();
    expect(rdsEngine('oracle-ee', '19')).toBeUndefined();
  });
  it('does not match "3.1" to "3.10" or "16.04" to "16.4"', () => {
    const table = { cycles: { '3.10': { eol: '2026-10-31' }, '16.04': { eol: '2021-04-30' } } };
    expect(lookupCycle(table, '3.1')).toBeUndefined();
    expect(lookupCycle(table, '3.10.4')?.cycle).toBe('3.10');
    expect(lookupCycle(table, '16.04')?.cycle).toBe('16.04');
  });
  it('describes verdicts', () => {
    setEolToday('2025-06-01');
    expect(describeVerdict(rdsEngine('mysql', '5.7')!)).toBe('reached end of standard support on 2024-02-29; only paid extended support until 2027-02-28 still ships fixes');
  });
});

describe('image references', () => {
  it('splits registry, repository, tag and digest', () => {
    expect(parseImage('localhost:5000/a/b:1.2@sha256:abc')).toEqual({ raw: 'localhost:5000/a/b:1.2@sha256:abc', registry: 'localhost:5000', repository: 'a/b', tag: '1.2', digest: 'sha256:abc' });
    expect(parseImage('nginx')).toMatchObject({ registry: null, repository: 'nginx', tag: null, digest: null });
    expect(parseImage('localhost:5000/app')).toMatchObject({ registry: 'localhost:5000', repository: 'app', tag: null });
  });
  it('recognises latest, digests and official images', () => {
    expect(usesLatest(parseImage('nginx'))).toBe(true);
    expect(usesLatest(parseImage('nginx:Latest'))).toBe(true);
    expect(usesLatest(parseImage(`nginx@sha256:${'a'.repeat(64)}`))).toBe(false);
    expect(isDigestPinned(parseImage('nginx@sha256:short'))).toBe(false);
    expect(officialImageName(parseImage('docker.io/library/node:20'))).toBe('node');
    expect(officialImageName(parseImage('public.ecr.aws/docker/library/python:3.8'))).toBe('python');
    expect(officialImageName(parseImage('public.ecr.aws/acme/python:3.8'))).toBeUndefined();
    expect(officialImageName(parseImage('bitnami/node:14'))).toBeUndefined();
    expect(officialImageName(parseImage('registry.hub.docker.com/library/ruby:2.7'))).toBe('ruby');
  });
  it('finds end-of-life image lines and distro suffixes on a pinned day', () => {
    setEolToday('2025-06-01');
    const subjects = (ref: string) => imageEol(parseImage(ref)).map((e) => e.subject);
    expect(subjects('node:14')).toEqual(['node 14']);
    expect(subjects('node:fermium-alpine')).toEqual(['node 14']);
    expect(subjects('node:20')).toEqual([]);
    expect(subjects('python:3.12-slim-buster')).toEqual(['debian buster (10)']);
    expect(subjects('node:18-alpine3.16')).toEqual(['node 18', 'alpine 3.16']);
    expect(subjects('centos')).toEqual(['centos (every tag)']);
    expect(subjects('ubuntu:20.04')).toEqual(['ubuntu 20.04']);
    expect(subjects('ubuntu:latest')).toEqual([]);
    setEolToday('2025-05-01');
    expect(subjects('ubuntu:20.04')).toEqual([]);
  });
});

describe('verdict wording', () => {
  it('says end of life when there is no extended support programme', () => {
    setEolToday('2025-06-01');
    expect(describeVerdict(lambdaRuntime('python2.7')!)).toBe('reached end of life on 2021-07-15');
    expect(describeVerdict(rdsEngine('postgres', '9.5')!)).toBe('reached end of life on or before 2022-04-26');
    setEolToday('2025-12-01');
    expect(describeVerdict(rdsEngine('mysql', '5.7')!)).toBe('reached end of standard support on 2024-02-29; only paid extended support until 2027-02-28 still ships fixes');
  });
});

describe('more image lines', () => {
  it('knows Microsoft .NET images, Amazon Linux, nginx lines and deprecated Java images', () => {
    setEolToday('2026-11-30');
    const subjects = (ref: string) => imageEol(parseImage(ref)).map((e) => e.subject);
    expect(subjects('mcr.microsoft.com/dotnet/aspnet:6.0-bookworm-slim')).toEqual(['mcr.microsoft.com/dotnet/aspnet 6.0']);
    expect(subjects('mcr.microsoft.com/dotnet/core/sdk:3.1')).toEqual(['mcr.microsoft.com/dotnet/core/sdk 3.1']);
    expect(subjects('mcr.microsoft.com/dotnet/aspnet:10.0')).toEqual([]);
    expect(subjects('mcr.microsoft.com/other/thing:1.0')).toEqual([]);
    expect(subjects('amazonlinux:2')).toEqual(['amazonlinux 2']);
    expect(subjects('amazonlinux:2023')).toEqual([]);
    expect(subjects('nginx:1.21.6-alpine')).toEqual(['nginx 1.21']);
    expect(subjects('nginx:1.29')).toEqual([]);
    expect(subjects('java:8')).toEqual(['java (every tag)']);
    expect(subjects('tomcat:9.0.80-jdk17')).toEqual([]);
    expect(subjects('tomcat:8.5')).toEqual(['tomcat 8.5']);
    expect(subjects('k8s.gcr.io/pause:3.2')).toEqual(['registry k8s.gcr.io (frozen, no patched images)']);
    expect(subjects('registry.k8s.io/pause:3.10')).toEqual([]);
    expect(subjects('docker:18.06-dind')).toEqual(['docker 18.06']);
    expect(subjects('docker:27.3-dind')).toEqual([]);
  });
});

describe('catalogue validation', () => {
  it('rejects malformed entries with the path of the problem', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { validateEolCatalogue } = await import('../src/checks/_lib/eol.js');
    const good = parse(readFileSync(new URL('../data/eol.yaml', import.meta.url), 'utf8')) as Record<string, any>;
    expect(() => validateEolCatalogue(good)).not.toThrow();
    const badDate = structuredClone(good);
    badDate.lambda.runtimes['python3.8'] = { eol: '14 Oct 2024' };
    expect(() => validateEolCatalogue(badDate)).toThrow(/lambda\.runtimes\.python3\.8\.eol: expected a quoted ISO day/);
    const unknownField = structuredClone(good);
    unknownField.eks.cycles['1.30'] = { eol: '2025-07-23', extnded: '2026-07-23' };
    expect(() => validateEolCatalogue(unknownField)).toThrow(/eks\.cycles\.1\.30/);
    expect(() => validateEolCatalogue({})).toThrow(/eol catalogue is invalid/);
  });
});
