/**
 * The RPM database in its SQLite form (`var/lib/rpm/rpmdb.sqlite`, rpm ≥ 4.16:
 * Fedora 33+, RHEL/AlmaLinux/Rocky 9, UBI 9; `usr/lib/sysimage/rpm/` on newer
 * Fedora): table `Packages (hnum, blob)`, one rpm header per row. Read here from
 * the file's bytes (better-sqlite3 opens a serialized database from a Buffer,
 * so nothing is written to disk), for container images; BerkeleyDB and NDB
 * databases (RHEL 8, SUSE) are not read.
 *
 * Header blob (hand-written reader: the format is rpm's own, documented in
 * rpm's `lib/header.c` and the LSB package format): big-endian `il` (index
 * entries) and `dl` (data bytes), `il` 16-byte entries (tag, type, offset,
 * count), then the data. Tags read: NAME 1000, VERSION 1001, RELEASE 1002,
 * EPOCH 1003, ARCH 1022, SOURCERPM 1044.
 */
import Database from 'better-sqlite3';
import type { InstalledPackage, Inventory, InventoryError } from './types.js';

const TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, arch: 1022, sourceRpm: 1044 } as const;
const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;

export interface RpmHeader {
  name?: string;
  version?: string;
  release?: string;
  epoch?: number;
  arch?: string;
  sourceRpm?: string;
}

/** Reads the tags Tetrad needs from a header blob; throws on a blob that is not one. */
export function parseRpmHeader(blob: Buffer): RpmHeader {
  if (blob.length < 8) throw new Error('header shorter than 8 bytes');
  const il = blob.readUInt32BE(0);
  const dl = blob.readUInt32BE(4);
  const dataStart = 8 + il * 16;
  if (il > 100_000 || dataStart + dl > blob.length) throw new Error(`header sizes out of range (${il} entries, ${dl} data bytes, ${blob.length} bytes)`);
  const out: RpmHeader = {};
  const str = (offset: number): string | undefined => {
    const at = dataStart + offset;
    if (offset < 0 || at >= dataStart + dl) return undefined;
    const end = blob.indexOf(0, at);
    return blob.toString('utf8', at, end === -1 || end > dataStart + dl ? dataStart + dl : end);
  };
  for (let i = 0; i < il; i++) {
    const e = 8 + i * 16;
    const tag = blob.readUInt32BE(e);
    const type = blob.readUInt32BE(e + 4);
    const offset = blob.readInt32BE(e + 8);
    const isString = type === TYPE_STRING || type === TYPE_STRING_ARRAY || type === TYPE_I18NSTRING;
    switch (tag) {
      case TAG.name:
        if (isString) out.name = str(offset);
        break;
      case TAG.version:
        if (isString) out.version = str(offset);
        break;
      case TAG.release:
        if (isString) out.release = str(offset);
        break;
      case TAG.arch:
        if (isString) out.arch = str(offset);
        break;
      case TAG.sourceRpm:
        if (isString) out.sourceRpm = str(offset);
        break;
      case TAG.epoch:
        if (type === TYPE_INT32 && offset >= 0 && dataStart + offset + 4 <= dataStart + dl) out.epoch = blob.readUInt32BE(dataStart + offset);
        break;
    }
  }
  return out;
}

/** `openssl-3.0.7-24.el9.src.rpm` → `openssl` */
export function sourceRpmName(sourceRpm: string): string | undefined {
  const m = /^(.+)-[^-]+-[^-]+\.(?:no)?src\.rpm$/.exec(sourceRpm);
  return m?.[1];
}

/**
 * Packages of an rpmdb.sqlite given as bytes; ecosystem `Red Hat` (as the
 * rpm list parser) until the os-release of the same root names the
 * distribution (`withOs`). Every
 * package is located at line 1 of the database file (it has no lines).
 */
export function readRpmdbSqlite(data: Buffer, file: string): Inventory {
  const errors: InventoryError[] = [];
  const packages: InstalledPackage[] = [];
  let db: Database.Database;
  try {
    db = new Database(data, { readonly: true });
  } catch (err) {
    return { packages, errors: [{ file, message: `not a readable rpm SQLite database: ${(err as Error).message}` }] };
  }
  try {
    const rows = db.prepare('SELECT hnum, blob FROM Packages ORDER BY hnum').all() as Array<{ hnum: number; blob: Buffer }>;
    for (const row of rows) {
      let h: RpmHeader;
      try {
        h = parseRpmHeader(row.blob);
      } catch (err) {
        errors.push({ file, message: `package header ${row.hnum}: ${(err as Error).message}` });
        continue;
      }
      // gpg-pubkey entries are imported keys, not software
      if (!h.name || !h.version || h.name === 'gpg-pubkey') continue;
      const version = `${h.epoch ? `${h.epoch}:` : ''}${h.version}${h.release ? `-${h.release}` : ''}`;
      const p: InstalledPackage = { ecosystem: 'Red Hat', name: h.name, version, location: { file, startLine: 1, endLine: 1 }, foundBy: 'rpm' };
      const src = h.sourceRpm ? sourceRpmName(h.sourceRpm) : undefined;
      if (src && src !== h.name) p.sourceName = src;
      if (h.arch) p.purl = `pkg:rpm/${encodeURIComponent(h.name)}@${encodeURIComponent(version)}?arch=${h.arch}`;
      packages.push(p);
    }
  } catch (err) {
    errors.push({ file, message: `not an rpm database (no Packages table): ${(err as Error).message}` });
  } finally {
    db.close();
  }
  return { packages, errors };
}

/** Builds a header blob (tests): string tags and an INT32 epoch. */
export function encodeRpmHeader(h: RpmHeader): Buffer {
  const entries: Buffer[] = [];
  const data: Buffer[] = [];
  let size = 0;
  const add = (tag: number, type: number, bytes: Buffer, align = 1): void => {
    const pad = (align - (size % align)) % align;
    if (pad) {
      data.push(Buffer.alloc(pad));
      size += pad;
    }
    const e = Buffer.alloc(16);
    e.writeUInt32BE(tag, 0);
    e.writeUInt32BE(type, 4);
    e.writeInt32BE(size, 8);
    e.writeUInt32BE(1, 12);
    entries.push(e);
    data.push(bytes);
    size += bytes.length;
  };
  const s = (v: string): Buffer => Buffer.concat([Buffer.from(v, 'utf8'), Buffer.alloc(1)]);
  if (h.name !== undefined) add(TAG.name, TYPE_STRING, s(h.name));
  if (h.version !== undefined) add(TAG.version, TYPE_STRING, s(h.version));
  if (h.release !== undefined) add(TAG.release, TYPE_STRING, s(h.release));
  if (h.epoch !== undefined) {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(h.epoch, 0);
    add(TAG.epoch, TYPE_INT32, b, 4);
  }
  if (h.arch !== undefined) add(TAG.arch, TYPE_STRING, s(h.arch));
  if (h.sourceRpm !== undefined) add(TAG.sourceRpm, TYPE_STRING, s(h.sourceRpm));
  const head = Buffer.alloc(8);
  head.writeUInt32BE(entries.length, 0);
  head.writeUInt32BE(size, 4);
  return Buffer.concat([head, ...entries, ...data]);
}
