import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchAdvisory, rangeIncludes, type PackageVersion } from '../../src/vulns/match.js';
import { osvRecord, type OsvRecord } from '../../src/vulns/osv.js';
import { dpkg, semver } from '../../src/vulns/versions/index.js';
import { hasSharedData, osv, OSV_DIR, SKIP_MESSAGE } from './shared-data.js';

const affected = (r: OsvRecord, p: PackageVersion) => matchAdvisory(r, p)?.verdict.affected ?? false;

describe('OSV range evaluation', () => {
  const range = (...events: object[]) => ({ type: 'ECOSYSTEM' as const, events: events as never });
  it('walks introduced/fixed pairs in version order, whatever their order in the file', () => {
    const r = range({ fixed: '1.6.1' }, { introduced: '1.6.0' }, { introduced: '0' }, { fixed: '1.4.13' }, { introduced: '1.5.0' }, { fixed: '1.5.10' });
    const at = (v: string) => rangeIncludes(r, v, semver).affected;
    expect([at('0.1.0'), at('1.4.12'), at('1.4.13'), at('1.5.0-rc.1'), at('1.5.0'), at('1.5.9'), at('1.5.10'), at('1.6.0'), at('1.6.1')]).toEqual([
      true, true, false, false, true, true, false, true, false,
    ]);
    expect(rangeIncludes(r, '1.5.3', semver).fixed).toEqual(['1.5.10', '1.6.1']);
  });
  it('last_affected includes its own version; limit caps the range', () => {
    const r = range({ introduced: '1.0.0' }, { last_affected: '1.2.0' });
    expect(['0.9.0', '1.0.0', '1.2.0', '1.2.1'].map((v) => rangeIncludes(r, v, semver).affected)).toEqual([false, true, true, false]);
    const limited = range({ introduced: '0' }, { limit: '2.0.0' });
    expect(['1.9.9', '2.0.0', '3.0.0'].map((v) => rangeIncludes(limited, v, semver).affected)).toEqual([true, false, false]);
    expect(rangeIncludes(range({ introduced: '0' }, { limit: '*' }), '9.9.9', semver).affected).toBe(true);
  });
  it('orders distro versions with the distro scheme (epochs, tildes)', () => {
    const r = range({ introduced: '0' }, { fixed: '1:8.9p1-3ubuntu0.10' });
    expect(rangeIncludes(r, '1:8.9p1-3ubuntu0.9', dpkg).affected).toBe(true);
    expect(rangeIncludes(r, '1:8.9p1-3ubuntu0.10', dpkg).affected).toBe(false);
    expect(rangeIncludes(r, '9.9p1-1', dpkg).affected).toBe(true); // no epoch: 0 < 1
  });
  it('says unknown instead of guessing', () => {
    const rec: OsvRecord = { id: 'X-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'NoSuch', name: 'p' }, ranges: [range({ introduced: '0' }, { fixed: '2' })] }] };
    expect(matchAdvisory(rec, { ecosystem: 'NoSuch', name: 'p', version: '1' })?.verdict).toMatchObject({ affected: 'unknown' });
    const npm: OsvRecord = { id: 'X-2', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [range({ introduced: '0' }, { fixed: '2.0.0' })] }] };
    expect(matchAdvisory(npm, { ecosystem: 'npm', name: 'p', version: 'not-a-version' })?.verdict).toMatchObject({ affected: 'unknown' });
    expect(matchAdvisory({ ...npm, withdrawn: '2024-02-01T00:00:00Z' }, { ecosystem: 'npm', name: 'p', version: '1.0.0' })).toBeNull();
  });
});

