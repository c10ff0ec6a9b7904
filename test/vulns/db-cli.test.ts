import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tetrad } from '../support/cli.js';
import { hasSharedData, KEV_FILE, OSV_DIR, SKIP_MESSAGE } from './shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'tetrad-db-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tetrad db', () => {
  it('imports a file, reports a malformed one with its line, and shows status with stale warnings', () => {
    const db = join(dir, 'a.db');
    const rec = { id: 'T-0001', modified: '2020-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'x' }, versions: ['1.0.0'] }] };
    writeFileSync(join(dir, 'rec.json'), JSON.stringify(rec));
    writeFileSync(join(dir, 'bad.json'), '{\n  "id": \n');
    const ok = tetrad(['db', 'import', join(dir, 'rec.json'), '--db', db]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/OSV advisories: 1 new, 0 updated, 0 unchanged/);
    const bad = tetrad(['db', 'import', join(dir, 'bad.json'), '--db', db]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${join(dir, 'bad.json')}:3: invalid JSON`);
    const status = tetrad(['db', 'status', '--db', db, '--format', 'json']);
    expect(status.status).toBe(0);
    const s = JSON.parse(status.stdout) as { sources: { source: string; records: number; stale: boolean }[] };
    expect(s.sources.find((x) => x.source === 'osv')).toMatchObject({ records: 1, stale: true });
    expect(status.stderr).toMatch(/warning: osv: data is \d+ days old/);
    expect(status.stderr).toMatch(/warning: kev: no data imported/);
    expect(tetrad(['db', 'import', join(dir, 'nope'), '--db', db]).status).toBe(2);
  });

  it.skipIf(!hasSharedData)('imports the real OSV folder and KEV catalog; a second import changes nothing', () => {
    const db = join(dir, 'real.db');
    tetrad(['db', 'import', OSV_DIR, KEV_FILE, '--db', db]);
    const again = tetrad(['db', 'import', OSV_DIR, KEV_FILE, '--db', db, '--format', 'json']);
    const reports = JSON.parse(again.stdout) as { osv: { unchanged: number; inserted: number }; kev: number | null }[];
    expect(reports[0]!.osv).toMatchObject({ inserted: 0, unchanged: 27 });
    expect(reports[1]!.kev).toBe(1404);
    const status = tetrad(['db', 'status', '--db', db]);
    expect(status.stdout).toMatch(/osv\s+27 records/);
    expect(status.stdout).toMatch(/kev\s+1404 records {2}data of 2025-08-25 \(version 2025\.08\.25\)/);
    expect(status.stdout).toMatch(/Ubuntu:18\.04:LTS: 2/);
  });
  it.runIf(!hasSharedData).skip(SKIP_MESSAGE, () => {});
});
