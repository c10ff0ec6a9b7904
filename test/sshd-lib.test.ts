import { describe, expect, it } from 'vitest';
import { readAlgorithmList, sshAlgorithms, sshMatch, weakAlgorithms } from '../src/checks/_lib/sshd.js';

describe('sshd algorithm lists', () => {
  const defaults = ['a-ctr', 'b-gcm', 'c-cbc'];

  it('applies the list modifiers as sshd does', () => {
    expect(readAlgorithmList('x,y', defaults)).toEqual({ effective: ['x', 'y'], enabled: ['x', 'y'] });
    expect(readAlgorithmList('+x,a-ctr', defaults)).toEqual({ effective: ['a-ctr', 'b-gcm', 'c-cbc', 'x'], enabled: ['x', 'a-ctr'] });
    expect(readAlgorithmList('-*-cbc,b-*', defaults)).toEqual({ effective: ['a-ctr'], enabled: [] });
    expect(readAlgorithmList('^c-cbc', defaults)).toEqual({ effective: ['c-cbc', 'a-ctr', 'b-gcm'], enabled: ['c-cbc'] });
    expect(readAlgorithmList(' x , y ', defaults).effective).toEqual(['x', 'y']);
  });

  it('matches sshd wildcards case-insensitively', () => {
    expect(sshMatch('aes128-cbc', '*-cbc*')).toBe(true);
    expect(sshMatch('rijndael-cbc@lysator.liu.se', '*-cbc*')).toBe(true);
    expect(sshMatch('HMAC-MD5-96', 'hmac-md5*')).toBe(true);
    expect(sshMatch('aes128-ctr', '*-cbc*')).toBe(false);
    expect(sshMatch('umac-64-etm@openssh.com', 'umac-64?etm*')).toBe(true);
  });

  it('judges only what a value enables, with the catalogue reason and severity', () => {
    expect(weakAlgorithms('ciphers', '-3des-cbc')).toEqual([]);
    expect(weakAlgorithms('ciphers', '+3des-cbc').map((w) => [w.name, w.severity])).toEqual([['3des-cbc', 'high']]);
    expect(weakAlgorithms('macs', 'hmac-sha2-256-etm@openssh.com,hmac-sha1-96,hmac-sha2-512').map((w) => [w.name, w.severity])).toEqual([
      ['hmac-sha1-96', 'medium'],
      ['hmac-sha2-512', 'low'],
    ]);
    expect(weakAlgorithms('kexalgorithms', 'curve25519-sha256,diffie-hellman-group14-sha1').map((w) => w.name)).toEqual(['diffie-hellman-group14-sha1']);
  });

  it('the OpenSSH default lists are not judged weak by their strongest entries', () => {
    const cat = sshAlgorithms();
    expect(weakAlgorithms('ciphers', cat.defaults.ciphers.join(','))).toEqual([]);
    expect(weakAlgorithms('kexalgorithms', cat.defaults.kexalgorithms.join(','))).toEqual([]);
  });
});
