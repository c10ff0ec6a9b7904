/**
 * RPM package lists as text, in two formats (one package a line):
 *
 * 1. Tetrad's documented query format, which keeps the epoch and the source rpm:
 *      rpm -qa --queryformat '%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH} %{SOURCERPM}\n'
 *    e.g. `openssl-libs 1:3.0.7-27.el9 x86_64 openssl-3.0.7-27.el9.src.rpm`. The epoch may be
 *    `(none)` (from `%{EPOCH}`), and the arch and source rpm columns may be left out.
 * 2. Plain `rpm -qa` output, NEVRA without the epoch: `bash-5.1.8-9.el9.x86_64`. The epoch is not
 *    in this output, so a package with a non-zero epoch compares as epoch 0: prefer format 1.
 *
 * Blank lines and `#` comments are ignored. The ecosystem is `Red Hat` until the os-release is
 * known (`AlmaLinux:9`, `Rocky Linux:9`).
 */
import type { InstalledPackage, Inventory, InventoryError } from '../types.js';
import { lines, pkg } from './common.js';

const ARCHES = new Set(['x86_64', 'noarch', 'i386', 'i486', 'i586', 'i686', 'aarch64', 'ppc64le', 'ppc64', 's390x', 'armv7hl', 'armhfp', 'src', 'riscv64']);

/** `openssl-3.0.7-27.el9.src.rpm` → `openssl` */
function sourceNameOf(srpm: string): string | undefined {
  const m = /^(.+)-[^-]+-[^-]+\.(?:no)?src\.rpm$/.exec(srpm);
  return m?.[1];
}

export function parseRpmList(text: string, file: string): Inventory {
  const errors: InventoryError[] = [];
  const packages: InstalledPackage[] = [];
  lines(text).forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (line === '' || line.startsWith('#')) return;
    const cols = line.split(/\s+/);
    if (cols.length >= 2) {
      // format 1: NAME [EPOCH:]VERSION-RELEASE [ARCH [SOURCERPM]]
      const m = /^(?:(\d+|\(none\)):)?([^-\s:]+)-([^-\s]+)$/.exec(cols[1]!);
      if (!m || cols.length > 4) {
        errors.push({ file, line: n, message: `not "NAME EPOCH:VERSION-RELEASE ARCH" nor a NEVRA: ${JSON.stringify(line.slice(0, 80))}` });
        return;
      }
      const epoch = m[1] && m[1] !== '(none)' && m[1] !== '0' ? `${m[1]}:` : '';
      const extra: Partial<InstalledPackage> = {};
      const srpm = cols[3] && cols[3] !== '(none)' ? sourceNameOf(cols[3]) : undefined;
      if (srpm) extra.sourceName = srpm;
      packages.push(pkg(file, 'rpm', 'Red Hat', cols[0]!, `${epoch}${m[2]}-${m[3]}`, n, n, extra));
      return;
    }
    // format 2: NAME-VERSION-RELEASE[.ARCH]
    let nevr = line;
    const dot = nevr.lastIndexOf('.');
    if (dot > 0 && ARCHES.has(nevr.slice(dot + 1))) nevr = nevr.slice(0, dot);
    const m = /^(.+)-([^-]+)-([^-]+)$/.exec(nevr);
    if (!m) {
      errors.push({ file, line: n, message: `not a NAME-VERSION-RELEASE.ARCH line: ${JSON.stringify(line.slice(0, 80))}` });
      return;
    }
    packages.push(pkg(file, 'rpm', 'Red Hat', m[1]!, `${m[2]}-${m[3]}`, n));
  });
  if (packages.length === 0 && errors.length === 0) errors.push({ file, message: 'no package found in rpm list' });
  return { packages, errors };
}
