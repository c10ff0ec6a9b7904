/**
 * Red Hat family hosts (RHEL, AlmaLinux, Rocky Linux) against their distributions' advisories:
 * os-release → OSV ecosystem (major release), Red Hat's per-repository ecosystems
 * (`Red Hat:enterprise_linux:9::appstream`), and an rpm inventory matched through `scan` with the
 * real AlmaLinux advisory ALSA-2024:4312 (openssh, CVE-2024-6387).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vulnerable from '../../src/checks/patches/package-known-vulnerability.js';
import { osvEcosystem } from '../../src/inventory/parsers/index.js';
import { parsePurl, purlToPackage } from '../../src/inventory/sbom/purl.js';
import type { OsRelease } from '../../src/inventory/types.js';
import { scan } from '../../src/scan/scan.js';
import { recordAdvisories } from '../../src/vulns/advisories.js';
import { ecosystemCovers } from '../../src/vulns/match.js';
import { hasSharedData, OSV_DIR, SKIP_MESSAGE } from './shared-data.js';

/**
 * Hand-written, shaped like Red Hat's published OSV records (ecosystem per product stream and
 * repository, epoch in the fixed version, CVE in `related`); not a copy of a real record.
 */
const RHSA = {
  schema_version: '1.6.0',
  id: 'TETRAD-TEST-RHSA-0001',
  modified: '2024-07-03T00:00:00Z',
  summary: 'hand-written test record: openssh on RHEL 9 (appstream and baseos), fixed in 8.7p1-38.el9_4.1',
  related: ['CVE-2024-6387'],
  affected: [
    {
      package: { ecosystem: 'Red Hat:enterprise_linux:9::baseos', name: 'openssh-server' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:8.7p1-38.el9_4.1' }] }],
    },
    {
      package: { ecosystem: 'Red Hat:enterprise_linux:9::appstream', name: 'openssh-askpass' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:8.7p1-38.el9_4.1' }] }],
    },
    {
      package: { ecosystem: 'Red Hat:rhel_eus:9.2::baseos', name: 'openssh-server' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0:8.7p1-29.el9_2.4' }] }],
    },
  ],
};

const RPM_QA = [
  'openssh-server 0:8.7p1-38.el9 x86_64 openssh-8.7p1-38.el9.src.rpm',
  'openssh-askpass 0:8.7p1-38.el9 x86_64 openssh-8.7p1-38.el9.src.rpm',
  'openssh-clients 0:8.7p1-38.el9_4.1 x86_64 openssh-8.7p1-38.el9_4.1.src.rpm',
  'bash 0:5.1.8-9.el9 x86_64 bash-5.1.8-9.el9.src.rpm',
].join('\n');

const os = (id: string, versionId?: string): OsRelease => ({ id, ...(versionId ? { versionId } : {}), location: { file: 'etc/os-release', startLine: 1, endLine: 1 } });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-rh-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function host(name: string, osRelease: string, advisories: Record<string, string>): string {
  const root = join(dir, name);
  const write = (p: string, text: string): void => {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  };
  write('etc/os-release', osRelease);
  write('rpm-qa.txt', RPM_QA + '\n');
  for (const [file, text] of Object.entries(advisories)) write(`advisories/${file}`, text);
  return root;
}

async function findings(root: string): Promise<string[]> {
  const r = await scan([root], { checks: [vulnerable], cwd: root });
  expect(r.errors).toEqual([]);
  return r.findings.map((f) => `${f.location.file}:${f.location.startLine} ${f.vulnerability?.ids.join(',') ?? ''}${f.verdict === 'unknown' ? ' (unknown)' : ''}`).sort();
}

describe('os-release → Red Hat family ecosystems', () => {
  it('maps RHEL, AlmaLinux and Rocky Linux by major release', () => {
    expect(osvEcosystem(os('rhel', '9.4'))).toBe('Red Hat:enterprise_linux:9');
    expect(osvEcosystem(os('rhel', '8.10'))).toBe('Red Hat:enterprise_linux:8');
    expect(osvEcosystem(os('almalinux', '9.4'))).toBe('AlmaLinux:9');
    expect(osvEcosystem(os('rocky', '9.3'))).toBe('Rocky Linux:9');
    expect(osvEcosystem(os('rocky', '8.10'))).toBe('Rocky Linux:8');
    expect(osvEcosystem(os('rhel'))).toBeUndefined();
  });
  it('an rpm purl of Red Hat names the enterprise_linux stream', () => {
    expect(purlToPackage(parsePurl('pkg:rpm/redhat/openssh@8.7p1-38.el9?epoch=0&distro=rhel-9.4')!)).toMatchObject({ ecosystem: 'Red Hat:enterprise_linux:9', name: 'openssh' });
    expect(purlToPackage(parsePurl('pkg:rpm/rocky/bash@5.1.8-9.el9?distro=rocky-9.3')!)).toMatchObject({ ecosystem: 'Rocky Linux:9' });
  });
  it("Red Hat's repositories of one stream cover that release; other streams and releases do not", () => {
    for (const repo of ['appstream', 'baseos', 'crb', 'highavailability'])
      expect(ecosystemCovers(`Red Hat:enterprise_linux:9::${repo}`, 'Red Hat:enterprise_linux:9')).toBe(true);
    expect(ecosystemCovers('Red Hat:enterprise_linux:8::appstream', 'Red Hat:enterprise_linux:9')).toBe(false);
    expect(ecosystemCovers('Red Hat:rhel_eus:9.2::baseos', 'Red Hat:enterprise_linux:9')).toBe(false);
    expect(ecosystemCovers('Red Hat:enterprise_linux:9::appstream', 'AlmaLinux:9')).toBe(false);
    expect(ecosystemCovers('AlmaLinux:9', 'Rocky Linux:9')).toBe(false);
  });
});

describe('rpm inventories of Red Hat family hosts, through scan', () => {
  it('RHEL 9: matches the stream advisories by binary package, in both repositories, not the EUS stream', async () => {
    const root = host('rhel9', 'NAME="Red Hat Enterprise Linux"\nID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.4"\n', { 'rhsa.json': JSON.stringify(RHSA) });
    expect(await findings(root)).toEqual(['rpm-qa.txt:1 TETRAD-TEST-RHSA-0001,CVE-2024-6387', 'rpm-qa.txt:2 TETRAD-TEST-RHSA-0001,CVE-2024-6387']);
    // RHEL 8 is another release: no match
    writeFileSync(join(root, 'etc/os-release'), 'ID="rhel"\nVERSION_ID="8.10"\n');
    expect(await findings(root)).toEqual([]);
  });

  it.skipIf(!hasSharedData)('AlmaLinux 9 with the real ALSA-2024:4312; Rocky Linux 9 and AlmaLinux 8 are not matched by it', async () => {
    const alsa = readFileSync(join(OSV_DIR, 'ALSA-2024:4312.json'), 'utf8');
    const alma = host('alma9', 'NAME="AlmaLinux"\nID="almalinux"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.4"\n', { 'ALSA-2024-4312.json': alsa });
    // openssh-server and openssh-askpass 8.7p1-38.el9 are before the fix; openssh-clients has it
    expect(await findings(alma)).toEqual(['rpm-qa.txt:1 ALSA-2024:4312,CVE-2024-6387', 'rpm-qa.txt:2 ALSA-2024:4312,CVE-2024-6387']);
    const svc = recordAdvisories([JSON.parse(alsa)]);
    expect(svc.match({ ecosystem: 'AlmaLinux:9', name: 'openssh-server', version: '8.7p1-38.el9' })[0]?.verdict).toMatchObject({ affected: true, fixed: ['8.7p1-38.el9_4.1'] });
    expect(svc.match({ ecosystem: 'AlmaLinux:9', name: 'openssh-server', version: '8.7p1-38.el9_4.1' })).toEqual([]);
    expect(svc.match({ ecosystem: 'AlmaLinux:9', name: 'openssh-server', version: '1:8.7p1-38.el9' })).toEqual([]);
    const rocky = host('rocky9', 'NAME="Rocky Linux"\nID="rocky"\nVERSION_ID="9.3"\n', { 'ALSA-2024-4312.json': alsa });
    expect(await findings(rocky)).toEqual([]);
    const alma8 = host('alma8', 'ID="almalinux"\nVERSION_ID="8.10"\n', { 'ALSA-2024-4312.json': alsa });
    expect(await findings(alma8)).toEqual([]);
  });
  it.runIf(!hasSharedData)(SKIP_MESSAGE, () => {});
});
