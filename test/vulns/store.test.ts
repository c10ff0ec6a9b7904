import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../src/vulns/store/db.js';
import { importPath } from '../../src/vulns/store/import.js';
import { AdvisoryIndex } from '../../src/vulns/store/query.js';
import { storeStatus } from '../../src/vulns/store/status.js';
import { zipEntries } from '../../src/vulns/store/zip.js';
import { CVE_FILE, hasSharedData, KEV_FILE, OSV_DIR, SKIP_MESSAGE } from './shared-data.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-store-'));
  db = openStore(join(dir, 'sub', 'tetrad.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const record = (id: string, modified: string, fixed = '2.0.0') => ({
  schema_version: '1.6.0',
  id,
  modified,
  aliases: [`CVE-2099-${id.slice(-4)}`],
  affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
});

/**
 * A zip archive of the given files, deflated, as osv.dev publishes them; with `zip64`, the sizes,
 * offsets and entry count go in ZIP64 records, as in archives of more than 65,535 entries.
 */
function makeZip(files: Record<string, string>, zip64 = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const packed = deflateRawSync(data);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : packed.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt16LE(extra.length, 30);
    }
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf, extra);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const n = Object.keys(files).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : n, 8);
  end.writeUInt16LE(zip64 ? 0xffff : n, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...locals, cd, end]);
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  rec.writeBigUInt64LE(44n, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(BigInt(n), 24);
  rec.writeBigUInt64LE(BigInt(n), 32);
  rec.writeBigUInt64LE(BigInt(cd.length), 40);
  rec.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, cd, rec, locator, end]);
}

