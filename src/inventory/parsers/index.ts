/**
 * The inventory parser registry: which parser reads a file, chosen from its path alone, so the
 * scan source (`src/sources/inventory/`) and the container image reader can run the same pure
 * parsers on files of a tree or of an image layer.
 *
 * `parserFor('var/lib/dpkg/status')`, `parserFor('/app/package-lock.json')`: paths are matched
 * with POSIX separators, by a path suffix for OS databases and by file name for lockfiles.
 * Each parser is `(text, file) => Inventory` and never throws on bad input: problems come back
 * as `errors` with file and line, and what could be read is kept.
 *
 * OS package databases do not say which release they belong to: `withOs` gives their packages
 * the OSV ecosystem of the os-release found in the same root (`Debian` → `Debian:12`).
 */
import type { Inventory, OsRelease } from '../types.js';
import { parseApkInstalled } from './apk.js';
import type { InventoryParser } from './common.js';
import { parseDpkgStatus } from './dpkg.js';
import { baseOsEcosystem, osvEcosystem, parseOsRelease } from './os-release.js';
import { parseRpmList } from './rpm.js';
import { parsePom } from './maven.js';
import { parsePackageLock, parsePnpmLock, parseYarnLock } from './npm.js';
import { parseCargoLock, parseComposerLock, parseGemfileLock, parseGoMod, parseGoSum } from './other-langs.js';
import { parsePipfileLock, parsePoetryLock, parseRequirements } from './python.js';

export type { InventoryParser } from './common.js';
export { osvEcosystem, baseOsEcosystem } from './os-release.js';

export interface ParserEntry {
  /** stable kind, also the `foundBy` of its packages where one parser reads one format */
  kind: string;
  /** what the parser reads, for documentation */
  description: string;
  /** true for OS package databases and os-release (they belong to a root file system) */
  os: boolean;
  parse: InventoryParser;
  matches(path: string): boolean;
}

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const norm = (p: string): string => p.replace(/\\/g, '/');
/** `var/lib/dpkg/status` matches `/var/lib/dpkg/status`, `host/var/lib/dpkg/status` and itself */
const suffix = (tail: string) => (p: string): boolean => {
  const n = norm(p);
  return n === tail || n.endsWith(`/${tail}`);
};
const named = (...names: string[]) => (p: string): boolean => names.includes(base(norm(p)));

export const PARSERS: ParserEntry[] = [
  { kind: 'dpkg', description: 'Debian/Ubuntu var/lib/dpkg/status', os: true, parse: parseDpkgStatus, matches: suffix('var/lib/dpkg/status') },
  { kind: 'apk', description: 'Alpine lib/apk/db/installed', os: true, parse: parseApkInstalled, matches: suffix('lib/apk/db/installed') },
  {
    kind: 'rpm',
    description: 'rpm -qa output saved as rpm-qa.txt (NEVRA or the documented query format)',
    os: true,
    parse: parseRpmList,
    matches: named('rpm-qa.txt', 'rpm-qa.list', 'rpmqa.txt'),
  },
  {
    kind: 'os-release',
    description: 'etc/os-release, usr/lib/os-release',
    os: true,
    parse: parseOsRelease,
    matches: (p) => suffix('etc/os-release')(p) || suffix('usr/lib/os-release')(p) || named('os-release')(p),
  },
  { kind: 'package-lock', description: 'package-lock.json (v1, v2, v3), npm-shrinkwrap.json', os: false, parse: parsePackageLock, matches: named('package-lock.json', 'npm-shrinkwrap.json') },
  { kind: 'yarn-lock', description: 'yarn.lock (v1 and berry)', os: false, parse: parseYarnLock, matches: named('yarn.lock') },
  { kind: 'pnpm-lock', description: 'pnpm-lock.yaml (v5, v6, v9)', os: false, parse: parsePnpmLock, matches: named('pnpm-lock.yaml') },
  {
    kind: 'requirements',
    description: 'requirements*.txt and constraints*.txt with == pins',
    os: false,
    parse: parseRequirements,
    matches: (p) => /^(requirements|constraints)([-_.][\w.-]*)?\.txt$/i.test(base(norm(p))),
  },
  { kind: 'poetry-lock', description: 'poetry.lock', os: false, parse: parsePoetryLock, matches: named('poetry.lock') },
  { kind: 'pipfile-lock', description: 'Pipfile.lock', os: false, parse: parsePipfileLock, matches: named('Pipfile.lock') },
  { kind: 'go-mod', description: 'go.mod (require, replace)', os: false, parse: parseGoMod, matches: named('go.mod') },
  { kind: 'go-sum', description: 'go.sum (read when no go.mod is beside it)', os: false, parse: parseGoSum, matches: named('go.sum') },
  { kind: 'cargo-lock', description: 'Cargo.lock', os: false, parse: parseCargoLock, matches: named('Cargo.lock') },
  { kind: 'gemfile-lock', description: 'Gemfile.lock', os: false, parse: parseGemfileLock, matches: named('Gemfile.lock', 'gems.locked') },
  { kind: 'composer-lock', description: 'composer.lock', os: false, parse: parseComposerLock, matches: named('composer.lock') },
  { kind: 'maven-pom', description: 'Maven pom.xml with literal or property versions', os: false, parse: parsePom, matches: named('pom.xml') },
];

/** The parser for a path, or undefined. */
export function parserFor(path: string): ParserEntry | undefined {
  return PARSERS.find((e) => e.matches(path));
}

/** The root a system file belongs to: `img/var/lib/dpkg/status` → `img`, `etc/os-release` → `` */
export function systemRoot(path: string): string {
  const n = norm(path);
  for (const tail of ['/var/lib/dpkg/status', '/lib/apk/db/installed', '/etc/os-release', '/usr/lib/os-release']) {
    if (n.endsWith(tail)) return n.slice(0, -tail.length);
    if (n === tail.slice(1)) return '';
  }
  const i = n.lastIndexOf('/');
  return i === -1 ? '' : n.slice(0, i);
}

/**
 * Gives the OS packages of an inventory (dpkg, apk, rpm) the OSV ecosystem of `os`, when the
 * package manager fits the distribution; returns a new inventory.
 */
export function withOs(inv: Inventory, os: OsRelease | undefined): Inventory {
  if (!os) return inv;
  const eco = osvEcosystem(os) ?? baseOsEcosystem(os.id);
  if (!eco) return { ...inv, os };
  const family: Record<string, string[]> = {
    dpkg: ['debian', 'ubuntu'],
    apk: ['alpine'],
    rpm: ['almalinux', 'rocky', 'rhel', 'centos', 'fedora', 'amzn', 'ol', 'opensuse', 'opensuse-leap', 'sles'],
  };
  const packages = inv.packages.map((p) => {
    if (!family[p.foundBy]?.includes(os.id)) return p;
    const out = { ...p, ecosystem: eco };
    if (p.purl && os.id !== 'debian') out.purl = p.purl.replace('pkg:deb/debian/', `pkg:deb/${os.id}/`);
    return out;
  });
  return { ...inv, packages, os };
}
