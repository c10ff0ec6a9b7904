/**
 * Software inventories (`source: 'inventory'`): OS package databases, os-release files and
 * language lockfiles, read by the pure parsers of `src/inventory/parsers/` (the registry there
 * decides which files are claimed, by path), plus OSV advisory records kept in the tree.
 *
 * One resource per inventory file:
 *   type 'PackageInventory', id 'PackageInventory:<display path>', provider: the distribution id
 *   for OS files (`debian`, `ubuntu`, `alpine`...) else 'generic'. Attributes:
 *     kind:      the parser kind (`dpkg`, `apk`, `rpm`, `os-release`, `package-lock`, ...)
 *     os:        { id, versionId, versionCodename, prettyName, ecosystem } of the root file system
 *                (for OS databases and os-release files, when an os-release is found in the same root)
 *     packages:  [{ ecosystem, name, version, sourceName?, sourceVersion?, purl?, direct?, foundBy }]
 *     runtimes:  [{ name, version }] language runtimes with an upstream lifecycle (Pipfile.lock's
 *                Python, a go.mod toolchain, NodeSource's nodejs), located at `runtimes[i]`
 *   attributeLocations: `packages[i]` → the package's entry (a dpkg stanza, a lockfile line),
 *   `os` → the VERSION_ID line of the os-release.
 * An OS database and the os-release share a root when they sit under the same prefix of
 * `var/lib/dpkg/status`, `lib/apk/db/installed`, `etc/os-release`, `usr/lib/os-release` (for an
 * `rpm-qa.txt`, its folder); `etc/os-release` wins over `usr/lib/os-release`.
 *
 * OSV records: JSON files under a folder named `advisories/` (an object or an array of them)
 * become resources of type 'OsvAdvisory' (id 'OsvAdvisory:<osv id>'; `meta.osv` holds the
 * record, attributes only the id and aliases), which the scan loads into an in-memory advisory
 * index (`src/vulns/advisories.ts`). A JSON file elsewhere is an advisory only when it has the
 * OSV shape (`id`, `modified` and `affected` or `schema_version` in its first bytes).
 *
 * Parser problems become parse errors at file:line; deliberate omissions (`notes`: a property a
 * POM does not define, a parent outside the tree) become 'skipped' entries. `-r`/`-c` includes of
 * requirements files are followed inside the scanned paths (`options.roots`), `<parent>` POMs among
 * the discovered POMs.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, posix as posixPath, resolve as resolvePath, sep } from 'node:path';
import type { Resource, Value, ValueObject } from '../../model/index.js';
import { lineRange } from '../../model/location.js';
import { osvEcosystem, parserFor, systemRoot, withOs, type ParserEntry } from '../../inventory/parsers/index.js';
import type { Inventory, OsRelease } from '../../inventory/types.js';
import { parsePom, type PomResolver } from '../../inventory/parsers/maven.js';
import { parseRequirements, type RequirementsIncluder } from '../../inventory/parsers/python.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import { parseJsonOrThrow } from '../shared/json-error.js';
import { osvRecord } from '../../vulns/osv.js';
import type { Source, SourceOptions, SourceOutput } from '../types.js';

const posix = (p: string): string => p.replace(/\\/g, '/');

/** True for a JSON file that is (or is an array of) OSV records. */
export function isAdvisoryFile(file: DiscoveredFile): boolean {
  const p = posix(file.path);
  if (!p.endsWith('.json')) return false;
  const head = file.head;
  const osvShape = /"id"\s*:/.test(head) && /"modified"\s*:/.test(head) && (/"affected"\s*:/.test(head) || /"schema_version"\s*:/.test(head));
  if (/\/advisories\//.test(p)) return osvShape || /^\s*\[/.test(head);
  return osvShape && !/"AWSTemplateFormatVersion"|"Resources"\s*:|"resource_changes"|"planned_values"/.test(head);
}

/**
 * A `<parent>`'s relativePath resolved among the POMs of the scan: inside the scanned tree
 * only (a path that leaves it, or a POM that was not discovered, is not read).
 */
function pomResolver(files: DiscoveredFile[]): PomResolver {
  const poms = new Map(files.filter((f) => parserFor(posix(f.path))?.kind === 'maven-pom').map((f) => [posixPath.normalize(posix(f.displayPath)), f]));
  return (from, rel) => {
    let target = posixPath.normalize(posixPath.join(posixPath.dirname(posix(from)), posix(rel)));
    if (!target.endsWith('.xml')) target = posixPath.join(target, 'pom.xml');
    const f = poms.get(target);
    return f ? { text: readSourceText(f), file: f.displayPath } : undefined;
  };
}

/**
 * `-r`/`-c` includes of a requirements file: relative to the including file, read only when they
 * resolve (symlinks followed) inside a scanned path; without roots, no include is followed.
 */
function requirementsIncluder(top: DiscoveredFile, roots: string[] | undefined): RequirementsIncluder | undefined {
  if (!roots?.length) return undefined;
  const real = (p: string): string | undefined => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const realRoots = roots.flatMap((r) => real(r) ?? []);
  const inside = (p: string): boolean => realRoots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
  const absOf = new Map<string, string>([[top.displayPath, top.path]]);
  return (from, path) => {
    const base = absOf.get(from);
    if (!base) return { error: 'cannot resolve the include' };
    const abs = resolvePath(dirname(base), path);
    const display = posixPath.normalize(posixPath.join(posixPath.dirname(posix(from)), posix(path)));
    const r = real(abs);
    if (r === undefined) return { error: `${display} does not exist` };
    if (!inside(r)) return { error: `${display} is outside the scanned tree; not read` };
    let text: string;
    try {
      text = readFileSync(r, 'utf8');
    } catch (err) {
      return { error: `${display} cannot be read: ${(err as Error).message}` };
    }
    absOf.set(display, r);
    return { text, file: display };
  };
}

export const inventorySource: Source = {
  kind: 'inventory',
  claims(file) {
    return parserFor(posix(file.path)) !== undefined || isAdvisoryFile(file);
  },
  async load(files: DiscoveredFile[], options?: SourceOptions): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    const parsed: Array<{ file: DiscoveredFile; entry: ParserEntry; inv: Inventory }> = [];
    const goMods = new Set(files.filter((f) => parserFor(posix(f.path))?.kind === 'go-mod').map((f) => dirname(f.path)));
    const poms = pomResolver(files);
    for (const file of files) {
      const entry = parserFor(posix(file.path));
      if (!entry) {
        loadAdvisories(file, resources, errors);
        continue;
      }
      // go.sum lists versions the build may no longer select: the go.mod beside it is the inventory
      if (entry.kind === 'go-sum' && goMods.has(dirname(file.path))) continue;
      let inv: Inventory;
      try {
        inv =
          entry.kind === 'maven-pom'
            ? parsePom(readSourceText(file), file.displayPath, poms)
            : entry.kind === 'requirements'
              ? parseRequirements(readSourceText(file), file.displayPath, requirementsIncluder(file, options?.roots))
              : entry.parse(readSourceText(file), file.displayPath);
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, 'inventory'));
        continue;
      }
      for (const e of inv.errors) errors.push({ kind: 'parse', file: e.file, line: e.line, message: e.message, source: 'inventory' });
      for (const n of inv.notes ?? []) errors.push({ kind: 'skipped', file: n.file, line: n.line, message: n.message, source: 'inventory' });
      // a file that could not be read at all (invalid JSON, not a lockfile) is only its error
      if (inv.packages.length === 0 && !inv.os && inv.errors.length > 0) continue;
      parsed.push({ file, entry, inv });
    }
    // the os-release of each root: etc/ before usr/lib/
    const osByRoot = new Map<string, OsRelease>();
    for (const p of parsed.filter((x) => x.entry.kind === 'os-release' && x.inv.os).sort((a, b) => Number(posix(a.file.path).includes('/usr/lib/')) - Number(posix(b.file.path).includes('/usr/lib/')))) {
      const root = systemRoot(posix(p.file.path));
      if (!osByRoot.has(root)) osByRoot.set(root, p.inv.os!);
    }
    for (const { file, entry, inv } of parsed) {
      // usr/lib/os-release beside an etc/os-release of the same root says the same: one is kept
      if (entry.kind === 'os-release' && osByRoot.get(systemRoot(posix(file.path))) !== inv.os) continue;
      const os = entry.os ? (inv.os ?? osByRoot.get(systemRoot(posix(file.path)))) : undefined;
      const full = entry.os && entry.kind !== 'os-release' ? withOs(inv, os) : inv;
      resources.push(toResource(file, entry, full, os));
    }
    return { resources, errors };
  },
};

