/**
 * Reads the entries of a zip archive (as osv.dev publishes `<ecosystem>/all.zip`) with Node's own
 * zlib: the central directory gives each entry's name, method and sizes; stored (0) and deflated (8)
 * entries are supported. Hand-written (about 60 lines) to avoid a dependency for one format.
 * ZIP64 records (archives of more than 65,535 entries, as osv.dev's npm or PyPI archives) are
 * read; the archive must fit in one Buffer (2 GiB on Node 20).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** the entry's bytes, inflated on demand */
  read(): Buffer;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('ZIP64 value out of range');
  return Number(v);
}

export function zipEntries(zip: Buffer): ZipEntry[] {
  // the end-of-central-directory record is in the last 22 + 65,535 bytes
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a zip archive (no end of central directory)');
  let count = zip.readUInt16LE(eocd + 10);
  let cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === MAX32) {
    // ZIP64: the locator just before the EOCD points at the 64-bit end record
    const loc = eocd - 20;
    if (loc < 0 || zip.readUInt32LE(loc) !== EOCD64_LOCATOR) throw new ZipError('ZIP64 end of central directory locator missing');
    const rec = u64(zip, loc + 8);
    if (rec + 56 > zip.length || zip.readUInt32LE(rec) !== EOCD64) throw new ZipError('corrupt ZIP64 end of central directory');
    count = u64(zip, rec + 32);
    cdOffset = u64(zip, rec + 48);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL) throw new ZipError(`corrupt central directory at byte ${p}`);
    const method = zip.readUInt16LE(p + 10);
    let compressed = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    let local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (size === MAX32 || compressed === MAX32 || local === MAX32) {
      // the ZIP64 extra field (id 1) holds, in this order, only the values that overflowed
      let x = p + 46 + nameLen;
      const end = x + extraLen;
      while (x + 4 <= end && zip.readUInt16LE(x) !== 1) x += 4 + zip.readUInt16LE(x + 2);
      if (x + 4 > end) throw new ZipError(`${name}: ZIP64 extra field missing`);
      let f = x + 4;
      if (size === MAX32) {
        size = u64(zip, f);
        f += 8;
      }
      if (compressed === MAX32) {
        compressed = u64(zip, f);
        f += 8;
      }
      if (local === MAX32) local = u64(zip, f);
    }
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    entries.push({
      name,
      read() {
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw new ZipError(`${name}: corrupt local header`);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + compressed);
        if (data.length !== compressed) throw new ZipError(`${name}: truncated entry`);
        let out: Buffer;
        if (method === 0) out = Buffer.from(data);
        else if (method === 8) out = inflateRawSync(data);
        else throw new ZipError(`${name}: unsupported compression method ${method}`);
        if (out.length !== size) throw new ZipError(`${name}: size mismatch (${out.length} != ${size})`);
        return out;
      },
    });
  }
  return entries;
}
