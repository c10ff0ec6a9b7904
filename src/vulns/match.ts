/**
 * OSV matching: is one package version affected by an advisory?
 *
 * Follows the OSV schema's evaluation: a version is affected when it is listed in `versions`, or
 * falls in a SEMVER or ECOSYSTEM range. A range's events are sorted by version (`introduced: "0"`
 * first) and walked: `introduced` ≤ v turns "affected" on, `fixed` ≤ v or `last_affected` < v turns
 * it off; `limit` events cap the range (v must be below one of them; `*` is no cap). SEMVER ranges
 * compare with SemVer 2.0, ECOSYSTEM ranges with the ecosystem's own scheme (`versions/index.ts`);
 * GIT ranges name commits and cannot match a version, so they are left to the `versions` list.
 *
 * Distribution ecosystems carry their release (`Debian:12`, `Alpine:v3.19`, `Ubuntu:22.04:LTS`):
 * a distro package only matches advisories of its own release, whose fixed versions are the
 * distribution's own builds, so backported fixes are honoured.
 *
 * When the ordering is unknown (an ecosystem without a scheme, an unparsable version), the verdict
 * is `unknown`, never a guess.
 */
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord } from './osv.js';
import { baseEcosystem, schemeFor, semver, type VersionScheme } from './versions/index.js';

export interface PackageVersion {
  /** OSV ecosystem, with the distribution release where there is one (`Debian:12`) */
  ecosystem: string;
  name: string;
  version: string;
}

export type Verdict =
  | { affected: true; fixed: string[]; by: 'versions' | 'range' }
  | { affected: false }
  | { affected: 'unknown'; reason: string };

/**
 * `Ubuntu:22.04:LTS` and `Ubuntu:22.04` name the same release. `Ubuntu:Pro:18.04:LTS` holds the
 * fixes Ubuntu Pro (ESM) ships for that release: a package of the release without them is still
 * affected, so those advisories cover the release too (the fix then needs Pro). The FIPS streams
 * (`Ubuntu:Pro:FIPS...`) rebuild packages with their own versions and stay apart.
 * Red Hat names a product stream and a repository (`Red Hat:enterprise_linux:9::appstream`,
 * `...::baseos`, `...::crb`): the repositories of one stream are one release
 * (`Red Hat:enterprise_linux:9`); the EUS/AUS/E4S streams (`Red Hat:rhel_eus:9.2::baseos`) stay apart.
 */
function releaseKey(ecosystem: string): string {
  return ecosystem
    .replace(/:LTS$/i, '')
    .replace(/^ubuntu:pro:(?=\d)/i, 'Ubuntu:')
    .replace(/^(red hat:[^:]+:[^:]+)::.*$/i, '$1')
    .toLowerCase();
}

/** Does an advisory's ecosystem cover a package's? An advisory without a release covers every release. */
export function ecosystemCovers(advisory: string, pkg: string): boolean {
  if (releaseKey(advisory) === releaseKey(pkg)) return true;
  return !advisory.includes(':') && baseEcosystem(advisory).toLowerCase() === baseEcosystem(pkg).toLowerCase();
}

/** Package names as each ecosystem compares them (PEP 503 for PyPI; others exact). */
export function normalizeName(ecosystem: string, name: string): string {
  const base = baseEcosystem(ecosystem);
  if (base === 'PyPI') return name.toLowerCase().replace(/[-_.]+/g, '-');
  return name;
}

const eventVersion = (e: OsvEvent): string =>
  'introduced' in e ? e.introduced : 'fixed' in e ? e.fixed : 'last_affected' in e ? e.last_affected : e.limit;

class Unorderable extends Error {}

function compareOrThrow(scheme: VersionScheme, a: string, b: string): number {
  if (!scheme.isValid(a) || !scheme.isValid(b)) throw new Unorderable(`cannot order ${JSON.stringify(a)} and ${JSON.stringify(b)} as ${scheme.name}`);
  return scheme.compare(a, b);
}

