/**
 * Container images saved as tarballs: `docker save` (manifest.json with
 * config and layer paths; the legacy `<id>/layer.tar` layout and the OCI
 * layout Docker 25+ writes) and OCI image layouts (`oci-layout`, `index.json`,
 * `blobs/sha256/...`, gzip layers), plain or gzip-compressed.
 *
 * The archive is streamed once (tar-stream over zlib): every layer blob is
 * read as it passes, keeping only the entries the inventory needs
 * (`layer.ts`), and small JSON blobs (manifests, configs, indexes) are kept
 * whole. Then each image's layers are applied in manifest order with their
 * whiteouts into an in-memory file system (`vfs.ts`), and the OS package
 * database, os-release, lockfiles and runtime binaries are read from it with
 * the parser registry (`../parsers/`). Nothing is extracted to disk.
 *
 * Every package records the image reference and the digest of the layer that
 * wrote its file; its location is `ARCHIVE!/path/in/image` with the line in
 * that file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { posix } from 'node:path';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { parserFor, withOs } from '../parsers/index.js';
import type { InstalledPackage, Inventory, InventoryError, OsRelease } from '../types.js';
import { binaryPackages, RUNTIME_BINARY_PATHS } from './binaries.js';
import { DPKG_STATUS_D, readLayer, RPMDB_SQLITE, safeEntryPath, type LayerDelta } from './layer.js';
import { readRpmdbSqlite } from '../rpmdb.js';
import { ImageFs } from './vfs.js';

export { readLayer, safeEntryPath, interestOf } from './layer.js';
export { ImageFs } from './vfs.js';

export interface ImageLayer {
  /** the layer digest: the OCI descriptor digest, or the docker config's diff_id */
  digest: string;
  /** the blob's path inside the archive */
  path: string;
}

export interface ImageInventory extends Inventory {
  /** the image reference: first RepoTag, ref-name annotation, or `ARCHIVE#N` */
  ref: string;
  tags: string[];
  /** the config digest (the image id) */
  id?: string;
  platform?: string;
  layers: ImageLayer[];
  notes: InventoryError[];
}

export interface ImageArchive {
  format?: 'docker' | 'oci';
  images: ImageInventory[];
  /** problems with the archive itself (rejected entries, missing blobs) */
  errors: InventoryError[];
  /** false when the tar holds neither manifest.json nor index.json */
  isImage: boolean;
  entries: number;
}

type Blob =
  | { kind: 'layer'; delta: LayerDelta; sha256?: string }
  | { kind: 'json'; data: Buffer; sha256: string }
  | { kind: 'other'; sha256?: string; why?: string };

/** JSON blobs (manifests, configs, indexes) larger than this are not kept */
const MAX_JSON_BLOB = 4 * 1024 * 1024;
const OS_DATABASES = ['var/lib/dpkg/status', 'lib/apk/db/installed'];
const OS_RELEASE = ['etc/os-release', 'usr/lib/os-release'];

function sniff(head: Buffer, size: number): 'gzip' | 'tar' | 'zstd' | undefined {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x28b52ffd) return 'zstd';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  // an empty layer: two zero blocks
  if (size >= 1024 && head.length >= 512 && head.subarray(0, 512).every((b) => b === 0)) return 'tar';
  return undefined;
}

