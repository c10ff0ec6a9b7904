/**
 * Vulnerability matching for checks: the advisories of a scan (the imported store from the
 * context, plus OSV records found in the scanned tree, as `OsvAdvisory` resources, loaded once
 * per scan into an in-memory index), the packages of every inventory in the model, and the facts
 * of a match (CVSS from vectors, severity, KEV, EPSS).
 */
import type { Resource, Severity, ValueObject } from '../../model/index.js';
import { atLeast } from '../../model/index.js';
import { combineAdvisories, recordAdvisories, type AdvisoryService } from '../../vulns/advisories.js';
import { scoreVector, severityOfLabel, severityOfScore, type CvssScore } from '../../vulns/cvss.js';
import type { OsvRecord } from '../../vulns/osv.js';
import { foreignBuild } from '../../vulns/foreign-builds.js';
import { baseEcosystem } from '../../vulns/versions/index.js';
import { servicePackages } from '../../inventory/services.js';
import type { EnrichedMatch } from '../../vulns/store/query.js';
import type { CheckContext } from '../engine/types.js';

/** Resource types that carry a `packages` list (see src/sources/inventory, sbom, image). */
export const INVENTORY_TYPES = ['PackageInventory', 'ContainerImage'];

/** The scan's advisories, or undefined when there are none. */
export function scanAdvisories(ctx: CheckContext): AdvisoryService | undefined {
  return ctx.shared('advisories:service', () => {
    const records = ctx.ofType('OsvAdvisory').flatMap((r) => (r.meta?.osv !== undefined ? [r.meta.osv] : []));
    const services: AdvisoryService[] = [];
    if (ctx.advisories) services.push(ctx.advisories);
    if (records.length) services.push(recordAdvisories(records));
    return combineAdvisories(services);
  });
}

export interface PackageEntry {
  resource: Resource;
  /** index in `packages`, for the attribute path `packages[i]` (-1 for a service version) */
  index: number;
  /** the attribute that holds the package: `packages[i]`, or the attribute of a service version (`status.nodeInfo.containerRuntimeVersion`) */
  attributePath: string;
  ecosystem: string;
  name: string;
  version: string;
  sourceName?: string;
  sourceVersion?: string;
}

/** Every package of every inventory resource. */
export function inventoryPackages(ctx: CheckContext): PackageEntry[] {
  const out: PackageEntry[] = [];
  for (const r of ctx.ofType(...INVENTORY_TYPES)) {
    const list = r.attributes.packages;
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return;
      const p = raw as ValueObject;
      if (typeof p.ecosystem !== 'string' || typeof p.name !== 'string' || typeof p.version !== 'string') return;
      const e: PackageEntry = { resource: r, index, attributePath: `packages[${index}]`, ecosystem: p.ecosystem, name: p.name, version: p.version };
      if (typeof p.sourceName === 'string') e.sourceName = p.sourceName;
      if (typeof p.sourceVersion === 'string') e.sourceVersion = p.sourceVersion;
      out.push(e);
    });
  }
  // versions a Kubernetes node reports (container runtime, kubelet) are Go modules OSV advisories name (src/inventory/services.ts)
  for (const r of ctx.ofType('Node')) {
    for (const sp of servicePackages(r)) {
      if (sp.ecosystem === 'Go') out.push({ resource: r, index: -1, attributePath: sp.attributePath, ecosystem: sp.ecosystem, name: sp.name, version: sp.version });
    }
  }
  return out;
}

const DISTROS = new Set(['Debian', 'Ubuntu', 'Alpine', 'AlmaLinux', 'Rocky Linux', 'Red Hat', 'Wolfi', 'Chainguard', 'SUSE', 'openSUSE', 'Mageia', 'openEuler', 'Photon']);

/**
 * The advisories that affect (or may affect) a package. Distribution advisories name source
 * packages with source versions (Debian, Ubuntu, Alpine origins) or binary packages (AlmaLinux,
 * Rocky): both are asked, and an advisory found both ways counts once.
 */
