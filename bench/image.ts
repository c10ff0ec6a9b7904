/**
 * Reading a ~200 MB container image tarball (`npm run bench:image`).
 *
 * Generates, once, under $IMAGE_BENCH_DIR (default: the OS temp folder), a
 * Debian-like image of three layers: a base with 600 dpkg packages and 12,000
 * files (~100 MB), a runtime layer with dockerd/containerd/runc binaries of
 * 60/30/10 MB carrying Go build info, and an app layer with a 1,500-package
 * package-lock.json, 3,000 small files and a whiteout. It is written both as a
 * `docker save` archive (uncompressed layers) and as an OCI layout (gzip
 * layers). Each archive is then read in a fresh Node process, which reports
 * the wall time, peak RSS and what was found.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';
import { encodeBuildInfo } from '../src/inventory/image/go-buildinfo.js';
import { readImageArchive } from '../src/inventory/image/index.js';

const DIR = process.env.IMAGE_BENCH_DIR ?? join(tmpdir(), 'tetrad-bench-image');

type Entry = { name: string; data?: Buffer; type?: 'file' | 'symlink'; linkname?: string };

/** writes a tar of generated entries to `path` without holding it in memory; returns its sha256 */
async function writeTar(path: string, entries: Iterable<Entry>): Promise<string> {
  const pack = tar.pack();
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const done = new Promise<void>((res, rej) => {
    out.on('finish', res).on('error', rej);
  });
  pack.pipe(out);
  for (const e of entries) {
    await new Promise<void>((res, rej) => {
      const cb = (err?: Error | null): void => (err ? rej(err) : res());
      if (e.type === 'symlink') pack.entry({ name: e.name, type: 'symlink', linkname: e.linkname }, cb);
      else pack.entry({ name: e.name, size: e.data!.length, mode: 0o644 }, e.data!, cb);
    });
  }
  pack.finalize();
  await done;
  for await (const c of createReadStream(path)) hash.update(c as Buffer);
  return hash.digest('hex');
}

function goBinary(size: number, modinfo: string): Buffer {
  const buf = randomBytes(size);
  encodeBuildInfo('go1.21.9', modinfo).copy(buf, Math.floor(size * 0.4));
  return buf;
}

function* baseLayer(): Generator<Entry> {
  yield { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' };
  yield { name: 'usr/lib/os-release', data: Buffer.from('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n') };
  const stanzas = [];
  for (let i = 0; i < 600; i++) stanzas.push(`Package: pkg${i}\nStatus: install ok installed\nPriority: optional\nSection: libs\nInstalled-Size: ${100 + i}\nArchitecture: amd64\nSource: src${i % 200}\nVersion: ${1 + (i % 5)}.${i % 17}.${i % 9}-${1 + (i % 3)}\nDescription: generated package ${i}\n`);
  yield { name: 'var/lib/dpkg/status', data: Buffer.from(stanzas.join('\n')) };
  for (let i = 0; i < 12_000; i++) yield { name: `usr/share/gen/d${i % 300}/f${i}.bin`, data: randomBytes(4096 + ((i * 7919) % 8192)) };
}

function* runtimeLayer(): Generator<Entry> {
  yield { name: 'usr/bin/dockerd', data: goBinary(60 * 1024 * 1024, 'path\tgithub.com/docker/docker/cmd/dockerd\nmod\tgithub.com/docker/docker\t(devel)\t\ndep\tgithub.com/containerd/containerd\tv1.6.20\th1:x=\nbuild\t-ldflags="-X github.com/docker/docker/dockerversion.Version=20.10.24"\n') };
  yield { name: 'usr/bin/containerd', data: goBinary(30 * 1024 * 1024, 'path\tgithub.com/containerd/containerd/cmd/containerd\nmod\tgithub.com/containerd/containerd\t(devel)\t\nbuild\t-ldflags="-X github.com/containerd/containerd/version.Version=1.6.20"\n') };
  yield { name: 'usr/sbin/runc', data: goBinary(10 * 1024 * 1024, 'path\tgithub.com/opencontainers/runc\nmod\tgithub.com/opencontainers/runc\t(devel)\t\nbuild\t-ldflags="-X main.version=1.1.5"\n') };
}

function* appLayer(): Generator<Entry> {
  const packages: Record<string, unknown> = { '': { name: 'app', version: '1.0.0' } };
  for (let i = 0; i < 1500; i++) packages[`node_modules/dep${i}`] = { version: `${i % 7}.${i % 13}.${i % 5}`, resolved: `https://registry.npmjs.org/dep${i}/-/dep${i}.tgz` };
  yield { name: 'app/package-lock.json', data: Buffer.from(JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, packages }, null, 2)) };
  for (let i = 0; i < 3000; i++) yield { name: `app/src/m${i}.js`, data: randomBytes(5000) };
  yield { name: 'usr/share/gen/d0/.wh.f0.bin', data: Buffer.alloc(0) };
}

