import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile } from './load.js';
import { intentResources, intentsOf, parseIntentText } from './intent.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tetrad-intent-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('parseIntentText', () => {
  it('reads FROM -> TO[:PORTS][/PROTOCOL]', () => {
    expect(parseIntentText('internet -> alb:443')).toEqual({ from: 'internet', to: 'alb', protocol: 'any', ports: [{ from: 443, to: 443 }], text: 'internet -> alb:443' });
    expect(parseIntentText('web → db:5432,6379/tcp')).toMatchObject({ from: 'web', to: 'db', protocol: 'tcp', ports: [{ from: 5432, to: 5432 }, { from: 6379, to: 6379 }] });
    expect(parseIntentText('k8s:shop -> k8s:data:8000-8100')).toMatchObject({ from: 'k8s:shop', to: 'k8s:data', ports: [{ from: 8000, to: 8100 }] });
    expect(parseIntentText('monitoring => *:*/udp')).toEqual({ from: 'monitoring', to: '*', protocol: 'udp', text: 'monitoring => *:*/udp' });
    expect(parseIntentText('Deployment/shop/web -> db')).toMatchObject({ from: 'Deployment/shop/web', to: 'db', protocol: 'any' });
  });

  it('says what is wrong', () => {
    expect(parseIntentText('web db')).toMatch(/is not "FROM -> TO/);
    expect(parseIntentText('web -> db:70000')).toMatch(/"70000" is not a port/);
    expect(parseIntentText('web -> db:90-80')).toMatch(/not a port or range/);
    expect(parseIntentText('web -> -> db')).toMatch(/is not "FROM -> TO/);
    expect(parseIntentText('db -> web:http')).toMatch(/a named port is not supported/);
  });
});

describe('intent: in .tetrad.yaml', () => {
  it('keeps each entry with its line, strings and objects', () => {
    writeFileSync(join(dir, '.tetrad.yaml'), ['ignores: []', 'intent:', '  - internet -> web:443', '  - {from: web, to: db, ports: [5432], protocol: tcp}', ''].join('\n'));
    const cfg = loadConfigFile('.tetrad.yaml', { cwd: dir });
    expect(cfg.intents).toEqual([
      { from: 'internet', to: 'web', protocol: 'any', ports: [{ from: 443, to: 443 }], text: 'internet -> web:443', file: '.tetrad.yaml', line: 3 },
      { from: 'web', to: 'db', protocol: 'tcp', ports: [{ from: 5432, to: 5432 }], text: 'web -> db:5432/tcp', file: '.tetrad.yaml', line: 4 },
    ]);
    const [res] = intentResources([cfg]);
    expect(res!.type).toBe('tetrad-intent');
    expect(intentsOf(res!)).toEqual(cfg.intents);
  });

  it('names file and line of a malformed entry', () => {
    writeFileSync(join(dir, 'a.yaml'), ['intent:', '  - internet -> web:443', '  - web to db', ''].join('\n'));
    let err: unknown;
    try {
      loadConfigFile('a.yaml', { cwd: dir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toMatch(/^a\.yaml:3: invalid configuration at intent\.1: "web to db" is not/);

    writeFileSync(join(dir, 'b.yaml'), ['intent:', '  - {from: web, to: db, port: 80}', ''].join('\n'));
    expect(() => loadConfigFile('b.yaml', { cwd: dir })).toThrow(/^b\.yaml:2: /);
    writeFileSync(join(dir, 'c.yaml'), 'intent: web -> db\n');
    expect(() => loadConfigFile('c.yaml', { cwd: dir })).toThrow(/^c\.yaml:1: invalid configuration at intent/);
  });
});
