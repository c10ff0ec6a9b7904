import { describe, expect, it } from 'vitest';
import { isUnknown, type Resource } from '../../model/index.js';
import { readCompose } from '../../sources/docker-compose/index.js';
import { allInterfaces, composeBindMounts, composeEnv, composePorts, parseShortPort } from './compose.js';

function service(yaml: string): Resource {
  return readCompose(`services:\n  s:\n${yaml.replace(/^/gm, '    ')}\n`, 'c.yml').resources[0]!;
}

describe('compose helpers', () => {
  it('parses short port syntax', () => {
    expect(parseShortPort('80')).toEqual({ hostIp: null, published: null, target: { start: 80, end: 80 }, protocol: 'tcp' });
    expect(parseShortPort('8080:80/udp')).toMatchObject({ hostIp: null, published: '8080', protocol: 'udp' });
    expect(parseShortPort('127.0.0.1:5432:5432')).toMatchObject({ hostIp: '127.0.0.1', published: '5432' });
    expect(parseShortPort('127.0.0.1::5000')).toMatchObject({ hostIp: '127.0.0.1', published: null, target: { start: 5000, end: 5000 } });
    expect(parseShortPort('[::1]:2222:22')).toMatchObject({ hostIp: '::1', published: '2222', target: { start: 22, end: 22 } });
    expect(parseShortPort('::1:2222:22')).toMatchObject({ hostIp: '::1', published: '2222' });
    expect(parseShortPort('9000-9005:9000-9005')).toMatchObject({ published: '9000-9005', target: { start: 9000, end: 9005 } });
    expect(parseShortPort('nonsense')).toBeUndefined();
    expect(parseShortPort('80/icmp')).toBeUndefined();
  });

  it('reads long port syntax, numbers and ports with unresolved variables', () => {
    const ports = composePorts(
      service(`ports:\n  - 3000\n  - target: 80\n    published: "8080"\n    host_ip: 10.0.0.1\n  - target: 8000\n    published: 127.0.0.1:8080\n  - "\${PORT}:5432"\n  - "\${ADDR}:6379:6379"\n  - "\${MAPPING}"`),
    );
    expect(ports[0]).toMatchObject({ hostIp: null, published: null, target: { start: 3000, end: 3000 } });
    expect(ports[1]).toMatchObject({ hostIp: '10.0.0.1', published: '8080', path: 'ports[1]' });
    expect(ports[2]).toMatchObject({ hostIp: '127.0.0.1', published: '8080' });
    expect(ports[3]).toMatchObject({ hostIp: null, target: { start: 5432, end: 5432 } });
    expect(isUnknown(ports[4]!.hostIp)).toBe(true);
    expect(ports[4]!.target).toEqual({ start: 6379, end: 6379 });
    expect(isUnknown(ports[5]!.hostIp) && isUnknown(ports[5]!.target)).toBe(true);
    expect(allInterfaces(null) && allInterfaces('0.0.0.0') && allInterfaces('::') && !allInterfaces('127.0.0.1')).toBe(true);
  });

  it('reads environment maps and lists, keeping names of entries with unset variables', () => {
    expect(composeEnv(service('environment:\n  A: "1"\n  B:\n'))).toEqual([
      { name: 'A', value: '1', path: 'environment.A' },
      { name: 'B', value: null, path: 'environment.B' },
    ]);
    const list = composeEnv(service('environment:\n  - A=x=y\n  - B\n  - C=${UNSET}'));
    expect(list.map((e) => [e.name, isUnknown(e.value) ? 'unknown' : e.value])).toEqual([
      ['A', 'x=y'],
      ['B', null],
      ['C', 'unknown'],
    ]);
  });

  it('finds bind mounts in short and long syntax, not named volumes', () => {
    const mounts = composeBindMounts(service('volumes:\n  - data:/data\n  - /etc:/host/etc:ro\n  - ./app:/app\n  - type: bind\n    source: /var/run/docker.sock\n    target: /var/run/docker.sock\n  - /anonymous'));
    expect(mounts).toEqual([
      { path: 'volumes[1]', source: '/etc', target: '/host/etc', readOnly: true },
      { path: 'volumes[2]', source: './app', target: '/app', readOnly: false },
      { path: 'volumes[3].source', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false },
    ]);
  });
});