/** Reads a tar (or tar.gz) file holding one or more container images. */
export async function readImageArchive(absPath: string, display: string): Promise<ImageArchive> {
  const errors: InventoryError[] = [];
  const blobs = new Map<string, Blob>();
  const links = new Map<string, string>();
  let entries = 0;
  const head = await firstBytes(absPath, 2);
  const extract = tar.extract();
  const input = createReadStream(absPath);
  input.on('error', (err) => extract.destroy(err));
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    gunzip.on('error', (err) => extract.destroy(err));
    input.pipe(gunzip).pipe(extract);
  } else input.pipe(extract);

  try {
    for await (const entry of extract) {
      entries++;
      const h = entry.header;
      const safe = safeEntryPath(h.name);
      if ('error' in safe) {
        errors.push({ file: display, message: `archive entry ${safe.error}` });
        entry.resume();
        continue;
      }
      const path = safe.path;
      if (h.type === 'symlink') {
        // docker save links identical layers: `<id>/layer.tar -> ../<other>/layer.tar`
        const target = safeEntryPath((h.linkname ?? '').startsWith('/') ? h.linkname! : posix.normalize(posix.join(posix.dirname(path), h.linkname ?? '')));
        if ('error' in target) errors.push({ file: display, message: `archive symlink ${path} -> ${h.linkname}: escapes the archive; not followed` });
        else links.set(path, target.path);
        entry.resume();
        continue;
      }
      if (h.type !== 'file' && h.type !== 'contiguous-file') {
        entry.resume();
        continue;
      }
      const size = h.size ?? 0;
      // content digests are checked for `blobs/sha256/<hex>` only (a docker save layer is named by its config's diff_ids)
      const hash = /^blobs\/sha256\/[0-9a-f]{64}$/.test(path) ? createHash('sha256') : undefined;
      const it = (entry as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      const first: Buffer[] = [];
      let have = 0;
      let done = false;
      while (have < 512) {
        const r = await it.next();
        if (r.done) {
          done = true;
          break;
        }
        first.push(r.value);
        have += r.value.length;
      }
      const headBuf = Buffer.concat(first);
      hash?.update(headBuf);
      const rest = async function* (): AsyncGenerator<Buffer> {
        yield headBuf;
        if (done) return;
        for (let r = await it.next(); !r.done; r = await it.next()) {
          hash?.update(r.value);
          yield r.value;
        }
        done = true;
      };
      const drain = async (): Promise<void> => {
        if (done) return;
        for (let r = await it.next(); !r.done; r = await it.next()) hash?.update(r.value);
        done = true;
      };
      const kind = sniff(headBuf, size);
      if (kind === 'gzip' || kind === 'tar') {
        try {
          const delta = await readLayer(rest(), kind === 'gzip');
          await drain();
          blobs.set(path, { kind: 'layer', delta, sha256: hash?.digest('hex') });
        } catch (err) {
          await drain();
          blobs.set(path, { kind: 'other', sha256: hash?.digest('hex'), why: `is an unreadable layer: ${(err as Error).message}` });
        }
      } else if (kind === undefined && size <= MAX_JSON_BLOB) {
        const parts: Buffer[] = [headBuf];
        if (!done) for (let r = await it.next(); !r.done; r = await it.next()) parts.push(r.value);
        const data = Buffer.concat(parts);
        blobs.set(path, { kind: 'json', data, sha256: createHash('sha256').update(data).digest('hex') });
      } else {
        await drain();
        blobs.set(path, { kind: 'other', sha256: hash?.digest('hex'), why: kind === 'zstd' ? 'is a zstd-compressed layer (not supported)' : undefined });
      }
    }
  } catch (err) {
    errors.push({ file: display, message: `not a readable tar archive: ${(err as Error).message}` });
    return { images: [], errors, isImage: false, entries };
  }
  const archive = new Archive(display, blobs, links, errors);
  if (blobs.has('manifest.json')) return { format: 'docker', images: archive.docker(), errors, isImage: true, entries };
  if (blobs.has('index.json')) return { format: 'oci', images: archive.oci(), errors, isImage: true, entries };
  return { images: [], errors, isImage: false, entries };
}

async function firstBytes(path: string, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let have = 0;
  for await (const c of createReadStream(path, { start: 0, end: n - 1 })) {
    chunks.push(c as Buffer);
    have += (c as Buffer).length;
    if (have >= n) break;
  }
  return Buffer.concat(chunks);
}

interface ImagePlan {
  ref?: string;
  tags: string[];
  configPath?: string;
  id?: string;
  layers: Array<{ path: string; digest?: string }>;
}

class Archive {
  constructor(
    readonly display: string,
    readonly blobs: Map<string, Blob>,
    readonly links: Map<string, string>,
    readonly errors: InventoryError[],
  ) {}

  blob(path: string): Blob | undefined {
    let p = path;
    for (let i = 0; i < 10 && !this.blobs.has(p) && this.links.has(p); i++) p = this.links.get(p)!;
    return this.blobs.get(p);
  }

  json(path: string, what: string): unknown {
    const b = this.blob(path);
    if (!b) {
      this.errors.push({ file: this.display, message: `${what} ${path} is not in the archive` });
      return undefined;
    }
    if (b.kind !== 'json') {
      this.errors.push({ file: this.display, message: `${what} ${path} is not a JSON document` });
      return undefined;
    }
    try {
      return JSON.parse(b.data.toString('utf8'));
    } catch (err) {
      this.errors.push({ file: this.display, message: `${what} ${path}: invalid JSON (${(err as Error).message})` });
      return undefined;
    }
  }

