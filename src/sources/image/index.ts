/**
 * Container image tarballs (`docker save`, OCI image layout; plain or gzip).
 * Discovery keeps tar archives whatever their size (`DiscoveredFile.archive`);
 * this source claims those whose first entries look like an image
 * (`manifest.json`, `index.json`, `oci-layout`, `blobs/`, `<sha256>/`) and
 * reads them with `src/inventory/image/`.
 *
 * One resource per image, `type: 'ContainerImage'`, `provider: 'docker'`,
 * `id: 'ContainerImage:<ref>'`, located at the archive (line 1). Attributes:
 * `ref`, `tags`, `imageId` (config digest), `platform`, `archive` (the tar's
 * path), `os` (os-release: `id`, `versionId`, ..., OSV `ecosystem`; or null),
 * `layers[]` (`digest`, `path`), `packages[]` (as in `PackageInventory`:
 * ecosystem, name, version, foundBy, purl?, sourceName?, ..., plus `image`
 * and `layer`), `notes[]` (what was left out, e.g. a runc binary whose
 * version could not be told). `packages[i]` is located at the package's entry
 * (`ARCHIVE!/path/in/image` and line), `os` at the os-release.
 */
import type { Resource } from '../../model/index.js';
import type { DiscoveredFile } from '../../scan/discover.js';
import { toScanError, type ScanError } from '../../scan/errors.js';
import { inventoryAttributes } from '../../inventory/attributes.js';
import { readImageArchive, type ImageInventory } from '../../inventory/image/index.js';
import type { Source, SourceOutput } from '../types.js';

export const IMAGE_SOURCE = 'image';
export const CONTAINER_IMAGE_TYPE = 'ContainerImage';

/** entry names that start image archives (at a tar header: offset 0 of a 512-byte block) */
const IMAGE_ENTRY = /^(?:\.\/)?(?:blobs\/|oci-layout|index\.json|manifest\.json|repositories|[0-9a-f]{64})/;

function looksLikeImage(head: string): boolean {
  for (let off = 0; off + 512 <= head.length; off += 512) {
    if (head.slice(off + 257, off + 262) !== 'ustar') continue;
    const name = head.slice(off, off + 100).replace(/\0.*$/s, '');
    if (IMAGE_ENTRY.test(name)) return true;
  }
  return false;
}

export const imageSource: Source = {
  kind: IMAGE_SOURCE,
  claims(file: DiscoveredFile): boolean {
    return file.archive !== undefined && looksLikeImage(file.archiveHead ?? '');
  },
  async load(files: DiscoveredFile[]): Promise<SourceOutput> {
    const resources: Resource[] = [];
    const errors: ScanError[] = [];
    for (const file of files) {
      // an archive holds no suppression comments: the suppression step need not read it
      file.mentionsIgnore = false;
      try {
        const archive = await readImageArchive(file.path, file.displayPath);
        for (const e of archive.errors) errors.push({ kind: 'parse', file: e.file, line: e.line, message: e.message, source: IMAGE_SOURCE });
        for (const img of archive.images) {
          resources.push(imageResource(img, file.displayPath));
          for (const e of img.errors) errors.push({ kind: 'parse', file: e.file, line: e.line, message: e.message, source: IMAGE_SOURCE });
          // deliberate omissions (a binary without a readable version, a lockfile include) are 'skipped', as in the inventory source
          for (const n of img.notes) errors.push({ kind: 'skipped', file: n.file, line: n.line, message: n.message, source: IMAGE_SOURCE });
        }
      } catch (err) {
        errors.push(toScanError(err, file.displayPath, IMAGE_SOURCE));
      }
    }
    return { resources, errors };
  },
};

export function imageResource(img: ImageInventory, archive: string): Resource {
  const { packages, os, locations } = inventoryAttributes(img.packages, img.os);
  return {
    id: `${CONTAINER_IMAGE_TYPE}:${img.ref}`,
    type: CONTAINER_IMAGE_TYPE,
    provider: 'docker',
    source: IMAGE_SOURCE,
    name: img.ref,
    attributes: {
      ref: img.ref,
      tags: img.tags,
      imageId: img.id ?? null,
      platform: img.platform ?? null,
      archive,
      os,
      layers: img.layers.map((l) => ({ digest: l.digest, path: l.path })),
      packages,
      notes: img.notes.map((n) => n.message),
    },
    location: { file: archive, startLine: 1, endLine: 1 },
    attributeLocations: locations,
    references: [],
  };
}
