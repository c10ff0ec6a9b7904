/**
 * Builds container image tarballs in tests and benchmarks with tar-stream:
 * layers from a list of entries, then a `docker save` archive (legacy
 * `<id>/layer.tar` layout) or an OCI image layout with gzip layers.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface TarEntry {
  name: string;
  data?: string | Buffer;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  linkname?: string;
  mode?: number;
}

export async function tarBuffer(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of pack) chunks.push(c as Buffer);
  })();
  for (const e of entries) {
    const type = e.type ?? 'file';
    if (type === 'file') {
      const data = typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0));
      await new Promise<void>((res, rej) => pack.entry({ name: e.name, type, mode: e.mode ?? 0o644, size: data.length }, data, (err) => (err ? rej(err) : res())));
    } else {
      await new Promise<void>((res, rej) => pack.entry({ name: e.name, type, linkname: e.linkname, mode: e.mode ?? 0o755 }, (err) => (err ? rej(err) : res())));
    }
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function writeTar(path: string, entries: TarEntry[]): Promise<void> {
  await pipeline(Readable.from([await tarBuffer(entries)]), createWriteStream(path));
}

/** `docker save` of one image (Docker ≤ 24 layout): `<id>/layer.tar`, `<config>.json`, manifest.json, repositories. */
export async function writeDockerSave(path: string, opts: { tags: string[]; layers: TarEntry[][]; extra?: TarEntry[] }): Promise<{ diffIds: string[] }> {
  const layerTars = await Promise.all(opts.layers.map((l) => tarBuffer(l)));
  const diffIds = layerTars.map((t) => `sha256:${sha(t)}`);
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds }, config: {} }));
  const configName = `${sha(config)}.json`;
  const ids = layerTars.map((t, i) => sha(Buffer.concat([t, Buffer.from(String(i))])));
  const entries: TarEntry[] = [];
  layerTars.forEach((t, i) => {
    entries.push({ name: `${ids[i]}/`, type: 'directory' }, { name: `${ids[i]}/VERSION`, data: '1.0' }, { name: `${ids[i]}/json`, data: JSON.stringify({ id: ids[i] }) }, { name: `${ids[i]}/layer.tar`, data: t });
  });
  entries.push({ name: configName, data: config });
  entries.push({ name: 'manifest.json', data: JSON.stringify([{ Config: configName, RepoTags: opts.tags, Layers: ids.map((id) => `${id}/layer.tar`) }]) });
  entries.push(...(opts.extra ?? []));
  await writeTar(path, entries);
  return { diffIds };
}

/** An OCI image layout of one image with gzip layers; `ref` goes into the org.opencontainers.image.ref.name annotation. */
export async function writeOciLayout(path: string, opts: { ref: string; layers: TarEntry[][] }): Promise<{ layerDigests: string[] }> {
  const blobs: TarEntry[] = [];
  const layerDescs = [];
  const diffIds = [];
  for (const l of opts.layers) {
    const t = await tarBuffer(l);
    const gz = gzipSync(t);
    diffIds.push(`sha256:${sha(t)}`);
    layerDescs.push({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${sha(gz)}`, size: gz.length });
    blobs.push({ name: `blobs/sha256/${sha(gz)}`, data: gz });
  }
  const config = Buffer.from(JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds } }));
  blobs.push({ name: `blobs/sha256/${sha(config)}`, data: config });
  const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${sha(config)}`, size: config.length }, layers: layerDescs }));
  blobs.push({ name: `blobs/sha256/${sha(manifest)}`, data: manifest });
  const index = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${sha(manifest)}`, size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': opts.ref } }] };
  await writeTar(path, [{ name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' }, { name: 'index.json', data: JSON.stringify(index) }, { name: 'blobs/', type: 'directory' }, { name: 'blobs/sha256/', type: 'directory' }, ...blobs]);
  return { layerDigests: layerDescs.map((d) => d.digest) };
}
