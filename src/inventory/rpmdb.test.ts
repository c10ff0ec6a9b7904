import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDockerSave } from '../../test/support/image-tar.js';
import { readImageArchive } from './image/index.js';
import { encodeRpmHeader, parseRpmHeader, readRpmdbSqlite, sourceRpmName } from './rpmdb.js';

const tmp = mkdtempSync(join(tmpdir(), 'tetrad-rpmdb-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** an rpmdb.sqlite as rpm 4.16+ creates it, serialized to bytes */
function rpmdb(headers: Buffer[]): Buffer {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE 'Packages' (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)");
  const ins = db.prepare('INSERT INTO Packages (blob) VALUES (?)');
  for (const h of headers) ins.run(h);
  const out = db.serialize();
  db.close();
  return out;
}

const ROCKY = [
  encodeRpmHeader({ name: 'openssl-libs', version: '3.0.7', release: '24.el9', epoch: 1, arch: 'x86_64', sourceRpm: 'openssl-3.0.7-24.el9.src.rpm' }),
  encodeRpmHeader({ name: 'bash', version: '5.1.8', release: '6.el9_1', arch: 'x86_64', sourceRpm: 'bash-5.1.8-6.el9_1.src.rpm' }),
  encodeRpmHeader({ name: 'gpg-pubkey', version: '350d275d', release: '6395d3e2' }),
];

describe('rpmdb.sqlite', () => {
  it('reads the header tags back', () => {
    expect(parseRpmHeader(ROCKY[0]!)).toEqual({ name: 'openssl-libs', version: '3.0.7', release: '24.el9', epoch: 1, arch: 'x86_64', sourceRpm: 'openssl-3.0.7-24.el9.src.rpm' });
    expect(sourceRpmName('glibc-2.34-60.el9.src.rpm')).toBe('glibc');
  });

  it('lists installed packages with epoch and source package, leaving out gpg-pubkey', () => {
    const inv = readRpmdbSqlite(rpmdb(ROCKY), 'var/lib/rpm/rpmdb.sqlite');
    expect(inv.errors).toEqual([]);
    expect(inv.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version} ${p.sourceName ?? '-'}`)).toEqual(['Red Hat openssl-libs 1:3.0.7-24.el9 openssl', 'Red Hat bash 5.1.8-6.el9_1 -']);
  });

  it('reports a damaged header and goes on; a file that is not SQLite is an error', () => {
    const inv = readRpmdbSqlite(rpmdb([Buffer.from([0, 0, 0, 9, 0, 0, 1, 0]), ROCKY[1]!]), 'rpmdb.sqlite');
    expect(inv.errors).toEqual([{ file: 'rpmdb.sqlite', message: 'package header 1: header sizes out of range (9 entries, 256 data bytes, 8 bytes)' }]);
    expect(inv.packages.map((p) => p.name)).toEqual(['bash']);
    expect(readRpmdbSqlite(Buffer.from('not a database at all, just text'), 'x.sqlite').errors[0]!.message).toMatch(/^not a/);
  });

  it('is read from a Rocky Linux 9 image, through the usrmerge-style symlink, as Rocky Linux:9', async () => {
    const file = join(tmp, 'rocky.tar');
    await writeDockerSave(file, {
      tags: ['rockylinux:9'],
      layers: [
        [
          { name: 'etc/os-release', data: 'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nVERSION_ID="9.3"\n' },
          { name: 'var/lib/rpm', type: 'symlink', linkname: '../../usr/lib/sysimage/rpm' },
          { name: 'usr/lib/sysimage/rpm/rpmdb.sqlite', data: rpmdb(ROCKY) },
        ],
      ],
    });
    const img = (await readImageArchive(file, 'rocky.tar')).images[0]!;
    expect(img.errors).toEqual([]);
    expect(img.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version} ${p.location.file}`)).toEqual([
      'Rocky Linux:9 openssl-libs 1:3.0.7-24.el9 rocky.tar!/usr/lib/sysimage/rpm/rpmdb.sqlite',
      'Rocky Linux:9 bash 5.1.8-6.el9_1 rocky.tar!/usr/lib/sysimage/rpm/rpmdb.sqlite',
    ]);
  });
});
