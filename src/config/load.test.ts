import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, loadConfigs } from './load.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfigFile', () => {
  it('reads ignores with their line, and keeps unknown top-level keys', () => {
    write(
      '.tetrad.yaml',
      [
        '# Tetrad settings',
        'flows:',
        '  - from: web',
        '    to: db',
        'ignores:',
        '  - check: TET-PORTS-*',
        '    resource: aws_security_group.bastion',
        '    reason: bastion, reviewed',
        '    expires: 2027-03-01',
        '  - check: "*"',
        '    path: "legacy/**"',
        '    reason: to be removed',
      ].join('\n'),
    );
    const cfg = loadConfigFile('.tetrad.yaml', { cwd: dir });
    expect(cfg.file).toBe('.tetrad.yaml');
    expect(cfg.raw.flows).toEqual([{ from: 'web', to: 'db' }]);
    expect(cfg.ignores).toEqual([
      { check: 'TET-PORTS-*', resource: 'aws_security_group.bastion', reason: 'bastion, reviewed', expires: '2027-03-01', file: '.tetrad.yaml', line: 6, baseDir: dir },
      { check: '*', path: 'legacy/**', reason: 'to be removed', file: '.tetrad.yaml', line: 10, baseDir: dir },
    ]);
  });

  it('accepts an ignore without a reason (reported later, not applied) and an empty file', () => {
    write('a.yaml', 'ignores:\n  - check: TET-PRIV-001\n');
    expect(loadConfigFile('a.yaml', { cwd: dir }).ignores).toEqual([{ check: 'TET-PRIV-001', file: 'a.yaml', line: 2, baseDir: dir }]);
    write('empty.yaml', '# nothing yet\n');
    expect(loadConfigFile('empty.yaml', { cwd: dir }).ignores).toEqual([]);
  });

  it('names file and line for a YAML syntax error', () => {
    write('.tetrad.yaml', 'ignores:\n  - check: TET-PRIV-001\n    reason: "unterminated\n');
    const err = configError(() => loadConfigFile('.tetrad.yaml', { cwd: dir }));
    expect(err.file).toBe('.tetrad.yaml');
    expect(err.line).toBeGreaterThanOrEqual(3);
    expect(err.message).toMatch(/^\.tetrad\.yaml:\d+: YAML syntax error/);
  });

  it('names file and line for an entry of the wrong shape', () => {
    write('.tetrad.yaml', ['ignores:', '  - check: TET-PRIV-001', '    reason: ok', '  - check: TET-PASS-001', '    reason: ok', '    expires: 03/01/2027'].join('\n'));
    const err = configError(() => loadConfigFile('.tetrad.yaml', { cwd: dir }));
    expect(err.line).toBe(6);
    expect(err.message).toMatch(/ignores\.1\.expires/);

    write('b.yaml', ['ignores:', '  - check: TET-PRIV-001', '    reason: ok', '    resouce: typo'].join('\n'));
    const typo = configError(() => loadConfigFile('b.yaml', { cwd: dir }));
    expect(typo.line).toBe(2);
    expect(typo.message).toMatch(/resouce/);

    write('c.yaml', 'ignores:\n  - reason: no check\n');
    expect(configError(() => loadConfigFile('c.yaml', { cwd: dir })).message).toMatch(/^c\.yaml:2: .*ignores\.0\.check/);

    write('d.yaml', 'ignores: TET-PRIV-001\n');
    expect(configError(() => loadConfigFile('d.yaml', { cwd: dir })).message).toMatch(/^d\.yaml:1: /);

    write('e.yaml', '- just\n- a list\n');
    expect(configError(() => loadConfigFile('e.yaml', { cwd: dir })).message).toMatch(/^e\.yaml:1: invalid configuration/);
  });

  it('says when the file does not exist', () => {
    expect(configError(() => loadConfigFile('missing.yaml', { cwd: dir })).message).toBe('missing.yaml: configuration file not found');
  });
});

describe('loadConfigs', () => {
  it('reads ./.tetrad.yaml and the one at the root of each scanned folder, once each', () => {
    write('.tetrad.yaml', 'ignores:\n  - check: A-1\n    reason: r\n');
    write('infra/.tetrad.yml', 'ignores:\n  - check: B-1\n    reason: r\n');
    write('infra/main.tf', '');
    write('apps/app.yaml', '');
    const configs = loadConfigs({ cwd: dir, paths: ['infra', 'apps', '.', 'infra/main.tf'] });
    expect(configs.map((c) => [c.file, c.baseDir])).toEqual([
      ['.tetrad.yaml', dir],
      ['infra/.tetrad.yml', join(dir, 'infra')],
    ]);
  });

  it('uses --config instead of ./.tetrad.yaml, and fails when it is missing', () => {
    write('.tetrad.yaml', 'ignores:\n  - check: A-1\n    reason: r\n');
    write('ci/tetrad.yaml', 'ignores:\n  - check: C-1\n    reason: r\n');
    expect(loadConfigs({ cwd: dir, configFile: 'ci/tetrad.yaml' }).flatMap((c) => c.ignores.map((i) => i.check))).toEqual(['C-1']);
    expect(() => loadConfigs({ cwd: dir, configFile: 'nope.yaml' })).toThrow(ConfigError);
  });
});
