import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function tetrad(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
}

describe('tetrad scan --checks-dir', () => {
  it('runs user checks next to the built-in ones', () => {
    const r = tetrad('scan', 'examples/custom-checks/estate', '--checks-dir', 'examples/custom-checks/checks', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ checkId: string; location: { file: string; startLine: number } }> };
    expect(report.findings.filter((f) => f.checkId.startsWith('ACME-')).map((f) => `${f.checkId} ${f.location.file}:${f.location.startLine}`).sort()).toEqual([
      // the report orders findings by risk; the test compares the set
      'ACME-IMG-001 examples/custom-checks/estate/Dockerfile:2',
      'ACME-K8S-001 examples/custom-checks/estate/services.yaml:7',
    ]);
  });

  it('stops with exit code 2 and names the file and line of a bad check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tetrad-cli-checks-'));
    writeFileSync(join(dir, 'bad.yaml'), 'id: ORG-1\ntitle: Bad operator\npillar: ports\nseverity: low\ndescription: A check with a typo in it.\nremediation: Fix it.\nsources: [kubernetes]\nresourceTypes: [Service]\ncondition:\n  attribute: spec.type\n  equalz: NodePort\n');
    const r = tetrad('scan', 'examples/custom-checks/estate', '--checks-dir', 'examples/custom-checks/checks', '--checks-dir', dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'bad.yaml')}:11: invalid check: condition.equalz: unknown operator "equalz"`);
  });

  it('exits 2 when the folder does not exist', () => {
    const r = tetrad('scan', 'examples/custom-checks/estate', '--checks-dir', 'no/such/folder');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/folder: cannot read the checks folder/);
  });
});