async function gzipFile(src: string, dst: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(src), createGzip({ level: 1 }), async function* (s: AsyncIterable<Buffer>) {
    for await (const c of s) {
      hash.update(c);
      yield c;
    }
  }, createWriteStream(dst));
  return hash.digest('hex');
}

async function packFiles(out: string, files: Array<{ name: string; path?: string; data?: Buffer }>): Promise<void> {
  const pack = tar.pack();
  const ws = createWriteStream(out);
  const done = new Promise<void>((res, rej) => {
    ws.on('finish', res).on('error', rej);
  });
  pack.pipe(ws);
  for (const f of files) {
    if (f.data) {
      await new Promise<void>((res, rej) => pack.entry({ name: f.name, size: f.data!.length }, f.data!, (e) => (e ? rej(e) : res())));
      continue;
    }
    const w = pack.entry({ name: f.name, size: statSync(f.path!).size });
    await pipeline(createReadStream(f.path!), w);
  }
  pack.finalize();
  await done;
}

async function generate(): Promise<{ docker: string; oci: string }> {
  const docker = join(DIR, 'image-docker-save.tar');
  const oci = join(DIR, 'image-oci-gzip.tar');
  if (existsSync(docker) && existsSync(oci)) return { docker, oci };
  mkdirSync(DIR, { recursive: true });
  const layers = [baseLayer, runtimeLayer, appLayer];
  const diffIds: string[] = [];
  const layerFiles: string[] = [];
  for (let i = 0; i < layers.length; i++) {
    const p = join(DIR, `layer${i}.tar`);
    diffIds.push(`sha256:${await writeTar(p, layers[i]!())}`);
    layerFiles.push(p);
  }
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds } }));
  const configHex = createHash('sha256').update(config).digest('hex');
  await packFiles(docker, [
    ...layerFiles.map((p, i) => ({ name: `${diffIds[i]!.slice(7)}/layer.tar`, path: p })),
    { name: `${configHex}.json`, data: config },
    { name: 'manifest.json', data: Buffer.from(JSON.stringify([{ Config: `${configHex}.json`, RepoTags: ['bench/debian-runtime:1'], Layers: diffIds.map((d) => `${d.slice(7)}/layer.tar`) }])) },
  ]);
  const gz: Array<{ hex: string; path: string; size: number }> = [];
  for (const p of layerFiles) {
    const out = `${p}.gz`;
    const hex = await gzipFile(p, out);
    gz.push({ hex, path: out, size: statSync(out).size });
  }
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${configHex}`, size: config.length }, layers: gz.map((g) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${g.hex}`, size: g.size })) }));
  const manifestHex = createHash('sha256').update(manifest).digest('hex');
  await packFiles(oci, [
    { name: 'oci-layout', data: Buffer.from('{"imageLayoutVersion":"1.0.0"}') },
    { name: 'index.json', data: Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${manifestHex}`, size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': 'bench/debian-runtime:1' } }] })) },
    ...gz.map((g) => ({ name: `blobs/sha256/${g.hex}`, path: g.path })),
    { name: `blobs/sha256/${configHex}`, data: config },
    { name: `blobs/sha256/${manifestHex}`, data: manifest },
  ]);
  return { docker, oci };
}

async function readOnce(path: string): Promise<void> {
  const t0 = performance.now();
  const archive = await readImageArchive(path, path);
  const ms = performance.now() - t0;
  const img = archive.images[0]!;
  const byFinder: Record<string, number> = {};
  for (const p of img.packages) byFinder[p.foundBy] = (byFinder[p.foundBy] ?? 0) + 1;
  const runtimes = img.packages.filter((p) => p.foundBy === 'go-binary' && /runc$|containerd$|docker$/.test(p.name)).map((p) => `${p.name}@${p.version}`);
  console.log(JSON.stringify({ ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1048576), entries: archive.entries, packages: img.packages.length, byFinder, runtimes, errors: archive.errors.length + img.errors.length, os: img.os?.id }));
}

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--read') {
  await readOnce(process.argv[3]!);
} else {
  const t0 = performance.now();
  const { docker, oci } = await generate();
  console.log(`archives ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (${DIR})`);
  const runs = Number(process.env.RUNS ?? 3);
  for (const [label, path] of [['docker save (uncompressed layers)', docker], ['OCI layout (gzip layers)', oci]] as const) {
    console.log(`\n${label}: ${(statSync(path).size / 1048576).toFixed(0)} MiB`);
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--read', path], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      console.log(r.stdout.trim());
    }
  }
}
