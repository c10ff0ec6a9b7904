/** `tetrad scan` over inventories: --db and $TETRAD_DB, the note without advisories, this machine's dpkg status. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tetrad } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'tetrad-inv-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// an empty cache folder: no default store of the developer's machine is picked up
const env = { XDG_CACHE_HOME: join(dir, 'cache'), TETRAD_DB: '', TETRAD_TODAY: '2026-11-30' };

interface Report {
  findings: { checkId: string; severity: string; location: { file: string; startLine: number }; vulnerability?: { ids: string[]; package: { fixed: string[] } } }[];
  errors: unknown[];
}

describe('tetrad scan with inventories', () => {
  const tree = join(dir, 'tree');
  mkdirSync(tree);
  writeFileSync(join(tree, 'requirements.txt'), 'Django==3.2.0\n');
  const rec = { id: 'TEST-0001', modified: '2021-01-01T00:00:00Z', aliases: ['CVE-2021-0001'], severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }], affected: [{ package: { ecosystem: 'PyPI', name: 'django' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.2.4' }] }] }] };
  writeFileSync(join(dir, 'rec.json'), JSON.stringify(rec));

  it('says once that there is nothing to match against, and exits 0', () => {
    const out = tetrad(['scan', tree, '--format', 'json', '--check', 'TET-PATCH-034'], { env });
    expect(out.status).toBe(0);
    expect((JSON.parse(out.stdout) as Report).findings).toEqual([]);
    expect(out.stderr).toBe('tetrad: note: 1 package inventoried but no advisories to match them against: import some with `tetrad db import` and pass --db FILE (or $TETRAD_DB), or keep OSV records in an advisories/ folder of the scanned tree\n');
  });

  it('matches against an imported store given by --db or $TETRAD_DB', () => {
    const db = join(dir, 'store.db');
    expect(tetrad(['db', 'import', join(dir, 'rec.json'), '--db', db], { env }).status).toBe(0);
    for (const args of [['--db', db], []]) {
      const out = tetrad(['scan', tree, '--format', 'json', '--check', 'TET-PATCH-034', ...args], { env: args.length ? env : { ...env, TETRAD_DB: db } });
      expect(out.stderr).toBe('');
      expect(out.status).toBe(1);
      const r = JSON.parse(out.stdout) as Report;
      expect(r.findings.map((f) => `${f.checkId} ${f.severity} ${f.location.startLine} ${f.vulnerability?.ids.join(',')} ${f.vulnerability?.package.fixed}`)).toEqual(['TET-PATCH-034 critical 1 TEST-0001,CVE-2021-0001 3.2.4']);
    }
    const missing = tetrad(['scan', tree, '--format', 'json', '--db', join(dir, 'nope.db')], { env });
    expect((JSON.parse(missing.stdout) as { errors: { kind: string; message: string }[] }).errors[0]).toMatchObject({ kind: 'config', message: expect.stringMatching(/does not exist/) });
  });

  it.skipIf(!existsSync('/var/lib/dpkg/status'))("scans this machine's own /var/lib/dpkg/status", () => {
    const out = tetrad(['scan', '/var/lib/dpkg/status', '/etc/os-release', '--format', 'json', '--check', 'TET-PATCH-034,TET-PATCH-035'], { env });
    expect(out.status).toBeLessThan(2);
    const r = JSON.parse(out.stdout) as Report;
    expect(r.errors).toEqual([]);
    expect(out.stderr).toMatch(/^tetrad: note: \d{2,} packages inventoried/);
  });
});
