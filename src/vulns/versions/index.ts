/**
 * Version schemes by OSV ecosystem name. A distribution ecosystem carries its release after a
 * colon (`Debian:12`, `Alpine:v3.19`, `Ubuntu:22.04:LTS`); the scheme depends only on the part
 * before the first colon.
 */
import { apk } from './apk.js';
import { composer } from './composer.js';
import { dpkg } from './dpkg.js';
import { maven } from './maven.js';
import { nuget } from './nuget.js';
import { pep440 } from './pep440.js';
import { rpm } from './rpm.js';
import { rubygems } from './rubygems.js';
import { semver } from './semver.js';
import type { VersionScheme } from './types.js';

export type { VersionScheme } from './types.js';
export { InvalidVersionError } from './types.js';
export { apk, composer, dpkg, maven, nuget, pep440, rpm, rubygems, semver };

const BY_ECOSYSTEM: Record<string, VersionScheme> = {
  npm: semver,
  Go: semver,
  'crates.io': semver,
  Hex: semver,
  PyPI: pep440,
  Maven: maven,
  RubyGems: rubygems,
  Packagist: composer,
  NuGet: nuget,
  Debian: dpkg,
  Ubuntu: dpkg,
  Alpine: apk,
  Wolfi: apk,
  Chainguard: apk,
  AlmaLinux: rpm,
  'Rocky Linux': rpm,
  'Red Hat': rpm,
  openSUSE: rpm,
  SUSE: rpm,
  Mageia: rpm,
  'openEuler': rpm,
  Photon: rpm,
};

/** The ecosystem without its release: `Debian:12` → `Debian`. */
export function baseEcosystem(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i === -1 ? ecosystem : ecosystem.slice(0, i);
}

/** The scheme for an OSV ecosystem, or undefined when Tetrad does not know its ordering. */
export function schemeFor(ecosystem: string): VersionScheme | undefined {
  return BY_ECOSYSTEM[baseEcosystem(ecosystem)];
}

export function knownEcosystems(): string[] {
  return Object.keys(BY_ECOSYSTEM);
}
