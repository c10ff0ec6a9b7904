/**
 * Inventory → model resource attributes, in the shape of the inventory source
 * (`src/sources/inventory/`): `packages[]` with the `InstalledPackage` fields
 * other than the location, `os` with its OSV `ecosystem`; the locations go to
 * `attributeLocations` (`packages[i]` → the package's entry, `os` → the
 * os-release), so a finding about one package points at its entry.
 */
import type { Location, Value, ValueObject } from '../model/index.js';
import { osvEcosystem } from './parsers/index.js';
import type { InstalledPackage, OsRelease } from './types.js';

export function packageValue(p: InstalledPackage): ValueObject {
  const out: ValueObject = { ecosystem: p.ecosystem, name: p.name, version: p.version, foundBy: p.foundBy };
  for (const k of ['purl', 'sourceName', 'sourceVersion', 'image', 'layer', 'direct'] as const) {
    const v = p[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function osValue(os: OsRelease | undefined): Value {
  if (!os) return null;
  const out: ValueObject = { id: os.id };
  if (os.versionId !== undefined) out.versionId = os.versionId;
  if (os.versionCodename !== undefined) out.versionCodename = os.versionCodename;
  if (os.prettyName !== undefined) out.prettyName = os.prettyName;
  const eco = osvEcosystem(os);
  if (eco) out.ecosystem = eco;
  return out;
}

/** `packages` and `os` attribute values and their locations. */
export function inventoryAttributes(packages: readonly InstalledPackage[], os?: OsRelease): { packages: ValueObject[]; os: Value; locations: Record<string, Location> } {
  const locations: Record<string, Location> = {};
  packages.forEach((p, i) => (locations[`packages[${i}]`] = p.location));
  if (os) locations.os = os.location;
  return { packages: packages.map(packageValue), os: osValue(os), locations };
}
