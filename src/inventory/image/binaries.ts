/**
 * Container runtime binaries found in an image (runc, containerd, dockerd,
 * docker), turned into Go-ecosystem packages so OSV Go advisories
 * (github.com/opencontainers/runc, github.com/containerd/containerd, ...)
 * match them.
 *
 * The version comes, in order, from the binary's main module when it carries
 * one (a `go install`ed build), from the `-X ...version=` linker flag that
 * the projects' Makefiles set (recorded in the build info of Go 1.18+
 * builds), and for runc from a `runc version X` string. A binary whose
 * version cannot be told is reported as a note, never guessed.
 */
import { posix } from 'node:path';
import type { InstalledPackage } from '../types.js';
import { ldflagsVariables, type BinaryFacts } from './go-buildinfo.js';

interface Product {
  module: string;
  /** names of `-X` variables holding the version */
  versionVars: RegExp;
}

const RUNC: Product = { module: 'github.com/opencontainers/runc', versionVars: /^main\.version$/ };
const CONTAINERD: Product = { module: 'github.com/containerd/containerd', versionVars: /^github\.com\/containerd\/containerd(\/v\d+)?\/version\.Version$/ };
const DOCKERD: Product = { module: 'github.com/docker/docker', versionVars: /^github\.com\/docker\/docker\/dockerversion\.Version$/ };
const DOCKER_CLI: Product = { module: 'github.com/docker/cli', versionVars: /^github\.com\/docker\/cli\/cli\/version\.Version$/ };

const BY_NAME: Record<string, Product> = {
  runc: RUNC,
  containerd: CONTAINERD,
  'containerd-shim': CONTAINERD,
  'containerd-shim-runc-v1': CONTAINERD,
  'containerd-shim-runc-v2': CONTAINERD,
  ctr: CONTAINERD,
  dockerd: DOCKERD,
  docker: DOCKER_CLI,
};
const DIRS = new Set(['bin', 'sbin', 'usr/bin', 'usr/sbin', 'usr/local/bin', 'usr/local/sbin']);

/** True for the image paths whose bytes are scanned for version metadata (`usr/bin/runc`...). */
export function isRuntimeBinaryPath(path: string): boolean {
  return BY_NAME[posix.basename(path)] !== undefined && DIRS.has(posix.dirname(path));
}

export const RUNTIME_BINARY_PATHS: string[] = [...DIRS].flatMap((d) => Object.keys(BY_NAME).map((n) => `${d}/${n}`));

const REAL_VERSION = /^v?\d+\.\d+/;

/** `1.1.4` / `v1.1.4` / `20.10.7+incompatible` → `v1.1.4` (Go module spelling; the semver scheme reads both) */
function goVersion(v: string): string {
  return v.startsWith('v') ? v : `v${v}`;
}

export interface BinaryPackages {
  packages: Array<Omit<InstalledPackage, 'location'>>;
  /** why no version was found, when none was */
  note?: string;
}

/** The packages a runtime binary at `path` stands for: the product and the Go modules compiled into it. */
export function binaryPackages(path: string, facts: BinaryFacts): BinaryPackages {
  const product = BY_NAME[posix.basename(path)];
  if (!product) return { packages: [] };
  const info = facts.buildInfo;
  let version: string | undefined;
  let productModule = product.module;
  if (info?.main && (info.main.path === product.module || info.main.path.startsWith(`${product.module}/v`)) && REAL_VERSION.test(info.main.version)) {
    version = info.main.version;
    productModule = info.main.path;
  }
  if (version === undefined && info) {
    for (const [name, value] of Object.entries(ldflagsVariables(info.settings['-ldflags']))) {
      if (product.versionVars.test(name) && REAL_VERSION.test(value)) {
        version = value;
        const v2 = /^github\.com\/containerd\/containerd\/(v\d+)\//.exec(name);
        if (v2) productModule = `${product.module}/${v2[1]}`;
        break;
      }
    }
  }
  if (version === undefined && product === RUNC) version = facts.runcVersionStrings[0];
  const out: BinaryPackages['packages'] = [];
  if (version !== undefined) out.push({ ecosystem: 'Go', name: productModule, version: goVersion(version), purl: `pkg:golang/${productModule}@${goVersion(version)}`, foundBy: 'go-binary' });
  // the modules compiled into the binary are in it too (a vulnerable dependency is a vulnerable binary)
  for (const d of info?.deps ?? []) {
    if (!REAL_VERSION.test(d.version) || d.path === productModule) continue;
    out.push({ ecosystem: 'Go', name: d.path, version: d.version, purl: `pkg:golang/${d.path}@${d.version}`, foundBy: 'go-binary' });
  }
  if (version !== undefined) return { packages: out };
  const why = facts.legacyFormat
    ? 'a Go build info from before Go 1.18 (pointer format, not read)'
    : info
      ? `build info without a version (main module ${info.main ? `${info.main.path} ${info.main.version}` : 'absent'}, no -X version flag)`
      : 'no Go build info and no version string';
  return { packages: out, note: `${path}: ${product.module} version not found: ${why}` };
}