/** Evaluates one SEMVER/ECOSYSTEM range; returns the fixed versions above `version` when affected. */
export function rangeIncludes(range: OsvRange, version: string, scheme: VersionScheme): { affected: boolean; fixed: string[] } {
  const cmp = (a: string, b: string): number => compareOrThrow(scheme, a, b);
  const limits = range.events.filter((e): e is { limit: string } => 'limit' in e).map((e) => e.limit);
  const events = range.events
    .filter((e) => !('limit' in e))
    .slice()
    .sort((x, y) => {
      const a = eventVersion(x);
      const b = eventVersion(y);
      if (a === b) return 0;
      if ('introduced' in x && a === '0') return -1;
      if ('introduced' in y && b === '0') return 1;
      return cmp(a, b);
    });
  let affected = false;
  for (const e of events) {
    if ('introduced' in e) {
      if (e.introduced === '0' || cmp(version, e.introduced) >= 0) affected = true;
    } else if ('fixed' in e) {
      if (cmp(version, e.fixed) >= 0) affected = false;
    } else if ('last_affected' in e) {
      if (cmp(version, e.last_affected) > 0) affected = false;
    }
  }
  if (affected && limits.length > 0 && !limits.some((l) => l === '*' || cmp(version, l) < 0)) affected = false;
  const fixed = affected
    ? events.flatMap((e) => ('fixed' in e && cmp(e.fixed, version) > 0 ? [e.fixed] : []))
    : [];
  return { affected, fixed };
}

/** Verdict for one `affected[]` entry of an advisory (which must already name this package). */
export function matchAffected(entry: OsvAffected, pkg: PackageVersion): Verdict {
  if (entry.versions?.includes(pkg.version)) return { affected: true, fixed: fixedOf(entry, pkg), by: 'versions' };
  const ranges = (entry.ranges ?? []).filter((r) => r.type !== 'GIT');
  if (ranges.length === 0) return { affected: false };
  const ecosystemScheme = schemeFor(pkg.ecosystem);
  let unknown: string | undefined;
  const fixed: string[] = [];
  let hit = false;
  for (const range of ranges) {
    const scheme = range.type === 'SEMVER' ? semver : ecosystemScheme;
    if (!scheme) {
      unknown ??= `no version ordering for ecosystem ${pkg.ecosystem}`;
      continue;
    }
    if (!scheme.isValid(pkg.version)) {
      unknown ??= `${JSON.stringify(pkg.version)} is not a valid ${scheme.name} version`;
      continue;
    }
    try {
      const r = rangeIncludes(range, pkg.version, scheme);
      if (r.affected) {
        hit = true;
        fixed.push(...r.fixed);
      }
    } catch (err) {
      if (!(err instanceof Unorderable)) throw err;
      unknown ??= err.message;
    }
  }
  if (hit) return { affected: true, fixed: [...new Set(fixed)], by: 'range' };
  if (unknown) return { affected: 'unknown', reason: unknown };
  return { affected: false };
}

function fixedOf(entry: OsvAffected, pkg: PackageVersion): string[] {
  const scheme = schemeFor(pkg.ecosystem);
  const out = new Set<string>();
  for (const range of entry.ranges ?? []) {
    if (range.type === 'GIT') continue;
    const s = range.type === 'SEMVER' ? semver : scheme;
    for (const e of range.events) {
      if (!('fixed' in e)) continue;
      if (s && s.isValid(e.fixed) && s.isValid(pkg.version) && s.compare(e.fixed, pkg.version) > 0) out.add(e.fixed);
    }
  }
  return [...out];
}

export interface AdvisoryMatch {
  id: string;
  /** `aliases` and `upstream` ids (CVE, GHSA, ...): the same vulnerability */
  aliases: string[];
  /** `related` ids: closely related records (Ubuntu and AlmaLinux list the CVE here) */
  related: string[];
  verdict: Exclude<Verdict, { affected: false }>;
}

/**
 * Matches a package against a whole advisory: every `affected[]` entry naming the package in a
 * covering ecosystem. Withdrawn advisories never match. Returns null when not affected.
 */
export function matchAdvisory(record: OsvRecord, pkg: PackageVersion): AdvisoryMatch | null {
  if (record.withdrawn) return null;
  const name = normalizeName(pkg.ecosystem, pkg.name);
  let unknown: Verdict | undefined;
  const fixed = new Set<string>();
  let hit: 'versions' | 'range' | undefined;
  for (const entry of record.affected ?? []) {
    const p = entry.package;
    if (!p || !ecosystemCovers(p.ecosystem, pkg.ecosystem) || normalizeName(p.ecosystem, p.name) !== name) continue;
    const v = matchAffected(entry, pkg);
    if (v.affected === true) {
      hit ??= v.by;
      for (const f of v.fixed) fixed.add(f);
    } else if (v.affected === 'unknown') unknown ??= v;
  }
  const aliases = [...new Set([...(record.aliases ?? []), ...(record.upstream ?? [])])];
  const related = record.related ?? [];
  if (hit) return { id: record.id, aliases, related, verdict: { affected: true, fixed: [...fixed], by: hit } };
  if (unknown && unknown.affected === 'unknown') return { id: record.id, aliases, related, verdict: unknown };
  return null;
}