export function matchPackage(svc: AdvisoryService, p: PackageEntry): EnrichedMatch[] {
  // the same package in several inventories (hosts of one image, lockfiles of one monorepo) is matched once
  const key = `${p.ecosystem}\0${p.name}\0${p.version}\0${p.sourceName ?? ''}\0${p.sourceVersion ?? ''}`;
  let cache = matchCache.get(svc);
  if (!cache) matchCache.set(svc, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const out = matchUncached(svc, p);
  cache.set(key, out);
  return out;
}

const matchCache = new WeakMap<AdvisoryService, Map<string, EnrichedMatch[]>>();

function matchUncached(svc: AdvisoryService, p: PackageEntry): EnrichedMatch[] {
  // not the distribution's build (NodeSource's nodejs): its advisories do not apply (the scan notes it)
  if (foreignBuild(p)) return [];
  const queries = [{ name: p.name, version: p.version }];
  if (DISTROS.has(baseEcosystem(p.ecosystem)) && p.sourceName && p.sourceName !== p.name) queries.unshift({ name: p.sourceName, version: p.sourceVersion ?? p.version });
  const out = new Map<string, EnrichedMatch>();
  for (const q of queries) for (const m of svc.match({ ecosystem: p.ecosystem, name: q.name, version: q.version })) if (!out.has(m.id)) out.set(m.id, m);
  return [...out.values()];
}

/** Matches that name the same vulnerability (shared id, alias or CVE) grouped together. */
export function groupByVulnerability(matches: EnrichedMatch[]): EnrichedMatch[][] {
  const groups: Array<{ keys: Set<string>; items: EnrichedMatch[] }> = [];
  for (const m of matches) {
    const keys = new Set([m.id, ...m.aliases, ...m.cves]);
    const hits = groups.filter((g) => [...keys].some((k) => g.keys.has(k)));
    const merged = { keys, items: [m] };
    for (const g of hits) {
      g.keys.forEach((k) => merged.keys.add(k));
      merged.items.push(...g.items);
      groups.splice(groups.indexOf(g), 1);
    }
    groups.push(merged);
  }
  return groups.map((g) => g.items.sort((a, b) => a.id.localeCompare(b.id)));
}

export interface VulnerabilityAssessment {
  cvss: CvssScore[];
  severity: Severity;
  /** how the severity was decided, for the message */
  basis: string;
}

function labelsOf(rec: OsvRecord): string[] {
  const out: string[] = [];
  const push = (x: unknown, ...keys: string[]): void => {
    if (typeof x !== 'object' || x === null) return;
    for (const k of keys) {
      const v = (x as Record<string, unknown>)[k];
      if (typeof v === 'string') out.push(v);
    }
  };
  push((rec as Record<string, unknown>).database_specific, 'severity');
  for (const a of rec.affected ?? []) {
    push(a.database_specific, 'severity');
    push(a.ecosystem_specific, 'severity', 'ubuntu_priority');
  }
  return out;
}

/**
 * CVSS base scores from every vector of the advisories (record and affected entries; CVE records
 * of the store when the advisories carry none), and the severity: from the highest score, else
 * from the advisory database's own label, else medium. In the KEV catalog → at least high.
 */
export function assess(svc: AdvisoryService, group: EnrichedMatch[]): VulnerabilityAssessment {
  const vectors: string[] = [];
  const labels: string[] = [];
  for (const m of group) {
    const rec = svc.record(m.id);
    if (!rec) continue;
    for (const s of rec.severity ?? []) vectors.push(s.score);
    for (const a of rec.affected ?? []) for (const s of a.severity ?? []) vectors.push(s.score);
    labels.push(...labelsOf(rec));
  }
  if (vectors.length === 0) for (const cve of new Set(group.flatMap((m) => m.cves))) vectors.push(...svc.cveVectors(cve).map((v) => v.vector));
  const seen = new Set<string>();
  const cvss: CvssScore[] = [];
  for (const v of vectors) {
    if (seen.has(v)) continue;
    seen.add(v);
    const s = scoreVector(v);
    if (s) cvss.push(s);
  }
  cvss.sort((a, b) => b.score - a.score || b.version.localeCompare(a.version));
  let severity: Severity;
  let basis: string;
  if (cvss.length) {
    severity = severityOfScore(cvss[0]!.score);
    basis = `CVSS ${cvss[0]!.version} ${cvss[0]!.score}`;
  } else {
    const label = labels.map(severityOfLabel).find((x): x is Severity => x !== undefined);
    severity = label ?? 'medium';
    basis = label ? `advisory severity ${label}` : 'no severity in the advisory';
  }
  if (group.some((m) => m.kev) && !atLeast(severity, 'high')) {
    severity = 'high';
    basis += ', known exploited (KEV)';
  }
  return { cvss, severity, basis };
}
