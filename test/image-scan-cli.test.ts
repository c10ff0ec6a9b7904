import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeBuildInfo } from '../src/inventory/image/go-buildinfo.js';
import { tetrad } from './support/cli.js';
import { writeOciLayout } from './support/image-tar.js';

const dir = mkdtempSync(join(tmpdir(), 'tetrad-image-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** a hand-written OSV record in the shape of the real runc advisory (CVE-2024-21626) */
const ADVISORY = {
  schema_version: '1.6.0',
  id: 'TEST-RUNC-2024-0001',
  modified: '2024-02-01T00:00:00Z',
  aliases: ['CVE-2024-21626'],
  summary: 'runc process.cwd and leaked fds container breakout',
  affected: [{ package: { ecosystem: 'Go', name: 'github.com/opencontainers/runc' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0-rc93' }, { fixed: '1.1.12' }] }] }],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H' }],
};

describe('tetrad scan IMAGE.tar', async () => {
  mkdirSync(join(dir, 'advisories'));
  writeFileSync(join(dir, 'advisories/runc.json'), JSON.stringify(ADVISORY, null, 2));
  const runc = Buffer.concat([Buffer.alloc(2048, 0x7f), encodeBuildInfo('go1.20.13', 'path\tgithub.com/opencontainers/runc\nmod\tgithub.com/opencontainers/runc\t(devel)\t\nbuild\t-ldflags="-X main.version=1.1.4"\n'), Buffer.alloc(2048, 0x90)]);
  await writeOciLayout(join(dir, 'node-tools.tar'), {
    ref: 'registry.example.com/node-tools:2024.01',
    layers: [[{ name: 'etc/os-release', data: 'ID=alpine\nVERSION_ID=3.19.0\n' }, { name: 'lib/apk/db/installed', data: 'P:musl\nV:1.2.4_git20230717-r4\no:musl\n' }], [{ name: 'usr/bin/runc', data: runc }]],
  });
  const before = readdirSync(dir).sort();

  it('reads the image tarball, finds the vulnerable runc and exits 1', () => {
    const r = tetrad(['scan', 'node-tools.tar', 'advisories', '--format', 'json', '--check', 'TET-PATCH-034'], { cwd: dir });
    expect(r.stderr).not.toMatch(/Error|failed/);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ checkId: string; resource: { id: string; type: string }; location: { file: string; startLine: number } }>; errors: unknown[] };
    expect(report.findings.map((f) => `${f.checkId} ${f.resource.type} ${f.resource.id} ${f.location.file}:${f.location.startLine}`)).toEqual([
      'TET-PATCH-034 ContainerImage ContainerImage:registry.example.com/node-tools:2024.01 node-tools.tar!/usr/bin/runc:1',
    ]);
    expect(report.errors).toEqual([]);
    // nothing extracted next to the archive
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