describe.skipIf(!hasSharedData)('real OSV advisories', () => {
  it('every record in the shared set passes the OSV record shape', () => {
    const files = readdirSync(OSV_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(27);
    for (const f of files) expect(osvRecord.safeParse(osv(f)).success, f).toBe(true);
  });

  it('runc CVE-2019-5736 (Ubuntu): a vulnerable runc matches, a fixed one does not', () => {
    const rec = osv('UBUNTU-CVE-2019-5736.json');
    const bionic = (version: string): PackageVersion => ({ ecosystem: 'Ubuntu:18.04:LTS', name: 'runc', version });
    expect(matchAdvisory(rec, bionic('1.0.0~rc4+dfsg1-6'))?.verdict).toEqual({ affected: true, fixed: ['1.0.0~rc4+dfsg1-6ubuntu0.18.04.1'], by: 'versions' });
    // not listed, but inside the range: still vulnerable
    expect(affected(rec, bionic('1.0.0~rc4+dfsg1-5'))).toBe(true);
    expect(affected(rec, bionic('1.0.0~rc4+dfsg1-6ubuntu0.18.04.1'))).toBe(false);
    expect(affected(rec, bionic('1.0.0~rc10-0ubuntu1'))).toBe(false);
    // the same version in another release is judged by that release's fix (backports)
    const xenial = { ecosystem: 'Ubuntu:16.04:LTS', name: 'runc', version: '1.0.0~rc2+docker1.13.1-0ubuntu1~16.04.1' };
    expect(affected(rec, xenial)).toBe(false);
    expect(affected(rec, { ...xenial, version: '1.0.0~rc1-0ubuntu1~16.04' })).toBe(true);
    // a Debian package is not judged by an Ubuntu advisory
    expect(matchAdvisory(rec, { ecosystem: 'Debian:12', name: 'runc', version: '1.0.0~rc4+dfsg1-6' })).toBeNull();
    expect(matchAdvisory(rec, { ecosystem: 'Ubuntu:18.04:LTS', name: 'runc', version: '1.0.0~rc4+dfsg1-6' })?.related).toContain('CVE-2019-5736');
  });

  it('runc CVE-2024-21626 (Go, SEMVER and ECOSYSTEM records agree)', () => {
    for (const file of ['GO-2024-2491.json', 'GHSA-xr7r-f8xq-vfvv.json']) {
      const rec = osv(file);
      const runc = (version: string) => ({ ecosystem: 'Go', name: 'github.com/opencontainers/runc', version });
      expect([affected(rec, runc('1.0.0-rc92')), affected(rec, runc('1.0.0-rc93')), affected(rec, runc('v1.1.11')), affected(rec, runc('1.1.12'))], file).toEqual([false, true, true, false]);
    }
  });

  it('pseudo-version introduced (GO-2022-0274) and three pairs in one range (GO-2022-0344)', () => {
    const runc = (version: string) => ({ ecosystem: 'Go', name: 'github.com/opencontainers/runc', version });
    const r = osv('GO-2022-0274.json');
    expect([affected(r, runc('1.0.0')), affected(r, runc('1.0.1')), affected(r, runc('1.0.2')), affected(r, runc('1.1.0'))]).toEqual([false, true, true, false]);
    const c = osv('GO-2022-0344.json');
    const ctd = (version: string) => ({ ecosystem: 'Go', name: 'github.com/containerd/containerd', version });
    expect(['1.4.12', '1.4.13', '1.5.9', '1.5.10', '1.6.0', '1.6.1'].map((v) => affected(c, ctd(v)))).toEqual([true, false, true, false, true, false]);
  });

  it('language ecosystems: Maven log4j, PyPI names, RubyGems, crates, last_affected', () => {
    const log4j = (version: string) => ({ ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', version });
    const l = osv('GHSA-jfh8-c2jp-5v3q.json');
    expect(['2.0-beta9', '2.3.1', '2.12.1', '2.12.2', '2.14.1', '2.15.0'].map((v) => affected(l, log4j(v)))).toEqual([true, false, true, false, true, false]);
    expect(matchAdvisory(l, log4j('2.14.1'))?.verdict).toMatchObject({ fixed: ['2.15.0'] });
    const y = osv('GHSA-8q59-q68h-6hv4.json');
    expect(affected(y, { ecosystem: 'PyPI', name: 'pyyaml', version: '5.3.1' })).toBe(true);
    expect(affected(y, { ecosystem: 'PyPI', name: 'PyYAML', version: '5.4' })).toBe(false);
    expect(affected(osv('GHSA-crjr-9rc5-ghw8.json'), { ecosystem: 'RubyGems', name: 'nokogiri', version: '1.13.4.rc1' })).toBe(true);
    expect(affected(osv('GHSA-m5pq-gvj9-9vr8.json'), { ecosystem: 'crates.io', name: 'regex', version: '1.5.5' })).toBe(false);
    const req = osv('GHSA-p8p7-x288-28g6.json');
    expect(affected(req, { ecosystem: 'npm', name: 'request', version: '2.88.2' })).toBe(true);
    expect(matchAdvisory(req, { ecosystem: 'npm', name: 'request', version: '2.88.2' })?.verdict).toMatchObject({ fixed: [] });
    expect(affected(req, { ecosystem: 'npm', name: 'request', version: '2.88.3' })).toBe(false);
    const nj = osv('GHSA-5crp-9r3c-p9vr.json');
    expect(affected(nj, { ecosystem: 'NuGet', name: 'Newtonsoft.Json', version: '12.0.3' })).toBe(true);
    expect(affected(nj, { ecosystem: 'NuGet', name: 'Newtonsoft.Json', version: '13.0.1' })).toBe(false);
    const py = osv('PYSEC-2023-74.json');
    expect(matchAdvisory(py, { ecosystem: 'PyPI', name: 'requests', version: '2.30.0' })?.verdict).toMatchObject({ affected: true, by: 'versions' });
    expect(affected(py, { ecosystem: 'PyPI', name: 'requests', version: '2.31.0' })).toBe(false);
  });

  it('distro ecosystems: Debian, Alpine and AlmaLinux fixed versions of their own release', () => {
    const dsa = osv('DSA-3029-1.json');
    expect(affected(dsa, { ecosystem: 'Debian:7', name: 'nginx', version: '1.2.1-2.2+wheezy2' })).toBe(true);
    expect(affected(dsa, { ecosystem: 'Debian:7', name: 'nginx', version: '1.2.1-2.2+wheezy3' })).toBe(false);
    expect(matchAdvisory(dsa, { ecosystem: 'Debian:8', name: 'nginx', version: '1.2.1-2.2+wheezy2' })).toBeNull();
    const alp = osv('CVE-2018-5407.json');
    expect(affected(alp, { ecosystem: 'Alpine:v3.8', name: 'openssl', version: '1.0.2p-r0' })).toBe(true);
    expect(affected(alp, { ecosystem: 'Alpine:v3.8', name: 'openssl', version: '1.0.2q-r0' })).toBe(false);
    expect(matchAdvisory(alp, { ecosystem: 'Alpine:v3.19', name: 'openssl', version: '1.0.2p-r0' })).toBeNull();
    const alma = osv('ALSA-2024:4312.json');
    expect(affected(alma, { ecosystem: 'AlmaLinux:9', name: 'openssh-server', version: '8.7p1-38.el9' })).toBe(true);
    expect(affected(alma, { ecosystem: 'AlmaLinux:9', name: 'openssh-server', version: '8.7p1-38.el9_4.1' })).toBe(false);
    const usn = osv('USN-6859-1.json');
    expect(affected(usn, { ecosystem: 'Ubuntu:22.04:LTS', name: 'openssh', version: '1:8.9p1-3ubuntu0.7' })).toBe(true);
    expect(affected(usn, { ecosystem: 'Ubuntu:22.04', name: 'openssh', version: '1:8.9p1-3ubuntu0.10' })).toBe(false);
  });

  it('an unreviewed advisory without affected packages matches nothing', () => {
    expect(matchAdvisory(osv('GHSA-gxmr-w5mj-v8hh.json'), { ecosystem: 'Go', name: 'github.com/opencontainers/runc', version: '1.0.0-rc1' })).toBeNull();
  });
});

describe.runIf(!hasSharedData)('real OSV advisories', () => {
  it.skip(SKIP_MESSAGE, () => {});
});

describe('Ubuntu Pro (ESM) advisories', () => {
  const rec = (ecosystem: string): OsvRecord => ({
    id: 'T-ESM-1',
    modified: '2024-01-01T00:00:00Z',
    affected: [{ package: { ecosystem, name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1-1ubuntu2.1~18.04.23+esm1' }] }] }],
  });
  it('cover packages of the same release (the fix needs Pro), not other releases or the FIPS streams', () => {
    const pkg = { ecosystem: 'Ubuntu:18.04:LTS', name: 'openssl', version: '1.1.1-1ubuntu2.1~18.04.23' };
    expect(affected(rec('Ubuntu:Pro:18.04:LTS'), pkg)).toBe(true);
    expect(affected(rec('Ubuntu:Pro:18.04:LTS'), { ...pkg, version: '1.1.1-1ubuntu2.1~18.04.23+esm1' })).toBe(false);
    expect(affected(rec('Ubuntu:Pro:16.04:LTS'), pkg)).toBe(false);
    expect(affected(rec('Ubuntu:Pro:FIPS:18.04:LTS'), pkg)).toBe(false);
  });
});
