/**
 * `/etc/os-release` and `/usr/lib/os-release` (freedesktop.org os-release(5)): shell-style
 * `KEY=value` lines, values optionally in single or double quotes with backslash escapes
 * inside double quotes. Blank lines and `#` comments are ignored.
 */
import { lineRange } from '../../model/location.js';
import type { Inventory, InventoryError, OsRelease } from '../types.js';
import { lines } from './common.js';

export interface OsReleaseFields {
  fields: Record<string, string>;
  lines: Record<string, number>;
}

function unquote(raw: string): string | undefined {
  const v = raw.trim();
  if (v.startsWith('"')) {
    if (!v.endsWith('"') || v.length < 2) return undefined;
    return v.slice(1, -1).replace(/\\(["\\`$])/g, '$1');
  }
  if (v.startsWith("'")) {
    if (!v.endsWith("'") || v.length < 2) return undefined;
    return v.slice(1, -1);
  }
  return v;
}

export function parseOsRelease(text: string, file: string): Inventory {
  const errors: InventoryError[] = [];
  const fields: Record<string, string> = {};
  const at: Record<string, number> = {};
  lines(text).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(t);
    const value = m ? unquote(m[2]!) : undefined;
    if (!m || value === undefined) {
      errors.push({ file, line: i + 1, message: `not an os-release KEY=value line: ${JSON.stringify(t.slice(0, 80))}` });
      return;
    }
    fields[m[1]!] = value;
    at[m[1]!] = i + 1;
  });
  if (!fields.ID) {
    errors.push({ file, message: 'os-release has no ID field' });
    return { packages: [], errors };
  }
  const os: OsRelease = { id: fields.ID.toLowerCase(), location: lineRange(file, at.ID!) };
  if (fields.VERSION_ID) os.versionId = fields.VERSION_ID;
  if (fields.VERSION_CODENAME) os.versionCodename = fields.VERSION_CODENAME;
  const pretty = fields.PRETTY_NAME ?? fields.NAME;
  if (pretty) os.prettyName = pretty;
  // a release is located at its VERSION_ID line when there is one: that is the value that is out of support
  if (fields.VERSION_ID) os.location = lineRange(file, at.VERSION_ID!);
  return { packages: [], os, errors };
}

/**
 * The OSV ecosystem of a distribution's packages: `Debian:12`, `Ubuntu:22.04:LTS`, `Alpine:v3.19`,
 * `AlmaLinux:9`, `Rocky Linux:9`, `Red Hat:enterprise_linux:9`. Undefined when the release is unknown (Debian testing has no
 * VERSION_ID) or the distribution has no OSV ecosystem by release: then distro advisories, which
 * are per release, cannot be matched, and the packages keep their bare ecosystem.
 */
export function osvEcosystem(os: OsRelease): string | undefined {
  const v = os.versionId;
  if (!v) return undefined;
  switch (os.id) {
    case 'debian':
      return `Debian:${v.split('.')[0]}`;
    case 'ubuntu': {
      const lts = /LTS/i.test(os.prettyName ?? '') || (/^\d\d\.04$/.test(v) && Number(v.slice(0, 2)) % 2 === 0);
      return `Ubuntu:${v}${lts ? ':LTS' : ''}`;
    }
    case 'alpine': {
      const m = /^(\d+\.\d+)/.exec(v);
      return m ? `Alpine:v${m[1]}` : undefined;
    }
    case 'almalinux':
      return `AlmaLinux:${v.split('.')[0]}`;
    case 'rocky':
      return `Rocky Linux:${v.split('.')[0]}`;
    case 'rhel':
      // Red Hat's OSV records name a product stream and a repository:
      // `Red Hat:enterprise_linux:9::appstream`, `...::baseos`; a host of RHEL 9.x is on the
      // `enterprise_linux:9` stream (EUS/AUS streams cannot be told from os-release)
      return `Red Hat:enterprise_linux:${v.split('.')[0]}`;
    default:
      return undefined;
  }
}

/** The bare ecosystem for a distribution id, used when the release is not known. */
export function baseOsEcosystem(id: string): string | undefined {
  return (
    { debian: 'Debian', ubuntu: 'Ubuntu', alpine: 'Alpine', almalinux: 'AlmaLinux', rocky: 'Rocky Linux', rhel: 'Red Hat', amzn: 'Amazon Linux', centos: 'CentOS', fedora: 'Fedora', ol: 'Oracle Linux', opensuse: 'openSUSE', 'opensuse-leap': 'openSUSE', sles: 'SUSE' } as Record<string, string>
  )[id];
}
