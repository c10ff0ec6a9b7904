/** `tetrad scan` with suppressions: exit codes, --no-ignores, --show-suppressed, --config, bad configs, SARIF output. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeErrors, validateSarif } from './schemas/validators.js';
import { tetrad as run } from './support/cli.js';

function tetrad(cwd: string, ...args: string[]) {
  return run(args, { cwd });
}

const POD = (name: string, comment = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n${comment ? `        ${comment}\n` : ''}        privileged: true\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-cli-suppress-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('tetrad scan with suppressions', () => {
  it('exits 0 when every finding at --fail-on is suppressed, 1 with --no-ignores', () => {
    writeFileSync(join(dir, 'debug.yaml'), POD('debug', '# tetrad:ignore TET-PRIV-001 reason="node debugger, lab only"'));
    writeFileSync(join(dir, 'agent.yaml'), POD('agent'));
    writeFileSync(join(dir, '.tetrad.yaml'), 'ignores:\n  - check: TET-PRIV-*\n    resource: Pod/agent\n    reason: monitoring agent, reviewed\n');
    const r = tetrad(dir, 'scan', '.', '--check', 'TET-PRIV-001', '--no-color');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 finding\(s\): .*; 2 suppressed/);
    expect(r.stdout).not.toMatch(/SUPPRESSED/);

    const shown = tetrad(dir, 'scan', '.', '--check', 'TET-PRIV-001', '--no-color', '--show-suppressed');
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/SUPPRESSED \(2\)/);
    expect(shown.stdout).toMatch(/TET-PRIV-001 debug\.yaml:11 Pod\/debug — node debugger, lab only/);
    expect(shown.stdout).toMatch(/TET-PRIV-001 agent\.yaml:10 Pod\/agent — monitoring agent, reviewed \[config \.tetrad\.yaml:2\]/);
    expect(shown.stdout).toMatch(/lab only \[inline debug\.yaml:10\]/);

    const all = tetrad(dir, 'scan', '.', '--check', 'TET-PRIV-001', '--no-color', '--no-ignores');
    expect(all.status).toBe(1);
    expect(all.stdout).toMatch(/2 finding\(s\): 2 critical/);
    expect(all.stdout).not.toMatch(/suppressed/);
  });

  it('keeps exit 1 for the findings that stay reported, and says why an expired or reasonless suppression did not apply', () => {
    writeFileSync(join(dir, 'old.yaml'), POD('old', '# tetrad:ignore TET-PRIV-001 reason="temporary" expires=2020-01-01'));
    writeFileSync(join(dir, 'bare.yaml'), POD('bare', '# tetrad:ignore TET-PRIV-001'));
    const r = tetrad(dir, 'scan', '.', '--check', 'TET-PRIV-001', '--format', 'json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { summary: { findings: number; suppressed: number }; errors: Array<{ kind: string; file: string; line: number; message: string }> };
    expect(report.summary).toMatchObject({ findings: 2, suppressed: 0 });
    expect(report.errors).toEqual([
      { kind: 'config', file: 'bare.yaml', line: 10, message: 'tetrad:ignore TET-PRIV-001 has no reason="..."; the suppression is not applied' },
      { kind: 'config', file: 'old.yaml', line: 10, message: 'suppression of TET-PRIV-001 for Pod/old (old.yaml:11) expired on 2020-01-01; the finding is reported again' },
    ]);
  });

  it('reads --config instead of ./.tetrad.yaml', () => {
    writeFileSync(join(dir, 'agent.yaml'), POD('agent'));
    writeFileSync(join(dir, 'ci.yaml'), 'ignores:\n  - check: TET-PRIV-001\n    reason: reviewed in CI policy\n');
    expect(tetrad(dir, 'scan', 'agent.yaml', '--check', 'TET-PRIV-001').status).toBe(1);
    expect(tetrad(dir, 'scan', 'agent.yaml', '--check', 'TET-PRIV-001', '--config', 'ci.yaml').status).toBe(0);
  });

  it('exits 2 with file and line on a bad configuration, or a missing --config file', () => {
    writeFileSync(join(dir, 'agent.yaml'), POD('agent'));
    writeFileSync(join(dir, '.tetrad.yaml'), 'ignores:\n  - check: TET-PRIV-001\n    reason: ok\n    expires: next week\n');
    const bad = tetrad(dir, 'scan', '.', '--check', 'TET-PRIV-001');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^tetrad: \.tetrad\.yaml:4: invalid configuration at ignores\.0\.expires/m);
    expect(bad.stdout).toBe('');

    const missing = tetrad(dir, 'scan', 'agent.yaml', '--config', 'nope.yaml');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: configuration file not found/);
  });

  it('writes SARIF with suppressions that validates against the official schema', () => {
    writeFileSync(join(dir, 'debug.yaml'), POD('debug', '# tetrad:ignore TET-PRIV-001 reason="node debugger, lab only"'));
    writeFileSync(join(dir, 'agent.yaml'), POD('agent'));
    const r = tetrad(dir, 'scan', '.', '--check', 'TET-PRIV-001', '--format', 'sarif', '--output', 'out.sarif');
    expect(r.status).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; justification: string }> }> }>;
    };
    const errors = validateSarif(log);
    expect(errors, describeErrors(errors)).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.map((x) => x.id)).toEqual(['TET-PRIV-001']);
    expect(log.runs[0]!.results.map((x) => x.suppressions ?? [])).toEqual([[], [{ kind: 'inSource', status: 'accepted', justification: 'node debugger, lab only', properties: { origin: 'inline debug.yaml:10' } }]]);
  });
});