function toResource(file: DiscoveredFile, entry: ParserEntry, inv: Inventory, os: OsRelease | undefined): Resource {
  const attributeLocations: Record<string, ReturnType<typeof lineRange>> = {};
  const packages: Value[] = inv.packages.map((p, i) => {
    attributeLocations[`packages[${i}]`] = p.location;
    const o: ValueObject = { ecosystem: p.ecosystem, name: p.name, version: p.version, foundBy: p.foundBy };
    if (p.sourceName !== undefined) o.sourceName = p.sourceName;
    if (p.sourceVersion !== undefined) o.sourceVersion = p.sourceVersion;
    if (p.purl !== undefined) o.purl = p.purl;
    if (p.direct !== undefined) o.direct = p.direct;
    return o;
  });
  const attributes: ValueObject = { kind: entry.kind, packages };
  if (inv.runtimes?.length) {
    attributes.runtimes = inv.runtimes.map((r, i) => {
      attributeLocations[`runtimes[${i}]`] = r.location;
      return { name: r.name, version: r.version };
    });
  }
  if (os) {
    const o: ValueObject = { id: os.id };
    if (os.versionId !== undefined) o.versionId = os.versionId;
    if (os.versionCodename !== undefined) o.versionCodename = os.versionCodename;
    if (os.prettyName !== undefined) o.prettyName = os.prettyName;
    const eco = osvEcosystem(os);
    if (eco) o.ecosystem = eco;
    attributes.os = o;
    if (os.location.file === file.displayPath) attributeLocations.os = os.location;
  }
  const last = inv.packages.reduce((n, p) => Math.max(n, p.location.endLine), 1);
  return {
    id: `PackageInventory:${file.displayPath}`,
    type: 'PackageInventory',
    provider: entry.os && os ? os.id : 'generic',
    source: 'inventory',
    name: file.displayPath,
    attributes,
    location: lineRange(file.displayPath, 1, last),
    attributeLocations,
    references: [],
  };
}

function loadAdvisories(file: DiscoveredFile, resources: Resource[], errors: ScanError[]): void {
  let raw: unknown;
  try {
    raw = parseJsonOrThrow(readSourceText(file), file.displayPath);
  } catch (err) {
    errors.push(toScanError(err, file.displayPath, 'inventory'));
    return;
  }
  const list = Array.isArray(raw) ? raw : [raw];
  list.forEach((r, i) => {
    const parsed = osvRecord.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = Array.isArray(raw) ? `[${i}].` : '';
      errors.push({ kind: 'parse', file: file.displayPath, message: `not an OSV record: ${where}${issue.path.join('.') || '(root)'}: ${issue.message}`, source: 'inventory' });
      return;
    }
    const rec = parsed.data;
    resources.push({
      id: `OsvAdvisory:${rec.id}`,
      type: 'OsvAdvisory',
      provider: 'osv',
      source: 'inventory',
      name: rec.id,
      attributes: { id: rec.id, aliases: [...(rec.aliases ?? [])] },
      location: lineRange(file.displayPath, 1),
      attributeLocations: {},
      references: [],
      meta: { osv: r as Value },
    });
  });
}
