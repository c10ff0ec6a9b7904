import { closeSync, openSync, readSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import type { ScanError } from './errors.js';

export interface DiscoveredFile {
  /** absolute path */
  path: string;
  /** as shown in reports: relative to cwd when inside it, POSIX separators */
  displayPath: string;
  size: number;
  /** first bytes as text, for content detection */
  head: string;
  /**
   * Set by `readSourceText` once a source has read the whole file: whether the
   * text mentions `tetrad:ignore`. False lets the suppression step skip reading
   * the file again (a 100 MB plan would otherwise be read twice).
   */
  mentionsIgnore?: boolean;
  /**
   * Set for tar archives (plain or gzip-compressed, such as `docker save`
   * output): such files are kept although binary and whatever their size
   * (the image source streams them), with an empty `head`; `archiveHead` holds
   * the first (decompressed) tar bytes as latin1 text, so a source can claim
   * an archive by its first entry names.
   */
  archive?: 'tar' | 'tar.gz';
  archiveHead?: string;
}

export interface DiscoverOptions {
  /** files larger than this are skipped with a warning (default 256 MiB: a 100k-resource plan as `terraform show -json` prints it is ~170 MB) */
  maxFileSize?: number;
  /** directory names never entered */
  skipDirs?: string[];
  cwd?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;
const HEAD_BYTES = 8192;
const DEFAULT_SKIP_DIRS = ['.git', 'node_modules', '.terraform', '.hg', '.svn', '__pycache__'];

export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = relative(cwd, abs);
  const shown = rel === '' || rel.startsWith('..') ? abs : rel;
  return shown.split(sep).join('/');
}

function readHead(path: string, size: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Walks files and folders. Follows symlinks but never enters a real directory
 * twice (so loops end), skips binary files quietly and large files with a
 * warning.
 */
export function discoverFiles(paths: string[], opts: DiscoverOptions = {}): { files: DiscoveredFile[]; errors: ScanError[] } {
  const maxSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const skipDirs = new Set(opts.skipDirs ?? DEFAULT_SKIP_DIRS);
  const cwd = opts.cwd ?? process.cwd();
  const files: DiscoveredFile[] = [];
  const errors: ScanError[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  /** The real path of `p`: `known` when the walk already knows it, else asked of the file system. */
  const realOf = (p: string, known: string | undefined): string | undefined => {
    if (known !== undefined) return known;
    try {
      return realpathSync.native(p);
    } catch {
      return undefined;
    }
  };

  /**
   * `knownReal`: the real path of `p` when the walk reached it through real
   * directories only, without a symbolic link (then no realpath call is needed,
   * which took several system calls per file on large trees).
   */
  const visit = (p: string, explicit: boolean, knownReal?: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (explicit) errors.push({ kind: 'io', file: displayPath(p, cwd), message: code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code}` });
      else if (code === 'ELOOP') errors.push({ kind: 'skipped', file: displayPath(p, cwd), message: 'symlink loop' });
      return;
    }
    if (st.isDirectory()) {
      if (!explicit && skipDirs.has(basename(p))) return;
      const real = realOf(p, knownReal);
      if (real === undefined || seenDirs.has(real)) return;
      seenDirs.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (err) {
        errors.push({ kind: 'io', file: displayPath(p, cwd), message: `cannot list directory: ${(err as NodeJS.ErrnoException).code}` });
        return;
      }
      for (const e of entries) visit(join(p, e.name), false, e.isSymbolicLink() ? undefined : join(real, e.name));
      return;
    }
    if (!st.isFile()) return;
    const real = realOf(p, knownReal);
    if (real === undefined || seenFiles.has(real)) return;
    seenFiles.add(real);
    let head: Buffer;
    try {
      head = readHead(p, st.size);
    } catch (err) {
      errors.push({ kind: 'io', file: displayPath(p, cwd), message: `cannot read: ${(err as NodeJS.ErrnoException).code}` });
      return;
    }
    const archive = tarArchive(head);
    if (archive) {
      files.push({ path: p, displayPath: displayPath(p, cwd), size: st.size, head: '', ...archive });
      return;
    }
    if (st.size > maxSize) {
      errors.push({ kind: 'skipped', file: displayPath(p, cwd), message: `file is larger than the ${maxSize}-byte limit (${st.size} bytes); skipped` });
      return;
    }
    if (head.includes(0)) return; // binary: skipped quietly
    files.push({ path: p, displayPath: displayPath(p, cwd), size: st.size, head: head.toString('utf8') });
  };

  for (const p of paths) visit(resolve(cwd, p), true);
  return { files, errors };
}

/** A tar archive (`ustar` magic at offset 257), or one compressed with gzip: its kind and first bytes. */
export function tarArchive(head: Buffer): { archive: 'tar' | 'tar.gz'; archiveHead: string } | undefined {
  const isTar = (b: Buffer): boolean => b.length >= 262 && b.toString('latin1', 257, 262) === 'ustar';
  if (isTar(head)) return { archive: 'tar', archiveHead: head.toString('latin1') };
  if (head.length < 3 || head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8) return undefined;
  let inner: Buffer;
  try {
    // the head is a prefix of the stream: a sync flush yields what it holds without asking for the rest
    inner = gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  } catch {
    return undefined;
  }
  return isTar(inner) ? { archive: 'tar.gz', archiveHead: inner.subarray(0, HEAD_BYTES).toString('latin1') } : undefined;
}