  /** `docker save`: manifest.json lists each image's config and layers in order */
  docker(): ImageInventory[] {
    const manifest = this.json('manifest.json', 'manifest');
    if (!Array.isArray(manifest)) {
      if (manifest !== undefined) this.errors.push({ file: this.display, message: 'manifest.json must be an array of images' });
      return [];
    }
    return manifest.flatMap((m: unknown, i: number) => {
      const e = (m ?? {}) as { Config?: unknown; RepoTags?: unknown; Layers?: unknown };
      if (typeof e.Config !== 'string' || !Array.isArray(e.Layers)) {
        this.errors.push({ file: this.display, message: `manifest.json entry ${i} has no Config or Layers` });
        return [];
      }
      const tags = Array.isArray(e.RepoTags) ? e.RepoTags.filter((t): t is string => typeof t === 'string') : [];
      const configPath = safeEntryPath(e.Config);
      if ('error' in configPath) {
        this.errors.push({ file: this.display, message: `manifest.json entry ${i}: config ${configPath.error}` });
        return [];
      }
      const cfgBlob = this.blob(configPath.path);
      const id = cfgBlob?.sha256 ? `sha256:${cfgBlob.sha256}` : undefined;
      return [this.build({ ref: tags[0], tags, configPath: configPath.path, id, layers: e.Layers.map((l) => ({ path: String(l) })) }, i)];
    });
  }

  /** OCI image layout: index.json → (nested indexes) → manifests → config and layer blobs */
  oci(): ImageInventory[] {
    const out: ImageInventory[] = [];
    const visitIndex = (index: unknown, where: string, depth: number): void => {
      const manifests = (index as { manifests?: unknown })?.manifests;
      if (!Array.isArray(manifests)) {
        this.errors.push({ file: this.display, message: `${where} has no manifests list` });
        return;
      }
      for (const d of manifests as Array<{ digest?: unknown; mediaType?: unknown; annotations?: Record<string, unknown>; platform?: { os?: string; architecture?: string } }>) {
        const path = blobPath(d?.digest);
        if (!path) {
          this.errors.push({ file: this.display, message: `${where}: descriptor without a valid digest` });
          continue;
        }
        const doc = this.json(path, 'manifest') as { manifests?: unknown; layers?: unknown; config?: { digest?: unknown } } | undefined;
        if (!doc) continue;
        if (Array.isArray(doc.manifests)) {
          if (depth < 4) visitIndex(doc, path, depth + 1);
          continue;
        }
        const ann = d.annotations ?? {};
        const ref = [ann['io.containerd.image.name'], ann['org.opencontainers.image.ref.name']].find((v): v is string => typeof v === 'string');
        const layers = Array.isArray(doc.layers) ? (doc.layers as Array<{ digest?: unknown }>) : [];
        const plan: ImagePlan = {
          ref,
          tags: ref ? [ref] : [],
          configPath: blobPath(doc.config?.digest),
          id: typeof doc.config?.digest === 'string' ? doc.config.digest : undefined,
          layers: layers.map((l) => ({ path: blobPath(l?.digest) ?? String(l?.digest), digest: typeof l?.digest === 'string' ? l.digest : undefined })),
        };
        const img = this.build(plan, out.length);
        if (d.platform?.os) img.platform ??= `${d.platform.os}/${d.platform.architecture ?? ''}`;
        out.push(img);
      }
    };
    visitIndex(this.json('index.json', 'index'), 'index.json', 0);
    return out;
  }

  build(plan: ImagePlan, n: number): ImageInventory {
    const ref = plan.ref ?? `${this.display}#${n}`;
    const config = plan.configPath ? (this.json(plan.configPath, 'image config') as { rootfs?: { diff_ids?: unknown }; os?: string; architecture?: string } | undefined) : undefined;
    const diffIds = Array.isArray(config?.rootfs?.diff_ids) ? (config!.rootfs!.diff_ids as unknown[]) : [];
    const img: ImageInventory = { ref, tags: plan.tags, id: plan.id, layers: [], packages: [], errors: [], notes: [] };
    if (config?.os) img.platform = `${config.os}/${config.architecture ?? ''}`;
    const fs = new ImageFs();
    plan.layers.forEach((l, i) => {
      const safe = safeEntryPath(l.path);
      const blob = 'error' in safe ? undefined : this.blob(safe.path);
      const fromName = /^blobs\/(sha256|sha512)\/([0-9a-f]+)$/.exec(l.path);
      const digest = l.digest ?? (typeof diffIds[i] === 'string' ? (diffIds[i] as string) : fromName ? `${fromName[1]}:${fromName[2]}` : blob?.sha256 ? `sha256:${blob.sha256}` : l.path);
      img.layers.push({ digest, path: l.path });
      if (!blob || blob.kind !== 'layer') {
        const why = !blob ? 'is not in the archive' : blob.kind === 'other' && blob.why ? blob.why : 'is not a tar or tar.gz layer';
        img.errors.push({ file: this.display, message: `image ${ref}: layer ${i + 1} (${l.path}) ${why}; the inventory may be incomplete` });
        return;
      }
      if (fromName && fromName[1] === 'sha256' && blob.sha256 !== undefined && fromName[2] !== blob.sha256) {
        img.errors.push({ file: this.display, message: `image ${ref}: layer ${l.path} does not match its digest (content sha256:${blob.sha256})` });
      }
      for (const p of blob.delta.problems) img.errors.push({ file: this.display, message: `image ${ref}: layer ${digest}: ${p}` });
      fs.apply(blob.delta, digest);
    });
    this.inventory(fs, img);
    return img;
  }

