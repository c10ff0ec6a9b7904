/**
 * Packages in a distribution's package database that are not the distribution's build, so its
 * advisories do not apply to them: matching them against the distro's fixed versions would be a
 * false alarm or a missed patch. Today: Node.js from NodeSource's repository (`nodejs`
 * `20.11.1-1nodesource1` in dpkg, `2:20.11.1-1nodesource` in rpm), an upstream build whose
 * support is Node.js's own (TET-PATCH-036 judges its release line).
 */
import type { Resource, ValueObject } from '../model/index.js';
import { baseEcosystem } from './versions/index.js';

const DISTROS = new Set(['Debian', 'Ubuntu', 'Alpine', 'AlmaLinux', 'Rocky Linux', 'Red Hat', 'Wolfi', 'Chainguard', 'SUSE', 'openSUSE', 'Mageia', 'openEuler', 'Photon']);

/** True for a distribution ecosystem (`Debian:12`, `AlmaLinux:9`, `Red Hat:enterprise_linux:9`). */
export function isDistroEcosystem(ecosystem: string): boolean {
  return DISTROS.has(baseEcosystem(ecosystem));
}

/** Who built a distro-ecosystem package when it is not the distribution (`NodeSource`), else undefined. */
export function foreignBuild(p: { ecosystem: string; name: string; version: string }): string | undefined {
  if (!isDistroEcosystem(p.ecosystem)) return undefined;
  if (p.name === 'nodejs' && /nodesource/i.test(p.version)) return 'NodeSource';
  return undefined;
}

/**
 * The scan note for packages left out of distribution matching, or undefined when there are
 * none: "1 package is not its distribution's build and is not matched against distribution
 * advisories: nodejs 20.11.1-1nodesource1 (NodeSource) at var/lib/dpkg/status:12 ...".
 */
export function foreignBuildNote(packages: Iterable<{ ecosystem: string; name: string; version: string; location?: { file: string; startLine: number } }>): string | undefined {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const p of packages) {
    const who = foreignBuild(p);
    if (!who) continue;
    const at = p.location ? ` at ${p.location.file}:${p.location.startLine}` : '';
    const item = `${p.name} ${p.version} (${who})${at}`;
    if (seen.has(item)) continue;
    seen.add(item);
    items.push(item);
  }
  if (items.length === 0) return undefined;
  const shown = items.slice(0, 5).join(', ') + (items.length > 5 ? `, and ${items.length - 5} more` : '');
  return `${items.length} package${items.length === 1 ? ' is' : 's are'} not the distribution's build and ${items.length === 1 ? 'is' : 'are'} not matched against distribution advisories: ${shown}; TET-PATCH-036 judges the Node.js release line of a NodeSource build`;
}

/** `foreignBuildNote` over the `packages` of a scan's inventory resources. */
export function foreignBuildNoteOf(resources: readonly Resource[]): string | undefined {
  const packages: { ecosystem: string; name: string; version: string; location: { file: string; startLine: number } }[] = [];
  for (const r of resources) {
    const list = r.attributes.packages;
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
      const p = raw as ValueObject;
      if (typeof p.ecosystem !== 'string' || typeof p.name !== 'string' || typeof p.version !== 'string') return;
      packages.push({ ecosystem: p.ecosystem, name: p.name, version: p.version, location: r.attributeLocations?.[`packages[${i}]`] ?? r.location });
    });
  }
  return foreignBuildNote(packages);
}
