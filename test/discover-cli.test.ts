/**
 * `tetrad discover` runs the real nmap, only ever against loopback (127.0.0.1), on a port this test
 * opens itself. Skipped with a message when nmap is not installed (.ci/run installs it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nmapArguments } from '../src/cli/discover.js';
import { CLI } from './support/cli.js';

const hasNmap = spawnSync('nmap', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasNmap) console.warn('skipping tetrad discover end-to-end tests: nmap is not installed (apt-get install nmap)');

function tetradAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('nmap arguments', () => {
  it('builds a connect scan with the targets after --', () => {
    expect(nmapArguments(['127.0.0.1', '10.0.0.0/24'], { ports: '22,80', serviceDetection: true, timing: '4' }, '/tmp/x.xml')).toEqual([
      '-sT', '-Pn', '-T4', '--open', '-oX', '/tmp/x.xml', '-sV', '-p', '22,80', '--', '127.0.0.1', '10.0.0.0/24',
    ]);
  });

  it('refuses targets and port lists that could smuggle options', () => {
    expect(() => nmapArguments(['-iL/etc/passwd'], { serviceDetection: false, timing: '4' }, 'x')).toThrow(/not a target/);
    expect(() => nmapArguments(['host;rm -rf /'], { serviceDetection: false, timing: '4' }, 'x')).toThrow(/not a host name/);
    expect(() => nmapArguments(['127.0.0.1'], { ports: '22 --script x', serviceDetection: false, timing: '4' }, 'x')).toThrow(/not an nmap port list/);
  });
});

describe.skipIf(!hasNmap)('tetrad discover on loopback', () => {
  let server: Server;
  let port = 0;
  const dir = mkdtempSync(join(tmpdir(), 'tetrad-discover-test-'));

  beforeAll(async () => {
    // an SSH-looking banner on a high port: nmap's service detection names it ssh
    server = createServer((socket) => {
      // nmap's probes reset connections: not an error of the test
      socket.on('error', () => undefined);
      socket.end('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the SSH service on a moved port, reports it and keeps the XML', async () => {
    const save = join(dir, 'loopback.xml');
    const out = await tetradAsync(['discover', '127.0.0.1', '-p', String(port), '--save', save, '--format', 'json', '--no-color']);
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout) as { findings: Array<{ checkId: string; severity: string; message: string; location: { file: string } }> };
    const hit = report.findings.find((f) => f.checkId === 'TET-PORTS-050');
    expect(hit, out.stdout).toBeDefined();
    expect(hit!.message).toContain(`127.0.0.1 answers on tcp/${port}: SSH`);
    // loopback is not internet-routable: one step below the catalogue's critical
    expect(hit!.severity).toBe('high');
    expect(out.status).toBe(1);
    expect(readFileSync(save, 'utf8')).toContain(`portid="${port}"`);
  }, 120_000);

  it('reports a clean result for a closed port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const out = await tetradAsync(['discover', '127.0.0.1', '-p', String(closedPort), '--no-service-detection', '--format', 'json']);
    expect(out.status, out.stderr).toBe(0);
    expect((JSON.parse(out.stdout) as { findings: unknown[] }).findings).toEqual([]);
  }, 120_000);

  it('says so when nmap is missing', async () => {
    const out = await tetradAsync(['discover', '127.0.0.1', '--nmap', '/nonexistent/nmap']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('/nonexistent/nmap not found');
  });
});
