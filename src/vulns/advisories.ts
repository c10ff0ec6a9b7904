/**
 * The advisories a scan matches packages against, behind one interface for the check context:
 * the imported store (`tetrad scan --db FILE`, `$TETRAD_DB`), OSV records found in the scanned
 * tree (an `advisories/` folder: loaded into an in-memory store for that scan only), or both.
 * Matches from the store win over in-tree records with the same id; KEV and EPSS come from the
 * store when there is one.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { PackageVersion } from './match.js';
import type { OsvRecord } from './osv.js';
import { openStore, type Db } from './store/db.js';
import { OsvWriter } from './store/osv-writer.js';
import { AdvisoryIndex, type EnrichedMatch } from './store/query.js';

export interface AdvisoryService {
  /** what was loaded, for notes: "store /x/tetrad.db", "3 in-tree advisories" */
  readonly description: string;
  match(pkg: PackageVersion): EnrichedMatch[];
  record(id: string): OsvRecord | undefined;
  /** CVSS vectors of an imported CVE record, for advisories that carry none */
  cveVectors(cve: string): { version: string; vector: string }[];
}

class IndexService implements AdvisoryService {
  constructor(
    readonly description: string,
    private readonly index: AdvisoryIndex,
  ) {}
  match(pkg: PackageVersion): EnrichedMatch[] {
    return this.index.match(pkg);
  }
  record(id: string): OsvRecord | undefined {
    return this.index.record(id);
  }
  cveVectors(cve: string) {
    return this.index.cveVectors(cve);
  }
  exploitation(cves: readonly string[]) {
    return this.index.exploitation(cves);
  }
}

/** Opens an imported store read-only. Throws when the file does not exist or is not a store. */
export function storeAdvisories(path: string): AdvisoryService {
  if (!existsSync(path)) throw new Error(`advisory store ${path} does not exist (create it with tetrad db import)`);
  const db: Db = new Database(path, { readonly: true, fileMustExist: true });
  const row = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='advisories'").get();
  if (!row) {
    db.close();
    throw new Error(`${path} is not a Tetrad advisory store`);
  }
  return new IndexService(`store ${path}`, new AdvisoryIndex(db));
}

/** An in-memory store of OSV records for one scan. Invalid records throw (the source validated them). */
export function recordAdvisories(records: readonly unknown[]): AdvisoryService {
  const db = openStore(':memory:');
  const writer = new OsvWriter(db);
  db.transaction(() => {
    for (const r of records) writer.put(r);
  })();
  return new IndexService(`${records.length} in-tree advisor${records.length === 1 ? 'y' : 'ies'}`, new AdvisoryIndex(db));
}

/** Store first, then in-tree records; KEV and EPSS of in-tree matches come from the store. */
export function combineAdvisories(services: AdvisoryService[]): AdvisoryService | undefined {
  if (services.length <= 1) return services[0];
  const primary = services[0]!;
  return {
    description: services.map((s) => s.description).join(' + '),
    match(pkg) {
      const out = new Map<string, EnrichedMatch>();
      for (const s of services) {
        for (const m of s.match(pkg)) {
          if (out.has(m.id)) continue;
          const enriched = s !== primary && primary instanceof IndexService ? { ...m, ...primary.exploitation(m.cves) } : m;
          out.set(m.id, enriched);
        }
      }
      return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
    },
    record(id) {
      for (const s of services) {
        const r = s.record(id);
        if (r) return r;
      }
      return undefined;
    },
    cveVectors(cve) {
      for (const s of services) {
        const v = s.cveVectors(cve);
        if (v.length) return v;
      }
      return [];
    },
  };
}
