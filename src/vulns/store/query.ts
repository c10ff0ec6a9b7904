/** Looks packages up in the store: candidate advisories by name, then exact OSV matching. */
import { baseEcosystem } from '../versions/index.js';
import { matchAdvisory, normalizeName, type AdvisoryMatch, type PackageVersion } from '../match.js';
import type { OsvRecord } from '../osv.js';
import type { Db } from './db.js';

export interface EnrichedMatch extends AdvisoryMatch {
  /** CVE ids among the aliases, upstream and related ids (and the id itself) */
  cves: string[];
  kev: boolean;
  epss: { score: number; percentile: number } | null;
}

export class AdvisoryIndex {
  private readonly candidates;
  private readonly kev;
  private readonly epss;
  private readonly cache = new Map<string, OsvRecord>();
  private readonly recordById;
  private readonly cveCvss;

  constructor(db: Db) {
    this.candidates = db.prepare<[string, string, string], { id: string; record: string }>(
      `SELECT a.id, a.record FROM affected_packages p JOIN advisories a ON a.id = p.advisory_id
       WHERE p.name = ? AND (p.ecosystem = ? OR p.ecosystem LIKE ? || ':%') AND a.withdrawn IS NULL`,
    );
    this.kev = db.prepare<[string], { cve_id: string }>('SELECT cve_id FROM kev WHERE cve_id = ?');
    this.epss = db.prepare<[string], { epss: number; percentile: number }>('SELECT epss, percentile FROM epss WHERE cve_id = ?');
    this.recordById = db.prepare<[string], { record: string }>('SELECT record FROM advisories WHERE id = ?');
    this.cveCvss = db.prepare<[string], { cvss: string }>('SELECT cvss FROM cves WHERE id = ?');
  }

  /** The stored OSV record of an advisory id (parsed once per index). */
  record(id: string): OsvRecord | undefined {
    let rec = this.cache.get(id);
    if (!rec) {
      const row = this.recordById.get(id);
      if (!row) return undefined;
      rec = JSON.parse(row.record) as OsvRecord;
      this.cache.set(id, rec);
    }
    return rec;
  }

  /** The CVSS vectors of an imported CVE JSON 5 record (`tetrad db import` of CVE data). */
  cveVectors(cve: string): { version: string; vector: string }[] {
    const row = this.cveCvss.get(cve);
    if (!row) return [];
    try {
      return (JSON.parse(row.cvss) as { version: string; vector: string }[]).map((c) => ({ version: c.version, vector: c.vector }));
    } catch {
      return [];
    }
  }

  /** KEV flag and highest EPSS of a set of CVE ids. */
  exploitation(cves: readonly string[]): { kev: boolean; epss: EnrichedMatch['epss'] } {
    const kev = cves.some((c) => this.kev.get(c) !== undefined);
    let epss: EnrichedMatch['epss'] = null;
    for (const c of cves) {
      const e = this.epss.get(c);
      if (e && (!epss || e.epss > epss.score)) epss = { score: e.epss, percentile: e.percentile };
    }
    return { kev, epss };
  }

  /** Every advisory that affects the package (verdict true) or might (verdict unknown). */
  match(pkg: PackageVersion): EnrichedMatch[] {
    const base = baseEcosystem(pkg.ecosystem);
    const rows = this.candidates.all(normalizeName(pkg.ecosystem, pkg.name), base, base);
    const out: EnrichedMatch[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      let rec = this.cache.get(row.id);
      if (!rec) {
        rec = JSON.parse(row.record) as OsvRecord;
        this.cache.set(row.id, rec);
      }
      const m = matchAdvisory(rec, pkg);
      if (!m) continue;
      // Ubuntu names its upstream records UBUNTU-CVE-YYYY-NNNN: the CVE is the tail
      const cves = [...new Set([m.id, ...m.aliases, ...m.related].flatMap((x) => /(?:^|-)(CVE-\d{4}-\d{4,})$/.exec(x)?.[1] ?? []))];
      out.push({ ...m, cves, ...this.exploitation(cves) });
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }
}