describe('advisory store', () => {
  it('imports OSV files and folders, keeps the newer copy, and re-imports idempotently', () => {
    mkdirSync(join(dir, 'osv', 'npm'), { recursive: true });
    writeFileSync(join(dir, 'osv', 'npm', 'A-0001.json'), JSON.stringify(record('A-0001', '2024-01-01T00:00:00Z')));
    writeFileSync(join(dir, 'osv', 'B-0002.json'), JSON.stringify(record('B-0002', '2024-02-01T00:00:00Z')));
    const first = importPath(db, join(dir, 'osv'));
    expect(first.osv).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(first.errors).toEqual([]);
    const again = importPath(db, join(dir, 'osv'));
    expect(again.osv).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect([count('advisories'), count('affected_packages'), count('aliases')]).toEqual([2, 2, 2]);
    // a newer copy replaces, an older copy does not
    writeFileSync(join(dir, 'newer.json'), JSON.stringify(record('A-0001', '2024-03-01T00:00:00Z', '3.0.0')));
    expect(importPath(db, join(dir, 'newer.json')).osv.updated).toBe(1);
    writeFileSync(join(dir, 'older.json'), JSON.stringify(record('A-0001', '2023-01-01T00:00:00Z', '1.0.0')));
    expect(importPath(db, join(dir, 'older.json')).osv.unchanged).toBe(1);
    const idx = new AdvisoryIndex(db);
    expect(idx.match({ ecosystem: 'npm', name: 'left-pad', version: '2.5.0' }).map((m) => m.id)).toEqual(['A-0001']);
    expect(idx.match({ ecosystem: 'npm', name: 'left-pad', version: '1.0.0' }).map((m) => m.id)).toEqual(['A-0001', 'B-0002']);
  });

  it('imports osv.dev zip archives', () => {
    const zip = makeZip({ 'Z-0001.json': JSON.stringify(record('Z-0001', '2024-01-01T00:00:00Z')), 'Z-0002.json': JSON.stringify(record('Z-0002', '2024-01-02T00:00:00Z')), 'README.txt': 'not json' });
    expect(zipEntries(zip).map((e) => e.name)).toEqual(['Z-0001.json', 'Z-0002.json', 'README.txt']);
    writeFileSync(join(dir, 'all.zip'), zip);
    const r = importPath(db, join(dir, 'all.zip'));
    expect(r.osv.inserted).toBe(2);
    expect(r.errors).toEqual([]);
    const z64 = makeZip({ 'Y-0001.json': JSON.stringify(record('Y-0001', '2024-01-01T00:00:00Z')) }, true);
    expect(zipEntries(z64).map((e) => JSON.parse(e.read().toString()).id)).toEqual(['Y-0001']);
    writeFileSync(join(dir, 'z64.zip'), z64);
    expect(importPath(db, join(dir, 'z64.zip')).osv.inserted).toBe(1);
    // a damaged archive is an error naming the file, not a crash
    writeFileSync(join(dir, 'bad.zip'), zip.subarray(0, zip.length - 30));
    const bad = importPath(db, join(dir, 'bad.zip'));
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]!.file).toBe(join(dir, 'bad.zip'));
  });

  it('reports malformed files with file and line and goes on', () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "id": "X-1",\n  "modified": \n}\n');
    writeFileSync(join(dir, 'notosv.json'), JSON.stringify({ hello: 'world' }));
    const lines = [JSON.stringify(record('L-0001', '2024-01-01T00:00:00Z')), '{"id": "L-0002", oops', JSON.stringify(record('L-0003', '2024-01-01T00:00:00Z'))];
    writeFileSync(join(dir, 'records.jsonl'), lines.join('\n'));
    writeFileSync(join(dir, 'badrange.json'), JSON.stringify({ ...record('R-0001', '2024-01-01T00:00:00Z'), affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [{ type: 'NOPE', events: [] }] }] }));
    const r = importPath(db, dir);
    expect(r.osv.inserted).toBe(2);
    const errs = r.errors.map((e) => `${e.file.slice(dir.length + 1)}:${e.line ?? '-'}`).sort();
    expect(errs).toEqual(['badrange.json:-', 'broken.json:4', 'notosv.json:-', 'records.jsonl:2']);
    expect(r.errors.find((e) => e.file.endsWith('notosv.json'))!.message).toMatch(/not an OSV record: id/);
  });

  it('imports EPSS CSV (plain and gzipped) as a snapshot, rejects malformed rows by line', () => {
    const csv = '#model_version:v2023.03.01,score_date:2024-06-01T00:00:00+0000\ncve,epss,percentile\nCVE-2021-44228,0.97565,0.99996\nCVE-2021-3156,0.5,0.9\n';
    writeFileSync(join(dir, 'epss.csv.gz'), gzipSync(csv));
    const r = importPath(db, join(dir, 'epss.csv.gz'), { now: new Date('2024-06-02T00:00:00Z') });
    expect(r.epss).toBe(2);
    expect(importPath(db, join(dir, 'epss.csv.gz')).epss).toBe(2);
    expect(count('epss')).toBe(2);
    writeFileSync(join(dir, 'bad.csv'), 'cve,epss,percentile\nCVE-2021-0001,0.1,0.2\nCVE-2021-0002,1.7,0.2\n');
    const bad = importPath(db, join(dir, 'bad.csv'));
    expect(bad.errors).toEqual([{ file: join(dir, 'bad.csv'), line: 3, message: expect.stringMatching(/malformed EPSS row/) }]);
    expect(count('epss')).toBe(2); // the bad file did not replace the good snapshot
    const st = storeStatus(db, { now: new Date('2024-06-05T00:00:00Z') });
    expect(st.sources.find((s) => s.source === 'epss')).toMatchObject({ records: 2, version: 'v2023.03.01', ageDays: 4, stale: false });
  });

  it('status counts each source and warns when data is stale or missing', () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(record('A-0001', '2024-01-01T00:00:00Z')));
    importPath(db, join(dir, 'a.json'), { now: new Date('2024-01-02T00:00:00Z') });
    const fresh = storeStatus(db, { now: new Date('2024-01-03T00:00:00Z') });
    expect(fresh.sources.find((s) => s.source === 'osv')).toMatchObject({ records: 1, dataDate: '2024-01-01T00:00:00Z', ageDays: 2, stale: false });
    expect(fresh.ecosystems).toEqual([{ ecosystem: 'npm', advisories: 1 }]);
    expect(fresh.warnings).toEqual(['cve: no data imported', 'kev: no data imported', 'epss: no data imported']);
    const old = storeStatus(db, { now: new Date('2024-03-01T00:00:00Z'), maxAgeDays: 30 });
    expect(old.warnings[0]).toMatch(/^osv: data is 60 days old \(more than 30\)/);
  });

  it('refuses a store written by a newer Tetrad', () => {
    db.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run();
    db.close();
    expect(() => openStore(join(dir, 'sub', 'tetrad.db'))).toThrow(/schema 99 is newer/);
    db = openStore(':memory:');
  });
});

