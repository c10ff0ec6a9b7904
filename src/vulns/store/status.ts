/** `tetrad db status`: what the store holds and how fresh each source is. */
import type { Db } from './db.js';
import type { SourceKind } from './import.js';

export interface SourceStatus {
  source: SourceKind;
  records: number;
  importedAt: string | null;
  /** the data's own date: latest `modified` (OSV), `dateUpdated` (CVE), catalog release (KEV), score date (EPSS) */
  dataDate: string | null;
  version: string | null;
  /** days since the data date (or the import, when the data has no date) */
  ageDays: number | null;
  stale: boolean;
}

export interface StoreStatus {
  sources: SourceStatus[];
  ecosystems: { ecosystem: string; advisories: number }[];
  warnings: string[];
}

const TABLES: Record<SourceKind, string> = { osv: 'advisories', cve: 'cves', kev: 'kev', epss: 'epss' };

export function storeStatus(db: Db, options: { now?: Date; maxAgeDays?: number } = {}): StoreStatus {
  const now = options.now ?? new Date();
  const maxAge = options.maxAgeDays ?? 7;
  const warnings: string[] = [];
  const sources: SourceStatus[] = (Object.keys(TABLES) as SourceKind[]).map((source) => {
    const records = (db.prepare(`SELECT count(*) AS n FROM ${TABLES[source]}`).get() as { n: number }).n;
    const row = db.prepare('SELECT imported_at, data_date, version FROM sources WHERE source = ?').get(source) as
      | { imported_at: string; data_date: string | null; version: string | null }
      | undefined;
    const ref = row?.data_date ?? row?.imported_at ?? null;
    const t = ref ? Date.parse(ref) : NaN;
    const ageDays = Number.isNaN(t) ? null : Math.floor((now.getTime() - t) / 86_400_000);
    const stale = records === 0 || ageDays === null || ageDays > maxAge;
    if (records === 0) warnings.push(`${source}: no data imported`);
    else if (stale) warnings.push(`${source}: data is ${ageDays ?? '?'} days old (more than ${maxAge}); import a fresh copy`);
    return { source, records, importedAt: row?.imported_at ?? null, dataDate: row?.data_date ?? null, version: row?.version ?? null, ageDays, stale };
  });
  const ecosystems = db
    .prepare('SELECT ecosystem, count(DISTINCT advisory_id) AS advisories FROM affected_packages GROUP BY ecosystem ORDER BY advisories DESC, ecosystem')
    .all() as { ecosystem: string; advisories: number }[];
  return { sources, ecosystems, warnings };
}
