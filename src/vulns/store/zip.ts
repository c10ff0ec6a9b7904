/**
 * Reads the entries of a zip archive (as osv.dev publishes `<ecosystem>/all.zip`) with Node's own
 * zlib: the central directory gives each entry's name, method and sizes; stored (0) and deflated (8)
 * entries are supported. Hand-written (about 60 lines) to avoid a dependency for one format.
 * ZIP64 archives (over 4 GiB or 65,535 entries) are refused with a clear error.
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
  const count = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL) throw new ZipError(`corrupt central directory at byte ${p}`);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
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
