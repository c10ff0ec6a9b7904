/**
 * SBOMs: CycloneDX JSON (1.4–1.6) and SPDX JSON (2.3), claimed by content
 * (`"bomFormat": "CycloneDX"`, `"spdxVersion"` in the first bytes of a
 * `.json` file), read with `src/inventory/sbom/`.
 *
 * One resource per file, `type: 'PackageInventory'` (the shape of the other
 * package inventories: `packages[]` with the `InstalledPackage` fields and
 * `packages[i]` located at the package's entry; `kind` as in the inventory
 * source), `provider: 'generic'`, `id: 'PackageInventory:<path>'`. Further
 * attributes: `format` (`cyclonedx` | `spdx`), `specVersion`, `subject` (the
 * described component), `os` (from an operating-system component), `skipped`
 * (entries without a purl OSV knows).
 */
import type { Resource, Value } from '../../model/index.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { toScanError, type ScanError } from '../../scan/errors.js';
import { readSourceText } from '../../scan/read-text.js';
import { inventoryAttributes } from '../../inventory/attributes.js';
import { readSbom, sbomFormatOf } from '../../inventory/sbom/index.js';
import type { Source, SourceOutput } from '../types.js';

export const SBOM_SOURCE = 'sbom';
export const PACKAGE_INVENTORY_TYPE = 'PackageInventory';

export const sbomSource: Source = {
  kind: SBOM_SOURCE,
  claims(file: DiscoveredFile): boolean {
    return /\.json$/i.test(file.path) && sbomFormatOf(file.head) !== undefined;
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      try {
        const text = readSourceText(file);
        const inv = readSbom(text, file.displayPath);
        const { packages, os, locations } = inventoryAttributes(inv.packages, inv.os);
        const lines = text.split('\n').length;
        resources.push({
          id: `${PACKAGE_INVENTORY_TYPE}:${file.displayPath}`,
          type: PACKAGE_INVENTORY_TYPE,
          provider: 'generic',
          source: SBOM_SOURCE,
          name: file.displayPath,
          attributes: {
            kind: inv.format,
            format: inv.format,
            specVersion: inv.specVersion,
            subject: (inv.subject ? JSON.parse(JSON.stringify(inv.subject)) : null) as Value,
            os,
            packages,
            skipped: inv.skipped,
          },
          location: { file: file.displayPath, startLine: 1, endLine: lines },
          attributeLocations: locations,
          references: [],
        });
        for (const e of inv.errors) errors.push({ kind: 'parse', file: e.file, line: e.line, message: e.message, source: SBOM_SOURCE });
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, SBOM_SOURCE));
      }
    }
    return { resources, errors };
  },
};
