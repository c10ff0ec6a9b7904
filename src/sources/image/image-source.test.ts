import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { locate } from '../../model/index.js';
import { discoverFiles } from '../../scan/discover.js';
import { assignFiles, loadModel, scan } from '../../scan/scan.js';
import { encodeBuildInfo } from '../../inventory/image/go-buildinfo.js';
import { tarBuffer, writeDockerSave, writeOciLayout } from '../../../test/support/image-tar.js';
import { sbomSource } from '../sbom/index.js';
import { textFilesSource } from '../text-files/index.js';
import { imageSource } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'tetrad-image-src-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const here = new URL('.', import.meta.url).pathname;

describe('image and SBOM sources', async () => {
  const dir = join(root, 'estate');
  mkdirSync(join(dir, 'images'), { recursive: true });
  await writeDockerSave(join(dir, 'images/api.tar'), {
    tags: ['api:2.0'],
    layers: [[{ name: 'etc/os-release', data: 'ID=debian\nVERSION_ID="12"\n' }, { name: 'var/lib/dpkg/status', data: 'Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\n' }]],
  });
  await writeOciLayout(join(dir, 'images/web-oci.tar'), { ref: 'web:1', layers: [[{ name: 'etc/os-release', data: 'ID=alpine\nVERSION_ID=3.19.1\n' }, { name: 'lib/apk/db/installed', data: 'P:busybox\nV:1.36.1-r15\no:busybox\n' }]] });
  writeFileSync(join(dir, 'images/web-oci.tar.gz'), gzipSync(readFileSync(join(dir, 'images/web-oci.tar'))));
  writeFileSync(join(dir, 'images/backup.tar'), await tarBuffer([{ name: 'home/user/notes.txt', data: 'not an image' }]));
  writeFileSync(join(dir, 'images/broken.tar'), readFileSync(join(dir, 'images/api.tar')).subarray(0, 3000));
  copyFileSync(join(here, '../../inventory/sbom/testdata/shop-api.cdx.json'), join(dir, 'bom.json'));
  writeFileSync(join(dir, 'bad-bom.json'), '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.5",\n  "components": [\n    { "name": "x" ,, }\n  ]\n}\n');

  it('discovery keeps tar archives (plain and gzip) past the size limit; the image source claims only images', () => {
    const { files, errors } = discoverFiles([dir], { cwd: root, maxFileSize: 100 });
    const archives = files.filter((f) => f.archive).map((f) => `${f.displayPath} ${f.archive}`);
    expect(archives).toEqual(['estate/images/api.tar tar', 'estate/images/backup.tar tar', 'estate/images/broken.tar tar', 'estate/images/web-oci.tar tar', 'estate/images/web-oci.tar.gz tar.gz']);
    expect(errors.map((e) => e.file)).toEqual(['estate/bad-bom.json', 'estate/bom.json']); // JSON over the 100-byte limit
    const claimed = files.filter((f) => imageSource.claims(f)).map((f) => f.displayPath);
    expect(claimed).toEqual(['estate/images/api.tar', 'estate/images/broken.tar', 'estate/images/web-oci.tar', 'estate/images/web-oci.tar.gz']);
    // archives are not text: the secret scan of every text file leaves them alone
    expect(files.filter((f) => f.archive && textFilesSource.claims(f))).toEqual([]);
  });

  it('loads one ContainerImage per image and one PackageInventory per SBOM; malformed inputs are errors with file and line', async () => {
    const { files } = discoverFiles([dir], { cwd: root });
    const assigned = assignFiles(files, [sbomSource, imageSource]);
    const images = await imageSource.load(assigned.get(imageSource)!, { vars: {}, varFiles: [], cwd: root });
    expect(images.resources.map((r) => `${r.id} ${(r.attributes.packages as unknown[]).length} ${r.location.file}`)).toEqual([
      'ContainerImage:api:2.0 1 estate/images/api.tar',
      'ContainerImage:web:1 1 estate/images/web-oci.tar',
      'ContainerImage:web:1 1 estate/images/web-oci.tar.gz',
    ]);
    const api = images.resources[0]!;
    expect(api.attributes.packages).toEqual([
      expect.objectContaining({ ecosystem: 'Debian:12', name: 'bash', version: '5.2.15-2+b2', image: 'api:2.0', layer: expect.stringMatching(/^sha256:/) }),
    ]);
    expect(locate(api, 'packages[0].version')).toEqual({ file: 'estate/images/api.tar!/var/lib/dpkg/status', startLine: 1, endLine: 3 });
    expect(images.errors).toEqual([expect.objectContaining({ kind: 'parse', file: 'estate/images/broken.tar', source: 'image', message: expect.stringMatching(/^not a readable tar archive/) })]);

    const sboms = await sbomSource.load(assigned.get(sbomSource)!, { vars: {}, varFiles: [], cwd: root });
    expect(sboms.resources.map((r) => `${r.type} ${r.id} ${r.attributes.format}`)).toEqual(['PackageInventory PackageInventory:estate/bom.json cyclonedx']);
    expect(locate(sboms.resources[0]!, 'packages[1]')).toMatchObject({ file: 'estate/bom.json', startLine: 17 });
    expect(sboms.errors).toEqual([{ kind: 'parse', file: 'estate/bad-bom.json', line: 5, column: expect.any(Number), message: expect.stringMatching(/^invalid JSON/), source: 'sbom' }]);
  });

  it('is wired into the scan (loadModel)', async () => {
    const { resources } = await loadModel([dir], { cwd: root });
    expect(resources.filter((r) => r.type === 'ContainerImage').map((r) => r.id)).toEqual(['ContainerImage:api:2.0', 'ContainerImage:web:1', expect.stringMatching(/^ContainerImage:web:1@/)]);
    expect(resources.filter((r) => r.source === 'sbom').map((r) => r.id)).toEqual(['PackageInventory:estate/bom.json']);
  });
});

