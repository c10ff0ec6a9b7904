import { describe, expect, it } from 'vitest';
import { isPublicAddress, readNmapXml } from '../../src/sources/nmap/index.js';
import { ParseError } from '../../src/scan/errors.js';

const XML = `<?xml version="1.0"?>
<nmaprun scanner="nmap" args="nmap -sV -oX - 127.0.0.1 ::1" start="1764500000" version="7.93">
<hosthint><status state="up"/>
<address addr="127.0.0.1" addrtype="ipv4"/>
</hosthint>
<host><status state="up" reason="conn-refused"/>
<address addr="127.0.0.1" addrtype="ipv4"/>
<hostnames><hostname name="localhost" type="user"/></hostnames>
<ports>
<port protocol="tcp" portid="22"><state state="open" reason="syn-ack"/><service name="ssh" product="OpenSSH" version="9.2p1"><cpe>cpe:/a:openbsd:openssh:9.2p1</cpe></service></port>
<port protocol="udp" portid="161"><state state="open|filtered" reason="no-response"/><service name="snmp" method="table" conf="3"/></port>
</ports>
</host>
<host><status state="down"/><address addr="127.0.0.2" addrtype="ipv4"/></host>
<host><status state="up"/>
<address addr="::1" addrtype="ipv6"/>
<ports>
<port protocol="tcp" portid="5432"><state state="open"/></port>
</ports>
</host>
</nmaprun>
`;

describe('nmap XML source', () => {
  it('reads hosts that are up with their ports, services and lines', () => {
    const hosts = readNmapXml(XML, 'scan.xml');
    expect(hosts.map((h) => h.id)).toEqual(['nmap:127.0.0.1', 'nmap:::1']);
    const [local, v6] = hosts;
    expect(local!.name).toBe('localhost (127.0.0.1)');
    expect(local!.location).toMatchObject({ file: 'scan.xml', startLine: 6, endLine: 11 });
    expect(local!.attributes.ports).toEqual([
      { protocol: 'tcp', port: 22, state: 'open', reason: 'syn-ack', service: { name: 'ssh', product: 'OpenSSH', version: '9.2p1', cpe: ['cpe:/a:openbsd:openssh:9.2p1'] } },
      { protocol: 'udp', port: 161, state: 'open|filtered', reason: 'no-response', service: { name: 'snmp', method: 'table', conf: '3' } },
    ]);
    expect(local!.attributeLocations['ports[1]']!.startLine).toBe(11);
    expect(local!.attributes.public).toBe(false);
    expect(local!.attributes.scan).toEqual({ args: 'nmap -sV -oX - 127.0.0.1 ::1', start: '1764500000', version: '7.93' });
    // the down host's lack of ports does not shift the next host's port lines
    expect(v6!.attributeLocations['ports[0]']!.startLine).toBe(18);
  });

  it('tells internet-routable addresses from private, loopback and documentation ones', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
    for (const a of ['10.1.2.3', '192.168.0.1', '172.16.5.4', '127.0.0.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', 'not-an-ip']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it('names the file and line of malformed XML', () => {
    const broken = '<?xml version="1.0"?>\n<nmaprun>\n<host><status state="up"/>\n<address addr="10.0.0.1" addrtype="ipv4"/>\n</nmaprun>\n';
    expect(() => readNmapXml(broken, 'broken.xml')).toThrow(ParseError);
    try {
      readNmapXml(broken, 'broken.xml');
    } catch (err) {
      expect((err as ParseError).file).toBe('broken.xml');
      expect((err as ParseError).line).toBe(5);
      expect((err as Error).message).toMatch(/^broken\.xml:5: malformed nmap XML/);
    }
  });

  it('rejects a host without an address and an invalid port number at their lines', () => {
    expect(() => readNmapXml('<nmaprun>\n<host><status state="up"/>\n</host>\n</nmaprun>', 'x.xml')).toThrow(/x\.xml:2: <host> without an IPv4 or IPv6 <address>/);
    expect(() =>
      readNmapXml('<nmaprun>\n<host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/>\n<ports>\n<port protocol="tcp" portid="99999"><state state="open"/></port>\n</ports></host>\n</nmaprun>', 'y.xml'),
    ).toThrow(/y\.xml:4: <port> with an invalid portid "99999"/);
  });
});