describe.skipIf(!hasSharedData)('advisory store on the real data', () => {
  it('imports the real OSV advisories and KEV, and finds runc, sudo and log4j with KEV flags', () => {
    const r = importPath(db, OSV_DIR);
    expect(r.osv.inserted).toBe(27);
    // the folder also holds the OSV JSON schema, which is not a record
    expect(r.errors.map((e) => e.file)).toEqual([join(OSV_DIR, 'schema', 'osv-schema.json')]);
    const kev = importPath(db, KEV_FILE);
    expect(kev.kev).toBe(1404);
    expect(importPath(db, KEV_FILE).kev).toBe(1404);
    expect(count('kev')).toBe(1404);
    expect(importPath(db, OSV_DIR).osv).toEqual({ inserted: 0, updated: 0, unchanged: 27 });

    const idx = new AdvisoryIndex(db);
    const runc = idx.match({ ecosystem: 'Ubuntu:18.04:LTS', name: 'runc', version: '1.0.0~rc4+dfsg1-6' });
    expect(runc.map((m) => [m.id, m.cves, m.kev])).toEqual([['UBUNTU-CVE-2019-5736', ['CVE-2019-5736'], false]]);
    expect(idx.match({ ecosystem: 'Ubuntu:18.04:LTS', name: 'runc', version: '1.0.0~rc4+dfsg1-6ubuntu0.18.04.1' })).toEqual([]);
    const sudo = idx.match({ ecosystem: 'Ubuntu:20.04:LTS', name: 'sudo', version: '1.8.31-1ubuntu1' });
    expect(sudo.map((m) => [m.id, m.kev])).toEqual([['USN-4705-1', true]]);
    expect(sudo[0]!.cves).toContain('CVE-2021-3156');
    const log4j = idx.match({ ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', version: '2.14.1' });
    expect(log4j.map((m) => [m.id, m.kev])).toEqual([['GHSA-7rjr-3q55-vv33', true], ['GHSA-jfh8-c2jp-5v3q', true]]);
    expect(log4j.map((m) => m.cves)).toEqual([['CVE-2021-45046'], ['CVE-2021-44228']]);
    expect(idx.match({ ecosystem: 'Maven', name: 'org.apache.logging.log4j:log4j-core', version: '2.17.1' })).toEqual([]);
    const goRunc = idx.match({ ecosystem: 'Go', name: 'github.com/opencontainers/runc', version: '1.1.11' });
    expect(goRunc.map((m) => m.id)).toEqual(['GHSA-xr7r-f8xq-vfvv', 'GO-2024-2491']);
    const st = storeStatus(db, { now: new Date('2025-08-30T00:00:00Z') });
    expect(st.sources.find((s) => s.source === 'kev')).toMatchObject({ records: 1404, version: '2025.08.25', ageDays: 4, stale: false });
  });

  it('imports a sample of the real CVE JSON 5 records (JSON lines, gzipped)', () => {
    const lines = gunzipSync(readFileSync(CVE_FILE)).toString('utf8').split('\n').filter(Boolean).slice(0, 300);
    writeFileSync(join(dir, 'sample.jsonl.gz'), gzipSync(lines.join('\n')));
    const r = importPath(db, join(dir, 'sample.jsonl.gz'));
    expect(r.cve).toEqual({ inserted: 300, updated: 0, unchanged: 0 });
    expect(r.errors).toEqual([]);
    expect(importPath(db, join(dir, 'sample.jsonl.gz')).cve.unchanged).toBe(300);
    const row = db.prepare("SELECT cvss, cwes, description FROM cves WHERE id = 'CVE-1999-0006'").get() as { cvss: string; cwes: string; description: string } | undefined;
    expect(row).toBeDefined();
    expect(JSON.parse(row!.cvss)).toContainEqual({ version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, provider: 'CISA-ADP' });
    expect(JSON.parse(row!.cwes)).toEqual(['CWE-121']);
    expect(row!.description).toMatch(/qpopper/);
  });
});

describe.runIf(!hasSharedData)('advisory store on the real data', () => {
  it.skip(SKIP_MESSAGE, () => {});
});
