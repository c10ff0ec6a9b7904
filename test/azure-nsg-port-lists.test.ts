import { describe, expect, it } from 'vitest';
import type { Resource, ValueObject } from '../src/model/index.js';
import { normalizeAll } from '../src/model/normalize/index.js';

function rule(attributes: ValueObject): Resource {
  const r: Resource = { id: 'azurerm_network_security_rule.x', type: 'azurerm_network_security_rule', provider: 'azurerm', source: 'terraform', name: 'x', attributes, location: { file: 'f', startLine: 1, endLine: 1 }, attributeLocations: {}, references: [] };
  normalizeAll([r]);
  return r;
}

describe('Azure NSG rules with comma-separated port lists', () => {
  const base = { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source_address_prefix: 'Internet' };

  it('reads each item of a list written into destination_port_range', () => {
    expect(rule({ ...base, destination_port_range: '14, 23, 48' }).network![0]!.ports).toEqual([{ from: 14, to: 14 }, { from: 23, to: 23 }, { from: 48, to: 48 }]);
    expect(rule({ ...base, destination_port_range: '46-146, 18-36,1-2, 3' }).network![0]!.ports).toEqual([{ from: 1, to: 3 }, { from: 18, to: 36 }, { from: 46, to: 146 }]);
  });

  it('splits list items inside destination_port_ranges and ignores empty items', () => {
    expect(rule({ ...base, destination_port_ranges: ['22,3389', '443'] }).network![0]!.ports).toEqual([{ from: 22, to: 22 }, { from: 443, to: 443 }, { from: 3389, to: 3389 }]);
    expect(rule({ ...base, destination_port_range: '22,, ' }).network![0]!.ports).toEqual([{ from: 22, to: 22 }]);
  });

  it('keeps a single port or range as before', () => {
    expect(rule({ ...base, destination_port_range: '8000-8080' }).network![0]!.ports).toEqual([{ from: 8000, to: 8080 }]);
    expect(rule({ ...base, destination_port_range: '*' }).network![0]!.ports).toEqual([{ from: 0, to: 65535 }]);
  });
});
