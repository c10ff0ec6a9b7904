/**
 * Software inventory: the packages found on hosts, in images, lockfiles and SBOMs, and the versions
 * of managed services. Every inventory parser returns this shape; the vulnerability matcher
 * (`src/vulns/match.ts`) reads `ecosystem`/`name`/`version` as an OSV `PackageVersion`.
 */
import type { Location } from '../model/index.js';

export interface InstalledPackage {
  /** OSV ecosystem, with the distribution release for OS packages: `Debian:12`, `Alpine:v3.19`, `npm`, `PyPI` */
  ecosystem: string;
  name: string;
  version: string;
  /** package URL when known (SBOMs carry one; parsers may build one) */
  purl?: string;
  /** the source package for distro binaries (Debian `Source:`, rpm source rpm, apk origin) — distro advisories name it */
  sourceName?: string;
  sourceVersion?: string;
  /** where the package was declared: the file and line of its entry */
  location: Location;
  /** which reader found it: 'dpkg', 'apk', 'rpm', 'package-lock', 'cyclonedx', 'binary' ... */
  foundBy: string;
  /** for images: the image reference and the layer digest that added it */
  image?: string;
  layer?: string;
  /** a direct dependency of the project (lockfiles that can tell) */
  direct?: boolean;
}

/** The operating system of a host or image, from /etc/os-release. */
export interface OsRelease {
  id: string;
  versionId?: string;
  versionCodename?: string;
  prettyName?: string;
  location: Location;
}

export interface InventoryError {
  file: string;
  line?: number;
  message: string;
}

/**
 * A language runtime an inventory names with its upstream lifecycle: the Python a Pipfile.lock
 * was locked for, a go.mod `toolchain`, a Node.js build from NodeSource in a dpkg database.
 * Runtimes packaged by a distribution are left out: their support follows the distribution's.
 */
export interface RuntimeVersion {
  /** the name of its table in data/eol.yaml `languages`: `python`, `go`, `node` */
  name: string;
  version: string;
  location: Location;
}

export interface Inventory {
  packages: InstalledPackage[];
  runtimes?: RuntimeVersion[];
  os?: OsRelease;
  errors: InventoryError[];
  /** things left out on purpose, worth telling (an unresolved `${property}`, an `-r` include) */
  notes?: InventoryError[];
}
