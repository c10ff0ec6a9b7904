import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tarBuffer, writeDockerSave, writeOciLayout, type TarEntry } from '../../../test/support/image-tar.js';
import { encodeBuildInfo } from './go-buildinfo.js';
import { readImageArchive } from './index.js';

const tmp = mkdtempSync(join(tmpdir(), 'tetrad-image-'));
const work = join(tmp, 'work');
mkdirSync(work, { recursive: true });
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** a fake Go binary: ELF-ish bytes, the build info blob somewhere inside, padding around it */
export function goBinary(modinfo: string, opts: { size?: number; extra?: string } = {}): Buffer {
  const size = opts.size ?? 300_000;
  const head = Buffer.alloc(Math.floor(size / 3), 0x41);
  head.write('\x7fELF', 0, 'latin1');
  const blob = encodeBuildInfo('go1.21.5', modinfo);
  const tail = Buffer.alloc(size - head.length - blob.length, 0x90);
  if (opts.extra) tail.write(opts.extra, 1000, 'latin1');
  return Buffer.concat([head, blob, tail]);
}

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
`;

const stanza = (name: string, version: string, source?: string) =>
  `Package: ${name}\nStatus: install ok installed\nPriority: optional\nArchitecture: amd64\n${source ? `Source: ${source}\n` : ''}Version: ${version}\nDescription: ${name}\n`;

const DPKG_V1 = [stanza('base-files', '12.4+deb12u5'), stanza('libssl3', '3.0.11-1~deb12u2', 'openssl'), stanza('curl', '7.88.1-10+deb12u5'), stanza('zlib1g', '1:1.2.13.dfsg-1')].join('\n');
const DPKG_V2 = [stanza('base-files', '12.4+deb12u5'), stanza('libssl3', '3.0.11-1~deb12u2', 'openssl'), stanza('zlib1g', '1:1.2.13.dfsg-1')].join('\n');

const PACKAGE_LOCK = JSON.stringify(
  { name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'app', version: '1.0.0', dependencies: { lodash: '^4.17.0' } }, 'node_modules/lodash': { version: '4.17.20', resolved: 'https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz' } } },
  null,
  2,
);

const RUNC_MODINFO = 'path\tgithub.com/opencontainers/runc\nmod\tgithub.com/opencontainers/runc\t(devel)\t\ndep\tgithub.com/cilium/ebpf\tv0.9.1\th1:abc=\ndep\tgolang.org/x/sys\tv0.0.0-20220722155257-8c9f86f7a55f\th1:def=\nbuild\t-ldflags="-X main.gitCommit=5fd4c4d1 -X main.version=1.1.4 "\nbuild\tCGO_ENABLED=1\n';

const debianLayers = (): TarEntry[][] => [
  [
    { name: 'etc/', type: 'directory' },
    // as in Debian: /etc/os-release is a relative symlink into /usr/lib
    { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
    { name: 'usr/lib/os-release', data: DEBIAN_OS_RELEASE },
    { name: 'var/lib/dpkg/status', data: DPKG_V1 },
    { name: 'usr/share/doc/curl/copyright', data: 'not read' },
  ],
  [
    { name: 'app/package-lock.json', data: PACKAGE_LOCK },
    { name: 'app/old/yarn.lock', data: '# yarn lockfile v1\n\n\nleft-pad@^1.3.0:\n  version "1.3.0"\n  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz"\n' },
    { name: 'usr/sbin/runc', data: goBinary(RUNC_MODINFO), mode: 0o755 },
    { name: 'usr/bin/runc', type: 'symlink', linkname: '/usr/sbin/runc' },
  ],
  [
    // apt-get remove curl rewrote the status file; the old lockfile was deleted
    { name: 'var/lib/dpkg/status', data: DPKG_V2 },
    { name: 'app/old/.wh.yarn.lock', data: '' },
  ],
];

describe('docker save tarball (Debian, handmade rootfs)', async () => {
  const file = join(tmp, 'debian.tar');
  const { diffIds } = await writeDockerSave(file, { tags: ['registry.example.com/shop/api:1.4.2'], layers: debianLayers() });
  const archive = await readImageArchive(file, 'images/debian.tar');
  const img = archive.images[0]!;

  it('finds the image, its layers in manifest order and the OS through the os-release symlink', () => {
    expect(archive).toMatchObject({ format: 'docker', isImage: true, errors: [] });
    expect(archive.images).toHaveLength(1);
    expect(img.ref).toBe('registry.example.com/shop/api:1.4.2');
    expect(img.platform).toBe('linux/amd64');
    expect(img.layers.map((l) => l.digest)).toEqual(diffIds);
    expect(img.os).toMatchObject({ id: 'debian', versionId: '12', location: { file: 'images/debian.tar!/usr/lib/os-release' } });
    expect(img.errors).toEqual([]);
  });

  it('reads the dpkg database of the top layer (curl removed) with the Debian:12 ecosystem', () => {
    const dpkg = img.packages.filter((p) => p.foundBy === 'dpkg');
    expect(dpkg.map((p) => `${p.ecosystem} ${p.name} ${p.version}`)).toEqual(['Debian:12 base-files 12.4+deb12u5', 'Debian:12 libssl3 3.0.11-1~deb12u2', 'Debian:12 zlib1g 1:1.2.13.dfsg-1']);
    expect(dpkg.find((p) => p.name === 'libssl3')).toMatchObject({ sourceName: 'openssl', image: img.ref, layer: diffIds[2], location: { file: 'images/debian.tar!/var/lib/dpkg/status', startLine: 8 } });
  });

  it('applies the whiteout: the deleted yarn.lock contributes nothing; the package-lock does', () => {
    expect(img.packages.some((p) => p.name === 'left-pad')).toBe(false);
    expect(img.packages.find((p) => p.name === 'lodash')).toMatchObject({ ecosystem: 'npm', version: '4.17.20', layer: diffIds[1], location: { file: 'images/debian.tar!/app/package-lock.json' } });
  });

  it('detects runc by its Go build info (-X main.version), once for both paths', () => {
    const runc = img.packages.filter((p) => p.name === 'github.com/opencontainers/runc');
    expect(runc).toHaveLength(1);
    expect(runc[0]).toMatchObject({ ecosystem: 'Go', version: 'v1.1.4', foundBy: 'go-binary', layer: diffIds[1], location: { file: 'images/debian.tar!/usr/sbin/runc' } });
    expect(img.packages.find((p) => p.name === 'github.com/cilium/ebpf')).toMatchObject({ ecosystem: 'Go', version: 'v0.9.1' });
  });
});

describe('OCI image layout (Alpine, gzip layers)', async () => {
  const file = join(tmp, 'alpine-oci.tar');
  const apk = ['C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\nS:383152\nI:622592\nT:the musl c library\nU:https://musl.libc.org/\nL:MIT\no:musl\n', 'C:Q1def=\nP:libcrypto3\nV:3.1.4-r0\nA:x86_64\nT:Crypto library from openssl\nU:https://www.openssl.org/\nL:Apache-2.0\no:openssl\n'].join('\n');
  const { layerDigests } = await writeOciLayout(file, {
    ref: 'alpine-app:3.18',
    layers: [
      [
        { name: 'etc/os-release', data: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.18.4\nPRETTY_NAME="Alpine Linux v3.18"\n' },
        { name: 'lib/apk/db/installed', data: apk },
        { name: 'srv/app/requirements.txt', data: 'requests==2.25.0\n' },
      ],
      [
        // an opaque directory: everything the base layer had under srv/app is gone
        { name: 'srv/app/.wh..wh..opq', data: '' },
        { name: 'srv/app/Cargo.lock', data: 'version = 3\n\n[[package]]\nname = "smallvec"\nversion = "1.6.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n' },
        { name: 'usr/local/bin/containerd', data: goBinary('path\tgithub.com/containerd/containerd/cmd/containerd\nmod\tgithub.com/containerd/containerd\t(devel)\t\nbuild\t-ldflags="-X github.com/containerd/containerd/version.Version=1.6.8 -s -w"\n') },
      ],
    ],
  });
  const archive = await readImageArchive(file, 'alpine-oci.tar');
  const img = archive.images[0]!;

  it('follows index.json to the manifest, config and gzip layers', () => {
    expect(archive).toMatchObject({ format: 'oci', isImage: true, errors: [] });
    expect(img.ref).toBe('alpine-app:3.18');
    expect(img.layers.map((l) => l.digest)).toEqual(layerDigests);
    expect(img.platform).toBe('linux/arm64');
    expect(img.errors).toEqual([]);
  });

  it('reads the apk database as Alpine:v3.18, the opaque directory hides requirements.txt', () => {
    expect(img.packages.filter((p) => p.foundBy === 'apk').map((p) => `${p.ecosystem} ${p.name} ${p.version} ${p.layer === layerDigests[0]}`)).toEqual(['Alpine:v3.18 musl 1.2.4-r2 true', 'Alpine:v3.18 libcrypto3 3.1.4-r0 true']);
    expect(img.packages.some((p) => p.name === 'requests')).toBe(false);
    expect(img.packages.find((p) => p.name === 'smallvec')).toMatchObject({ ecosystem: 'crates.io', version: '1.6.0', layer: layerDigests[1] });
  });

  it('detects containerd from the version linker flag', () => {
    expect(img.packages.find((p) => p.name === 'github.com/containerd/containerd')).toMatchObject({ ecosystem: 'Go', version: 'v1.6.8', foundBy: 'go-binary' });
  });
});

describe('hostile archives: nothing leaves the root', () => {
  const base = (extra: TarEntry[]): TarEntry[][] => [[{ name: 'etc/os-release', data: 'ID=debian\nVERSION_ID="12"\n' }, ...extra]];
  const outsideClean = (): void => {
    expect(existsSync(join(tmp, 'evil.txt'))).toBe(false);
    expect(existsSync(join(tmp, '..', 'evil.txt'))).toBe(false);
    expect(existsSync('/tmp/evil.txt')).toBe(false);
    expect(readdirSync(work)).toEqual([]);
  };

  it('rejects a layer entry with ../ and reads the rest', async () => {
    const file = join(tmp, 'traversal.tar');
    await writeDockerSave(file, { tags: ['t:1'], layers: base([{ name: '../../../../evil.txt', data: 'pwned' }, { name: 'app/../../evil.txt', data: 'pwned' }]) });
    const img = (await readImageArchive(file, 'traversal.tar')).images[0]!;
    expect(img.errors.map((e) => e.message)).toEqual([expect.stringMatching(/layer sha256:[0-9a-f]{64}: path traversal "\.\.\/\.\.\/\.\.\/\.\.\/evil\.txt" rejected$/), expect.stringMatching(/path traversal "app\/\.\.\/\.\.\/evil\.txt" rejected$/)]);
    expect(img.os?.id).toBe('debian');
    outsideClean();
  });

  it('rejects absolute entry names', async () => {
    const file = join(tmp, 'absolute.tar');
    await writeDockerSave(file, { tags: ['t:2'], layers: base([{ name: '/tmp/evil.txt', data: 'pwned' }]) });
    const img = (await readImageArchive(file, 'absolute.tar')).images[0]!;
    expect(img.errors.map((e) => e.message)).toEqual([expect.stringMatching(/absolute path "\/tmp\/evil\.txt" rejected$/)]);
    outsideClean();
  });

  it('does not follow a symlink that escapes the root, nor a hard link out of it', async () => {
    const file = join(tmp, 'symlink.tar');
    await writeDockerSave(file, {
      tags: ['t:3'],
      layers: [[{ name: 'etc/os-release', type: 'symlink', linkname: '../../../../../../etc/os-release' }, { name: 'var/lib/dpkg/status', type: 'link', linkname: '../../../etc/shadow' }, { name: 'usr/bin/runc', type: 'symlink', linkname: '/../../usr/bin/runc' }]],
    });
    const img = (await readImageArchive(file, 'symlink.tar')).images[0]!;
    const msgs = img.errors.map((e) => e.message);
    expect(msgs).toContainEqual(expect.stringMatching(/hard link var\/lib\/dpkg\/status: path traversal "\.\.\/\.\.\/\.\.\/etc\/shadow" rejected$/));
    expect(msgs).toContainEqual(expect.stringMatching(/symlink etc\/os-release -> \.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/os-release escapes the image root; not followed$/));
    expect(msgs).toContainEqual(expect.stringMatching(/symlink usr\/bin\/runc -> \/\.\.\/\.\.\/usr\/bin\/runc escapes the image root/));
    // the host's own /etc/os-release was not read
    expect(img.os).toBeUndefined();
    expect(img.packages).toEqual([]);
    outsideClean();
  });

  it('rejects archive entries that leave the archive, and names layers that are missing', async () => {
    const file = join(tmp, 'outer.tar');
    const layer = await tarBuffer([{ name: 'etc/os-release', data: 'ID=alpine\nVERSION_ID=3.19.0\n' }]);
    writeFileSync(
      file,
      await tarBuffer([
        { name: '../evil.txt', data: 'pwned' },
        { name: 'l1/layer.tar', data: layer },
        { name: 'cfg.json', data: '{"rootfs":{"diff_ids":[]}}' },
        { name: 'manifest.json', data: JSON.stringify([{ Config: 'cfg.json', RepoTags: ['o:1'], Layers: ['l1/layer.tar', 'l2/layer.tar'] }]) },
      ]),
    );
    const out = await readImageArchive(file, 'outer.tar');
    expect(out.errors.map((e) => e.message)).toEqual(['archive entry path traversal "../evil.txt" rejected']);
    expect(out.images[0]!.errors.map((e) => e.message)).toEqual(['image o:1: layer 2 (l2/layer.tar) is not in the archive; the inventory may be incomplete']);
    expect(out.images[0]!.os).toMatchObject({ id: 'alpine', versionId: '3.19.0' });
    outsideClean();
  });

  it('reports a truncated archive and a tar that is not an image', async () => {
    const good = join(tmp, 'debian.tar');
    const cut = join(tmp, 'cut.tar');
    writeFileSync(cut, readFileSync(good).subarray(0, 5000));
    const out = await readImageArchive(cut, 'cut.tar');
    expect(out.isImage).toBe(false);
    expect(out.errors[0]!.message).toMatch(/^not a readable tar archive: /);
    const plain = join(tmp, 'plain.tar');
    writeFileSync(plain, await tarBuffer([{ name: 'README', data: 'hello' }]));
    expect(await readImageArchive(plain, 'plain.tar')).toMatchObject({ isImage: false, images: [], errors: [] });
  });
});

describe('Go build info scanner', () => {
  it('finds build info and runc version strings whatever the chunking', async () => {
    const { BinaryScanner } = await import('./go-buildinfo.js');
    const bin = goBinary(RUNC_MODINFO.replace(/-X main\.version=1\.1\.4 /, ''), { size: 50_000, extra: 'runc version 1.0.0-rc6\x00commit' });
    for (const size of [1, 7, 63, 64, 65, 4096, bin.length]) {
      const s = new BinaryScanner();
      for (let i = 0; i < bin.length; i += size) s.push(bin.subarray(i, i + size));
      const facts = s.result();
      expect(facts.buildInfo?.main).toEqual({ path: 'github.com/opencontainers/runc', version: '(devel)' });
      expect(facts.buildInfo?.goVersion).toBe('go1.21.5');
      expect(facts.runcVersionStrings).toEqual(['1.0.0-rc6']);
    }
  });

  it('falls back to the runc version string, and says why when there is no version', async () => {
    const { BinaryScanner } = await import('./go-buildinfo.js');
    const { binaryPackages } = await import('./binaries.js');
    const s = new BinaryScanner();
    s.push(goBinary('path\tgithub.com/opencontainers/runc\nmod\tgithub.com/opencontainers/runc\t(devel)\t\n', { size: 20_000, extra: 'runc version 1.0.0-rc6\x00' }));
    expect(binaryPackages('usr/bin/runc', s.result()).packages[0]).toMatchObject({ name: 'github.com/opencontainers/runc', version: 'v1.0.0-rc6' });
    const bare = new BinaryScanner();
    bare.push(Buffer.alloc(10_000, 0x90));
    expect(binaryPackages('usr/bin/dockerd', bare.result())).toEqual({ packages: [], note: 'usr/bin/dockerd: github.com/docker/docker version not found: no Go build info and no version string' });
  });
});

describe('more archive shapes', () => {
  it('reads a distroless image (var/lib/dpkg/status.d/<package>)', async () => {
    const file = join(tmp, 'distroless.tar');
    await writeDockerSave(file, {
      tags: ['gcr.example/distroless/static:nonroot'],
      layers: [
        [
          { name: 'etc/os-release', data: DEBIAN_OS_RELEASE },
          { name: 'var/lib/dpkg/status.d/base-files', data: stanza('base-files', '12.4+deb12u5') },
          { name: 'var/lib/dpkg/status.d/base-files.md5sums', data: 'd41d8cd98f00b204e9800998ecf8427e  etc/debian_version\n' },
          { name: 'var/lib/dpkg/status.d/tzdata', data: stanza('tzdata', '2024a-0+deb12u1') },
        ],
      ],
    });
    const img = (await readImageArchive(file, 'distroless.tar')).images[0]!;
    expect(img.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version} ${p.location.file}:${p.location.startLine}`)).toEqual([
      'Debian:12 base-files 12.4+deb12u5 distroless.tar!/var/lib/dpkg/status.d/base-files:1',
      'Debian:12 tzdata 2024a-0+deb12u1 distroless.tar!/var/lib/dpkg/status.d/tzdata:1',
    ]);
    expect(img.errors).toEqual([]);
  });

  it('reads every image of a multi-image docker save, with layers shared through archive symlinks', async () => {
    const base = await tarBuffer([{ name: 'etc/os-release', data: 'ID=alpine\nVERSION_ID=3.19.1\n' }, { name: 'lib/apk/db/installed', data: 'P:musl\nV:1.2.4_git20230717-r4\n' }]);
    const app = await tarBuffer([{ name: 'srv/Gemfile.lock', data: 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (2.2.3)\n\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  rack\n' }]);
    const cfg = (n: number) => JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: n === 1 ? ['sha256:base'] : ['sha256:base', 'sha256:app'] } });
    const file = join(tmp, 'multi.tar');
    writeFileSync(
      file,
      await tarBuffer([
        { name: 'aaaa/layer.tar', data: base },
        { name: 'bbbb/layer.tar', type: 'symlink', linkname: '../aaaa/layer.tar' },
        { name: 'cccc/layer.tar', data: app },
        { name: 'c1.json', data: cfg(1) },
        { name: 'c2.json', data: cfg(2) },
        { name: 'manifest.json', data: JSON.stringify([{ Config: 'c1.json', RepoTags: ['alpine:3.19'], Layers: ['aaaa/layer.tar'] }, { Config: 'c2.json', RepoTags: ['shop/web:7', 'shop/web:latest'], Layers: ['bbbb/layer.tar', 'cccc/layer.tar'] }]) },
      ]),
    );
    const out = await readImageArchive(file, 'multi.tar');
    expect(out.errors).toEqual([]);
    expect(out.images.map((i) => `${i.ref} [${i.tags.join(' ')}] ${i.packages.map((p) => `${p.name}@${p.layer}`).join(' ')}`)).toEqual([
      'alpine:3.19 [alpine:3.19] musl@sha256:base',
      'shop/web:7 [shop/web:7 shop/web:latest] musl@sha256:base rack@sha256:app',
    ]);
  });

  it('names zstd layers and blobs whose content does not match their digest', async () => {
    const layer = await tarBuffer([{ name: 'etc/os-release', data: 'ID=alpine\nVERSION_ID=3.19.1\n' }]);
    const zstd = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(600, 1)]);
    const config = Buffer.from('{"os":"linux","architecture":"amd64","rootfs":{"type":"layers","diff_ids":[]}}');
    const wrong = '0'.repeat(64);
    const { createHash } = await import('node:crypto');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, config: { digest: `sha256:${sha(config)}` }, layers: [{ digest: `sha256:${wrong}` }, { digest: `sha256:${sha(zstd)}` }] }));
    const file = join(tmp, 'zstd.tar');
    writeFileSync(
      file,
      await tarBuffer([
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name: 'index.json', data: JSON.stringify({ schemaVersion: 2, manifests: [{ digest: `sha256:${sha(manifest)}`, annotations: { 'org.opencontainers.image.ref.name': 'z:1' } }] }) },
        { name: `blobs/sha256/${wrong}`, data: layer },
        { name: `blobs/sha256/${sha(zstd)}`, data: zstd },
        { name: `blobs/sha256/${sha(config)}`, data: config },
        { name: `blobs/sha256/${sha(manifest)}`, data: manifest },
      ]),
    );
    const img = (await readImageArchive(file, 'zstd.tar')).images[0]!;
    expect(img.errors.map((e) => e.message)).toEqual([
      `image z:1: layer blobs/sha256/${wrong} does not match its digest (content sha256:${sha(layer)})`,
      `image z:1: layer 2 (blobs/sha256/${sha(zstd)}) is a zstd-compressed layer (not supported); the inventory may be incomplete`,
    ]);
    expect(img.os?.id).toBe('alpine');
  });
});

