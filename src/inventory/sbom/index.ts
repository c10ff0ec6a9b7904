/**
 * SBOM readers: CycloneDX JSON (1.4–1.6; 1.2 and 1.3 read the same way) and
 * SPDX JSON (2.3; 2.2 the same). Each package with a package URL OSV knows
 * becomes an `InstalledPackage` located at the line of its entry; files are
 * recognised by content (`"bomFormat": "CycloneDX"`, `"spdxVersion"`), never
 * by name.
 *
 * Packages without a usable purl (no purl, or a type such as `generic`) are
 * not in the inventory: without an ecosystem they cannot be matched, and a
 * guessed one would match the wrong advisories. They are counted in
 * `skipped` so a caller can say so.
 */
import type { Location } from '../../model/index.js';
import { ParseError } from '../../scan/errors.js';
import type { InstalledPackage, Inventory, InventoryError, OsRelease } from '../types.js';
import { items, parseJsonTree, prop, str, type JsonDoc, type Node } from './json-tree.js';
import { parsePurl, purlToPackage } from './purl.js';

export { parsePurl, purlToPackage } from './purl.js';

export type SbomFormat = 'cyclonedx' | 'spdx';

export interface SbomPackage extends InstalledPackage {
  /** CycloneDX `bom-ref` or SPDX `SPDXID` */
  ref?: string;
}

export interface SbomInventory extends Inventory {
  format: SbomFormat;
  /** `1.5` (CycloneDX specVersion) or `SPDX-2.3` */
  specVersion: string;
  packages: SbomPackage[];
  /** the SBOM's subject: CycloneDX metadata.component, SPDX described package */
  subject?: { name: string; version?: string; ref?: string };
  /** entries left out because they carry no purl OSV knows */
  skipped: number;
}

