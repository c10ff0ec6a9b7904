import { describe, expect, it } from 'vitest';
import { tetrad as run } from './support/cli.js';

const tetrad = (...args: string[]) => run(args);

describe('tetrad CLI', () => {
  it('exits 1 when findings reach --fail-on, and prints them grouped by pillar', () => {
    const r = tetrad('scan', 'examples/hybrid-estate', '--no-color');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/PRIVILEGES/);
    expect(r.stdout).toMatch(/examples\/hybrid-estate\/kubernetes\/node-agent\.yaml:\d+/);
  });

  it('exits 0 on a clean estate', () => {
    const r = tetrad('scan', 'examples/hardened-estate');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits 0 when findings are below --fail-on', () => {
    const r = tetrad('scan', 'examples/hybrid-estate', '--fail-on', 'none');
    expect(r.status).toBe(0);
  });

  it('exits 2 on a usage error', () => {
    expect(tetrad('scan', 'examples/hybrid-estate', '--format', 'nope').status).toBe(2);
    expect(tetrad('scan').status).toBe(2);
    expect(tetrad('scan', 'no/such/dir').status).toBe(2);
  });

  it('writes JSON with tool, findings and errors', () => {
    const r = tetrad('scan', 'examples/hybrid-estate', '--format', 'json');
    const report = JSON.parse(r.stdout) as { tool: { name: string }; findings: unknown[]; errors: unknown[] };
    expect(report.tool.name).toBe('tetrad');
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.errors).toEqual([]);
  });
});