describe('robustness', () => {
  it('reads 150 randomly damaged archives (flipped bytes, truncation, gzip) without throwing or hanging', async () => {
    const a = join(tmp, 'fuzz-a.tar');
    const b = join(tmp, 'fuzz-b.tar');
    await writeDockerSave(a, { tags: ['a:1'], layers: debianLayers() });
    await writeOciLayout(b, { ref: 'b:1', layers: [[{ name: 'etc/os-release', data: 'ID=alpine\nVERSION_ID=3.19.1\n' }, { name: 'lib/apk/db/installed', data: 'P:musl\nV:1.2.4-r2\n' }]] });
    const { gzipSync } = await import('node:zlib');
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const seen = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const buf = Buffer.from(readFileSync(i % 2 ? a : b));
      for (let f = 0, n = 1 + Math.floor(rnd() * 8); f < n; f++) buf[Math.floor(rnd() * buf.length)] = Math.floor(rnd() * 256);
      const cut = rnd() < 0.2 ? buf.subarray(0, Math.floor(rnd() * buf.length)) : buf;
      const file = join(work, 'damaged.tar');
      writeFileSync(file, rnd() < 0.2 ? gzipSync(cut) : cut);
      const out = await Promise.race([readImageArchive(file, 'damaged.tar'), new Promise<'hang'>((res) => setTimeout(() => res('hang'), 5000))]);
      expect(out).not.toBe('hang');
      if (out !== 'hang') seen.add(out.isImage ? 'image' : 'not-image');
    }
    rmSync(join(work, 'damaged.tar'));
    expect([...seen].sort()).toEqual(['image', 'not-image']);
  });
});
