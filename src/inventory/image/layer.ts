/**
 * One image layer, read as a stream: only the entries the inventory needs are
 * kept (OS package databases, os-release, lockfiles — the paths the parser
 * registry knows — and runtime binaries, of which only version metadata is
 * kept), plus every symbolic link, whiteout and opaque-directory marker, so
 * layers can be applied later in manifest order whatever order the archive
 * holds them in. Nothing is written to disk.
 *
 * Entry names are checked before anything else: an absolute name or one with
 * a `..` component is rejected (reported, never applied), so no entry can
 * land outside the image root, even in the in-memory file system.
 */
import { posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { parserFor } from '../parsers/index.js';
import { BinaryScanner, type BinaryFacts } from './go-buildinfo.js';
import { isRuntimeBinaryPath } from './binaries.js';

/** the largest text file kept from a layer (an rpm or dpkg database of a big image is a few MB) */
export const MAX_TEXT_FILE = 64 * 1024 * 1024;

export type LayerEntry =
  | { kind: 'file'; data: Buffer }
  | { kind: 'binary'; facts: BinaryFacts }
  | { kind: 'symlink'; target: string }
  | { kind: 'hardlink'; target: string };

export interface LayerDelta {
  entries: Map<string, LayerEntry>;
  /** paths removed by `.wh.NAME` entries */
  whiteouts: string[];
  /** directories whose lower content is hidden (`.wh..wh..opq`) */
  opaque: string[];
  /** rejected entries and other problems, as messages */
  problems: string[];
  entryCount: number;
}

export type Interest = 'text' | 'binary' | undefined;

const SYSTEM_DIRS = /^(proc|sys|dev)\//;
/** `var/lib/dpkg/status.d/<package>` of distroless images */
export const DPKG_STATUS_D = /^var\/lib\/dpkg\/status\.d\/[^/]+$/;
/** the rpm database in SQLite form (kept as bytes like the text files) */
export const RPMDB_SQLITE = ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite'];

/** Which image paths the reader keeps, and how. */
export function interestOf(path: string): Interest {
  if (isRuntimeBinaryPath(path)) return 'binary';
  if (SYSTEM_DIRS.test(path)) return undefined;
  // distroless images: one dpkg stanza per file (the `.md5sums` beside them are not needed)
  if (DPKG_STATUS_D.test(path) && !path.endsWith('.md5sums')) return 'text';
  if (RPMDB_SQLITE.includes(path)) return 'text';
  const entry = parserFor(path);
  if (!entry) return undefined;
  // a lockfile inside an installed package is that package's development lock, not what is installed
  if (!entry.os && /(^|\/)node_modules\//.test(path)) return undefined;
  return 'text';
}

/**
 * The path of a tar entry inside the root (`./etc/os-release` → `etc/os-release`),
 * or an error message for a name that would leave it.
 */
export function safeEntryPath(name: string): { path: string } | { error: string } {
  if (name.startsWith('/')) return { error: `absolute path "${name}" rejected` };
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return { error: `path traversal "${name}" rejected` };
  return { path: parts.join('/') };
}

/** Reads one layer (a tar, or a gzip-compressed tar) from its chunks. */
export async function readLayer(chunks: AsyncIterable<Buffer>, gzip: boolean, interest: (path: string) => Interest = interestOf): Promise<LayerDelta> {
  const delta: LayerDelta = { entries: new Map(), whiteouts: [], opaque: [], problems: [], entryCount: 0 };
  const extract = tar.extract();
  const consume = (async () => {
    for await (const entry of extract) {
      delta.entryCount++;
      const h = entry.header;
      const safe = safeEntryPath(h.name);
      if ('error' in safe) {
        delta.problems.push(safe.error);
        entry.resume();
        continue;
      }
      const path = safe.path;
      const dir = posix.dirname(path);
      const base = posix.basename(path);
      if (base === '.wh..wh..opq') {
        delta.opaque.push(dir === '.' ? '' : dir);
        entry.resume();
        continue;
      }
      if (base.startsWith('.wh.')) {
        delta.whiteouts.push(dir === '.' ? base.slice(4) : `${dir}/${base.slice(4)}`);
        entry.resume();
        continue;
      }
      if (h.type === 'symlink') {
        delta.entries.set(path, { kind: 'symlink', target: h.linkname ?? '' });
        entry.resume();
        continue;
      }
      const want = path === '' ? undefined : interest(path);
      if (h.type === 'link') {
        const target = safeEntryPath(h.linkname ?? '');
        if ('error' in target) delta.problems.push(`hard link ${path}: ${target.error}`);
        else if (want) delta.entries.set(path, { kind: 'hardlink', target: target.path });
        entry.resume();
        continue;
      }
      if ((h.type !== 'file' && h.type !== 'contiguous-file') || !want) {
        // a non-file at a wanted path replaces what lower layers had there
        if (want && h.type !== 'directory') delta.entries.delete(path);
        entry.resume();
        continue;
      }
      if (want === 'binary') {
        const scanner = new BinaryScanner();
        for await (const chunk of entry) scanner.push(chunk as Buffer);
        delta.entries.set(path, { kind: 'binary', facts: scanner.result() });
        continue;
      }
      if ((h.size ?? 0) > MAX_TEXT_FILE) {
        delta.problems.push(`${path}: ${h.size} bytes, larger than the ${MAX_TEXT_FILE}-byte limit; not read`);
        entry.resume();
        continue;
      }
      const parts: Buffer[] = [];
      for await (const chunk of entry) parts.push(chunk as Buffer);
      delta.entries.set(path, { kind: 'file', data: Buffer.concat(parts) });
    }
  })().catch((err: unknown) => {
    // a consumer that stopped reading would leave the pipeline waiting on back-pressure
    extract.destroy(err as Error);
    throw err;
  });
  // consume concurrently: a failed pipeline must not leave the consumer waiting, nor the reverse
  const results = await Promise.allSettled([gzip ? pipeline(chunks, createGunzip(), extract) : pipeline(chunks, extract), consume]);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return delta;
}
