/**
 * Package URLs (https://github.com/package-url/purl-spec) → OSV ecosystem, name and version.
 *
 * Hand-written: the purl grammar is a dozen lines and the maintained npm parser
 * (`packageurl-js`) is not installed here; the part that matters, the mapping of
 * purl types and distro qualifiers to OSV ecosystem names, is ours either way.
 */

export interface PackageUrl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Record<string, string>;
  subpath?: string;
}

/** Parses `pkg:type/namespace/name@version?qualifiers#subpath`; undefined when it is not a purl. */
export function parsePurl(purl: string): PackageUrl | undefined {
  let rest = purl.trim();
  if (!/^pkg:/i.test(rest)) return undefined;
  rest = rest.slice(4).replace(/^\/+/, '');
  let subpath: string | undefined;
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    subpath = decode(rest.slice(hash + 1));
    rest = rest.slice(0, hash);
  }
  const qualifiers: Record<string, string> = {};
  const q = rest.indexOf('?');
  if (q !== -1) {
    for (const pair of rest.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      qualifiers[pair.slice(0, eq).toLowerCase()] = decode(pair.slice(eq + 1));
    }
    rest = rest.slice(0, q);
  }
  let version: string | undefined;
  // the version follows the last '@' of the remainder (an npm scope is written %40 in a purl, but be lenient)
  const at = rest.lastIndexOf('@');
  if (at > 0 && rest.indexOf('/', at) === -1) {
    version = decode(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const parts = rest.split('/').filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  const type = parts[0]!.toLowerCase();
  const name = decode(parts[parts.length - 1]!);
  const namespace = parts.length > 2 ? parts.slice(1, -1).map(decode).join('/') : undefined;
  if (name === '') return undefined;
  return { type, namespace, name, version: version === '' ? undefined : version, qualifiers, subpath };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Debian and Ubuntu code names → release numbers, for `distro=bookworm` qualifiers. */
const DEBIAN_CODENAMES: Record<string, string> = {
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
  stretch: '9',
  jessie: '8',
};
const UBUNTU_CODENAMES: Record<string, string> = {
  bionic: '18.04',
  focal: '20.04',
  jammy: '22.04',
  noble: '24.04',
  xenial: '16.04',
  mantic: '23.10',
  oracular: '24.10',
  plucky: '25.04',
};

/** rpm purl namespaces → OSV ecosystem names */
const RPM_ECOSYSTEMS: Record<string, string> = {
  almalinux: 'AlmaLinux',
  rocky: 'Rocky Linux',
  'rocky-linux': 'Rocky Linux',
  redhat: 'Red Hat',
  rhel: 'Red Hat',
  opensuse: 'openSUSE',
  suse: 'SUSE',
  sles: 'SUSE',
  mageia: 'Mageia',
  openeuler: 'openEuler',
  photon: 'Photon',
};

export interface PurlPackage {
  ecosystem: string;
  name: string;
  version?: string;
  /** the source package of a distro binary (`upstream=` qualifier of deb/rpm/apk purls) */
  sourceName?: string;
}

/**
 * The OSV ecosystem, name and version of a purl, or undefined for a type OSV
 * does not know (`generic`, `docker`, `github`...). A distro purl takes its
 * release from the `distro` qualifier (`distro=debian-12`, `distro=bookworm`,
 * `distro=alpine-3.19.1` → `Alpine:v3.19`); without it the ecosystem has no
 * release (`Debian`), which matches no distro advisory rather than a wrong one.
 */
export function purlToPackage(p: PackageUrl): PurlPackage | undefined {
  const version = p.version;
  const ns = p.namespace;
  const upstream = p.qualifiers.upstream?.replace(/@.*$/, '');
  switch (p.type) {
    case 'npm':
      return { ecosystem: 'npm', name: ns ? `${ns}/${p.name}` : p.name, version };
    case 'pypi':
      return { ecosystem: 'PyPI', name: p.name, version };
    case 'maven':
      return ns ? { ecosystem: 'Maven', name: `${ns}:${p.name}`, version } : undefined;
    case 'golang':
      return { ecosystem: 'Go', name: ns ? `${ns}/${p.name}` : p.name, version };
    case 'cargo':
      return { ecosystem: 'crates.io', name: p.name, version };
    case 'gem':
      return { ecosystem: 'RubyGems', name: p.name, version };
    case 'nuget':
      return { ecosystem: 'NuGet', name: p.name, version };
    case 'composer':
      return { ecosystem: 'Packagist', name: ns ? `${ns}/${p.name}` : p.name, version };
    case 'hex':
      return { ecosystem: 'Hex', name: p.name, version };
    case 'deb': {
      const vendor = (ns ?? 'debian').toLowerCase();
      const base = vendor === 'ubuntu' ? 'Ubuntu' : 'Debian';
      return { ecosystem: withRelease(base, debRelease(vendor, p.qualifiers.distro)), name: p.name, version: epochVersion(version, p.qualifiers.epoch), sourceName: upstream };
    }
    case 'apk': {
      const vendor = (ns ?? 'alpine').toLowerCase();
      const base = vendor === 'wolfi' ? 'Wolfi' : vendor === 'chainguard' ? 'Chainguard' : 'Alpine';
      return { ecosystem: withRelease(base, base === 'Alpine' ? alpineRelease(p.qualifiers.distro) : undefined), name: p.name, version, sourceName: upstream };
    }
    case 'rpm': {
      const base = RPM_ECOSYSTEMS[(ns ?? '').toLowerCase()];
      if (!base) return undefined;
      const release = rpmRelease(p.qualifiers.distro);
      // Red Hat's OSV ecosystems name the product stream (`Red Hat:enterprise_linux:9::appstream`)
      return { ecosystem: withRelease(base, base === 'Red Hat' && release ? `enterprise_linux:${release}` : release), name: p.name, version: epochVersion(version, p.qualifiers.epoch), sourceName: upstream?.replace(/-[^-]+-[^-]+\.src\.rpm$/, '') };
    }
    default:
      return undefined;
  }
}

function withRelease(base: string, release: string | undefined): string {
  return release ? `${base}:${release}` : base;
}

/** `1:2.3-1` when the purl carries the epoch as a qualifier and not in the version */
function epochVersion(version: string | undefined, epoch: string | undefined): string | undefined {
  if (version === undefined || !epoch || epoch === '0' || /^\d+:/.test(version)) return version;
  return `${epoch}:${version}`;
}

/** `debian-12`, `debian-12.5`, `bookworm`, `ubuntu-22.04` → `12`, `12`, `12`, `22.04` */
function debRelease(vendor: string, distro: string | undefined): string | undefined {
  if (!distro) return undefined;
  const d = distro.toLowerCase();
  const named = (vendor === 'ubuntu' ? UBUNTU_CODENAMES : DEBIAN_CODENAMES)[d];
  const m = /^(?:debian|ubuntu)?-?(\d+(?:\.\d+)?)/.exec(named ?? d);
  if (!m) return undefined;
  // Debian releases are whole numbers in OSV (`Debian:12`); Ubuntu keeps YY.MM, LTS releases (even-year .04) as `22.04:LTS`
  if (vendor !== 'ubuntu') return m[1]!.split('.')[0];
  return /^\d\d\.04$/.test(m[1]!) && Number(m[1]!.slice(0, 2)) % 2 === 0 ? `${m[1]}:LTS` : m[1];
}

/** `alpine-3.19.1` / `3.19` → `v3.19` */
function alpineRelease(distro: string | undefined): string | undefined {
  const m = distro ? /(\d+)\.(\d+)/.exec(distro) : null;
  return m ? `v${m[1]}.${m[2]}` : undefined;
}

/** `rhel-8.6`, `almalinux-9.3`, `el9` → `8`/`9` */
function rpmRelease(distro: string | undefined): string | undefined {
  const m = distro ? /(\d+)/.exec(distro) : null;
  return m ? m[1] : undefined;
}
