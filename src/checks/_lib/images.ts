/**
 * Container image references as written in manifests and Dockerfiles, and
 * what the EOL catalogue says about them. Parsing follows the distribution
 * reference grammar (`src/model/image-ref.ts`).
 */
import { splitImageRef } from '../../model/image-ref.js';
import { type CycleTable, type EolVerdict, eolCatalogue, languageTable, lookupCycle, numericParts } from './eol.js';

export interface ParsedImage {
  raw: string;
  /** registry host when written ("ghcr.io", "localhost:5000"), else null */
  registry: string | null;
  /** repository path, e.g. "library/node", "acme/api", "node" */
  repository: string;
  tag: string | null;
  digest: string | null;
}

export function parseImage(raw: string): ParsedImage {
  return { raw, ...splitImageRef(raw) };
}

/** A digest pin: "sha256:<64 hex>" (or another algorithm with its hex). */
export function isDigestPinned(img: { digest: string | null }): boolean {
  return img.digest !== null && /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-f0-9]{32,}$/i.test(img.digest);
}

/** No tag (Docker pulls "latest") or the tag "latest", and no digest to pin it. */
export function usesLatest(img: { tag: string | null; digest: string | null }): boolean {
  if (isDigestPinned(img)) return false;
  return img.tag === null || img.tag.toLowerCase() === 'latest';
}

/** Hosts that serve Docker Hub's official images under their own names. */
const HUB_MIRRORS: Record<string, string> = {
  'docker.io': '',
  'index.docker.io': '',
  'registry-1.docker.io': '',
  'registry.hub.docker.com': '',
  'mirror.gcr.io': '',
  'public.ecr.aws': 'docker/library/',
};

/**
 * The Docker Hub official-image name ("node", "ubuntu") behind a reference,
 * or undefined when it is some other repository.
 */
export function officialImageName(img: ParsedImage): string | undefined {
  let repo = img.repository.toLowerCase();
  if (img.registry !== null) {
    const prefix = HUB_MIRRORS[img.registry.toLowerCase()];
    if (prefix === undefined) return undefined;
    if (prefix) {
      if (!repo.startsWith(prefix)) return undefined;
      repo = repo.slice(prefix.length);
    }
  }
  if (repo.startsWith('library/')) repo = repo.slice('library/'.length);
  return repo.includes('/') ? undefined : repo;
}

function repoTable(name: string): CycleTable | undefined {
  const entry = eolCatalogue().images.repositories[name];
  if (!entry) return undefined;
  return 'language' in entry ? languageTable(entry.language) : entry;
}

/** Distribution codenames or names that appear in variant suffixes ("3.9-slim-buster", "18-alpine3.16"). */
const DISTRO_HINTS: Array<{ re: RegExp; repo: string; version: (m: RegExpExecArray) => string }> = [
  { re: /(?:^|-)(wheezy|jessie|stretch|buster|bullseye|bookworm|trixie)(?:-|$)/i, repo: 'debian', version: (m) => m[1].toLowerCase() },
  { re: /(?:^|-)(precise|trusty|xenial|bionic|focal|jammy|noble)(?:-|$)/i, repo: 'ubuntu', version: (m) => m[1].toLowerCase() },
  { re: /(?:^|-)alpine(\d+\.\d+)(?:-|$)/i, repo: 'alpine', version: (m) => m[1] },
];

export interface ImageEolFinding {
  /** what reached its end: "node 14", "debian buster (10)" */
  subject: string;
  verdict: EolVerdict;
}

/**
 * End-of-life verdicts for an image: a frozen registry (k8s.gcr.io), the
 * image's own version (node:14, ubuntu:16.04, centos:*) and the distribution
 * named in its variant suffix (python:3.11-buster). Only cycles past their
 * end are returned.
 */
export function imageEol(img: ParsedImage): ImageEolFinding[] {
  const frozen = img.registry !== null ? eolCatalogue().images.frozenRegistries[img.registry.toLowerCase()] : undefined;
  if (frozen) {
    const v = lookupCycle({ cycles: {}, allEol: frozen }, img.tag ?? 'latest');
    if (v) return [{ subject: `registry ${img.registry} (frozen, no patched images)`, verdict: v }];
  }
  const official = officialImageName(img);
  const name = official ?? (img.registry !== null ? `${img.registry}/${img.repository}`.toLowerCase() : undefined);
  if (name === undefined) return [];
  const table = repoTable(name);
  if (official === undefined && table === undefined) return [];
  const out: ImageEolFinding[] = [];
  const tag = img.tag ?? 'latest';
  if (table?.allEol) {
    const v = lookupCycle(table, tag);
    if (v) out.push({ subject: `${name} (every tag)`, verdict: v });
    return out;
  }
  if (tag.toLowerCase() === 'latest') return out;
  if (table) {
    const head = tag.split('-')[0];
    const key = numericParts(head).length > 0 ? head : table.aliases?.[head.toLowerCase()] !== undefined ? head : undefined;
    const v = key !== undefined ? lookupCycle(table, key) : undefined;
    if (v && v.status === 'eol') out.push({ subject: `${name} ${v.cycle}`, verdict: v });
  }
  for (const hint of DISTRO_HINTS) {
    if (hint.repo === name) continue;
    const m = hint.re.exec(tag);
    if (!m) continue;
    const t = repoTable(hint.repo);
    const v = t ? lookupCycle(t, hint.version(m)) : undefined;
    if (v && v.status === 'eol') out.push({ subject: `${hint.repo} ${m[1].toLowerCase() === v.cycle ? v.cycle : `${m[1].toLowerCase()} (${v.cycle})`}`, verdict: v });
  }
  return out;
}
