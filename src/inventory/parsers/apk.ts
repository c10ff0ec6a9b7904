/**
 * Alpine `/lib/apk/db/installed`: one stanza per package, separated by blank lines, each line a
 * one-letter field (`P:` name, `V:` version, `o:` origin = source package, `A:` arch, ...).
 * Hand-written for the same reason as dpkg: a trivial format, and line numbers are needed.
 * Ecosystem `Alpine` until the os-release is known (`Alpine:v3.19`).
 */
import type { InstalledPackage, Inventory, InventoryError } from '../types.js';
import { lines, pkg } from './common.js';

export function parseApkInstalled(text: string, file: string): Inventory {
  const errors: InventoryError[] = [];
  const packages: InstalledPackage[] = [];
  let fields = new Map<string, string>();
  let start = 0;
  let end = 0;
  let bad = false;
  const flush = (): void => {
    if (start > 0 && !bad) {
      const name = fields.get('P');
      const version = fields.get('V');
      if (!name || !version) errors.push({ file, line: start, message: `apk entry without ${name ? 'V: (version)' : 'P: (name)'}; skipped` });
      else {
        const origin = fields.get('o');
        const extra: Partial<InstalledPackage> = { purl: `pkg:apk/alpine/${encodeURIComponent(name)}@${encodeURIComponent(version)}${fields.get('A') ? `?arch=${fields.get('A')}` : ''}` };
        if (origin) {
          extra.sourceName = origin;
          extra.sourceVersion = version;
        }
        packages.push(pkg(file, 'apk', 'Alpine', name, version, start, end, extra));
      }
    }
    fields = new Map();
    start = 0;
    bad = false;
  };
  lines(text).forEach((line, i) => {
    if (line.trim() === '') return flush();
    if (start === 0) start = i + 1;
    end = i + 1;
    if (bad) return;
    const m = /^([A-Za-z]):(.*)$/.exec(line);
    if (!m) {
      errors.push({ file, line: i + 1, message: `not an apk "X:value" line: ${JSON.stringify(line.slice(0, 80))}; entry skipped` });
      bad = true;
      return;
    }
    // repeated letters (R:, Z: per file) are kept first-wins: only P/V/o/A are read
    if (!fields.has(m[1]!)) fields.set(m[1]!, m[2]!.trim());
  });
  flush();
  if (packages.length === 0 && errors.length === 0 && text.trim() !== '') errors.push({ file, message: 'no package found in apk installed database' });
  return { packages, errors };
}