/** Which SBOM format the first bytes of a JSON file announce, if any. */
export function sbomFormatOf(head: string): SbomFormat | undefined {
  if (/"bomFormat"\s*:\s*"CycloneDX"/.test(head)) return 'cyclonedx';
  if (/"spdxVersion"\s*:\s*"SPDX-\d/.test(head)) return 'spdx';
  return undefined;
}

/** Reads an SBOM; throws ParseError when the file is not valid JSON or not an SBOM at all. */
export function readSbom(text: string, file: string): SbomInventory {
  const doc = parseJsonTree(text, file);
  if (doc.root.type !== 'object') throw new ParseError(file, doc.lineAt(doc.root.offset), 'an SBOM must be a JSON object');
  if (str(doc.root, 'bomFormat') === 'CycloneDX') return readCycloneDx(doc, file);
  if (str(doc.root, 'spdxVersion') !== undefined) return readSpdx(doc, file);
  throw new ParseError(file, 1, 'not an SBOM: neither "bomFormat": "CycloneDX" nor "spdxVersion"');
}

class Reader {
  readonly packages: SbomPackage[] = [];
  readonly errors: InventoryError[] = [];
  skipped = 0;
  constructor(
    readonly doc: JsonDoc,
    readonly file: string,
    readonly foundBy: string,
  ) {}

  loc(node: Node): Location {
    return { file: this.file, startLine: this.doc.lineAt(node.offset), endLine: this.doc.lineAt(node.offset + node.length) };
  }

  error(node: Node, message: string): void {
    this.errors.push({ file: this.file, line: this.doc.lineAt(node.offset), message });
  }

  /** Adds the package a purl names; false when the purl is unusable (counted or reported). */
  addPurl(node: Node, purl: string | undefined, fallbackVersion: string | undefined, ref: string | undefined): boolean {
    if (purl === undefined) {
      this.skipped++;
      return false;
    }
    const parsed = parsePurl(purl);
    if (!parsed) {
      this.error(node, `invalid package URL "${purl}"`);
      return false;
    }
    const pkg = purlToPackage(parsed);
    if (!pkg) {
      this.skipped++;
      return false;
    }
    const version = pkg.version ?? fallbackVersion;
    if (version === undefined || version === '') {
      this.error(node, `package ${pkg.name} has no version (purl ${purl})`);
      return false;
    }
    const out: SbomPackage = { ecosystem: pkg.ecosystem, name: pkg.name, version, purl, location: this.loc(node), foundBy: this.foundBy };
    if (pkg.sourceName) out.sourceName = pkg.sourceName;
    if (ref !== undefined) out.ref = ref;
    this.packages.push(out);
    return true;
  }
}

const CYCLONEDX_VERSIONS = new Set(['1.2', '1.3', '1.4', '1.5', '1.6']);

function readCycloneDx(doc: JsonDoc, file: string): SbomInventory {
  const r = new Reader(doc, file, 'cyclonedx');
  const specNode = prop(doc.root, 'specVersion');
  const specVersion = specNode?.type === 'string' ? (specNode.value as string) : '';
  if (!CYCLONEDX_VERSIONS.has(specVersion)) {
    throw new ParseError(file, doc.lineAt((specNode ?? doc.root).offset), specNode ? `unsupported CycloneDX specVersion "${specVersion}" (1.2–1.6 are read)` : 'CycloneDX BOM without specVersion');
  }
  let os: OsRelease | undefined;
  const visit = (list: Node | undefined, where: string): void => {
    if (list === undefined) return;
    if (list.type !== 'array') {
      r.error(list, `${where} must be an array`);
      return;
    }
    for (const c of items(list)) {
      if (c.type !== 'object') {
        r.error(c, `${where} entry must be an object`);
        continue;
      }
      const name = str(c, 'name');
      if (name === undefined) {
        r.error(c, `${where} entry without "name"`);
      } else if (str(c, 'type') === 'operating-system') {
        os ??= { id: name.toLowerCase(), versionId: str(c, 'version'), prettyName: str(c, 'description'), location: r.loc(c) };
      } else {
        r.addPurl(c, str(c, 'purl'), str(c, 'version'), str(c, 'bom-ref'));
      }
      visit(prop(c, 'components'), 'components');
    }
  };
  const metadata = prop(doc.root, 'metadata');
  const subjectNode = prop(metadata, 'component');
  let subject: SbomInventory['subject'];
  if (subjectNode?.type === 'object') {
    const name = str(subjectNode, 'name');
    if (name !== undefined) {
      subject = { name, version: str(subjectNode, 'version'), ref: str(subjectNode, 'bom-ref') };
      if (str(subjectNode, 'type') !== 'operating-system') r.addPurl(subjectNode, str(subjectNode, 'purl'), subject.version, subject.ref);
    }
    visit(prop(subjectNode, 'components'), 'metadata.component.components');
  }
  visit(prop(doc.root, 'components'), 'components');
  // direct dependencies: what the subject dependsOn
  if (subject?.ref !== undefined) {
    for (const d of items(prop(doc.root, 'dependencies'))) {
      if (str(d, 'ref') !== subject.ref) continue;
      const direct = new Set(items(prop(d, 'dependsOn')).map((n) => n.value as string));
      for (const p of r.packages) if (p.ref !== undefined && direct.has(p.ref)) p.direct = true;
    }
  }
  return { format: 'cyclonedx', specVersion, packages: r.packages, os, errors: r.errors, subject, skipped: r.skipped };
}

function readSpdx(doc: JsonDoc, file: string): SbomInventory {
  const r = new Reader(doc, file, 'spdx');
  const specNode = prop(doc.root, 'spdxVersion')!;
  const specVersion = String(specNode.value);
  if (!/^SPDX-2\.[23]$/.test(specVersion)) throw new ParseError(file, doc.lineAt(specNode.offset), `unsupported spdxVersion "${specVersion}" (SPDX-2.2 and SPDX-2.3 JSON are read)`);
  const packagesNode = prop(doc.root, 'packages');
  if (packagesNode !== undefined && packagesNode.type !== 'array') r.error(packagesNode, 'packages must be an array');
  let os: OsRelease | undefined;
  const described = new Set(items(prop(doc.root, 'documentDescribes')).map((n) => n.value as string));
  const rels = items(prop(doc.root, 'relationships')).map((n) => ({ a: str(n, 'spdxElementId'), type: str(n, 'relationshipType'), b: str(n, 'relatedSpdxElement') }));
  for (const rel of rels) if (rel.a === 'SPDXRef-DOCUMENT' && rel.type === 'DESCRIBES' && rel.b) described.add(rel.b);
  const direct = new Set<string>();
  for (const rel of rels) {
    if (rel.type === 'DEPENDS_ON' && rel.a && described.has(rel.a) && rel.b) direct.add(rel.b);
    if (rel.type === 'DEPENDENCY_OF' && rel.b && described.has(rel.b) && rel.a) direct.add(rel.a);
  }
  let subject: SbomInventory['subject'];
  for (const p of items(packagesNode)) {
    if (p.type !== 'object') {
      r.error(p, 'packages entry must be an object');
      continue;
    }
    const name = str(p, 'name');
    const id = str(p, 'SPDXID');
    if (name === undefined) {
      r.error(p, 'package without "name"');
      continue;
    }
    const version = str(p, 'versionInfo');
    if (id !== undefined && described.has(id)) subject ??= { name, version, ref: id };
    if (str(p, 'primaryPackagePurpose') === 'OPERATING-SYSTEM') {
      os ??= { id: name.toLowerCase(), versionId: version, location: r.loc(p) };
      continue;
    }
    const purls = items(prop(p, 'externalRefs')).filter((e) => /^PACKAGE[-_]MANAGER$/.test(str(e, 'referenceCategory') ?? '') && str(e, 'referenceType') === 'purl');
    const purl = purls.length > 0 ? str(purls[0], 'referenceLocator') : undefined;
    if (r.addPurl(p, purl, version === 'NOASSERTION' ? undefined : version, id) && id !== undefined && direct.has(id)) r.packages[r.packages.length - 1]!.direct = true;
  }
  return { format: 'spdx', specVersion, packages: r.packages, os, errors: r.errors, subject, skipped: r.skipped };
}