const OSV = join(here, '../../../../shared/data/osv');

describe.skipIf(!existsSync(OSV))('images and SBOMs feed the vulnerability check (real runc advisory GO-2024-2491)', async () => {
  const dir = join(root, 'vuln');
  mkdirSync(join(dir, 'advisories'), { recursive: true });
  copyFileSync(join(OSV, 'GO-2024-2491.json'), join(dir, 'advisories/GO-2024-2491.json'));
  const runc = (version: string): Buffer => {
    const blob = encodeBuildInfo('go1.20.13', `path\tgithub.com/opencontainers/runc\nmod\tgithub.com/opencontainers/runc\t(devel)\t\nbuild\t-ldflags="-X main.version=${version}"\n`);
    return Buffer.concat([Buffer.alloc(4096, 0x7f), blob, Buffer.alloc(4096, 0x90)]);
  };
  await writeDockerSave(join(dir, 'node-old.tar'), { tags: ['node-tools:old'], layers: [[{ name: 'usr/sbin/runc', data: runc('1.1.4') }]] });
  await writeDockerSave(join(dir, 'node-new.tar'), { tags: ['node-tools:new'], layers: [[{ name: 'usr/sbin/runc', data: runc('1.1.12') }]] });
  copyFileSync(join(here, '../../inventory/sbom/testdata/shop-api.cdx.json'), join(dir, 'bom.json'));

  it('reports runc v1.1.4 in the old image and in the SBOM, not runc v1.1.12', async () => {
    const result = await scan([dir], { cwd: root, loadConfig: false, selection: { only: ['TET-PATCH-034'] } });
    const rows = result.findings.map((f) => `${f.location.file}:${f.location.startLine} ${f.resource.id}`);
    expect(rows).toEqual(['vuln/bom.json:41 PackageInventory:vuln/bom.json', 'vuln/node-old.tar!/usr/sbin/runc:1 ContainerImage:node-tools:old']);
    expect(result.findings.every((f) => /CVE-2024-21626|GO-2024-2491/.test(JSON.stringify(f)))).toBe(true);
  });
});
