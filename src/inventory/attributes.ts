/**
 * Inventory → model resource attributes: each package becomes a plain object
 * with the `InstalledPackage` fields (location included), and
 * `packages[i]` is located at the package's own file and line, so a finding
 * about one package points at its entry.
 */
import type { Location, Value, ValueObject } from '../model/index.js';
import type { InstalledPackage, OsRelease } from './types.js';

export function packageValue(p: InstalledPackage): ValueObject {
  const out: ValueObject = { ecosystem: p.ecosystem, name: p.name, version: p.version, foundBy: p.foundBy, location: { ...p.location } as ValueObject };
  for (const k of ['purl', 'sourceName', 'sourceVersion', 'image', 'layer', 'direct'] as const) {
    const v = p[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export function osValue(os: OsRelease | undefined): Value {
  if (!os) return null;
  const out: ValueObject = { id: os.id, location: { ...os.location } as ValueObject };
  if (os.versionId !== undefined) out.versionId = os.versionId;
  if (os.versionCodename !== undefined) out.versionCodename = os.versionCodename;
  if (os.prettyName !== undefined) out.prettyName = os.prettyName;
  return out;
}

/** `packages` attribute values and their `packages[i]` locations. */
export function packageAttributes(packages: readonly InstalledPackage[]): { packages: ValueObject[]; locations: Record<string, Location> } {
  const locations: Record<string, Location> = {};
  packages.forEach((p, i) => (locations[`packages[${i}]`] = p.location));
  return { packages: packages.map(packageValue), locations };
}
