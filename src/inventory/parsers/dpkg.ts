/**
 * Debian/Ubuntu `/var/lib/dpkg/status` (deb822 stanzas separated by blank lines; a line starting
 * with a space or tab continues the previous field). Hand-written: the format is a few lines of
 * rules and no maintained npm parser keeps line numbers.
 *
 * Only packages whose `Status:` is `install ok installed` are inventoried (half-installed,
 * config-files and deinstalled entries are not on the system as code). `Source: name (version)`
 * gives the source package and its version when they differ from the binary's; Debian and Ubuntu
 * advisories name source packages with source versions.
 *
 * The ecosystem is `Debian` until the os-release of the same root is known (`withOs` in index.ts
 * turns it into `Debian:12` or `Ubuntu:22.04:LTS`).
 */
import type { InstalledPackage, Inventory, InventoryError, RuntimeVersion } from '../types.js';
import { lines, pkg } from './common.js';

interface Stanza {
  start: number;
  end: number;
  fields: Map<string, string>;
}

export function parseDpkgStatus(text: string, file: string): Inventory {
  const errors: InventoryError[] = [];
  const packages: InstalledPackage[] = [];
  const all = lines(text);
  let cur: Stanza | undefined;
  let lastKey: string | undefined;
  let bad = false;
  const flush = (): void => {
    if (cur && !bad) take(cur, file, packages, errors);
    cur = undefined;
    lastKey = undefined;
    bad = false;
  };
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const n = i + 1;
    if (line.trim() === '') {
      flush();
      continue;
    }
    cur ??= { start: n, end: n, fields: new Map() };
    cur.end = n;
    if (bad) continue;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (lastKey === undefined) {
        errors.push({ file, line: n, message: 'continuation line without a field before it; stanza skipped' });
        bad = true;
        continue;
      }
      cur.fields.set(lastKey, `${cur.fields.get(lastKey)}\n${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) {
      errors.push({ file, line: n, message: `not a "Field: value" line: ${JSON.stringify(line.slice(0, 80))}; stanza skipped` });
      bad = true;
      continue;
    }
    lastKey = line.slice(0, colon).toLowerCase();
    cur.fields.set(lastKey, line.slice(colon + 1).trim());
  }
  flush();
  if (packages.length === 0 && errors.length === 0 && text.trim() !== '') errors.push({ file, message: 'no installed package found in dpkg status' });
  // Node.js from NodeSource's repository (`18.19.0-1nodesource1`) is an upstream build: its
  // support is Node.js's own, not the distribution's
  const runtimes: RuntimeVersion[] = packages
    .filter((p) => p.name === 'nodejs' && /nodesource/.test(p.version))
    .map((p) => ({ name: 'node', version: p.version.replace(/^\d+:/, '').replace(/-.*$/, ''), location: p.location }));
  return runtimes.length ? { packages, errors, runtimes } : { packages, errors };
}

function take(s: Stanza, file: string, out: InstalledPackage[], errors: InventoryError[]): void {
  const name = s.fields.get('package');
  const status = s.fields.get('status');
  const version = s.fields.get('version');
  if (!name) {
    errors.push({ file, line: s.start, message: 'stanza without a Package field; skipped' });
    return;
  }
  // "want ok state": only fully installed packages are on the system
  if (status !== undefined && !/^\S+\s+\S+\s+installed$/.test(status)) return;
  if (status === undefined) {
    errors.push({ file, line: s.start, message: `package ${name} has no Status field; skipped` });
    return;
  }
  if (!version) {
    errors.push({ file, line: s.start, message: `package ${name} has no Version field; skipped` });
    return;
  }
  const extra: Partial<InstalledPackage> = {};
  const source = s.fields.get('source');
  if (source) {
    const m = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(source);
    if (m) {
      extra.sourceName = m[1]!;
      extra.sourceVersion = m[2] ?? version;
    } else {
      errors.push({ file, line: s.start, message: `package ${name}: unreadable Source field ${JSON.stringify(source)}` });
    }
  }
  const arch = s.fields.get('architecture');
  extra.purl = `pkg:deb/debian/${encodeURIComponent(name)}@${encodeURIComponent(version)}${arch ? `?arch=${arch}` : ''}`;
  out.push(pkg(file, 'dpkg', 'Debian', name, version, s.start, s.end, extra));
}
