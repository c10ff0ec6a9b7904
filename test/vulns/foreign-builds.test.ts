/**
 * NodeSource's nodejs in a Debian dpkg database is not Debian's build: it is never matched
 * against Debian's nodejs advisories (a false alarm or a missed patch either way), the scan says
 * so in a note, and TET-PATCH-036 still judges its Node.js release line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vulnerable from '../../src/checks/patches/package-known-vulnerability.js';
import runtimeEol from '../../src/checks/patches/inventory-runtime-end-of-life.js';
import { scan } from '../../src/scan/scan.js';
import { foreignBuild, foreignBuildNote } from '../../src/vulns/foreign-builds.js';

/** hand-written, shaped like a Debian advisory converted to OSV */
const DEBIAN_NODEJS = {
  id: 'TETRAD-TEST-DSA-NODEJS',
  modified: '2024-05-01T00:00:00Z',
  summary: 'hand-written test record: Debian 12 nodejs, fixed in 18.19.0+dfsg-6~deb12u2',
  aliases: ['CVE-2024-27983'],
  affected: [
    {
      package: { ecosystem: 'Debian:12', name: 'nodejs' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '18.19.0+dfsg-6~deb12u2' }] }],
    },
  ],
};

const status = (version: string): string =>
  `Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\n\nPackage: nodejs\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${version}\n`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-foreign-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function debianHost(name: string, nodejs: string): string {
  const root = join(dir, name);
  const write = (p: string, text: string): void => {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  };
  write('etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n');
  write('var/lib/dpkg/status', status(nodejs));
  write('advisories/dsa-nodejs.json', JSON.stringify(DEBIAN_NODEJS));
  return root;
}

describe('foreign builds in distribution databases', () => {
  it('recognises NodeSource nodejs in distribution ecosystems only', () => {
    expect(foreignBuild({ ecosystem: 'Debian:12', name: 'nodejs', version: '20.11.1-1nodesource1' })).toBe('NodeSource');
    expect(foreignBuild({ ecosystem: 'Ubuntu:22.04:LTS', name: 'nodejs', version: '16.20.2-deb-1nodesource1' })).toBe('NodeSource');
    expect(foreignBuild({ ecosystem: 'AlmaLinux:9', name: 'nodejs', version: '2:20.11.1-1nodesource' })).toBe('NodeSource');
    expect(foreignBuild({ ecosystem: 'Debian:12', name: 'nodejs', version: '18.19.0+dfsg-6~deb12u1' })).toBeUndefined();
    expect(foreignBuild({ ecosystem: 'Debian:12', name: 'libnode108', version: '18.19.0+dfsg-6~deb12u1' })).toBeUndefined();
    expect(foreignBuild({ ecosystem: 'npm', name: 'nodejs', version: '0.0.3' })).toBeUndefined();
    expect(foreignBuildNote([{ ecosystem: 'Debian:12', name: 'bash', version: '5.2' }])).toBeUndefined();
  });

  it('a NodeSource nodejs is not matched against Debian advisories; the scan notes it; TET-PATCH-036 judges it', async () => {
    // 16.20.2-1nodesource1 sorts before Debian's fixed 18.19.0+dfsg-6~deb12u2: without the skip it would be a (false) finding
    const root = debianHost('nodesource', '16.20.2-1nodesource1');
    const r = await scan([root], { checks: [vulnerable, runtimeEol], cwd: root });
    expect(r.errors).toEqual([]);
    expect(r.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`)).toEqual(['TET-PATCH-036 var/lib/dpkg/status:5']);
    expect(r.notes).toEqual([
      "1 package is not the distribution's build and is not matched against distribution advisories: nodejs 16.20.2-1nodesource1 (NodeSource) at var/lib/dpkg/status:5; TET-PATCH-036 judges the Node.js release line of a NodeSource build",
    ]);
  });

  it("Debian's own nodejs is still matched, and no note is given", async () => {
    const root = debianHost('debian-nodejs', '18.19.0+dfsg-6~deb12u1');
    const r = await scan([root], { checks: [vulnerable, runtimeEol], cwd: root });
    expect(r.findings.map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine} ${f.vulnerability?.ids.join(',')}`)).toEqual([
      'TET-PATCH-034 var/lib/dpkg/status:5 TETRAD-TEST-DSA-NODEJS,CVE-2024-27983',
    ]);
    expect(r.notes).toBeUndefined();
  });
});