  private file(fs: ImageFs, path: string, img: ImageInventory): { path: string; text: string; layer: string } | undefined {
    const r = fs.resolve(path);
    if (r && 'error' in r) {
      img.errors.push({ file: this.display, message: `image ${img.ref}: ${r.error}` });
      return undefined;
    }
    if (!r || r.node.kind !== 'file') return undefined;
    return { path: r.path, text: r.node.data.toString('utf8'), layer: r.node.layer };
  }

  private inventory(fs: ImageFs, img: ImageInventory): void {
    const at = (p: string): string => `${this.display}!/${p}`;
    const add = (inv: Inventory, layer: string): void => {
      for (const p of inv.packages) img.packages.push({ ...p, image: img.ref, layer });
      img.errors.push(...inv.errors);
      if (inv.notes) img.notes.push(...inv.notes);
    };
    let os: OsRelease | undefined;
    for (const p of OS_RELEASE) {
      const f = this.file(fs, p, img);
      if (!f) continue;
      const inv = parserFor('etc/os-release')!.parse(f.text, at(f.path));
      img.errors.push(...inv.errors);
      os = inv.os;
      break;
    }
    if (os) img.os = os;
    const osPaths = new Set<string>();
    for (const p of OS_DATABASES) {
      const f = this.file(fs, p, img);
      if (!f) continue;
      osPaths.add(f.path);
      add(withOs(parserFor(p)!.parse(f.text, at(f.path)), os), f.layer);
    }
    // rpm ≥ 4.16 keeps its database in SQLite (RHEL/Alma/Rocky 9, Fedora); var/lib/rpm may link to usr/lib/sysimage/rpm
    for (const p of RPMDB_SQLITE) {
      const r = fs.resolve(p);
      if (!r || 'error' in r || r.node.kind !== 'file' || osPaths.has(r.path)) continue;
      osPaths.add(r.path);
      add(withOs(readRpmdbSqlite(r.node.data, at(r.path)), os), r.node.layer);
    }
    // distroless: var/lib/dpkg/status.d/<package>, each a dpkg stanza
    for (const [p, node] of fs.nodes) {
      if (node.kind !== 'file' || !DPKG_STATUS_D.test(p)) continue;
      osPaths.add(p);
      add(withOs(parserFor('var/lib/dpkg/status')!.parse(node.data.toString('utf8'), at(p)), os), node.layer);
    }
    for (const [p, node] of fs.nodes) {
      if (node.kind !== 'file' || osPaths.has(p)) continue;
      const entry = parserFor(p);
      if (!entry || entry.os) continue;
      add(entry.parse(node.data.toString('utf8'), at(p)), node.layer);
    }
    const seen = new Set<string>();
    for (const p of RUNTIME_BINARY_PATHS) {
      const r = fs.resolve(p);
      if (r && 'error' in r) {
        img.errors.push({ file: this.display, message: `image ${img.ref}: ${r.error}` });
        continue;
      }
      if (!r || r.node.kind !== 'binary' || seen.has(r.path)) continue;
      seen.add(r.path);
      const out = binaryPackages(r.path, r.node.facts);
      const layer = r.node.layer;
      for (const pkg of out.packages) img.packages.push({ ...pkg, location: { file: at(r.path), startLine: 1, endLine: 1 }, image: img.ref, layer } as InstalledPackage);
      if (out.note) img.notes.push({ file: at(r.path), message: out.note });
    }
  }
}

function blobPath(digest: unknown): string | undefined {
  if (typeof digest !== 'string') return undefined;
  const m = /^(sha256|sha512):([0-9a-f]{32,128})$/.exec(digest);
  return m ? `blobs/${m[1]}/${m[2]}` : undefined;
}
